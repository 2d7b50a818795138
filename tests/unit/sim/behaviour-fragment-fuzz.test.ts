// /compare/'s URL fragment is hostile input (anyone can send a link), and so is the simulator's stored state.
// With the real scenarios: any fragment parses without throwing, what the widget then runs is a registered
// scenario with every parameter in range (no stateProblems), and it survives the trip through the fragment
// the widget writes back. tests/unit/sim/behaviour-fragment.test.ts covers the codec on a small registry.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { stateProblems } from '../../../src/sim/behaviour/checks.ts';
import { encodeFragment, parseFragment } from '../../../src/sim/behaviour/fragment.ts';
import { scenarios } from '../../../src/sim/behaviour/scenarios.ts';
import { normaliseState, sameState } from '../../../src/sim/behaviour/state.ts';
import { scenarioIds } from '../../../src/sim/behaviour/types.ts';
import { expectNoPrototypePollution, hostileString, payloads, runs, wrongValue } from '../support/hostile.ts';

const paramIds = [...new Set(Object.values(scenarios).flatMap((s) => s.params.map((p) => p.id)))];
const key = fc.oneof(fc.constantFrom(...paramIds, 'scenario', '__proto__', 'constructor'), hostileString);
const value = fc.oneof(
  hostileString,
  fc.constantFrom(...scenarioIds, '1e309', '-0', 'NaN', 'Infinity', '0x10', '1'.repeat(400)),
  fc.double().map(String),
  fc.integer().map(String),
);
/** As a link would spell it; a lone surrogate cannot be percent-encoded, so it goes in raw. */
function encode(text: string, raw = false): string {
  if (raw) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fragments as a link could carry them: pairs of any keys and values, encoded or not, plus raw junk. */
const fragment = fc.oneof(
  hostileString,
  fc.constantFrom(...payloads).map((p) => `#scenario=${p}`),
  fc
    .array(fc.tuple(key, value, fc.boolean()), { maxLength: 70 })
    .map((pairs) => `#${pairs.map(([k, v, raw]) => `${encode(k, raw)}=${encode(v, raw)}`).join('&')}`),
  fc
    .tuple(fc.constantFrom(...scenarioIds), fc.array(fc.tuple(fc.constantFrom(...paramIds), value)))
    .map(([id, pairs]) => `#scenario=${id}&${pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`),
);

afterEach(expectNoPrototypePollution);

describe('the behaviour simulator fragment and stored state, with the real scenarios', () => {
  test('any fragment: parsed without a throw, run as a valid state, written back and read the same', () => {
    fc.assert(
      fc.property(fragment, (text) => {
        const raw = parseFragment(text);
        if (raw) {
          expect(typeof raw.scenario).toBe('string');
          expect(Object.getPrototypeOf(raw.params)).toBe(Object.prototype);
          for (const k of Object.keys(raw.params)) expect(k).toMatch(/^[a-z][a-z0-9-]{0,39}$/i);
        }
        const state = normaliseState(raw, 'start', scenarios);
        expect(stateProblems(state)).toEqual([]);
        const back = normaliseState(parseFragment(`#${encodeFragment(state)}`), 'start', scenarios);
        expect(sameState(back, state)).toBe(true);
      }),
      runs(3_000),
    );
  });

  test('any stored value (localStorage, an element attribute) normalises to a valid state', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wrongValue,
          fc.record({
            scenario: fc.oneof(fc.constantFrom(...scenarioIds), wrongValue),
            params: fc.oneof(fc.dictionary(key, wrongValue, { maxKeys: 8 }), wrongValue),
          }),
        ),
        (stored) => {
          const state = normaliseState(stored, 'start', scenarios);
          expect(stateProblems(state)).toEqual([]);
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        },
      ),
      runs(3_000),
    );
  });
});
