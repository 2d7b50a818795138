// A machine saved while the guest waits for a lazily served file must come back working. v86 takes the 9p
// request off the queue before the file's bytes arrive; a state saved in between used to keep the queue's
// indices but not the request, so the restored guest waited for that answer forever (CI saw a restored
// playground whose `unshare … ps` never returned). Guest.saveState now pauses the CPU and waits for requests
// in flight (v86-internals.ts, ninePRequestsInFlight).

import type { V86 } from 'v86';
import { afterAll, expect, test } from 'vitest';
import { Guest } from '../../src/emulator/guest.ts';
import { nodeAssets } from '../../src/emulator/node-assets.ts';
import { ninePRequestsInFlight } from '../../src/emulator/v86-internals.ts';

const FILE_DELAY_MS = 1_500;
const guests: Guest[] = [];
afterAll(async () => {
  await Promise.all(guests.map((guest) => guest.dispose()));
});

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a machine saved while a file read is in flight restores with that read finished, not hung', async () => {
  const assets = nodeAssets();
  let emulator: V86 | undefined;
  const first = new Guest({
    // Every file of the lazy tree arrives late, as over a slow network: the read stays in flight.
    assets: {
      ...assets,
      lazyFile: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, FILE_DELAY_MS));
        return assets.lazyFile(key);
      },
    },
    onEmulatorCreated: (created) => {
      emulator = created;
    },
  });
  guests.push(first);
  await first.restore();
  // Typed on the console, as a learner would: the program channel (run) would wait for it to finish.
  // strace is not read by the saved state's boot, so its bytes are fetched now.
  first.sendConsoleInput('cat /opt/vlab/usr/bin/strace > /dev/null && echo read-done-$((40+2))\r');
  await until(
    () => emulator !== undefined && ninePRequestsInFlight(emulator) > 0,
    10_000,
    'a 9p read in flight',
  );
  const state = await first.saveState();
  // The first machine carries on after the save.
  expect((await first.run('echo still-running', { timeoutMs: 20_000 })).output).toContain('still-running');

  const second = new Guest({ assets: { ...assets, state: async () => state }, coldBootFallback: false });
  guests.push(second);
  let output = '';
  second.onConsoleOutput((text) => {
    output += text;
  });
  const started = await second.restore();
  expect(started.mode).toBe('restored');
  await until(() => output.includes('read-done-42'), 15_000, 'the restored machine to finish the read');
  expect((await second.run('echo alive', { timeoutMs: 20_000 })).output).toContain('alive');
});
