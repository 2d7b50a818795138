// A virtual switch on the real guest (chapter 1, why-virtualization): network namespaces as servers, veth pairs as
// cables, a Linux bridge as the switch; then bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING, which needs
// CONFIG_VLAN_8021Q) puts web and db in VLAN 10 and mail in VLAN 20, and web can no longer reach mail.
// The blocks and their sources are in ./bridge-vlan-commands.ts; they run here in the order a learner types them.
import { describe, expect, it } from 'vitest';
import { blocks, servers, setup } from './bridge-vlan-commands.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh, run } = useRestoredGuest();

/** busybox ping's summary line for one packet sent. */
const REACHED = /^1 packets transmitted, 1 packets received, 0% packet loss$/m;
const LOST = /^1 packets transmitted, 0 packets received, 100% packet loss$/m;
/** `ip` runs glibc from the lazy 9p tree: ~0.3-0.5 s each, more on a loaded host and on first use. */
const SLOW = 90_000;

/** Pings `to` once from inside the namespace `from` (waiting at most 1 s) and returns the whole result. */
const ping = (from: string, to: string) => run(`ip netns exec ${from} ping -c 1 -W 1 ${to}`, SLOW);
const address = (name: string) => servers.find((s) => s.name === name)?.address ?? '';

// Several `ip` runs per test, and the first after a restore fetches iproute2 and glibc over 9p (setup alone took
// 30 s on a loaded 2-core host): more than the vm project's 60 s default per test.
describe('a virtual switch in the guest', { timeout: 240_000 }, () => {
  it('setup makes three servers, each with eth0 and its address, and is idempotent', async () => {
    await sh(setup, SLOW);
    const again = await run(setup, SLOW);
    expect(again).toMatchObject({ exitCode: 0, output: '' });
    const look = await sh(blocks.look, SLOW);
    // ip netns list: newest first, with the netnsid the host gave each one.
    expect(look).toMatch(/^mail \(id: \d+\)\ndb \(id: \d+\)\nweb \(id: \d+\)\n/);
    // The host ends: down and unplugged, named after the server, peer shown by index (it is in another namespace).
    for (const { name } of servers) {
      expect(look).toMatch(new RegExp(`^${name}@if\\d+\\s+DOWN\\s`, 'm'));
    }
    expect(look).not.toContain('master');
    // Inside, eth0 is up with its address but LOWERLAYERDOWN: the other end of its cable is still down.
    for (const { name, address } of servers) {
      const inside = await sh(`ip -n ${name} -br addr show eth0`, SLOW);
      expect(inside).toMatch(
        new RegExp(`^eth0@if\\d+\\s+LOWERLAYERDOWN\\s+${address.replaceAll('.', '\\.')}/24`),
      );
    }
  });

  it('without a switch, web cannot reach db', async () => {
    const result = await ping('web', address('db'));
    expect(result.output).toMatch(LOST);
    expect(result.exitCode).toBe(1);
  });

  it('plugging the three host ends into br0 gives three forwarding ports', async () => {
    const out = await sh(blocks.plug, SLOW);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    servers.forEach(({ name }, i) => {
      expect(lines[i]).toMatch(
        new RegExp(
          `^\\d+: ${name}@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding `,
        ),
      );
    });
  });

  it('through the bridge, everyone reaches everyone', async () => {
    const out = await sh(blocks.pingAll, SLOW);
    expect(out.match(new RegExp(REACHED, 'gm'))).toHaveLength(2);
    expect((await ping('db', address('mail'))).output).toMatch(REACHED);
    expect((await ping('mail', address('web'))).output).toMatch(REACHED);
  });

  it('ip -d shows the bridge VLAN-unaware at first', async () => {
    expect(await sh(`ip -d link show br0 | grep -o 'vlan_filtering [0-9]'`, SLOW)).toBe('vlan_filtering 0\n');
  });

  it('with vlan_filtering 1, every port and the bridge itself start in VLAN 1 (PVID, untagged)', async () => {
    const out = await sh(blocks.filter, SLOW);
    const [flag, ...table] = out.split('\n');
    expect(flag).toBe('vlan_filtering 1');
    // Ports in interface-index order; br0 (made after the cables) last.
    expect(vlanTable(table.join('\n'))).toEqual([
      ['web', '1 PVID Egress Untagged'],
      ['db', '1 PVID Egress Untagged'],
      ['mail', '1 PVID Egress Untagged'],
      ['br0', '1 PVID Egress Untagged'],
    ]);
    // Everyone is still in the same VLAN (1): nothing changed for the servers yet.
    expect((await ping('web', address('mail'))).output).toMatch(REACHED);
  });

  it('web and db in VLAN 10, mail in VLAN 20: bridge vlan show says so', async () => {
    const out = await sh(blocks.assign, SLOW);
    // br0 itself stays in VLAN 1: the host's own port on the bridge, unused here (br0 has no address).
    expect(vlanTable(out)).toEqual([
      ['web', '10 PVID Egress Untagged'],
      ['db', '10 PVID Egress Untagged'],
      ['mail', '20 PVID Egress Untagged'],
      ['br0', '1 PVID Egress Untagged'],
    ]);
  });

  it('the same VLAN still reaches, another VLAN does not', async () => {
    const result = await run(blocks.pingSplit, SLOW);
    const [toDb, toMail] = result.output.split(/^(?=PING )/m);
    expect(toDb).toMatch(REACHED);
    expect(toMail).toMatch(LOST);
    expect(result.exitCode).toBe(1);
    // Both ways, and from db too: VLAN 20 is cut off from VLAN 10.
    for (const [from, to] of [
      ['mail', 'web'],
      ['db', 'mail'],
      ['mail', 'db'],
    ] as const) {
      const r = await ping(from, address(to));
      expect(r.output, `${from} -> ${to}`).toMatch(LOST);
      expect(r.exitCode).toBe(1);
    }
    expect((await ping('db', address('web'))).output).toMatch(REACHED);
  });

  it('mail moves to VLAN 10 and web reaches it again', async () => {
    const out = await sh(blocks.rejoin, SLOW);
    const [table, pinged] = out.split(/^(?=PING )/m);
    expect(vlanTable(table ?? '')).toEqual([['mail', '10 PVID Egress Untagged']]);
    expect(pinged).toMatch(REACHED);
  });

  it('VLAN_8021Q also gives 802.1Q VLAN interfaces (ip link add … type vlan)', async () => {
    const out = await sh(
      'ip link add link br0 name br0.10 type vlan id 10 && ip -d link show br0.10 | grep -o "vlan protocol 802.1Q id 10"; ip link del br0.10',
      SLOW,
    );
    expect(out).toBe('vlan protocol 802.1Q id 10\n');
  });

  it('cleanup leaves only lo', async () => {
    const out = await sh(blocks.cleanup, SLOW);
    expect(out).toMatch(/^lo\s+UNKNOWN\s/);
    expect(out.trim().split('\n')).toHaveLength(1);
  });
});

/**
 * `bridge vlan show` as [port, entry] rows: the header ("port  vlan-id") dropped, a continuation line (more VLANs
 * on the same port) with an empty port, spaces squeezed.
 */
function vlanTable(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^port\s+vlan-id/.test(line))
    .map((line) => {
      const match = /^(\S*)\s+(.*\S)\s*$/.exec(line);
      if (!match) throw new Error(`not a bridge vlan line: ${JSON.stringify(line)}`);
      return [match[1] ?? '', match[2] ?? ''];
    });
}
