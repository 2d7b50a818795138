// The simulator's view, imported by element.ts when the widget nears the viewport: runs the model for the
// learner's state and renders the parameters, the player, the shared timeline, the three lanes, the run's
// charts, "measure it here" and the model's assumptions. It renders from (state, step) alone, so the same
// state always shows the same thing; the learner's changes go back to the element (host.change).
import { encodeFragment } from '../../../sim/behaviour/fragment.ts';
import { normaliseState, requestedScenario, sameState } from '../../../sim/behaviour/state.ts';
import type {
  ChartSpec,
  Scenario,
  ScenarioId,
  ScenarioRun,
  SimulatorState,
} from '../../../sim/behaviour/types.ts';
import { type Chart, type ChartInput, type ChartStrings, mountChart } from '../chart/chart.ts';
import type { TimelineSegment } from '../chart/series.ts';
import { h } from '../dom.ts';
import { type ParamControls, renderParams } from './controls.ts';
import type { SimulatorHost, SimulatorView } from './element.ts';
import { formatDuration, formatNumber, formatValue } from './format.ts';
import { createLanes } from './lanes.ts';
import { loadScenario } from './load-scenario.ts';
import { renderMeasurements } from './measure.ts';
import type { Context } from './provenance.ts';
import { fill } from './strings.ts';

/** Time each step stays current while playing. */
const STEP_MS = 1_800;

export function mountView(host: SimulatorHost): SimulatorView {
  const { element, strings, lang } = host;
  const ctx: Context = { strings, lang, units: strings.units };
  const chartStrings: ChartStrings = { ...strings, lanes: strings.lanes };
  const body =
    element.querySelector<HTMLElement>('.bs-body') ?? element.appendChild(h('div', { class: 'bs-body' }));
  const select = element.querySelector<HTMLSelectElement>('select.bs-scenario');
  const copy = element.querySelector<HTMLButtonElement>('[data-action="copy-link"]');
  const copyStatus = element.querySelector<HTMLElement>('.bs-copy-status');

  const registered = (element.dataset.scenarios ?? '').split(' ').filter(Boolean);
  const fallback = (registered[0] ?? 'start') as ScenarioId;
  let state: SimulatorState | undefined;
  /** Counts show() calls: a scenario that finishes loading after a newer request is not shown. */
  let request = 0;
  let scenario: Scenario | undefined;
  let run: ScenarioRun | undefined;
  let index = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let controls: ParamControls | undefined;
  let charts: Chart[] = [];
  let timeline: Chart | undefined;

  // The player: buttons and a range over the steps (arrow keys move it, as on any range input).
  const back = h('button', { type: 'button', class: 'vl-button', 'data-action': 'back' }, strings.back);
  const play = h(
    'button',
    { type: 'button', class: 'vl-button vl-primary', 'data-action': 'play' },
    strings.play,
  );
  const forward = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-action': 'forward' },
    strings.forward,
  );
  const scrub = h('input', {
    type: 'range',
    min: '0',
    max: '0',
    step: '1',
    value: '0',
    'aria-label': strings.scrub,
  });
  const counter = h('span', { class: 'bs-counter' });
  const live = h('p', { class: 'bs-live', 'aria-live': 'polite' });
  const player = h(
    'div',
    { class: 'bs-player', role: 'group', 'aria-label': strings.timeline },
    back,
    play,
    forward,
    scrub,
    counter,
  );
  const summary = h('p', { class: 'bs-summary' });
  const paramsSlot = h('div', { class: 'bs-params-slot' });
  const timelineSlot = h('div', { class: 'bs-timeline' });
  const lanes = createLanes(ctx, (i) => {
    pause();
    setIndex(i);
  });
  const chartsSlot = h('div', { class: 'bs-charts' });
  const measureSlot = h('div', { class: 'bs-measure-slot' });
  const assumptions = h('section', { class: 'bs-assumptions' });
  body.replaceChildren(
    summary,
    paramsSlot,
    player,
    live,
    timelineSlot,
    lanes.element,
    chartsSlot,
    measureSlot,
    assumptions,
  );
  body.hidden = false;
  element.querySelector('.bs-loading')?.remove();

  const last = () => Math.max(0, (run?.steps.length ?? 1) - 1);
  /** As wide as the lanes need to stand side by side (the 40rem of the container query in the CSS). */
  const wide = () =>
    element.getBoundingClientRect().width >=
    40 * (Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);

  function pause(): void {
    clearInterval(timer);
    timer = undefined;
    play.textContent = strings.play;
    element.dataset.playing = 'false';
  }

  function start(): void {
    if (!run || run.steps.length === 0) return;
    if (index >= last()) setIndex(0);
    play.textContent = strings.pause;
    element.dataset.playing = 'true';
    timer = setInterval(() => {
      if (index >= last()) pause();
      else setIndex(index + 1);
    }, STEP_MS);
  }

  function timelineInput(current: ScenarioRun): ChartInput {
    const state = (i: number): TimelineSegment['state'] =>
      i < index ? 'done' : i === index ? 'current' : 'future';
    const kinds = [...new Set(current.steps.map((s) => s.kind))];
    return {
      type: 'timeline',
      data: {
        title: strings.timeline,
        rows: (['esxi', 'kvm', 'docker'] as const).map((lane) => ({
          label: strings.lane[lane],
          segments: current.steps.flatMap((step, i) =>
            step.lane === lane
              ? [
                  {
                    start: step.at,
                    duration: step.duration,
                    label: step.what[lang],
                    kind: step.kind,
                    state: state(i),
                  },
                ]
              : [],
          ),
        })),
        kinds: kinds.map((kind) => ({ kind, label: strings.kind[kind] })),
        formatTime: (ms) => formatDuration(ms, lang, ctx.units),
        formatAxis: (ms, unitMs) =>
          formatValue(ms / unitMs, unitMs === 1 ? 'ms' : unitMs === 1_000 ? 's' : 'min', lang, ctx.units),
      },
    };
  }

  function setIndex(next: number): void {
    if (!run) return;
    index = Math.min(Math.max(0, next), last());
    lanes.setIndex(index);
    const step = run.steps[index];
    const total = run.steps.length;
    scrub.value = String(index);
    scrub.setAttribute('aria-valuetext', fill(strings.stepOf, { n: index + 1, total }));
    counter.textContent = total ? fill(strings.stepOf, { n: index + 1, total }) : '';
    back.disabled = index === 0;
    forward.disabled = index >= last();
    const announce = step
      ? fill(strings.stepAnnounce, {
          n: index + 1,
          total,
          lane: strings.lane[step.lane],
          what: step.what[lang],
        })
      : '';
    // Only a new text: a changed condition re-renders the same step, and a live region re-reads any write.
    if (live.textContent !== announce) live.textContent = announce;
    element.dataset.stepIndex = String(index);
    if (run.timed) timeline?.update(timelineInput(run));
  }

  function barInput(spec: ChartSpec): ChartInput {
    return {
      type: 'bars',
      data: {
        title: spec.title[lang],
        categories: spec.categories.map((c) => c.label[lang]),
        series: spec.series.map((s) => ({ label: s.label[lang], values: s.values })),
        format: (value) => formatValue(value, spec.unit, lang, ctx.units),
        formatTick: (value) => formatNumber(value, lang),
      },
    };
  }

  function renderRun(current: ScenarioRun): void {
    run = current;
    lanes.render(current);
    scrub.max = String(last());
    // The timeline chart: only for runs whose times are real times.
    if (current.timed) {
      if (timeline) timeline.update(timelineInput(current));
      else {
        const slot = h('div');
        timelineSlot.replaceChildren(slot);
        timeline = mountChart(slot, timelineInput(current), chartStrings);
      }
    } else {
      timeline?.dispose();
      timeline = undefined;
      timelineSlot.replaceChildren();
    }
    // The run's charts: updated in place when their ids stay the same, else rebuilt.
    const sameCharts =
      charts.length === current.charts.length &&
      chartsSlot.dataset.ids === current.charts.map((c) => c.id).join(' ');
    if (sameCharts) {
      current.charts.forEach((spec, i) => {
        charts[i]?.update(barInput(spec));
      });
    } else {
      for (const chart of charts) chart.dispose();
      chartsSlot.replaceChildren();
      charts = current.charts.map((spec) => {
        const slot = h('div', { 'data-chart': spec.id });
        chartsSlot.append(slot);
        return mountChart(slot, barInput(spec), chartStrings);
      });
      chartsSlot.dataset.ids = current.charts.map((c) => c.id).join(' ');
    }
    setIndex(index);
  }

  function renderScenario(next: Scenario, current: SimulatorState): void {
    scenario = next;
    index = 0;
    summary.textContent = next.summary[lang];
    // The conditions start open where the lanes stand side by side, and always in an exercise (its tasks are
    // about them); on a phone they start closed so the player and the lanes come first. A learner's choice
    // stays when the scenario changes.
    const open = controls ? controls.element.open : host.lockScenario || wide();
    controls = renderParams(
      next.params,
      current.params,
      ctx,
      (params) => {
        const changed = normaliseState({ scenario: next.id, params }, next.id, { [next.id]: next });
        host.change(changed);
        apply(changed);
      },
      { open },
    );
    paramsSlot.replaceChildren(controls.element);
    const runNow = next.run(current.params);
    renderRun(runNow);
    measureSlot.replaceChildren(renderMeasurements(next.measurements, runNow, ctx) ?? '');
    assumptions.replaceChildren(
      h('h3', {}, strings.assumptions),
      h('ul', {}, ...next.assumptions.map((text) => h('li', {}, text[lang]))),
    );
  }

  /** Shows a normalised state of a loaded scenario: all of it when the scenario changed, else the run. */
  function apply(next: SimulatorState, model: Scenario = scenario as Scenario): void {
    const previous = state;
    state = next;
    element.dataset.scenario = next.scenario;
    if (select && select.value !== next.scenario) select.value = next.scenario;
    if (!previous || previous.scenario !== next.scenario || scenario !== model) {
      pause();
      renderScenario(model, next);
    } else if (!sameState(previous, next)) {
      controls?.update(next.params);
      renderRun(model.run(next.params));
    }
  }

  /** Loads the scenario a state asks for (or the fallback), normalises the state against it, shows it. */
  async function resolve(raw: SimulatorState): Promise<SimulatorState | undefined> {
    const mine = ++request;
    const id = requestedScenario(raw, state?.scenario ?? fallback, registered);
    const model = registered.includes(id) ? await loadScenario(id) : undefined;
    if (mine !== request) return undefined;
    if (!model) {
      pause();
      summary.textContent = strings.noScenarios;
      return undefined;
    }
    const next = normaliseState(raw, id, { [id]: model });
    apply(next, model);
    element.dataset.loaded = next.scenario;
    return next;
  }

  function show(raw: SimulatorState): void {
    void resolve(raw).then((next) => {
      if (next && !sameState(next, raw)) host.normalised(next);
    });
  }

  const onSelect = () => {
    if (!select) return;
    void resolve({ scenario: select.value as ScenarioId, params: {} }).then((next) => {
      if (next) host.change(next);
    });
  };
  select?.addEventListener('change', onSelect);
  if (select) select.disabled = false;

  const onCopy = async () => {
    if (!state || !copyStatus) return;
    const path = element.dataset.comparePath ?? '/compare/';
    const url = new URL(`${path}#${encodeFragment(state)}`, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      copyStatus.textContent = strings.copied;
    } catch {
      copyStatus.textContent = fill(strings.copyFailed, { url });
    }
  };
  copy?.addEventListener('click', () => void onCopy());
  if (copy) copy.hidden = false;

  back.addEventListener('click', () => {
    pause();
    setIndex(index - 1);
  });
  forward.addEventListener('click', () => {
    pause();
    setIndex(index + 1);
  });
  play.addEventListener('click', () => (timer === undefined ? start() : pause()));
  scrub.addEventListener('input', () => {
    pause();
    setIndex(Number(scrub.value));
  });

  show(host.state);

  return {
    show,
    dispose() {
      pause();
      for (const chart of charts) chart.dispose();
      timeline?.dispose();
      select?.removeEventListener('change', onSelect);
    },
  };
}
