// The patching scenario: who reboots, what moves and how long instances stop, for each component patched.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { patching } from '../../../../src/sim/behaviour/scenarios/patching.ts';
import type { LaneId, ScenarioRun } from '../../../../src/sim/behaviour/types.ts';

const fig = (run: ScenarioRun, lane: LaneId, id: string) =>
  run.outcomes[lane].figures.find((f) => f.id === `${lane}-${id}`)?.value;

test('host patch on a 4-host cluster: VMs live-migrate (pause only), pods are re-created, every host reboots once', () => {
  const run = patching.run({
    component: 'host',
    hosts: 4,
    instancesPerHost: 10,
    instanceMemGiB: 8,
    linkGbps: 10,
  });
  for (const lane of ['esxi', 'kvm'] as const) {
    expect(fig(run, lane, 'downtime')).toBe(0.5);
    expect(fig(run, lane, 'moved')).toBe(10);
    expect(fig(run, lane, 'reboots')).toBe(1);
  }
  expect(run.steps.find((s) => s.lane === 'esxi')?.what.en).toContain('DRS moves the 10 VMs');
  // 10 VMs × 8 GiB × 8.59 Gbit/GiB × 1.2 / 10 Gbit/s: one shared link, so concurrency does not shorten it.
  expect(run.steps.find((s) => s.lane === 'kvm')?.costs.find((c) => c.id === 'kvm-evacuate')?.value).toBe(
    82.5,
  );
  expect(
    run.steps.find((s) => s.lane === 'docker')?.costs.find((c) => c.id === 'docker-grace'),
  ).toMatchObject({ value: 30, provenance: { kind: 'source' } });
  expect(fig(run, 'docker', 'downtime')).toBe(35);
  expect(run.steps.find((s) => s.lane === 'docker')?.what.en).toContain('kubectl drain');
});

test('one host: nothing can move, so everything stops for the reboot', () => {
  const run = patching.run({ component: 'host', hosts: 1, hostRebootMin: 10, kubernetes: true });
  expect(fig(run, 'esxi', 'downtime')).toBe(720);
  expect(fig(run, 'docker', 'downtime')).toBe(605);
  expect(fig(run, 'docker', 'moved')).toBe(0);
});

test('live patching takes the reboot away from the Linux hosts, not from ESXi', () => {
  const run = patching.run({ component: 'host', livePatch: true });
  expect(fig(run, 'kvm', 'reboots')).toBe(0);
  expect(fig(run, 'docker', 'reboots')).toBe(0);
  expect(fig(run, 'esxi', 'reboots')).toBe(1);
});

test('a guest kernel: each VM reboots its own guest; containers have no kernel to patch', () => {
  const run = patching.run({ component: 'guest-kernel' });
  expect(fig(run, 'esxi', 'downtime')).toBe(60);
  expect(fig(run, 'kvm', 'reboots')).toBe(0);
  expect(fig(run, 'docker', 'downtime')).toBe(0);
  expect(run.steps.find((s) => s.lane === 'docker')?.what.en).toContain('no kernel of their own');
});

test('VMM user space: QEMU is replaced by migrating VMs, Docker keeps containers with live-restore; ESXi updates the host', () => {
  const run = patching.run({ component: 'vmm-userspace', hosts: 4 });
  expect(fig(run, 'kvm', 'reboots')).toBe(0);
  expect(fig(run, 'docker', 'reboots')).toBe(0);
  expect(fig(run, 'esxi', 'reboots')).toBe(1);
  expect(run.steps.some((s) => s.lane === 'docker' && s.what.en.includes('live-restore'))).toBe(true);
});

test('property: a cluster with room to move never stops a VM longer than a host without one', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('guest-kernel', 'host', 'vmm-userspace'),
      fc.boolean(),
      fc.integer({ min: 2, max: 16 }),
      (component, livePatch, hosts) => {
        const many = patching.run({ component, livePatch, hosts });
        const one = patching.run({ component, livePatch, hosts: 1 });
        for (const lane of ['esxi', 'kvm', 'docker'] as const)
          expect(fig(many, lane, 'downtime') ?? 0).toBeLessThanOrEqual(fig(one, lane, 'downtime') ?? 0);
      },
    ),
  );
});
