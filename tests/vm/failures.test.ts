// What goes wrong must be reported, not hang: a missing or corrupt state falls back to a cold
// boot, a runaway command times out and the guest stays usable, a kernel panic or an emulator
// exception becomes an `error` event.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandTimeoutError, type GuestError } from '../../src/emulator/errors.ts';
import { Guest } from '../../src/emulator/guest.ts';
import { nodeAssets } from '../../src/emulator/node-assets.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { guest, sh, run } = useRestoredGuest();
const extraGuests: Guest[] = [];

afterEach(async () => {
  await Promise.all(extraGuests.splice(0).map((g) => g.dispose()));
});

function newGuest(options: Partial<ConstructorParameters<typeof Guest>[0]> = {}): {
  guest: Guest;
  errors: GuestError[];
} {
  const errors: GuestError[] = [];
  const g = new Guest({ assets: nodeAssets(), ...options });
  g.on('error', (error) => errors.push(error));
  extraGuests.push(g);
  return { guest: g, errors };
}

describe('a command that does not finish', () => {
  it('times out with its partial output, and the guest runs the next command', async () => {
    const error = await run('echo started; sleep 30; echo never', 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect((error as CommandTimeoutError).partialOutput).toBe('started\n');
    expect((error as CommandTimeoutError).code).toBe('command-timeout');
    // Its whole process group was killed, sleep included. SIGKILL is queued to the group at once,
    // but the orphaned sleep is reaped by busybox init when the guest schedules it (on CI's loaded
    // machine, after the agent already answered), so look for up to 5 s; a sleep 30 that survived
    // the kill would still be there.
    expect(
      await sh(
        'for i in $(seq 50); do pidof sleep > /dev/null || break; sleep 0.1; done; pidof sleep || echo none',
      ),
    ).toBe('none\n');
    expect(await sh('echo still here')).toBe('still here\n');
  });

  it('reports exit codes and keeps stdout and stderr', async () => {
    expect(await run('echo out; echo err >&2; exit 3')).toMatchObject({ output: 'out\nerr\n', exitCode: 3 });
  });
});

describe('the learner console and the program channel are separate', () => {
  it('console input runs in the login shell; program output never reaches the console', async () => {
    let screen = '';
    const subscription = guest().onConsoleOutput((text) => {
      screen += text;
    });
    const answered = new Promise<void>((resolve) => {
      const check = guest().onConsoleOutput(() => {
        if (screen.includes('\n42')) {
          check.dispose();
          resolve();
        }
      });
    });
    await sh('echo program-channel-secret');
    guest().sendConsoleInput('echo $((6 * 7))\r');
    await answered;
    subscription.dispose();
    expect(screen).not.toContain('program-channel-secret');
  });
});

describe('a missing or corrupt saved state', () => {
  it('missing: reports state-unavailable and cold-boots instead', async () => {
    const { guest: g, errors } = newGuest({ assets: nodeAssets({ stateFile: 'no-such-state.bin.zst' }) });
    const started = await g.restore();
    expect(started.mode).toBe('booted');
    expect(started.fallbackReason?.code).toBe('state-unavailable');
    expect(errors.map((e) => e.code)).toEqual(['state-unavailable']);
    expect(errors[0]?.message).toMatch(/no-such-state\.bin\.zst/);
    expect((await g.run('echo booted')).output).toBe('booted\n');
  });

  it('corrupt: reports state-unavailable and cold-boots instead', async () => {
    const real = await readFile(new URL('../../public/guest/state.bin.zst', import.meta.url));
    const corrupt = new Uint8Array(real.subarray(0, 4096)); // a truncated download
    const assets = { ...nodeAssets(), state: async () => corrupt.buffer };
    const { guest: g, errors } = newGuest({ assets });
    const started = await g.restore();
    expect(started.mode).toBe('booted');
    expect(errors[0]?.code).toBe('state-unavailable');
    expect((await g.run('echo booted')).output).toBe('booted\n');
  });
});

describe('a guest that crashes', () => {
  it('kernel panic: the running command fails and an error event says so', async () => {
    const { guest: g, errors } = newGuest();
    const exits: string[] = [];
    g.on('exit', ({ reason }) => exits.push(reason));
    await g.restore();
    // SysRq "c" crashes the kernel on purpose (Documentation/admin-guide/sysrq.rst).
    const error = await g.run('echo c > /proc/sysrq-trigger').catch((e: unknown) => e);
    expect((error as GuestError).code).toBe('kernel-panic');
    expect(errors.map((e) => e.code)).toEqual(['kernel-panic']);
    expect(errors[0]?.message).toContain('Kernel panic - not syncing: sysrq triggered crash');
    expect(exits).toEqual(['kernel-panic']);
    expect(g.status).toBe('crashed');
    await expect(g.run('echo hi')).rejects.toMatchObject({ code: 'crashed' });
  });

  it('emulator exception: reported as an error event instead of escaping to the host', async () => {
    let emulator: unknown;
    const { guest: g, errors } = newGuest({ onEmulatorCreated: (e) => (emulator = e) });
    await g.restore();
    // Make v86's CPU loop throw, as a wasm trap or an emulator bug would.
    const cpu = (emulator as { v86: { cpu: { main_loop: () => number } } }).v86.cpu;
    cpu.main_loop = () => {
      throw new Error('injected fault');
    };
    const error = await g.run('echo hi').catch((e: unknown) => e);
    expect((error as GuestError).code).toBe('emulator-exception');
    expect(errors[0]?.message).toContain('injected fault');
  });
});
