// The three lanes side by side (stacked on narrow screens): each lane's steps in timeline order, the current
// step opened with why it happens and what it costs, and the lane's outcome. Moving the current step only
// changes classes and the opened detail, so focus stays where the learner is.
import { type LaneId, laneIds, type ScenarioRun, type Step } from '../../../sim/behaviour/types.ts';
import { h, uid } from '../dom.ts';
import { formatDuration } from './format.ts';
import { type Context, figureItem } from './provenance.ts';
import { fill } from './strings.ts';

export interface LanesView {
  readonly element: HTMLElement;
  /** Shows a new run (after a scenario or parameter change). */
  render(run: ScenarioRun): void;
  /** Marks step `index` (of run.steps) current, the ones before it done. */
  setIndex(index: number): void;
}

const colon = (ctx: Context) => (ctx.lang === 'ja' ? '：' : ': ');

/** When the step starts on the shared timeline and how long it takes (runs with real times only). */
function when(step: Step, ctx: Context): HTMLElement {
  const time = (ms: number) => formatDuration(ms, ctx.lang, ctx.units);
  return h(
    'p',
    { class: 'bs-when' },
    fill(ctx.strings.at, { time: time(step.at) }),
    ctx.strings.whereSep,
    step.duration > 0 ? fill(ctx.strings.took, { time: time(step.duration) }) : ctx.strings.instant,
  );
}

function detail(step: Step, ctx: Context, timed: boolean): HTMLElement {
  const costs =
    step.costs.length === 0
      ? h('p', { class: 'bs-no-costs' }, ctx.strings.noCosts)
      : h('ul', { class: 'bs-figures' }, ...step.costs.map((figure) => figureItem(figure, ctx)));
  return h(
    'div',
    { class: 'bs-detail' },
    timed ? when(step, ctx) : null,
    h('p', { class: 'bs-why' }, h('strong', {}, ctx.strings.why), colon(ctx), step.why[ctx.lang]),
    h('p', { class: 'bs-costs-head' }, h('strong', {}, ctx.strings.costs)),
    costs,
  );
}

export function createLanes(ctx: Context, onPick: (index: number) => void): LanesView {
  const element = h('div', { class: 'bs-lanes' });
  let run: ScenarioRun | undefined;
  let items: HTMLLIElement[] = [];

  const laneSection = (lane: LaneId, current: ScenarioRun): HTMLElement => {
    const titleId = uid(`bs-lane-${lane}`);
    const list = h('ol', { class: 'bs-steps' });
    current.steps.forEach((step, index) => {
      if (step.lane !== lane) return;
      const button = h(
        'button',
        { type: 'button', class: 'bs-step-button' },
        h('span', { class: `bs-kind bs-kind-${step.kind}` }, ctx.strings.kind[step.kind]),
        ' ',
        h('span', { class: 'bs-what' }, step.what[ctx.lang]),
      );
      button.addEventListener('click', () => onPick(index));
      const item = h('li', { class: 'bs-step', 'data-index': String(index), 'data-kind': step.kind }, button);
      items[index] = item;
      list.append(item);
    });
    const outcome = current.outcomes[lane];
    return h(
      'section',
      { class: 'bs-lane', 'data-lane': lane, 'aria-labelledby': titleId },
      h('h3', { class: 'bs-lane-title', id: titleId }, ctx.strings.lane[lane]),
      list,
      h(
        'div',
        { class: 'bs-outcome' },
        h(
          'p',
          { class: 'bs-outcome-head' },
          h('strong', {}, ctx.strings.outcome),
          colon(ctx),
          outcome.headline[ctx.lang],
        ),
        outcome.figures.length
          ? h('ul', { class: 'bs-figures' }, ...outcome.figures.map((figure) => figureItem(figure, ctx)))
          : null,
      ),
    );
  };

  return {
    element,
    render(next) {
      run = next;
      items = [];
      element.replaceChildren(...laneIds.map((lane) => laneSection(lane, next)));
    },
    setIndex(index) {
      if (!run) return;
      const { timed } = run;
      items.forEach((item, i) => {
        item.classList.toggle('bs-done', i < index);
        item.classList.toggle('bs-current', i === index);
        item.classList.toggle('bs-future', i > index);
        const step = run?.steps[i];
        const opened = item.querySelector(':scope > .bs-detail');
        if (i === index && step) {
          item.dataset.step = String(index);
          item.setAttribute('aria-current', 'step');
          if (!opened) item.append(detail(step, ctx, timed));
        } else {
          delete item.dataset.step;
          item.removeAttribute('aria-current');
          opened?.remove();
        }
      });
    },
  };
}
