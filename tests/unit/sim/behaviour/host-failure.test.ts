// The host-failure scenario: restart times per lane after a crash, live migration before maintenance, and what
// each lane loses.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { defaults, normalise } from '../../../../src/sim/behaviour/params.ts';
import { hostFailure } from '../../../../src/sim/behaviour/scenarios/host-failure.ts';
import { preCopy } from '../../../../src/sim/behaviour/scenarios/migration-model.ts';
import type { LaneId, Params, ScenarioRun } from '../../../../src/sim/behaviour/types.ts';

const run = (extra: Params = {}) => hostFailure.run({ ...defaults(hostFailure.params), ...extra });
const outage = (r: ScenarioRun, lane: LaneId) =>
  r.outcomes[lane].figures.find((f) => f.id === `${lane}-outage`)?.value;

test('a crash: HA restarts the VM after detection and a reboot; Kubernetes waits 50 s + 300 s first', () => {
  const r = run();
  expect(outage(r, 'esxi')).toBe(15 + 60);
  expect(outage(r, 'kvm')).toBe(30 + 60);
  expect(outage(r, 'docker')).toBe(50 + 300 + 5);
  for (const lane of ['esxi', 'kvm', 'docker'] as const) {
    const first = r.steps.find((s) => s.lane === lane);
    expect(first?.kind).toBe('loss');
  }
  expect(r.outcomes.docker.figures.find((f) => f.id === 'docker-requests-failed')?.value).toBe(35_500);
});

test('plain Docker: nothing restarts the container elsewhere; it waits for the host', () => {
  const r = run({ kubernetes: false, repairMin: 60 });
  expect(outage(r, 'docker')).toBe(3600 + 5);
  expect(r.steps.some((s) => s.lane === 'docker' && s.what.en.includes('Nothing starts the container'))).toBe(
    true,
  );
});

test('planned maintenance: live migration loses nothing and pauses well under a second', () => {
  const r = run({ event: 'planned' });
  const kvmDowntime = r.steps.flatMap((s) => s.costs).find((c) => c.id === 'kvm-downtime');
  expect(kvmDowntime?.value).toBeLessThanOrEqual(300);
  expect(outage(r, 'kvm')).toBeLessThan(1);
  expect(r.outcomes.kvm.headline.en).toContain('Lost: nothing');
  // Kubernetes drains: a new pod from the image, memory state lost.
  expect(r.outcomes.docker.headline.en).toContain('memory state');
});

test('a guest dirtying memory faster than the link: KVM does not converge unless auto-converge; vMotion slows the guest', () => {
  const r = run({ event: 'planned', dirtyMiBps: 2000, linkMiBps: 1100 });
  expect(r.steps.some((s) => s.lane === 'kvm' && s.what.en.includes('copying never finishes'))).toBe(true);
  expect(r.steps.some((s) => s.lane === 'esxi' && s.why.en.includes('Stun During Page Send'))).toBe(true);
  const converged = run({ event: 'planned', dirtyMiBps: 2000, linkMiBps: 1100, kvmAutoConverge: true });
  expect(converged.steps.some((s) => s.lane === 'kvm' && s.kind === 'ready')).toBe(true);
});

test('pre-copy: an idle VM moves in one round plus a short stop', () => {
  const idle = preCopy(16 * 1024, 0, 1100, 300);
  expect(idle.converged).toBe(true);
  expect(idle.rounds).toBe(2);
  expect(idle.downtimeMs).toBe(0);
});

test('property: pre-copy that converges keeps downtime within the limit and sends at least all memory', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 256 }),
      fc.integer({ min: 0, max: 4000 }),
      fc.integer({ min: 100, max: 12000 }),
      fc.integer({ min: 50, max: 2000 }),
      (gib, dirty, link, limit) => {
        const r = preCopy(gib * 1024, dirty, link, limit);
        if (r.converged) {
          expect(r.downtimeMs).toBeLessThanOrEqual(limit);
          expect(r.sentMiB).toBeGreaterThanOrEqual(gib * 1024 - 1e-6);
        }
        if (dirty === 0) expect(r.converged).toBe(true);
      },
    ),
  );
});

test('property: pre-copy converges exactly when the guest dirties memory slower than the link sends it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 256 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 1, max: 40 }),
      (gib, dirty10, link100, limit50) => {
        const [dirty, link, limit] = [dirty10 * 10, link100 * 100, limit50 * 50];
        const r = preCopy(gib * 1024, dirty, link, limit);
        // A VM small enough to send within the limit moves in one stop whatever the dirty rate.
        if (((gib * 1024) / link) * 1000 > limit) expect(r.converged).toBe(dirty < link);
        else expect(r.converged).toBe(true);
      },
    ),
  );
});

test('a dirty rate just under the link speed takes many rounds but converges (no round limit in QEMU)', () => {
  const slow = preCopy(16 * 1024, 1000, 1100, 300);
  expect(slow.converged).toBe(true);
  expect(slow.rounds).toBeGreaterThan(30);
  expect(slow.downtimeMs).toBeLessThanOrEqual(300);
  const never = preCopy(16 * 1024, 1100, 1100, 300);
  expect(never.converged).toBe(false);
  expect(never.rounds).toBe(1);
});

test('property: a VM lane never loses memory state in planned maintenance; every crash loses it', () => {
  fc.assert(
    fc.property(fc.constantFrom('planned', 'unplanned'), fc.integer({ min: 0, max: 400 }), (event, dirty) => {
      const r = hostFailure.run(normalise(hostFailure.params, { event, dirtyMiBps: dirty * 10 }));
      for (const lane of ['esxi', 'kvm'] as const) {
        const lost = r.steps.some((s) => s.lane === lane && s.kind === 'loss');
        expect(lost).toBe(event === 'unplanned');
      }
    }),
  );
});
