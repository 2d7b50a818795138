// Parameters of a scenario: defaults, clamping of whatever a URL, a saved state or an exercise file holds, and a
// strict validation that names each problem (for exercise files, which must be right rather than clamped).
import type { ParamSpec, Params, ParamValue } from './types.ts';

export function defaults(specs: readonly ParamSpec[]): Params {
  return Object.fromEntries(specs.map((spec) => [spec.id, spec.default]));
}

function snap(spec: Extract<ParamSpec, { type: 'number' }>, value: number): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = Math.round((clamped - spec.min) / spec.step);
  // Round away binary noise (0.1 + 0.2) so equal states compare equal and print short.
  return Math.min(spec.max, Number((spec.min + steps * spec.step).toPrecision(12)));
}

function normaliseOne(spec: ParamSpec, value: unknown): ParamValue {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? snap(spec, value) : spec.default;
    case 'boolean':
      return typeof value === 'boolean' ? value : spec.default;
    case 'choice':
      return typeof value === 'string' && spec.options.some((o) => o.value === value) ? value : spec.default;
  }
}

/** Every spec's id, each value of the right type, in range and on the step; anything else becomes the default. */
export function normalise(specs: readonly ParamSpec[], params: Readonly<Record<string, unknown>>): Params {
  return Object.fromEntries(specs.map((spec) => [spec.id, normaliseOne(spec, params[spec.id])]));
}

/**
 * Problems with `params` as written (unknown ids, wrong types, out of range, off the step), each naming the
 * field and saying what was expected; missing ids take their defaults and are not problems.
 */
export function paramProblems(
  specs: readonly ParamSpec[],
  params: Readonly<Record<string, unknown>>,
  /** What each field is written after: `params.` in a simulator state, '' in a state of parameters alone. */
  prefix = 'params.',
): string[] {
  const problems: string[] = [];
  const known = new Set(specs.map((s) => s.id));
  for (const id of Object.keys(params))
    if (!known.has(id))
      problems.push(
        `${prefix}${id}: Received "${id}" / Expected one of ${specs.map((s) => `"${s.id}"`).join(', ')}`,
      );
  for (const spec of specs) {
    if (!(spec.id in params)) continue;
    const value = params[spec.id];
    const received = JSON.stringify(value);
    if (spec.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value))
        problems.push(`${prefix}${spec.id}: Received ${received} / Expected a number`);
      else if (value < spec.min || value > spec.max)
        problems.push(
          `${prefix}${spec.id}: Received ${received} / Expected a number from ${spec.min} to ${spec.max}`,
        );
      else if (snap(spec, value) !== value)
        problems.push(
          `${prefix}${spec.id}: Received ${received} / Expected a multiple of ${spec.step} from ${spec.min}`,
        );
    } else if (spec.type === 'boolean') {
      if (typeof value !== 'boolean')
        problems.push(`${prefix}${spec.id}: Received ${received} / Expected true or false`);
    } else if (!spec.options.some((o) => o.value === value)) {
      problems.push(
        `${prefix}${spec.id}: Received ${received} / Expected one of ${spec.options.map((o) => `"${o.value}"`).join(', ')}`,
      );
    }
  }
  return problems;
}
