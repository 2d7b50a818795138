// The widget exercise content/exercises/10-consolidation-ha: its states are valid, the initial state fails every
// task, the solution passes every task, each near miss fails the tasks it names, other correct answers written
// differently pass too, and the loopholes its instructions rule out are refused.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { behaviourChecks, stateProblems } from '../../../../src/sim/behaviour/checks.ts';
import type { SimulatorState } from '../../../../src/sim/behaviour/types.ts';

interface WidgetExercise {
  initial: SimulatorState;
  solutionState: SimulatorState;
  tasks: { id: string; check: string }[];
  nearMisses: { state: SimulatorState; fails: string[] }[];
}

const exercise = load(
  readFileSync(
    new URL('../../../../content/exercises/10-consolidation-ha/exercise.yaml', import.meta.url),
    'utf8',
  ),
) as WidgetExercise;

function passes(state: SimulatorState, taskId: string): boolean {
  const task = exercise.tasks.find((t) => t.id === taskId);
  const check = task && behaviourChecks[task.check];
  if (!check) throw new Error(`no check for task ${taskId}`);
  return check(state).passed;
}

describe('10-consolidation-ha', () => {
  test('every state is valid as written, and every task names a registered check', () => {
    for (const state of [
      exercise.initial,
      exercise.solutionState,
      ...exercise.nearMisses.map((m) => m.state),
    ])
      expect(stateProblems(state)).toEqual([]);
    for (const task of exercise.tasks) expect(behaviourChecks[task.check], task.check).toBeTypeOf('function');
  });

  test('the initial state fails every task', () => {
    for (const task of exercise.tasks) expect(passes(exercise.initial, task.id), task.id).toBe(false);
  });

  test('the solution state passes every task', () => {
    for (const task of exercise.tasks) expect(passes(exercise.solutionState, task.id), task.id).toBe(true);
  });

  test.each(exercise.nearMisses.map((m, i) => [i, m] as const))(
    'near miss %i fails the tasks it names',
    (_i, miss) => {
      expect(miss.fails.length).toBeGreaterThan(0);
      for (const id of miss.fails) expect(passes(miss.state, id), id).toBe(false);
    },
  );

  test.each([
    // Page sharing on both VM lanes: memory per VM drops and the vCPUs run out first, at 172.
    { haHeadroom: true, esxiTps: true, kvmKsm: true, webCount: 172 },
    // More vCPUs per core on top (4.5 or more, as the solution says): memory binds again, at 178.
    { haHeadroom: true, esxiTps: true, kvmKsm: true, vcpuPerCore: 4.5, webCount: 178 },
    { haHeadroom: true, esxiTps: true, kvmKsm: true, vcpuPerCore: 8, webCount: 178 },
    // KSM alone: the ESXi lane still binds at 166.
    { haHeadroom: true, kvmKsm: true, webCount: 166 },
    // A higher vCPU ratio alone changes nothing: memory binds at 166.
    { haHeadroom: true, vcpuPerCore: 8, webCount: 166 },
  ])('another correct answer passes: %o', (params) => {
    const state: SimulatorState = { scenario: 'consolidation', params };
    for (const task of exercise.tasks) expect(passes(state, task.id), task.id).toBe(true);
  });

  test.each([
    // Lowering the vCPU ratio makes a much smaller count the "largest" (28 at 1 vCPU per core).
    [
      { haHeadroom: true, vcpuPerCore: 1, webCount: 28 },
      'vCPU overcommit ratio may be raised but not lowered',
    ],
    // Extra databases crowd out web servers: 13 would be the "largest" beside 35 databases.
    [{ haHeadroom: true, dbCount: 35, webCount: 13 }, 'dbCount=35 (exercise: 6)'],
    [{ haHeadroom: true, dbCount: 8, webCount: 156 }, 'dbCount=8 (exercise: 6)'],
    // The instructions keep the share page sharing reclaims at 20 %.
    [
      { haHeadroom: true, esxiTps: true, kvmKsm: true, pageSharingPercent: 30, webCount: 172 },
      'pageSharingPercent=30 (exercise: 20)',
    ],
  ])('a loophole is refused, naming why: %o', (params, why) => {
    const state: SimulatorState = { scenario: 'consolidation', params };
    for (const task of exercise.tasks) expect(passes(state, task.id), task.id).toBe(false);
    expect(behaviourChecks.consolidationLargestMix?.(state).evidence.en).toContain(why);
  });

  test('checks refuse another scenario, and a state with no web servers, naming why', () => {
    const other = behaviourChecks.consolidationFitsWithHa?.({ scenario: 'io', params: {} });
    expect(other?.passed).toBe(false);
    expect(other?.evidence.en).toContain('not consolidation');
    const empty = behaviourChecks.consolidationFitsWithHa?.({
      scenario: 'consolidation',
      params: { haHeadroom: true, webCount: 0 },
    });
    expect(empty?.passed).toBe(false);
    expect(empty?.evidence.en).toContain('no web servers');
  });

  test('the evidence prints the numbers the check looked at', () => {
    const outcome = behaviourChecks.consolidationLargestMix?.(exercise.solutionState);
    expect(outcome?.evidence.en).toMatch(
      /166 web servers is the limit\. With 167: ESXi: memory 360\.1 \/ 360\.0 GiB/,
    );
    expect(outcome?.evidence.ja).toContain(
      'Web サーバー 166 台が上限です。167 台では：ESXi（メモリ 360.1 / 360.0 GiB',
    );
  });
});
