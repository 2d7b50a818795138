import { describe, expect, test } from 'vitest';
import {
  changedParams,
  defaultParams,
  groupParams,
} from '../../../src/components/widgets/behaviour-simulator/param-groups.ts';
import { simulatorStrings } from '../../../src/components/widgets/behaviour-simulator/strings.ts';
import { scenarios } from '../../../src/sim/behaviour/scenarios.ts';
import { normaliseState, registeredScenarios } from '../../../src/sim/behaviour/state.ts';
import { laneIds } from '../../../src/sim/behaviour/types.ts';

// The conditions panel (controls.ts): shared parameters first, then each lane's; a count of changed values.
describe.each(registeredScenarios(scenarios).map((s) => [s.id, s] as const))('scenario %s', (_, scenario) => {
  test('every parameter in exactly one group: shared first, then lanes in ESXi, KVM, Docker order', () => {
    const groups = groupParams(scenario.params);
    expect(groups.flatMap((g) => g.specs.map((s) => s.id)).sort()).toEqual(
      scenario.params.map((s) => s.id).sort(),
    );
    for (const group of groups) {
      expect(group.specs.length).toBeGreaterThan(0);
      for (const spec of group.specs) expect(spec.lane).toBe(group.lane);
    }
    const order = groups.map((g) => (g.lane === undefined ? -1 : laneIds.indexOf(g.lane)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('the defaults are a normalised state with nothing changed', () => {
    const defaults = defaultParams(scenario.params);
    expect(changedParams(scenario.params, defaults)).toEqual([]);
    const state = normaliseState({ scenario: scenario.id, params: {} }, scenario.id, scenarios);
    expect(state.params).toEqual(defaults);
  });
});

test('a changed value is counted, a missing one is the default', () => {
  const specs = scenarios['host-failure']?.params ?? [];
  const first = specs.find((s) => s.type === 'number');
  if (first?.type !== 'number') throw new Error('host-failure has a number parameter');
  expect(changedParams(specs, {})).toEqual([]);
  expect(changedParams(specs, { [first.id]: first.default + first.step })).toEqual([first.id]);
});

test('the panel strings: full-width punctuation in Japanese, the count in the summary', () => {
  expect(simulatorStrings.ja.paramsCount.replace('{n}', '14')).toBe('条件（14）');
  expect(simulatorStrings.en.paramsCount.replace('{n}', '14')).toBe('Conditions (14)');
  for (const text of Object.values(simulatorStrings.ja).filter((v) => typeof v === 'string'))
    expect(text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff][():?!]|[():?!][\u3040-\u30ff\u4e00-\u9fff]/);
});
