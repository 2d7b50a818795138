// Guest.restore zeroes only the first megabyte of guest RAM before a restore, not all of it as v86 would
// (skipZeroingFreshRam in src/emulator/v86-internals.ts), because a newly created emulator's RAM above that
// is zero already. This checks that assumption where it matters, at the moment the state is about to be
// restored, so a v86 upgrade that writes higher into RAM while setting up fails here instead of leaving stray
// bytes in free guest pages (with init_on_free=1 the guest kernel trusts free pages to be zero).
import { expect, it } from 'vitest';
import { Guest } from '../../src/emulator/guest.ts';
import { nodeAssets } from '../../src/emulator/node-assets.ts';
import { cpuOf, DIRTY_LOW_RAM_BYTES } from '../../src/emulator/v86-internals.ts';

it("a new emulator's RAM above the first megabyte is all zero when the state is restored into it", async () => {
  const nonZero: string[] = [];
  let ramBytes = 0;
  const guest = new Guest({
    assets: nodeAssets(),
    onEmulatorCreated: (emulator) =>
      // Registered before Guest's own listener, so this runs before restore_state.
      emulator.add_listener('emulator-loaded', () => {
        const ram = cpuOf(emulator)?.mem8 ?? new Uint8Array();
        ramBytes = ram.length;
        const words = new Int32Array(ram.buffer, ram.byteOffset, ram.length / 4);
        for (let i = DIRTY_LOW_RAM_BYTES / 4; i < words.length; i++) {
          if (words[i] !== 0 && nonZero.length < 10) nonZero.push(`0x${(i * 4).toString(16)}`);
        }
      }),
  });
  try {
    const started = await guest.restore();
    expect(started.mode).toBe('restored');
    expect(ramBytes).toBe(64 * 1024 * 1024);
    expect(nonZero).toEqual([]);
    const result = await guest.run('echo restored-ok');
    expect(result.output).toContain('restored-ok');
  } finally {
    await guest.dispose();
  }
});
