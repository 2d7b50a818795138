import { describe, expect, it } from 'vitest';
import { emulatorOptions, sameStateKey, stateKey } from '../../../src/emulator/state-key.ts';

describe('state key', () => {
  const key = stateKey('0.5.462', 'k'.repeat(64), 'b'.repeat(64), 'l'.repeat(64));

  it('matches itself regardless of property order (as read back from JSON)', () => {
    const reordered = JSON.parse(
      JSON.stringify({
        options: key.options,
        lazyIndexSha256: key.lazyIndexSha256,
        biosSha256: key.biosSha256,
        kernelSha256: key.kernelSha256,
        v86: key.v86,
      }),
    );
    expect(sameStateKey(key, reordered)).toBe(true);
  });

  it('changes with the v86 version, the kernel, the BIOS, the 9p index and every emulator option', () => {
    const { v86, kernelSha256: kernel, biosSha256: bios, lazyIndexSha256: lazy } = key;
    expect(sameStateKey(key, stateKey('0.5.463', kernel, bios, lazy))).toBe(false);
    expect(sameStateKey(key, stateKey(v86, 'x'.repeat(64), bios, lazy))).toBe(false);
    expect(sameStateKey(key, stateKey(v86, kernel, 'x'.repeat(64), lazy))).toBe(false);
    expect(sameStateKey(key, stateKey(v86, kernel, bios, 'x'.repeat(64)))).toBe(false);
    expect(sameStateKey(key, { ...key, options: { ...emulatorOptions, memorySize: 32 * 1024 * 1024 } })).toBe(
      false,
    );
    expect(sameStateKey(key, { ...key, options: { ...emulatorOptions, virtio9p: false } as never })).toBe(
      false,
    );
  });
});
