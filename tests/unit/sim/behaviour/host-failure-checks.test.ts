// The host-failure scenario's checks (src/sim/behaviour/checks/host-failure.ts) and the widget exercise
// 24-live-migration that uses them: a crash never passes, a workload lighter than the exercise's (a smaller VM or a
// lower dirty rate) is refused, and each check agrees with the migration model on random conditions at or above
// the exercise's workload.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { expect, test } from 'vitest';
import {
  EXERCISE_WORKLOAD,
  hostFailureKvmDowntimeTarget,
  hostFailureMigrationCompletes,
  hostFailureMigrationUnthrottled,
  KVM_DOWNTIME_TARGET_MS,
} from '../../../../src/sim/behaviour/checks/host-failure.ts';
import { behaviourChecks } from '../../../../src/sim/behaviour/checks.ts';
import { preCopy } from '../../../../src/sim/behaviour/scenarios/migration-model.ts';
import type { SimulatorState } from '../../../../src/sim/behaviour/types.ts';

const state = (params: Record<string, string | number | boolean>): SimulatorState => ({
  scenario: 'host-failure',
  params,
});

const conditions = fc.record({
  event: fc.constantFrom('planned', 'unplanned'),
  memoryGiB: fc.integer({ min: EXERCISE_WORKLOAD.memoryGiB, max: 256 }),
  dirtyMiBps: fc.integer({ min: EXERCISE_WORKLOAD.dirtyMiBps / 10, max: 400 }).map((x) => x * 10),
  linkMiBps: fc.integer({ min: 1, max: 120 }).map((x) => x * 100),
  downtimeLimitMs: fc.integer({ min: 1, max: 40 }).map((x) => x * 50),
  kvmAutoConverge: fc.boolean(),
});

test('no check passes on a crash: HA restarts the VM, live migration needs the host running', () => {
  fc.assert(
    fc.property(conditions, (params) => {
      const crash = state({ ...params, event: 'unplanned' });
      for (const check of [
        hostFailureMigrationCompletes,
        hostFailureMigrationUnthrottled,
        hostFailureKvmDowntimeTarget,
      ]) {
        const outcome = check(crash);
        expect(outcome.passed).toBe(false);
        expect(outcome.evidence.en).toMatch(/vSphere HA restarts the VM/);
      }
    }),
  );
});

test('planned: "unthrottled" passes exactly when both lanes converge unslowed; "completes" then passes too', () => {
  fc.assert(
    fc.property(conditions, (params) => {
      const planned = state({ ...params, event: 'planned' });
      const mem = params.memoryGiB * 1024;
      // vMotion's switchover target stays at its default (1000 ms); KVM's is downtime-limit.
      const unslowed =
        preCopy(mem, params.dirtyMiBps, params.linkMiBps, 1000).converged &&
        preCopy(mem, params.dirtyMiBps, params.linkMiBps, params.downtimeLimitMs).converged;
      const unthrottled = hostFailureMigrationUnthrottled(planned).passed;
      expect(unthrottled).toBe(unslowed);
      // A link faster than the dirty rate always converges without slowing the guest.
      if (params.linkMiBps > params.dirtyMiBps) expect(unthrottled).toBe(true);
      if (unthrottled) expect(hostFailureMigrationCompletes(planned).passed).toBe(true);
    }),
  );
});

test('planned: the KVM downtime check agrees with the pre-copy model, throttled or not', () => {
  fc.assert(
    fc.property(conditions, (params) => {
      const p = { ...params, event: 'planned' };
      const mem = p.memoryGiB * 1024;
      let r = preCopy(mem, p.dirtyMiBps, p.linkMiBps, p.downtimeLimitMs);
      if (!r.converged && p.kvmAutoConverge)
        r = preCopy(mem, Math.min(p.dirtyMiBps, p.linkMiBps / 2), p.linkMiBps, p.downtimeLimitMs);
      expect(hostFailureKvmDowntimeTarget(state(p)).passed).toBe(
        r.converged && Math.round(r.downtimeMs) <= KVM_DOWNTIME_TARGET_MS,
      );
    }),
  );
});

test("a workload lighter than the exercise's, or another scenario, is refused by name", () => {
  // Each of these would otherwise pass tasks without a faster migration network: a 1 GiB VM fits in a 1 s pause,
  // and 1100 MiB/s is outrun by a 1200 MiB/s link.
  const lighter = [
    { event: 'planned', memoryGiB: 64, dirtyMiBps: 500 },
    { event: 'planned', memoryGiB: 1, dirtyMiBps: 1500, downtimeLimitMs: 1000 },
    { event: 'planned', memoryGiB: 64, dirtyMiBps: 1100, linkMiBps: 1200, downtimeLimitMs: 100 },
  ];
  for (const params of lighter)
    for (const check of [
      hostFailureMigrationCompletes,
      hostFailureMigrationUnthrottled,
      hostFailureKvmDowntimeTarget,
    ]) {
      const outcome = check(state(params));
      expect(outcome.passed).toBe(false);
      expect(outcome.evidence.en).toContain("Keep the exercise's workload");
    }
  const other = hostFailureMigrationCompletes({ scenario: 'io', params: {} });
  expect(other.passed).toBe(false);
  expect(other.evidence.en).toContain('host-failure scenario');
});

test('the checks are registered, and the exercise file agrees with them', () => {
  expect(behaviourChecks.hostFailureMigrationCompletes).toBe(hostFailureMigrationCompletes);
  expect(behaviourChecks.hostFailureMigrationUnthrottled).toBe(hostFailureMigrationUnthrottled);
  expect(behaviourChecks.hostFailureKvmDowntimeTarget).toBe(hostFailureKvmDowntimeTarget);
  const exercise = load(
    readFileSync(
      new URL('../../../../content/exercises/24-live-migration/exercise.yaml', import.meta.url),
      'utf8',
    ),
  ) as {
    initial: SimulatorState;
    solutionState: SimulatorState;
    tasks: { id: string; check: string }[];
    nearMisses: { state: SimulatorState; fails: string[] }[];
  };
  const passed = (s: SimulatorState) =>
    exercise.tasks.filter((t) => behaviourChecks[t.check]?.(s).passed).map((t) => t.id);
  expect(passed(exercise.initial)).toEqual([]);
  expect(passed(exercise.solutionState)).toEqual(exercise.tasks.map((t) => t.id));
  for (const miss of exercise.nearMisses)
    for (const id of miss.fails) expect(passed(miss.state)).not.toContain(id);
  // Another right answer: a 100 GbE-class link and the tightest downtime-limit.
  expect(
    passed(
      state({ event: 'planned', memoryGiB: 64, dirtyMiBps: 1500, linkMiBps: 12000, downtimeLimitMs: 50 }),
    ),
  ).toEqual(exercise.tasks.map((t) => t.id));
});
