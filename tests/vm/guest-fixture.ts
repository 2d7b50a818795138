// Shared by the VM test files: one restored guest per file (restoring takes ~0.4 s, a cold boot
// ~3 s), and a `sh` helper that fails the test with the command's output when it exits non-zero.
import { afterAll, beforeAll, expect } from 'vitest';
import { Guest } from '../../src/emulator/guest.ts';
import type { RunResult } from '../../src/emulator/index.ts';
import { nodeAssets } from '../../src/emulator/node-assets.ts';

export interface GuestFixture {
  guest: () => Guest;
  /** Runs a command that must succeed and returns its output. */
  sh: (command: string, timeoutMs?: number) => Promise<string>;
  /** Runs a command and returns the whole result, whatever its exit code. */
  run: (command: string, timeoutMs?: number) => Promise<RunResult>;
}

export function useRestoredGuest(): GuestFixture {
  let guest: Guest | undefined;
  beforeAll(async () => {
    guest = new Guest({ assets: nodeAssets() });
    const started = await guest.restore();
    // A fallback cold boot would hide a broken committed state: fail loudly instead.
    expect(started.fallbackReason?.message).toBeUndefined();
    expect(started.mode).toBe('restored');
  });
  afterAll(async () => {
    await guest?.dispose();
  });
  const current = (): Guest => {
    if (!guest) throw new Error('guest not started (beforeAll failed?)');
    return guest;
  };
  const run = (command: string, timeoutMs = 20_000) => current().run(command, { timeoutMs });
  const sh = async (command: string, timeoutMs?: number) => {
    const result = await run(command, timeoutMs);
    if (result.exitCode !== 0) {
      throw new Error(`exit ${result.exitCode} from ${JSON.stringify(command)}; output:\n${result.output}`);
    }
    return result.output;
  };
  return { guest: current, sh, run };
}
