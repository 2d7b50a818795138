// The I/O scenario: each path's figure, the article's figures beside the study's, and where they disagree.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { defaults, normalise } from '../../../../src/sim/behaviour/params.ts';
import { io } from '../../../../src/sim/behaviour/scenarios/io.ts';
import type { LaneId, Params, ScenarioRun } from '../../../../src/sim/behaviour/types.ts';

const run = (extra: Params = {}) => io.run({ ...defaults(io.params), ...extra });
const model = (r: ScenarioRun, lane: LaneId) => r.outcomes[lane].figures[0];

test('paravirtual disk I/O: the article says 2 %, the study measured KVM at about half the IOPS', () => {
  const r = run();
  expect(model(r, 'esxi')?.id).toBe('article-pv-io');
  expect(model(r, 'esxi')?.value).toBe(2);
  expect(model(r, 'kvm')?.id).toBe('felter-kvm-random-iops');
  expect(model(r, 'kvm')?.value).toBe(50);
  const kvmSays = r.steps
    .filter((s) => s.lane === 'kvm')
    .map((s) => s.what.en)
    .join(' ');
  expect(kvmSays).toContain('about half of native');
});

test('full emulation uses the article’s 8–20 % range on both VM lanes', () => {
  const r = run({ vmPath: 'emulated' });
  for (const lane of ['esxi', 'kvm'] as const) {
    const f = model(r, lane);
    expect([f?.low, f?.value, f?.high]).toEqual([8, 14, 20]);
    expect(f?.provenance.kind).toBe('source');
  }
});

test('a container on a volume does disk I/O like native (the study); NAT is our flagged assumption', () => {
  expect(model(run({ containerPath: 'direct' }), 'docker')?.id).toBe('felter-docker-random-iops');
  const nat = model(run({ workload: 'network' }), 'docker');
  expect(nat?.value).toBe(5);
  expect(nat?.provenance.kind).toBe('assumption');
});

test('the chart puts the article beside the study, with no study value where it measured nothing', () => {
  const chart = run().charts.find((c) => c.id === 'io-loss-by-path');
  expect(chart?.series.map((s) => s.values)).toEqual([
    [14, 2, null],
    [null, 50, 0],
  ]);
  const network = run({ workload: 'network' }).charts.find((c) => c.id === 'io-loss-by-path');
  expect(network?.series[1]?.values).toEqual([null, null, null]);
});

test('property: for any path, a container’s loss is never above a VM’s with full emulation', () => {
  const arbitrary = fc.record({
    workload: fc.constantFrom('disk', 'network'),
    vmPath: fc.constantFrom('emulated', 'paravirtual', 'passthrough'),
    containerPath: fc.constantFrom('default', 'direct'),
  });
  fc.assert(
    fc.property(arbitrary, (raw) => {
      const r = io.run(normalise(io.params, raw));
      const emulated = io.run(normalise(io.params, { ...raw, vmPath: 'emulated' }));
      expect(model(r, 'docker')?.value).toBeLessThanOrEqual(model(emulated, 'kvm')?.value ?? 0);
    }),
  );
});
