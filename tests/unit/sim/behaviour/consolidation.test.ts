// The consolidation scenario: per-instance memory per lane, HA headroom, sharing, overcommit, and the issue's
// property that containers fit at least as densely as VMs for the same workload and hosts.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { defaults, normalise } from '../../../../src/sim/behaviour/params.ts';
import { consolidationScenario } from '../../../../src/sim/behaviour/scenarios/consolidation.ts';
import { consolidation } from '../../../../src/sim/behaviour/scenarios/consolidation-model.ts';
import type { ParamSpec, Params } from '../../../../src/sim/behaviour/types.ts';

const specs = consolidationScenario.params;
const result = (extra: Params = {}) => consolidation(normalise(specs, { ...defaults(specs), ...extra }));

test('a VM carries its guest OS and VMM overhead; a container only a small runtime overhead', () => {
  const r = result();
  expect(r.lanes.esxi.perInstanceMiB.web).toBe(1024 + 512 + 128);
  expect(r.lanes.docker.perInstanceMiB.web).toBe(1024 + 16);
});

test('HA headroom keeps one host of four free: usable memory 360 of 480 GiB', () => {
  expect(result({ haHeadroom: false }).lanes.kvm.usableMiB).toBe(480 * 1024);
  expect(result().lanes.kvm.usableMiB).toBe(360 * 1024);
  // One host and HA: nothing is usable, nothing fits.
  const lone = result({ hosts: 1 });
  expect(lone.lanes.esxi.status).toBe('no');
  expect(lone.lanes.docker.density).toBe(0);
});

test('166 web servers fit the VM lanes with HA; 167 do not; containers take many more', () => {
  expect(result({ webCount: 166 }).lanes.esxi.status).toBe('fits');
  const over = result({ webCount: 167 });
  expect(over.lanes.esxi.status).toBe('no');
  expect(over.lanes.esxi.limit).toBe('memory');
  expect(over.lanes.docker.status).toBe('fits');
});

test('memory overcommit admits VMs the hosts cannot hold: they swap', () => {
  const r = result({ webCount: 170, vmMemOvercommitPercent: 150 });
  expect(r.lanes.esxi.status).toBe('swaps');
  expect(r.lanes.kvm.status).toBe('swaps');
});

test('inter-VM TPS is off by default; turning it (or KSM) on wins back guest OS memory on that lane only', () => {
  expect(result().lanes.esxi.sharingSavedMiB).toBe(0);
  const r = result({ esxiTps: true });
  expect(r.lanes.esxi.sharingSavedMiB).toBeCloseTo(102.4);
  expect(r.lanes.kvm.sharingSavedMiB).toBe(0);
  expect(result({ kvmKsm: true }).lanes.kvm.sharingSavedMiB).toBeCloseTo(102.4);
});

test('the run says what limits each lane and charts requested against fitting instances', () => {
  const run = consolidationScenario.run({ ...defaults(specs), webCount: 167 });
  expect(run.outcomes.esxi.headline.en).toContain('memory');
  const chart = run.charts.find((c) => c.id === 'density');
  expect(chart?.series.map((s) => s.values)).toEqual([
    [181, 181, 181],
    [180, 180, 260],
  ]);
});

function arbitraryParams(all: readonly ParamSpec[]) {
  return fc.record(
    Object.fromEntries(
      all.map((spec) => [
        spec.id,
        spec.type === 'number'
          ? fc
              .integer({ min: 0, max: Math.round((spec.max - spec.min) / spec.step) })
              .map((k) => spec.min + k * spec.step)
          : spec.type === 'boolean'
            ? fc.boolean()
            : fc.constantFrom(...spec.options.map((o) => o.value)),
      ]),
    ),
  );
}

test('property: container density ≥ VM density for the same workload and hosts', () => {
  fc.assert(
    fc.property(arbitraryParams(specs), (raw) => {
      const r = consolidation(normalise(specs, raw));
      expect(r.lanes.docker.density).toBeGreaterThanOrEqual(r.lanes.esxi.density);
      expect(r.lanes.docker.density).toBeGreaterThanOrEqual(r.lanes.kvm.density);
      // Whatever fits as VMs fits as containers.
      if (r.lanes.esxi.status === 'fits') expect(r.lanes.docker.status).toBe('fits');
    }),
    { numRuns: 500 },
  );
});

test('property: HA headroom never lets more fit', () => {
  fc.assert(
    fc.property(arbitraryParams(specs), (raw) => {
      const on = consolidation(normalise(specs, { ...raw, haHeadroom: true }));
      const off = consolidation(normalise(specs, { ...raw, haHeadroom: false }));
      for (const lane of ['esxi', 'kvm', 'docker'] as const)
        expect(on.lanes[lane].density).toBeLessThanOrEqual(off.lanes[lane].density);
    }),
    { numRuns: 300 },
  );
});
