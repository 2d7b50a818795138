// The scenario's parameters as form controls, built from its ParamSpecs: a number input with its unit, a
// checkbox, or a select; each with its help text and where its default comes from.
import type { ParamSpec, Params, ParamValue } from '../../../sim/behaviour/types.ts';
import { h, uid } from '../dom.ts';
import { formatValue } from './format.ts';
import { type Context, provenance } from './provenance.ts';
import { fill } from './strings.ts';

function defaultText(spec: ParamSpec, ctx: Context): string {
  if (spec.type === 'number') return formatValue(spec.default, spec.unit, ctx.lang, ctx.units);
  if (spec.type === 'boolean') return spec.default ? ctx.strings.on : ctx.strings.off;
  return spec.options.find((o) => o.value === spec.default)?.label[ctx.lang] ?? spec.default;
}

function control(spec: ParamSpec, value: ParamValue | undefined, id: string, help: string): HTMLElement {
  if (spec.type === 'number') {
    return h('input', {
      type: 'number',
      id,
      min: String(spec.min),
      max: String(spec.max),
      step: String(spec.step),
      value: String(typeof value === 'number' ? value : spec.default),
      inputmode: 'decimal',
      'aria-describedby': help,
    });
  }
  if (spec.type === 'boolean') {
    const box = h('input', { type: 'checkbox', id, 'aria-describedby': help });
    box.checked = typeof value === 'boolean' ? value : spec.default;
    return box;
  }
  const select = h(
    'select',
    { id, 'aria-describedby': help },
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
  readonly element: HTMLElement;
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

/** Renders the controls; `onChange` gets the params with the one value the learner changed. */
export function renderParams(
  specs: readonly ParamSpec[],
  params: Params,
  ctx: Context,
  onChange: (params: Params) => void,
): ParamControls {
  let current = params;
  const inputs: [ParamSpec, HTMLInputElement | HTMLSelectElement][] = [];
  const fieldset = h(
    'fieldset',
    { class: 'bs-params' },
    h('legend', {}, ctx.strings.params),
    h('p', { class: 'bs-params-help' }, ctx.strings.paramsHelp),
  );
  const grid = h('div', { class: 'bs-param-grid' });
  for (const spec of specs) {
    const id = uid(`bs-${spec.id}`);
    const helpId = `${id}-help`;
    const input = control(spec, params[spec.id], id, helpId) as HTMLInputElement | HTMLSelectElement;
    if (spec.type === 'choice')
      spec.options.forEach((o, i) => {
        const option = (input as HTMLSelectElement).options[i];
        if (option) option.textContent = o.label[ctx.lang];
      });
    const text = spec.label[ctx.lang];
    const label = h(
      'label',
      { for: id },
      spec.lane ? fill(ctx.strings.laneParam, { lane: ctx.strings.lane[spec.lane], label: text }) : text,
    );
    const unit = spec.type === 'number' ? ctx.units[spec.unit] : '';
    const field =
      spec.type === 'boolean'
        ? h('div', { class: 'bs-field bs-check' }, input, label)
        : h(
            'div',
            { class: 'bs-field' },
            label,
            h('span', { class: 'bs-input' }, input, unit ? ` ${unit}` : ''),
          );
    input.addEventListener('change', () => {
      const value = readControl(spec, input);
      if (value !== undefined) onChange({ ...current, [spec.id]: value });
      else setControl(spec, input, current[spec.id]);
    });
    inputs.push([spec, input]);
    grid.append(
      h(
        'div',
        { class: 'bs-param', 'data-param': spec.id },
        field,
        h(
          'p',
          { class: 'bs-help', id: helpId },
          spec.help[ctx.lang],
          ' ',
          h(
            'span',
            { class: 'bs-default' },
            fill(ctx.strings.defaultFrom, { value: defaultText(spec, ctx) }),
            ' ',
            provenance(spec.provenance, ctx),
          ),
        ),
      ),
    );
  }
  fieldset.append(grid);
  return {
    element: fieldset,
    update(next) {
      current = next;
      for (const [spec, input] of inputs) setControl(spec, input, next[spec.id]);
    },
  };
}
