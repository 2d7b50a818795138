// A freshly restored guest in Node for verify.ts and the VM test: one per exercise, so no exercise sees
// another's leftovers (restoring takes ~0.4 s).
import { Guest } from '../emulator/guest.ts';
import { nodeAssets } from '../emulator/node-assets.ts';
import type { DisposableRunner } from './verify-exercise.ts';

export async function startRestoredGuest(): Promise<DisposableRunner> {
  const guest = new Guest({ assets: nodeAssets() });
  const started = await guest.restore();
  // A cold boot would also be a real guest, but it means the committed state is broken: say so loudly.
  if (started.mode !== 'restored') {
    await guest.dispose();
    throw new Error(
      `the saved guest state did not restore (${started.fallbackReason?.message ?? 'unknown reason'})`,
    );
  }
  return guest;
}
