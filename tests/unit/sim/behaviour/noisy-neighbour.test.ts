// The noisy-neighbour scenario: proportional share with floors and caps, what each lane's knobs do, and the
// properties that matter (weights only under contention, caps even when idle, unused reservations not wasted).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  noisyNeighbourNoIdleCap,
  noisyNeighbourVictimsServed,
} from '../../../../src/sim/behaviour/checks/noisy-neighbour.ts';
import { normalise } from '../../../../src/sim/behaviour/params.ts';
import {
  cpuResult,
  dockerWeights,
  memoryResult,
  noisyNeighbour,
} from '../../../../src/sim/behaviour/scenarios/noisy-neighbour.ts';
import {
  type CpuConsumer,
  cpuWeightFormulas,
  cpuWeightFromShares,
  shareCpu,
} from '../../../../src/sim/behaviour/scenarios/noisy-neighbour-model.ts';

const consumer = fc.record({
  demand: fc.double({ min: 0, max: 32, noNaN: true }),
  weight: fc.double({ min: 1, max: 10_000, noNaN: true }),
  cap: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 32, noNaN: true })),
  floor: fc.constant(0),
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('shareCpu', () => {
  test('never gives anyone more than its demand or cap, and never hands out more than the host has', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 64, noNaN: true }),
        fc.array(consumer, { minLength: 1, maxLength: 8 }),
        (capacity, cs) => {
          const got = shareCpu(capacity, cs);
          for (const [i, g] of got.entries()) {
            const c = cs[i];
            if (c) expect(g).toBeLessThanOrEqual(Math.min(c.demand, c.cap) + 1e-9);
          }
          expect(sum(got)).toBeLessThanOrEqual(capacity + 1e-6);
          // Work-conserving: cores stay idle only when nobody can use them.
          expect(sum(got)).toBeCloseTo(Math.min(capacity, sum(cs.map((c) => Math.min(c.demand, c.cap)))), 5);
        },
      ),
    );
  });

  test('weights do not matter when there is enough for everyone', () => {
    const cs: CpuConsumer[] = [
      { demand: 2, weight: 1, cap: Number.POSITIVE_INFINITY, floor: 0 },
      { demand: 3, weight: 1000, cap: Number.POSITIVE_INFINITY, floor: 0 },
    ];
    expect(shareCpu(8, cs)).toEqual([2, 3]);
  });

  test('a cap binds even on an idle host; a reservation left unused goes to the others', () => {
    expect(shareCpu(16, [{ demand: 16, weight: 1, cap: 4, floor: 0 }])).toEqual([4]);
    const got = shareCpu(16, [
      { demand: 16, weight: 1, cap: Number.POSITIVE_INFINITY, floor: 0 },
      { demand: 0, weight: 1, cap: Number.POSITIVE_INFINITY, floor: 8 },
    ]);
    expect(got[0]).toBeCloseTo(16, 6);
  });

  test('under contention, shares follow the weights', () => {
    const busy = (weight: number): CpuConsumer => ({
      demand: 10,
      weight,
      cap: Number.POSITIVE_INFINITY,
      floor: 0,
    });
    const [a, b] = shareCpu(4, [busy(100), busy(300)]);
    expect(a).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(3, 6);
  });
});

describe('the scenario at its defaults (16 cores, a 16-vCPU noisy instance, five victims needing 3 cores)', () => {
  const p = normalise(noisyNeighbour.params, {});
  test('ESXi: normal shares grow with vCPUs, so the 16-vCPU VM takes 16000 against 5 × 3000', () => {
    expect(cpuResult(p, 'esxi').victimEach).toBeCloseTo((16 * 3000) / 31000, 6);
  });
  test('KVM and Docker: equal weights give each of the six 16/6 cores', () => {
    expect(cpuResult(p, 'kvm').victimEach).toBeCloseTo(16 / 6, 6);
    expect(cpuResult(p, 'docker').victimEach).toBeCloseTo(16 / 6, 6);
  });
  test('memory: the VMs are bounded by their configured size; the container without --memory is not', () => {
    expect(memoryResult(p, 'esxi')).toEqual({ noisyMax: 16, hostPressure: false });
    expect(memoryResult(p, 'docker')).toEqual({ noisyMax: 64, hostPressure: true });
  });
  test('the steps say who is short of CPU', () => {
    const run = noisyNeighbour.run({});
    const esxi = run.steps.find((s) => s.lane === 'esxi' && s.at === 1000);
    expect(esxi?.kind).toBe('loss');
    expect(esxi?.what.en).toContain('1.55 cores');
  });
});

test('a reservation larger than the host leaves VMs powered off', () => {
  const p = normalise(noisyNeighbour.params, { esxiVictimReservation: 4 });
  expect(cpuResult(p, 'esxi').running).toBe(4);
  const run = noisyNeighbour.run(p);
  expect(run.steps.find((s) => s.lane === 'esxi' && s.at === 1000)?.what.en).toContain(
    'only 4 of 5 VMs power on',
  );
});

test('property: raising the noisy instance’s weight never gives the victims more CPU', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 100 }), (w, extra) => {
      const low = cpuResult(normalise(noisyNeighbour.params, { kvmNoisyWeight: w }), 'kvm').victimEach;
      const high = cpuResult(
        normalise(noisyNeighbour.params, { kvmNoisyWeight: Math.min(10000, w + extra) }),
        'kvm',
      ).victimEach;
      expect(high).toBeLessThanOrEqual(low + 1e-9);
    }),
  );
});

test('property: KVM and Docker give the same CPU when they write the same cpu.weight (one cgroup mechanism)', () => {
  // With runc 1.3.2 and later a victim left at --cpu-shares 1024 weighs 100, like a KVM guest left at cpu.weight 100.
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2048 }), fc.integer({ min: 1, max: 12 }), (half, victims) => {
      const p = normalise(noisyNeighbour.params, {
        victims,
        dockerNoisyCpuShares: half * 2,
        dockerCpuWeightFormula: 'quadratic',
      });
      const { noisy, victim } = dockerWeights(p);
      expect(victim).toBe(100);
      const kvm = cpuResult(normalise(noisyNeighbour.params, { victims, kvmNoisyWeight: noisy }), 'kvm');
      const docker = cpuResult(p, 'docker');
      expect(kvm.victimEach).toBeCloseTo(docker.victimEach, 6);
      expect(kvm.noisy).toBeCloseTo(docker.noisy, 6);
    }),
  );
});

describe('--cpu-shares to cpu.weight, as runc converts it', () => {
  test('the linear formula (runc up to 1.3.1) and the one of runc 1.3.2 and later', () => {
    expect(cpuWeightFromShares(1024, 'linear')).toBe(39);
    expect(cpuWeightFromShares(1024, 'quadratic')).toBe(100);
    // runc issue 4896: --cpu-shares 2000 gave 77 with v1.3.1 and 170 with v1.4.0-rc.1.
    expect(cpuWeightFromShares(2000, 'linear')).toBe(77);
    expect(cpuWeightFromShares(2000, 'quadratic')).toBe(170);
    for (const f of cpuWeightFormulas) {
      expect(cpuWeightFromShares(2, f)).toBe(1);
      expect(cpuWeightFromShares(262144, f)).toBe(10000);
    }
  });
  test('the ratio survives the linear formula but not the newer one: 256 against 1024', () => {
    const at = (formula: string) =>
      cpuResult(
        normalise(noisyNeighbour.params, { dockerNoisyCpuShares: 256, dockerCpuWeightFormula: formula }),
        'docker',
      ).victimEach;
    expect(at('linear')).toBeCloseTo(3, 6);
    expect(at('quadratic')).toBeLessThan(3);
    expect(
      cpuResult(
        normalise(noisyNeighbour.params, { dockerNoisyCpuShares: 128, dockerCpuWeightFormula: 'quadratic' }),
        'docker',
      ).victimEach,
    ).toBeCloseTo(3, 6);
  });
  test('property: raising --cpu-shares never lowers the cpu.weight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 262143 }), fc.constantFrom(...cpuWeightFormulas), (s, f) => {
        expect(cpuWeightFromShares(s + 1, f)).toBeGreaterThanOrEqual(cpuWeightFromShares(s, f));
      }),
    );
  });
});

test('the CPU checks refuse a workload that spares one lane the work (victims needing 2.5 cores)', () => {
  // 2.5-core victims: KVM and Docker serve them at equal weights (16/6 cores each); only ESXi would need a fix.
  const state = {
    scenario: 'noisy-neighbour' as const,
    params: { victimVcpus: 2.5, esxiVictimReservation: 2.5, dockerNoisyMemoryGiB: 16 },
  };
  for (const check of [noisyNeighbourVictimsServed, noisyNeighbourNoIdleCap]) {
    const out = check(state);
    expect(out.passed).toBe(false);
    expect(out.evidence.en).toContain('KVM, Docker');
  }
});
