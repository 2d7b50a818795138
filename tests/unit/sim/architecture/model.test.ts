// The architecture explorer's model: which layers are copied per instance and which are shared, totals for N
// instances, that every number says where it comes from, and that the container stack never costs more than the
// VM stack, for any N.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  architectureStateProblems,
  defaultArchitectureState,
  layerIds,
  layers,
  MAX_INSTANCES,
  MIN_INSTANCES,
  normaliseArchitectureState,
  stackIds,
  totals,
} from '../../../../src/sim/architecture/model.ts';

const n = fc.integer({ min: MIN_INSTANCES, max: MAX_INSTANCES });

describe('layers', () => {
  test('every layer id appears once, each stack has a shared hardware layer at the bottom', () => {
    expect(layers.map((l) => l.id)).toEqual([...layerIds]);
    for (const stack of stackIds) {
      const own = layers.filter((l) => l.stack === stack);
      expect(own.at(-1)?.scope).toBe('shared');
      expect(own.at(-1)?.id).toMatch(/hardware$/);
    }
  });

  test('the guest OS is per VM with the article’s 512 MB and 4 GB; the kernel is shared by the environments', () => {
    const guest = layers.find((l) => l.id === 'vm-guest-os');
    expect(guest?.scope).toBe('per-instance');
    expect([guest?.memory.mib, guest?.disk.mib]).toEqual([512, 4096]);
    expect(guest?.memory.provenance.kind).toBe('article');
    expect(layers.find((l) => l.id === 'ct-kernel')?.scope).toBe('shared');
    expect(layers.find((l) => l.id === 'ct-image')?.scope).toBe('shared');
  });

  test('every number carries its provenance with a reason in both languages', () => {
    for (const layer of layers)
      for (const amount of [layer.memory, layer.disk]) {
        const p = amount.provenance;
        const text = p.kind === 'article' ? p.where : p.reason;
        expect(text.ja.length, layer.id).toBeGreaterThan(5);
        expect(text.en.length, layer.id).toBeGreaterThan(5);
        expect(amount.mib).toBeGreaterThanOrEqual(0);
      }
  });
});

describe('totals', () => {
  test('eight VMs add the article’s 4 GB of memory and 32 GB of disk for their guest OSes', () => {
    const vm = totals('vm', 8);
    const apps = layers.find((l) => l.id === 'vm-app');
    expect(vm.memoryMiB).toBe(8 * (512 + (apps?.memory.mib ?? 0)));
    expect(vm.diskMiB).toBe(8 * (4096 + (apps?.disk.mib ?? 0)));
  });

  test('property: containers never cost more memory or disk than VMs, for any N', () => {
    fc.assert(
      fc.property(n, (count) => {
        const vm = totals('vm', count);
        const ct = totals('container', count);
        return ct.memoryMiB <= vm.memoryMiB && ct.diskMiB <= vm.diskMiB;
      }),
    );
  });

  test('property: totals are shared + N × per-instance, so each instance adds the same, and the gap only grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANCES, max: MAX_INSTANCES - 1 }), (count) => {
        for (const stack of stackIds) {
          const a = totals(stack, count);
          const b = totals(stack, count + 1);
          const c = totals(stack, 1);
          const d = totals(stack, 2);
          expect(b.memoryMiB - a.memoryMiB).toBeCloseTo(d.memoryMiB - c.memoryMiB, 9);
          expect(b.diskMiB - a.diskMiB).toBeCloseTo(d.diskMiB - c.diskMiB, 9);
        }
        const gap = (k: number) => totals('vm', k).diskMiB - totals('container', k).diskMiB;
        expect(gap(count + 1)).toBeGreaterThan(gap(count));
      }),
    );
  });
});

describe('state', () => {
  test('the default is valid; wrong values are named with what was received and expected', () => {
    expect(architectureStateProblems(defaultArchitectureState)).toEqual([]);
    expect(architectureStateProblems({ instances: 0, layer: 'kernel' })).toEqual([
      'instances: Received 0 / Expected a whole number from 1 to 64',
      'layer: Received "kernel" / Expected null or one of vm-app, vm-guest-os, vm-virtual-hardware, vm-hypervisor, vm-hardware, ct-app, ct-environment, ct-image, ct-kernel, ct-hardware',
    ]);
  });

  test('property: normalising any value gives a valid state, and a valid state is kept as it is', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (instances, layer) => {
        const state = normaliseArchitectureState({ instances, layer } as never);
        expect(architectureStateProblems(state)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(n, fc.constantFrom(null, ...layerIds), (instances, layer) => {
        expect(normaliseArchitectureState({ instances, layer })).toEqual({ instances, layer });
      }),
    );
  });
});
