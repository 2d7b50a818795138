// Every command of the chapter "esxi", run on the real guest as the page shows it, with the output the page
// describes, and the host profile script of its <ContainerScript>: state made by hand is lost when the machine is
// reset (the playground's "Reset machine" starts a new guest from the clean saved state, src/playground/
// machine-client.ts; here a new Guest is restored the same way), the profile rebuilds it exactly, applying it a
// second time changes nothing and prints no error, and applying it again undoes drift made by hand.
import { afterAll, describe, expect, it } from 'vitest';
import { Guest } from '../../src/emulator/guest.ts';
import { nodeAssets } from '../../src/emulator/node-assets.ts';
import { blocks, hostProfile } from './esxi-commands.ts';

let guest: Guest | undefined;
async function freshGuest(): Promise<Guest> {
  await guest?.dispose();
  guest = new Guest({ assets: nodeAssets() });
  const started = await guest.restore();
  expect(started.mode).toBe('restored');
  return guest;
}
afterAll(async () => {
  await guest?.dispose();
});

const lines = (output: string) =>
  output
    .trimEnd()
    .split('\n')
    .map((l) => l.trimEnd());
const configured = [
  'esx-lab-01',
  // A bridge with no ports yet: the kernel reports its operational state as UNKNOWN.
  'br0              UNKNOWN        192.168.50.10/24',
  '67108864',
  '50000 100000',
];

describe('a host configured by hand', () => {
  it('has the name, bridge, address and cgroup limits the page shows', async () => {
    const g = await freshGuest();
    const byHand = await g.run(blocks.byHand);
    expect(byHand).toMatchObject({ output: '', exitCode: 0 });
    expect(lines((await g.run(blocks.show)).output)).toEqual(configured);
  }, 120_000);

  it('loses all of it when the machine is reset', async () => {
    const g = await freshGuest();
    const result = await g.run(blocks.show);
    expect(lines(result.output)).toEqual([
      'vlab',
      'Device "br0" does not exist.',
      "cat: can't open '/sys/fs/cgroup/pool-web/memory.max': No such file or directory",
      "cat: can't open '/sys/fs/cgroup/pool-web/cpu.max': No such file or directory",
    ]);
    expect(result.exitCode).not.toBe(0);
  }, 120_000);
});

describe('the host profile', () => {
  it('rebuilds the same host on the reset machine, and a second run changes nothing and prints no error', async () => {
    const g = guest as Guest;
    const summary = 'applied: esx-lab-01, br0 192.168.50.10/24, pool-web memory.max 67108864\n';
    const first = await g.run(hostProfile, { timeoutMs: 60_000 });
    expect(first).toMatchObject({ output: summary, exitCode: 0 });
    expect(lines((await g.run(blocks.show)).output)).toEqual(configured);
    const second = await g.run(hostProfile, { timeoutMs: 60_000 });
    expect(second).toMatchObject({ output: summary, exitCode: 0 });
    expect(lines((await g.run(blocks.show)).output)).toEqual(configured);
    // Exactly one IPv4 address on br0, and one bridge: nothing was added twice.
    expect((await g.run('ip -o -4 addr show dev br0 | wc -l; ls -d /sys/class/net/br* | wc -l')).output).toBe(
      '1\n1\n',
    );
  }, 180_000);

  it('without a guard, adding the bridge again fails with "File exists"', async () => {
    const result = await (guest as Guest).run(blocks.addTwice);
    expect(result.output).toBe('RTNETLINK answers: File exists\nexit 2\n');
  });

  it('puts back a limit changed by hand (drift) when applied again', async () => {
    const g = guest as Guest;
    expect((await g.run(blocks.drift)).output).toBe('134217728\n');
    expect((await g.run(hostProfile, { timeoutMs: 60_000 })).exitCode).toBe(0);
    expect(lines((await g.run(blocks.show)).output)).toEqual(configured);
  }, 120_000);
});
