// The I/O scenario's checks (src/sim/behaviour/checks/io.ts) and the widget exercise 17-synthetic-devices that
// uses them: each check judges its own parameter and nothing else, always on random disk I/O, and never throws.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { expect, test } from 'vitest';
import { ioContainerVolume, ioVmSynthetic } from '../../../../src/sim/behaviour/checks/io.ts';
import { behaviourChecks, stateProblems } from '../../../../src/sim/behaviour/checks.ts';
import type { SimulatorState } from '../../../../src/sim/behaviour/types.ts';

const arbitrary = fc.record({
  workload: fc.constantFrom('disk', 'network'),
  vmPath: fc.constantFrom('emulated', 'paravirtual', 'passthrough'),
  containerPath: fc.constantFrom('default', 'direct'),
});

test('ioVmSynthetic passes exactly for paravirtual devices on disk I/O, whatever the container path', () => {
  fc.assert(
    fc.property(arbitrary, (params) => {
      const outcome = ioVmSynthetic({ scenario: 'io', params });
      expect(outcome.passed).toBe(params.workload === 'disk' && params.vmPath === 'paravirtual');
      expect(outcome.evidence.ja.length).toBeGreaterThan(0);
      expect(outcome.evidence.en.length).toBeGreaterThan(0);
    }),
  );
});

test('ioContainerVolume passes exactly for the volume path on disk I/O, whatever the VM device', () => {
  fc.assert(
    fc.property(arbitrary, (params) => {
      expect(ioContainerVolume({ scenario: 'io', params }).passed).toBe(
        params.workload === 'disk' && params.containerPath === 'direct',
      );
    }),
  );
});

test('another scenario is refused by name, and missing params take the scenario defaults (disk, paravirtual, overlay)', () => {
  const other = ioVmSynthetic({ scenario: 'consolidation', params: {} });
  expect(other.passed).toBe(false);
  expect(other.evidence.en).toContain('not io');
  expect(ioVmSynthetic({ scenario: 'io', params: {} }).passed).toBe(true);
  expect(ioContainerVolume({ scenario: 'io', params: {} }).passed).toBe(false);
});

test('the checks are registered, and the exercise file agrees with them', () => {
  expect(behaviourChecks.ioVmSynthetic).toBe(ioVmSynthetic);
  expect(behaviourChecks.ioContainerVolume).toBe(ioContainerVolume);
  const exercise = load(
    readFileSync(
      new URL('../../../../content/exercises/17-synthetic-devices/exercise.yaml', import.meta.url),
      'utf8',
    ),
  ) as {
    initial: SimulatorState;
    solutionState: SimulatorState;
    tasks: { id: string; check: string }[];
    nearMisses: { state: SimulatorState; fails: string[] }[];
  };
  const run = (state: SimulatorState) =>
    Object.fromEntries(exercise.tasks.map((t) => [t.id, behaviourChecks[t.check]?.(state).passed]));
  for (const state of [exercise.initial, exercise.solutionState, ...exercise.nearMisses.map((m) => m.state)])
    expect(stateProblems(state)).toEqual([]);
  expect(Object.values(run(exercise.initial))).toEqual([false, false]);
  expect(Object.values(run(exercise.solutionState))).toEqual([true, true]);
  for (const miss of exercise.nearMisses) {
    const results = run(miss.state);
    for (const id of miss.fails) expect(results[id], id).toBe(false);
  }
});
