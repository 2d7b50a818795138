import { describe, expect, it } from 'vitest';
import { emulatorOptions, sameStateKey, stateKey } from '../../../src/emulator/state-key.ts';

describe('state key', () => {
  const key = stateKey('0.5.462', 'k'.repeat(64), 'b'.repeat(64));

  it('matches itself regardless of property order (as read back from JSON)', () => {
    const reordered = JSON.parse(
      JSON.stringify({
        options: key.options,
        biosSha256: key.biosSha256,
        kernelSha256: key.kernelSha256,
        v86: key.v86,
      }),
    );
    expect(sameStateKey(key, reordered)).toBe(true);
  });

  it('changes with the v86 version, the kernel, the BIOS and every emulator option', () => {
    expect(sameStateKey(key, stateKey('0.5.463', key.kernelSha256, key.biosSha256))).toBe(false);
    expect(sameStateKey(key, stateKey(key.v86, 'x'.repeat(64), key.biosSha256))).toBe(false);
    expect(sameStateKey(key, stateKey(key.v86, key.kernelSha256, 'x'.repeat(64)))).toBe(false);
    expect(sameStateKey(key, { ...key, options: { ...emulatorOptions, memorySize: 32 * 1024 * 1024 } })).toBe(
      false,
    );
  });
});
