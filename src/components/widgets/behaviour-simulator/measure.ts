// "Measure it here": runs a scenario's Measurement script on the page's machine (the Linux every widget and
// playground on the page shares) and shows the value beside the cited figure, labelled as measured in an
// emulator. The machine is never started without the learner asking: when it is off, the widget says so and
// offers Start. The machine client is imported on the first click, not with the view.
import type { Figure, Measurement, ScenarioRun } from '../../../sim/behaviour/types.ts';
import { h } from '../dom.ts';
import { formatFigure, formatValue, parseMeasurement } from './format.ts';
import { type Context, provenance } from './provenance.ts';
import { fill } from './strings.ts';

function findFigure(run: ScenarioRun, id: string): Figure | undefined {
  for (const step of run.steps) for (const figure of step.costs) if (figure.id === id) return figure;
  for (const outcome of Object.values(run.outcomes))
    for (const figure of outcome.figures) if (figure.id === id) return figure;
  return undefined;
}

function measurementBlock(measurement: Measurement, run: ScenarioRun, ctx: Context): HTMLElement {
  const { strings } = ctx;
  const cited = findFigure(run, measurement.compareTo);
  const result = h('p', { class: 'bs-measured', role: 'status' });
  const start = h(
    'button',
    { type: 'button', class: 'vl-button vl-primary', hidden: true },
    strings.machineStart,
  );
  const button = h('button', { type: 'button', class: 'vl-button' }, strings.measure);
  const block = h(
    'div',
    { class: 'bs-measure', 'data-measurement': measurement.id },
    h('p', { class: 'bs-measure-label' }, h('strong', {}, measurement.label[ctx.lang])),
    cited
      ? h(
          'p',
          { class: 'bs-cited' },
          fill(strings.citedFigure, {
            label: cited.label[ctx.lang],
            value: formatFigure(cited, ctx.lang, ctx.units),
          }),
          ' ',
          provenance(cited.provenance, ctx),
        )
      : null,
    h('div', { class: 'bs-measure-actions' }, button, start),
    result,
  );

  const say = (text: string, state: string) => {
    result.textContent = text;
    block.dataset.measure = state;
  };

  const run_ = async (startNow: boolean) => {
    const { getMachine, startPageMachine, whenReady } = await import('../page-machine.ts');
    const machine = getMachine();
    if (!machine.started && !startNow) {
      say(strings.machineOff, 'machine-off');
      start.hidden = false;
      start.focus();
      return;
    }
    start.hidden = true;
    button.disabled = true;
    try {
      if (machine.status.status === 'error') throw new Error(strings.machineError);
      if (machine.status.status !== 'ready') {
        if (!machine.started) startPageMachine();
        say(strings.machineWaiting, 'waiting');
        await whenReady(machine).catch(() => {
          throw new Error(strings.machineError);
        });
      }
      say(strings.measuring, 'running');
      const { output } = await machine.run(measurement.script, measurement.timeoutMs);
      const value = parseMeasurement(output);
      if (value === undefined) throw new Error(strings.measureNoValue);
      say(
        `${fill(strings.measured, { value: formatValue(value, measurement.unit, ctx.lang, ctx.units) })} ${strings.measuredNote}`,
        'done',
      );
      block.dataset.value = String(value);
    } catch (error) {
      say(
        fill(strings.measureFailed, { message: error instanceof Error ? error.message : String(error) }),
        'failed',
      );
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => void run_(false));
  start.addEventListener('click', () => void run_(true));
  return block;
}

/** The scenario's measurements, or null when it has none. */
export function renderMeasurements(
  measurements: readonly Measurement[],
  run: ScenarioRun,
  ctx: Context,
): HTMLElement | null {
  if (measurements.length === 0) return null;
  return h(
    'section',
    { class: 'bs-measurements' },
    h('h3', {}, ctx.strings.measureTitle),
    h('p', {}, ctx.strings.measureIntro),
    ...measurements.map((m) => measurementBlock(m, run, ctx)),
  );
}
