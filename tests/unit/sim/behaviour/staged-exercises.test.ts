// The widget exercises staged for the behaviour simulator (11-exploit-containment, 12-noisy-neighbour), until
// the exercise schema accepts them: initial fails every task, the solution passes every task, each near miss
// fails the tasks it names, and another correct answer written differently passes too.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { behaviourChecks, stateProblems } from '../../../../src/sim/behaviour/checks.ts';
import type { SimulatorState } from '../../../../src/sim/behaviour/types.ts';

interface Staged {
  initial: SimulatorState;
  solutionState: SimulatorState;
  tasks: { id: string; check: string }[];
  nearMisses: { state: SimulatorState; fails: string[] }[];
}

const STAGING = '/work/staging-exercises';
const load_ = (folder: string) => load(readFileSync(`${STAGING}/${folder}/exercise.yaml`, 'utf8')) as Staged;

const variants: Record<string, SimulatorState> = {
  '11-exploit-containment': {
    scenario: 'exploit',
    // The checks judge the configuration, whichever exploit and application the learner is playing.
    params: {
      exploit: 'runc',
      app: 'web',
      seccomp: true,
      capabilities: 'sys-admin',
      userns: true,
      apparmor: false,
      instances: 3,
    },
  },
  '12-noisy-neighbour': {
    scenario: 'noisy-neighbour',
    params: {
      esxiNoisyShares: 'low',
      esxiVictimReservation: 3,
      kvmNoisyWeight: 1,
      dockerNoisyCpuShares: 2,
      dockerNoisyMemoryGiB: 24,
    },
  },
};

for (const folder of Object.keys(variants)) {
  describe(folder, () => {
    const ex = load_(folder);
    const run = (task: { check: string }, state: SimulatorState) => {
      const check = behaviourChecks[task.check];
      if (!check) throw new Error(`no check ${task.check}`);
      return check(state);
    };
    test('every state is valid as written', () => {
      for (const state of [
        ex.initial,
        ex.solutionState,
        ...ex.nearMisses.map((m) => m.state),
        variants[folder],
      ])
        expect(stateProblems(state)).toEqual([]);
    });
    test('the initial state fails every task', () => {
      for (const task of ex.tasks) expect(run(task, ex.initial).passed, task.id).toBe(false);
    });
    test('the solution state passes every task', () => {
      for (const task of ex.tasks)
        expect(run(task, ex.solutionState), task.id).toMatchObject({ passed: true });
    });
    test('each near miss fails the tasks it names (and at least two near misses exist)', () => {
      expect(ex.nearMisses.length).toBeGreaterThanOrEqual(2);
      for (const miss of ex.nearMisses)
        for (const id of miss.fails) {
          const task = ex.tasks.find((t) => t.id === id);
          expect(task, id).toBeDefined();
          if (task)
            expect(run(task, miss.state).passed, `${id}: ${JSON.stringify(miss.state.params)}`).toBe(false);
        }
    });
    test('another correct answer, written differently, passes every task', () => {
      const variant = variants[folder];
      if (!variant) throw new Error(folder);
      for (const task of ex.tasks) expect(run(task, variant), task.id).toMatchObject({ passed: true });
    });
    test('a state of another scenario fails every task and says so', () => {
      for (const task of ex.tasks) {
        const out = run(task, { scenario: 'start', params: {} });
        expect(out.passed).toBe(false);
        expect(out.evidence.en).toContain('checked on');
      }
    });
  });
}

test('the noisy-neighbour checks refuse a shrunken workload that needs no protection', () => {
  const small = {
    scenario: 'noisy-neighbour' as const,
    params: { victims: 1, victimVcpus: 1, noisyVcpus: 2, dockerNoisyMemoryGiB: 8 },
  };
  expect(behaviourChecks.noisyNeighbourVictimsServed?.(small).passed).toBe(false);
  expect(behaviourChecks.noisyNeighbourNoIdleCap?.(small).passed).toBe(false);
});
