// Every command of the chapter "why-virtualization", run on the real guest in page order as one session, with
// the output the page describes. The blocks live in ./why-virtualization-commands.ts (tests/content/ checks that
// both pages show exactly those). man pages: ip-netns(8), ip-link(8), bridge(8) (bridge vlan), veth(4);
// the bridge: https://docs.kernel.org/networking/bridge.html
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';
import { switchBlocks as block, underneathBlocks as underneath } from './why-virtualization-commands.ts';

const { sh, run } = useRestoredGuest();
/** `ip` takes seconds per call in the emulator on a loaded machine; the longest block runs four. */
const SLOW = 120_000;

/** The MAC address in an `ip -br link` line: "eth0@if3  UP  ce:30:43:f3:a4:44 <...>". */
function macOf(line: string | undefined): string {
  const mac = /\s([0-9a-f]{2}(?::[0-9a-f]{2}){5})\s/.exec(line ?? '')?.[1];
  if (!mac) throw new Error(`no MAC address in: ${line}`);
  return mac;
}

describe('try it: a virtual switch in your tab', () => {
  it('two named network namespaces, db and web', async () => {
    expect((await sh(block.servers, SLOW)).split('\n').filter(Boolean)).toEqual(['db', 'web']);
  });

  it('the bridge br0 is up (UP among its flags; its state column says UNKNOWN before any port)', async () => {
    const out = await sh(block.bridge, SLOW);
    expect(out).toMatch(/^br0\s+UNKNOWN\s+[0-9a-f:]{17} <[A-Z_,-]*\bUP\b[A-Z_,-]*>/);
  });

  it('web and db are each cabled to br0, both named eth0 inside', async () => {
    await sh(block.cableWeb, SLOW);
    await sh(block.cableDb, SLOW);
    await sh(block.addresses, SLOW);
    const out = await sh(block.ports, SLOW);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+: web-port@br0: <[A-Z_,]*\bUP\b.*> .*master br0 state forwarding /);
    expect(lines[1]).toMatch(/^\d+: db-port@br0: <[A-Z_,]*\bUP\b.*> .*master br0 state forwarding /);
  });

  it("db sees only its own lo and eth0, whose peer is the host's db-port", async () => {
    const dbPortIndex = (await sh('cat /sys/class/net/db-port/ifindex')).trim();
    const out = await sh(block.insideDb, SLOW);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^lo\s+DOWN\s*$/);
    expect(lines[1]).toMatch(new RegExp(`^eth0@if${dbPortIndex}\\s+UP\\s+10\\.0\\.0\\.2/24\\s*$`));
  });

  it('web pings db through the bridge: 3 of 3', async () => {
    const out = await sh(block.ping, SLOW);
    expect(out).toContain('3 packets transmitted, 3 packets received, 0% packet loss');
  });

  it("the bridge learned web's MAC behind web-port and db's behind db-port", async () => {
    const lines = (await sh(block.fdb, SLOW))
      .trim()
      .split('\n')
      .map((line) => line.trimEnd());
    const [web, db, ...fdb] = lines;
    expect(web).toMatch(/^eth0@if\d+\s+UP\s/);
    expect(db).toMatch(/^eth0@if\d+\s+UP\s/);
    expect(fdb.sort()).toEqual(
      [`${macOf(web)} dev web-port master br0`, `${macOf(db)} dev db-port master br0`].sort(),
    );
  });

  it('the default ageing time the text quotes: 300 s, printed as 30000', async () => {
    expect(await sh("ip -d link show br0 | grep -o 'ageing_time [0-9]*'", SLOW)).toBe('ageing_time 30000\n');
  });

  it('VLAN filtering on: every port and br0 itself in VLAN 1, PVID, egress untagged; still reachable', async () => {
    const out = await sh(block.vlanOn, SLOW);
    for (const port of ['web-port', 'db-port', 'br0']) {
      expect(out).toMatch(new RegExp(`^${port}\\s+1 PVID Egress Untagged\\s*$`, 'm'));
    }
    expect(out).not.toMatch(/^\S+\s+(?!1 )\d+ /m);
    expect(await sh('ip netns exec web ping -c 1 10.0.0.2', SLOW)).toContain('1 packets received');
  });

  it('db-port moved to VLAN 20: only VLAN 20 left on it', async () => {
    const out = await sh(block.dbToVlan20, SLOW);
    expect(
      out
        .trim()
        .split('\n')
        .map((line) => line.trimEnd()),
    ).toEqual([
      expect.stringMatching(/^port\s+vlan-id$/),
      expect.stringMatching(/^db-port\s+20 PVID Egress Untagged$/),
    ]);
  });

  it('web (VLAN 1) no longer reaches db (VLAN 20): 3 sent, 0 received', async () => {
    const result = await run(block.pingAcrossVlans, SLOW);
    expect(result.output).toContain('3 packets transmitted, 0 packets received, 100% packet loss');
    expect(result.exitCode).toBe(1);
  });

  it('web moved to VLAN 20 too: 3 of 3 again', async () => {
    const out = await sh(block.webToVlan20, SLOW);
    expect(out).toContain('3 packets transmitted, 3 packets received, 0% packet loss');
  });

  it('deleting the namespaces and the bridge leaves only lo', async () => {
    const out = await sh(block.cleanup, SLOW);
    expect(out.trim().split('\n')).toEqual([expect.stringMatching(/^lo\s+UNKNOWN\s/)]);
    expect(await sh('ip netns list', SLOW)).toBe('');
  });
});

describe('how it works underneath', () => {
  it('a trunk port: VLANs 10 and 20 added without untagged ride tagged, VLAN 1 stays its untagged PVID until removed', async () => {
    // The text: "bridge vlan add dev uplink vid 10" and "vid 20" make a trunk, VLAN 1 stays on it as the native
    // VLAN (PVID, Egress Untagged), and "bridge vlan del dev uplink vid 1" leaves the tagged VLANs only.
    const rows = (out: string) =>
      out
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.replace(/^uplink/, '').trim());
    const trunk = await sh(
      'ip link add brt type bridge vlan_filtering 1; ip link add uplink master brt type veth peer name uplink-peer; bridge vlan add dev uplink vid 10; bridge vlan add dev uplink vid 20; bridge vlan show dev uplink',
      SLOW,
    );
    expect(rows(trunk)).toEqual(['1 PVID Egress Untagged', '10', '20']);
    const tagged = await sh(
      'bridge vlan del dev uplink vid 1; bridge vlan show dev uplink; ip link del uplink; ip link del brt',
      SLOW,
    );
    expect(rows(tagged)).toEqual(['10', '20']);
  });

  it('RAID 5 parity: d2 rebuilt from the others and the XOR parity', async () => {
    expect(await sh(underneath.parity)).toBe('parity 0x5b; d2 rebuilt from d1, d3 and parity: 0x4c\n');
  });
});
