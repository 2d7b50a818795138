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

test('full emulation: the article’s 8–20 % on ESXi; on KVM’s disk a derived value above virtio, the article beside it', () => {
  const r = run({ vmPath: 'emulated' });
  const esxi = model(r, 'esxi');
  expect([esxi?.low, esxi?.value, esxi?.high]).toEqual([8, 14, 20]);
  expect(esxi?.provenance.kind).toBe('source');
  const kvm = model(r, 'kvm');
  expect(kvm?.provenance.kind).toBe('derived');
  expect([kvm?.low, kvm?.value, kvm?.high]).toEqual([53, 56, 59]);
  expect(r.outcomes.kvm.figures.map((f) => f.id)).toEqual(['kvm-emulated-random-iops', 'article-full-io']);
  const compared = r.steps.filter((s) => s.lane === 'kvm').flatMap((s) => s.costs);
  const extra = compared.find((f) => f.id === 'assumed-emulation-extra');
  expect(extra?.provenance.kind).toBe('assumption');
  expect(compared.map((f) => f.id)).toEqual(
    expect.arrayContaining(['article-full-io', 'felter-kvm-random-iops', 'assumed-emulation-extra']),
  );
  const kvmSays = r.steps
    .filter((s) => s.lane === 'kvm')
    .map((s) => `${s.what.en} ${s.why.en}`)
    .join(' ');
  expect(kvmSays).toContain('each I/O operation must go through QEMU');
  const network = run({ vmPath: 'emulated', workload: 'network' });
  for (const lane of ['esxi', 'kvm'] as const) expect(model(network, lane)?.id).toBe('article-full-io');
});

test('ESXi’s PVSCSI keeps the article’s 2 %, and the lane says the study’s QEMU cost is not carried over', () => {
  const esxi = run().steps.filter((s) => s.lane === 'esxi');
  expect(esxi.map((s) => s.why.en).join(' ')).toContain('does not carry KVM’s measurement over to ESXi');
});

test('a container on a volume does disk I/O like native (the study); NAT and the host network are flagged assumptions', () => {
  expect(model(run({ containerPath: 'direct' }), 'docker')?.id).toBe('felter-docker-random-iops');
  const nat = model(run({ workload: 'network' }), 'docker');
  expect(nat?.value).toBe(5);
  expect(nat?.provenance.kind).toBe('assumption');
  const host = model(run({ workload: 'network', containerPath: 'direct' }), 'docker');
  expect(host?.value).toBe(0);
  expect(host?.provenance.kind).toBe('assumption');
});

test('the chart puts the article beside the study and the model (KVM), with no study value where it measured nothing', () => {
  const chart = run().charts.find((c) => c.id === 'io-loss-by-path');
  expect(chart?.series.map((s) => s.values)).toEqual([
    [14, 2, null, null],
    [null, 50, null, 0],
    [56, 50, 2, 0],
  ]);
  const network = run({ workload: 'network' }).charts.find((c) => c.id === 'io-loss-by-path');
  expect(network?.series.map((s) => s.values)).toEqual([
    [14, 2, null, null],
    [null, null, null, null],
    [14, 2, 2, 0],
  ]);
});

const arbitrary = fc.record({
  workload: fc.constantFrom('disk', 'network'),
  vmPath: fc.constantFrom('emulated', 'paravirtual', 'passthrough'),
  containerPath: fc.constantFrom('default', 'direct'),
});
/** The model's loss on a lane with the other parameters of `raw` and these overrides. */
const loss = (raw: Params, lane: LaneId, extra: Params = {}) =>
  model(io.run(normalise(io.params, { ...raw, ...extra })), lane)?.value ?? Number.NaN;

test('property: on each VM lane, for disk and network, emulated ≥ paravirtual ≥ direct assignment', () => {
  fc.assert(
    fc.property(arbitrary, (raw) => {
      for (const lane of ['esxi', 'kvm'] as const) {
        const [emulated, paravirtual, passthrough] = (
          ['emulated', 'paravirtual', 'passthrough'] as const
        ).map((vmPath) => loss(raw, lane, { vmPath }));
        expect(emulated).toBeGreaterThanOrEqual(paravirtual ?? Number.NaN);
        expect(paravirtual).toBeGreaterThanOrEqual(passthrough ?? Number.NaN);
      }
    }),
  );
});

test('property: a container’s short cut loses no more than its default path, nor than any VM path', () => {
  fc.assert(
    fc.property(arbitrary, (raw) => {
      const shortCut = loss(raw, 'docker', { containerPath: 'direct' });
      expect(shortCut).toBeLessThanOrEqual(loss(raw, 'docker', { containerPath: 'default' }));
      for (const lane of ['esxi', 'kvm'] as const) expect(shortCut).toBeLessThanOrEqual(loss(raw, lane));
    }),
  );
});

test('property: for any path, a container’s loss is never above a VM’s with full emulation', () => {
  fc.assert(
    fc.property(arbitrary, (raw) => {
      for (const lane of ['esxi', 'kvm'] as const)
        expect(loss(raw, 'docker')).toBeLessThanOrEqual(loss(raw, lane, { vmPath: 'emulated' }));
    }),
  );
});
