// A simulator state in a URL fragment, readable by a person: `#scenario=consolidation&hosts=4&ram=256`. The
// fragment is hostile input (anyone can send a link): parsing never throws, ignores what it does not know, and
// leaves checking the values to `normaliseState` (state.ts), which knows each scenario's parameters. This file
// imports no scenario, so the widget's eager script can read a fragment without loading the model.
import type { ParamValue, SimulatorState } from './types.ts';

/** What a fragment says before it is checked against a scenario: any scenario name, loosely typed values. */
export interface RawState {
  readonly scenario: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** Longer fragments are not ours (or are an attack on the parser); real ones are under 300 characters. */
const MAX_LENGTH = 2_000;
const MAX_PAIRS = 64;
const KEY = /^[a-z][a-z0-9-]{0,39}$/i;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A value as the fragment spells it: numbers and true/false are guessed here, and re-read per parameter later. */
function typedValue(text: string): ParamValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return value;
  }
  return text;
}

/**
 * The state a fragment (with or without its `#`) holds, or undefined when it holds none: no `scenario=`
 * (e.g. a heading's anchor), too long, or not a list of `key=value` pairs. Unknown keys are kept for the
 * normaliser to drop; a repeated key keeps its last value.
 */
export function parseFragment(fragment: string): RawState | undefined {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const pairs = text.split('&').slice(0, MAX_PAIRS);
  let scenario: string | undefined;
  const params = new Map<string, ParamValue>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = decode(pair.slice(0, at));
    const value = decode(pair.slice(at + 1));
    if (key === undefined || value === undefined || !KEY.test(key)) continue;
    if (key === 'scenario') scenario = value;
    else params.set(key, typedValue(value));
  }
  return scenario === undefined ? undefined : { scenario, params: Object.fromEntries(params) };
}

/** The fragment for a state (without `#`): the scenario first, then every parameter in the state's order. */
export function encodeFragment(state: SimulatorState): string {
  const pairs = [`scenario=${encodeURIComponent(state.scenario)}`];
  for (const [key, value] of Object.entries(state.params))
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.join('&');
}
