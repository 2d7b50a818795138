// The scenario's parameters as form controls, built from its ParamSpecs, in one collapsible panel
// (<details>, "Conditions (n)"): the shared parameters first, then each lane's under the lane's name. Each
// parameter is its label, its input with the unit, and its default with a provenance badge on one line; the
// help text opens behind a small button (aria-expanded) and is the input's description all the time, so a
// screen reader hears it without opening it. "Reset to defaults" changes every value back at once.
import type { ParamSpec, Params, ParamValue } from '../../../sim/behaviour/types.ts';
import { h, uid } from '../dom.ts';
import { formatValue } from './format.ts';
import { changedParams, defaultParams, groupParams } from './param-groups.ts';
import { type Context, provenance } from './provenance.ts';
import { fill } from './strings.ts';

function defaultText(spec: ParamSpec, ctx: Context): string {
  if (spec.type === 'number') return formatValue(spec.default, spec.unit, ctx.lang, ctx.units);
  if (spec.type === 'boolean') return spec.default ? ctx.strings.on : ctx.strings.off;
  return spec.options.find((o) => o.value === spec.default)?.label[ctx.lang] ?? spec.default;
}

function control(spec: ParamSpec, value: ParamValue | undefined, id: string, described: string): HTMLElement {
  if (spec.type === 'number') {
    return h('input', {
      type: 'number',
      id,
      min: String(spec.min),
      max: String(spec.max),
      step: String(spec.step),
      value: String(typeof value === 'number' ? value : spec.default),
      inputmode: 'decimal',
      'aria-describedby': described,
    });
  }
  if (spec.type === 'boolean') {
    const box = h('input', { type: 'checkbox', id, 'aria-describedby': described });
    box.checked = typeof value === 'boolean' ? value : spec.default;
    return box;
  }
  const select = h(
    'select',
    { id, 'aria-describedby': described },
    ...spec.options.map((o) => h('option', { value: o.value }, '')),
  );
  select.value = typeof value === 'string' ? value : spec.default;
  return select;
}

/** The value a control holds, or undefined when it holds nothing usable yet (an empty number field). */
function readControl(spec: ParamSpec, input: HTMLInputElement | HTMLSelectElement): ParamValue | undefined {
  if (spec.type === 'boolean') return (input as HTMLInputElement).checked;
  if (spec.type === 'choice') return input.value;
  const number = (input as HTMLInputElement).valueAsNumber;
  return Number.isFinite(number) ? number : undefined;
}

export interface ParamControls {
  readonly element: HTMLDetailsElement;
  /** Shows these params (normalised ones, after a change or a restore) without rebuilding, so focus stays. */
  update(params: Params): void;
}

function setControl(
  spec: ParamSpec,
  input: HTMLInputElement | HTMLSelectElement,
  value: ParamValue | undefined,
): void {
  if (spec.type === 'boolean')
    (input as HTMLInputElement).checked = typeof value === 'boolean' ? value : spec.default;
  else input.value = String(value ?? spec.default);
}

/** One parameter: label and help button, input with unit and default with provenance, the help (closed). */
function paramRow(
  spec: ParamSpec,
  input: HTMLInputElement | HTMLSelectElement,
  ids: { input: string; help: string; default: string },
  ctx: Context,
): HTMLElement {
  const text = spec.label[ctx.lang];
  const label = h('label', { for: ids.input }, text);
  const help = h('p', { class: 'bs-help', id: ids.help, hidden: true }, spec.help[ctx.lang]);
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'bs-help-toggle',
      'aria-expanded': 'false',
      'aria-controls': ids.help,
      'aria-label': fill(ctx.strings.helpFor, { label: text }),
    },
    ctx.strings.helpMark,
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    help.hidden = !open;
  });
  const byDefault = h(
    'span',
    { class: 'bs-default', id: ids.default },
    fill(ctx.strings.defaultFrom, { value: defaultText(spec, ctx) }),
    ' ',
    provenance(spec.provenance, ctx, { compact: true }),
  );
  const unit = spec.type === 'number' ? ctx.units[spec.unit] : '';
  const head =
    spec.type === 'boolean'
      ? h('div', { class: 'bs-param-head bs-check' }, input, label, toggle)
      : h('div', { class: 'bs-param-head' }, label, toggle);
  const line =
    spec.type === 'boolean'
      ? h('div', { class: 'bs-param-line' }, byDefault)
      : h(
          'div',
          { class: 'bs-param-line' },
          h('span', { class: 'bs-input' }, input, unit ? h('span', { class: 'bs-unit' }, unit) : ''),
          byDefault,
        );
  return h('div', { class: 'bs-param', 'data-param': spec.id, 'data-type': spec.type }, head, line, help);
}

/**
 * Renders the panel; `onChange` gets the params with the one value the learner changed (or every default, from
 * "Reset to defaults"). `open`: whether the panel starts open.
 */
export function renderParams(
  specs: readonly ParamSpec[],
  params: Params,
  ctx: Context,
  onChange: (params: Params) => void,
  { open }: { open: boolean },
): ParamControls {
  let current = params;
  const inputs: [ParamSpec, HTMLInputElement | HTMLSelectElement][] = [];
  const count = h('span', { class: 'bs-params-count' }, fill(ctx.strings.paramsCount, { n: specs.length }));
  const changed = h('span', { class: 'bs-params-changed' });
  const reset = h(
    'button',
    { type: 'button', class: 'vl-button bs-reset', 'data-action': 'reset-params' },
    ctx.strings.resetParams,
  );
  // aria-disabled rather than disabled: after a reset, focus stays on the button.
  reset.addEventListener('click', () => {
    if (reset.getAttribute('aria-disabled') !== 'true') onChange(defaultParams(specs));
  });
  const panel = h(
    'details',
    { class: 'bs-params', 'data-params': '' },
    h('summary', { class: 'bs-params-summary' }, count, changed),
    h('div', { class: 'bs-params-top' }, h('p', { class: 'bs-params-help' }, ctx.strings.paramsHelp), reset),
  );
  panel.open = open;

  // The lanes' groups side by side where there is room, as the lanes are below.
  const laneGroups = h('div', { class: 'bs-param-lanes' });
  for (const group of groupParams(specs)) {
    const grid = h('div', { class: 'bs-param-grid' });
    for (const spec of group.specs) {
      const id = uid(`bs-${spec.id}`);
      const ids = { input: id, help: `${id}-help`, default: `${id}-default` };
      const input = control(spec, params[spec.id], id, `${ids.help} ${ids.default}`) as
        | HTMLInputElement
        | HTMLSelectElement;
      if (spec.type === 'choice')
        spec.options.forEach((o, i) => {
          const option = (input as HTMLSelectElement).options[i];
          if (option) option.textContent = o.label[ctx.lang];
        });
      input.addEventListener('change', () => {
        const value = readControl(spec, input);
        if (value !== undefined) onChange({ ...current, [spec.id]: value });
        else setControl(spec, input, current[spec.id]);
      });
      inputs.push([spec, input]);
      grid.append(paramRow(spec, input, ids, ctx));
    }
    const fieldset = h(
      'fieldset',
      { class: 'bs-param-group', 'data-param-group': group.lane ?? 'shared' },
      h('legend', {}, group.lane ? ctx.strings.lane[group.lane] : ctx.strings.sharedParams),
      grid,
    );
    if (group.lane) laneGroups.append(h('div', { class: 'bs-param-lane' }, fieldset));
    else panel.append(fieldset);
  }
  if (laneGroups.childElementCount > 0) panel.append(laneGroups);

  function showChanged(): void {
    const ids = changedParams(specs, current);
    const n = ids.length;
    for (const [spec, input] of inputs)
      input.closest('.bs-param')?.toggleAttribute('data-changed', ids.includes(spec.id));
    changed.textContent = n ? fill(ctx.strings.paramsChanged, { n }) : '';
    reset.setAttribute('aria-disabled', String(n === 0));
    panel.dataset.changed = String(n);
  }
  showChanged();

  return {
    element: panel,
    update(next) {
      current = next;
      for (const [spec, input] of inputs) setControl(spec, input, next[spec.id]);
      showChanged();
    },
  };
}
