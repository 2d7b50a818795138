import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeFragment, parseFragment } from '../../../src/sim/behaviour/fragment.ts';
import { scenarios } from '../../../src/sim/behaviour/scenarios.ts';
import { normaliseState, registeredScenarios, sameState } from '../../../src/sim/behaviour/state.ts';
import type { ParamSpec, Scenario, ScenarioId, ScenarioRun } from '../../../src/sim/behaviour/types.ts';

// A registry for the codec's properties only (the real scenarios are tested in tests/unit/sim/behaviour/):
// one parameter of each type, with awkward values (a fractional step, a choice that looks like a number).
const text = { ja: 'テスト', en: 'test' };
const assumption = { kind: 'assumption', reason: text } as const;
const specs: ParamSpec[] = [
  {
    id: 'hosts',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 64,
    step: 1,
    default: 4,
    label: text,
    help: text,
    provenance: assumption,
  },
  {
    id: 'ratio',
    type: 'number',
    unit: 'ratio',
    min: 0.5,
    max: 4,
    step: 0.1,
    default: 1,
    label: text,
    help: text,
    provenance: assumption,
  },
  { id: 'ha', type: 'boolean', default: true, label: text, help: text, provenance: assumption },
  {
    id: 'mix',
    type: 'choice',
    default: 'web',
    options: [
      { value: 'web', label: text },
      { value: 'db heavy', label: text },
      { value: '2', label: text },
    ],
    label: text,
    help: text,
    provenance: assumption,
  },
];
const model = (id: ScenarioId): Scenario => ({
  id,
  title: text,
  summary: text,
  params: specs,
  assumptions: [],
  measurements: [],
  run: () => ({}) as ScenarioRun,
});
const registry: Partial<Record<ScenarioId, Scenario>> = {
  start: model('start'),
  consolidation: model('consolidation'),
};

const anyParams = fc.record(
  {
    hosts: fc.oneof(fc.integer({ min: -10, max: 100 }), fc.double(), fc.string()),
    ratio: fc.oneof(fc.double({ min: -1, max: 10, noNaN: true }), fc.constant('1.3')),
    ha: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 1)),
    mix: fc.oneof(fc.constantFrom('web', 'db heavy', '2', 2, 'nope'), fc.string()),
  },
  { requiredKeys: [] },
);

describe('the URL fragment', () => {
  test('is readable: the scenario first, then each parameter', () => {
    const state = normaliseState(
      { scenario: 'consolidation', params: { hosts: 8, mix: 'db heavy' } },
      'start',
      registry,
    );
    expect(encodeFragment(state)).toBe('scenario=consolidation&hosts=8&ratio=1&ha=true&mix=db%20heavy');
  });

  test('round trip: a normalised state comes back the same through the fragment', () => {
    fc.assert(
      fc.property(fc.constantFrom<ScenarioId>('start', 'consolidation'), anyParams, (scenario, params) => {
        const state = normaliseState({ scenario, params }, 'start', registry);
        const back = normaliseState(parseFragment(`#${encodeFragment(state)}`), 'start', registry);
        expect(back).toEqual(state);
        expect(sameState(back, state)).toBe(true);
      }),
    );
  });

  test('garbage never throws, and a fragment that is not ours reads as no state', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (garbage) => {
        const raw = parseFragment(garbage);
        const state = normaliseState(raw, 'start', registry);
        expect(['start', 'consolidation']).toContain(state.scenario);
        expect(Object.keys(state.params)).toEqual(['hosts', 'ratio', 'ha', 'mix']);
      }),
    );
    expect(parseFragment('#how-to-read-the-numbers')).toBeUndefined();
    expect(parseFragment('')).toBeUndefined();
    expect(parseFragment(`#scenario=start&${'x=1&'.repeat(1000)}`)).toBeUndefined();
    expect(parseFragment('#scenario=%E0%A4%A&hosts=%')).toBeUndefined();
  });

  test('hostile values become defaults or are clamped; unknown keys and prototype tricks are dropped', () => {
    const raw = parseFragment(
      '#scenario=consolidation&hosts=1e9&ratio=0.33333&ha=maybe&mix=2&__proto__=x&evil=1',
    );
    expect(normaliseState(raw, 'start', registry)).toEqual({
      scenario: 'consolidation',
      params: { hosts: 64, ratio: 0.5, ha: true, mix: '2' },
    });
    expect(normaliseState(parseFragment('#scenario=unknown&hosts=2'), 'start', registry)).toEqual(
      normaliseState({ scenario: 'start', params: { hosts: 2 } }, 'start', registry),
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('normaliseState', () => {
  test('anything at all gives a registered scenario with every parameter', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const state = normaliseState(value, 'start', registry);
        expect(registry[state.scenario]).toBeDefined();
        expect(Object.keys(state.params).sort()).toEqual(['ha', 'hosts', 'mix', 'ratio']);
      }),
    );
  });

  test('with the real registry too, for every registered scenario', () => {
    for (const scenario of registeredScenarios(scenarios)) {
      const state = normaliseState({ scenario: scenario.id, params: {} }, 'start', scenarios);
      expect(state.scenario).toBe(scenario.id);
      expect(normaliseState(parseFragment(encodeFragment(state)), 'start', scenarios)).toEqual(state);
      expect(Object.keys(state.params)).toEqual(scenario.params.map((p) => p.id));
    }
    expect(registeredScenarios(scenarios).length).toBe(Object.keys(scenarios).length);
  });
});
