// The behaviour simulator's widget exercises 11-exploit-containment and 12-noisy-neighbour, read from
// content/exercises/: the initial state fails every task, the solution passes every task, each near miss fails
// the tasks it names, and other correct answers written differently pass too (10-consolidation-ha has its own
// file, consolidation-exercise.test.ts).
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

const exercises = new URL('../../../../content/exercises/', import.meta.url);
const read = (folder: string) =>
  load(readFileSync(new URL(`${folder}/exercise.yaml`, exercises), 'utf8')) as WidgetExercise;

const exploit = (params: Record<string, string | number | boolean>): SimulatorState => ({
  scenario: 'exploit',
  params,
});
const noisy = (params: Record<string, string | number | boolean>): SimulatorState => ({
  scenario: 'noisy-neighbour',
  params,
});
const exploitSolution = {
  exploit: 'keyring',
  app: 'fuse',
  seccomp: true,
  capabilities: 'sys-admin',
  userns: true,
  apparmor: true,
  apparmorFuse: true,
};

/** Correct answers written differently from the solution state: each must pass every task. */
const variants: Record<string, Record<string, SimulatorState>> = {
  '11-exploit-containment': {
    // The checks judge the configuration, whichever exploit and application the learner is playing.
    'another exploit, application and instance count': exploit({
      ...exploitSolution,
      exploit: 'runc',
      app: 'web',
      instances: 3,
    }),
    // Playing the bug the solution text points at (it reaches the host) changes no check.
    'playing the CAP_SYS_ADMIN bug the solution warns about': exploit({
      ...exploitSolution,
      exploit: 'mount-api',
    }),
  },
  '12-noisy-neighbour': {
    'the lowest weights, ESXi shares lowered as well': noisy({
      esxiNoisyShares: 'low',
      esxiVictimReservation: 3,
      kvmNoisyWeight: 1,
      dockerNoisyCpuShares: 2,
      dockerNoisyMemoryGiB: 24,
    }),
    // 244 is the most --cpu-shares both conversions allow, whichever formula is selected.
    'the largest --cpu-shares, runc 1.3.1 conversion selected': noisy({
      esxiVictimReservation: 3,
      kvmNoisyWeight: 33,
      dockerNoisyCpuShares: 244,
      dockerCpuWeightFormula: 'linear',
      dockerNoisyMemoryGiB: 16,
    }),
    'the largest --cpu-shares, runc 1.3.2 conversion selected': noisy({
      esxiVictimReservation: 3,
      kvmNoisyWeight: 33,
      dockerNoisyCpuShares: 244,
      dockerCpuWeightFormula: 'quadratic',
      dockerNoisyMemoryGiB: 16,
    }),
  },
};

const run = (task: { check: string }, state: SimulatorState) => {
  const check = behaviourChecks[task.check];
  if (!check) throw new Error(`no check ${task.check}`);
  return check(state);
};

for (const [folder, folderVariants] of Object.entries(variants)) {
  describe(folder, () => {
    const ex = read(folder);
    test('every state is valid as written', () => {
      for (const state of [
        ex.initial,
        ex.solutionState,
        ...ex.nearMisses.map((m) => m.state),
        ...Object.values(folderVariants),
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
    test.each(Object.entries(folderVariants))('another correct answer passes every task: %s', (_, state) => {
      for (const task of ex.tasks) expect(run(task, state), task.id).toMatchObject({ passed: true });
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

describe('exploit-containment: AppArmor kept', () => {
  const kept = behaviourChecks.exploitAppArmorKept;
  if (!kept) throw new Error('no exploitAppArmorKept');
  test('docker-default as it is counts as a profile kept (the FUSE rule is for app-runs)', () => {
    expect(kept(exploit({ ...exploitSolution, apparmorFuse: false })).passed).toBe(true);
  });
  test('the FUSE rule without AppArmor is still unconfined, and the evidence says so', () => {
    const out = kept(exploit({ ...exploitSolution, apparmor: false, apparmorFuse: true }));
    expect(out.passed).toBe(false);
    expect(out.evidence.en).toContain('AppArmor is off (unconfined)');
  });
});

describe('noisy-neighbour: the Docker lane under both runc conversions', () => {
  const served = behaviourChecks.noisyNeighbourVictimsServed;
  if (!served) throw new Error('no noisyNeighbourVictimsServed');
  const at = (shares: number, formula: string) =>
    served(
      noisy({
        esxiVictimReservation: 3,
        kvmNoisyWeight: 20,
        dockerNoisyCpuShares: shares,
        dockerCpuWeightFormula: formula,
        dockerNoisyMemoryGiB: 16,
      }),
    );
  test.each(['linear', 'quadratic'])(
    'with the %s formula selected, 244 passes and 246 or 256 fail (enough for runc 1.3.1 only)',
    (formula) => {
      expect(at(244, formula).passed).toBe(true);
      expect(at(246, formula).passed).toBe(false);
      expect(at(256, formula).passed).toBe(false);
    },
  );
  test('the evidence prints the Docker lane once per conversion', () => {
    const out = at(256, 'linear');
    expect(out.evidence.en).toContain('Docker (runc up to 1.3.1): victims running 5/5, each gets 3/3 cores');
    expect(out.evidence.en).toMatch(
      /Docker \(runc 1\.3\.2 and later\): victims running 5\/5, each gets 2\.\d+\/3/,
    );
    expect(out.evidence.ja).toContain('Docker（runc 1.3.2 からの換算）：');
  });
});

test('the noisy-neighbour checks refuse a shrunken workload that needs no protection', () => {
  const small = noisy({ victims: 1, victimVcpus: 1, noisyVcpus: 2, dockerNoisyMemoryGiB: 8 });
  expect(behaviourChecks.noisyNeighbourVictimsServed?.(small).passed).toBe(false);
  expect(behaviourChecks.noisyNeighbourNoIdleCap?.(small).passed).toBe(false);
});
