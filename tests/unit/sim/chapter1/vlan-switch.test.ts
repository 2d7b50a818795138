// The VLAN switch widget's model: same VLAN ⇔ reachable without a router (on one switch; across the link when
// it carries the VLAN), reachability symmetric and transitive, and the frame's path.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { vlanChecks, vlanStateProblems } from '../../../../src/sim/vlan-switch/checks.ts';
import {
  defaultVlanState,
  hostById,
  hostIds,
  linkCarries,
  normaliseVlanState,
  ping,
  reachable,
  reachGroups,
  type Uplink,
  type VlanState,
  vlanOf,
} from '../../../../src/sim/vlan-switch/model.ts';

// Few VLAN numbers, so that collisions (same VLAN) are common.
const vid = fc.constantFrom(1, 10, 20, 4094);
const uplink: fc.Arbitrary<Uplink> = fc.oneof(
  fc
    .uniqueArray(vid, { maxLength: 4 })
    .map((a) => ({ mode: 'trunk' as const, allowed: a.sort((x, y) => x - y) })),
  vid.map((v) => ({ mode: 'access' as const, vlan: v })),
  fc.constant({ mode: 'none' as const }),
);
const state: fc.Arbitrary<VlanState> = fc.record({
  vlans: fc
    .tuple(...hostIds.map(() => vid))
    .map((vids) => Object.fromEntries(hostIds.map((id, i) => [id, vids[i] as number]))),
  uplink,
});
const host = fc.constantFrom(...hostIds);

describe('reachability', () => {
  test('symmetric', () => {
    fc.assert(
      fc.property(state, host, host, (s, a, b) => {
        expect(reachable(s, a, b)).toBe(reachable(s, b, a));
      }),
    );
  });
  test('transitive', () => {
    fc.assert(
      fc.property(state, host, host, host, (s, a, b, c) => {
        if (reachable(s, a, b) && reachable(s, b, c)) expect(reachable(s, a, c)).toBe(true);
      }),
    );
  });
  test('reachable ⇔ same VLAN, and (same switch, or the link carries that VLAN)', () => {
    fc.assert(
      fc.property(state, host, host, (s, a, b) => {
        fc.pre(a !== b);
        const same = vlanOf(s, a) === vlanOf(s, b);
        const together = hostById(a)?.switchId === hostById(b)?.switchId;
        expect(reachable(s, a, b)).toBe(same && (together || linkCarries(s.uplink).includes(vlanOf(s, a))));
      }),
    );
  });
  test('groups partition the hosts', () => {
    fc.assert(
      fc.property(state, (s) => {
        const groups = reachGroups(s);
        expect(groups.flat().sort()).toEqual([...hostIds].sort());
      }),
    );
  });
});

describe('a frame’s path', () => {
  test('across a trunk the frame is tagged with its VLAN; at the access ports it is untagged', () => {
    const s = normaliseVlanState({
      vlans: { 'acct-1': 20, 'acct-3': 20 },
      uplink: { mode: 'trunk', allowed: [1, 20] },
    });
    const result = ping(s, 'acct-1', 'acct-3');
    expect(result.delivered).toBe(true);
    expect(result.hops).toEqual([
      { kind: 'send', host: 'acct-1' },
      { kind: 'ingress', switchId: 'sw1', port: 5, vlan: 20, tagged: false },
      { kind: 'egress', switchId: 'sw1', port: 8, vlan: 20, tagged: true },
      { kind: 'ingress', switchId: 'sw2', port: 1, vlan: 20, tagged: true },
      { kind: 'egress', switchId: 'sw2', port: 2, vlan: 20, tagged: false },
      { kind: 'deliver', host: 'acct-3' },
    ]);
  });
  test('dropped: another VLAN on the same switch, or a link that does not carry the VLAN', () => {
    const s = normaliseVlanState({
      vlans: { 'acct-1': 20, 'acct-3': 20 },
      uplink: { mode: 'trunk', allowed: [1] },
    });
    expect(ping(s, 'acct-1', 'web-1').dropped).toEqual({
      kind: 'other-vlan',
      switchId: 'sw1',
      vlan: 20,
      destinationVlan: 1,
    });
    expect(ping(s, 'acct-1', 'acct-3').dropped).toEqual({
      kind: 'link-excludes',
      vlan: 20,
      uplink: { mode: 'trunk', allowed: [1] },
    });
    expect(ping(defaultVlanState, 'web-1', 'web-3').delivered).toBe(true);
  });
});

describe('state', () => {
  test('a valid state comes back equal; anything becomes valid', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(normaliseVlanState(s)).toEqual(s);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(vlanStateProblems(normaliseVlanState(v))).toEqual([]);
      }),
    );
  });
  test('VLAN IDs 0 and 4095 are refused (IEEE 802.1Q reserves them)', () => {
    expect(vlanStateProblems({ vlans: { 'web-1': 4095 }, uplink: { mode: 'none' } })).toEqual([
      'vlans.web-1: Received 4095 / Expected a VLAN ID from 1 to 4094 (0 and 4095 are reserved by IEEE 802.1Q)',
    ]);
    expect(
      vlanStateProblems({ vlans: { 'web-9': 1 }, uplink: { mode: 'trunk', allowed: [20, 1] } }),
    ).toHaveLength(2);
  });
});

describe('exercise checks (accounting in its own VLAN)', () => {
  const run = (s: object) =>
    Object.fromEntries(Object.entries(vlanChecks).map(([name, check]) => [name, check(s as never).passed]));
  const acct = { 'acct-1': 20, 'acct-2': 20, 'acct-3': 20 };
  test('accounting in VLAN 20, both VLANs on the trunk: everything passes', () => {
    expect(run({ vlans: acct, uplink: { mode: 'trunk', allowed: [1, 20] } })).toEqual({
      vlanAccountingSeparated: true,
      vlanAccountingTogether: true,
      vlanOthersTogether: true,
    });
  });
  test('the trunk without VLAN 20 cuts acct-3 off; an access link of VLAN 20 cuts web-3 off', () => {
    expect(run({ vlans: acct, uplink: { mode: 'trunk', allowed: [1] } }).vlanAccountingTogether).toBe(false);
    expect(run({ vlans: acct, uplink: { mode: 'access', vlan: 20 } })).toMatchObject({
      vlanAccountingTogether: true,
      vlanOthersTogether: false,
    });
  });
  test('swapping the numbers passes too: checks look at who reaches whom', () => {
    const swapped = Object.fromEntries(hostIds.map((id) => [id, id.startsWith('acct') ? 1 : 30]));
    expect(Object.values(run({ vlans: swapped, uplink: { mode: 'trunk', allowed: [1, 30] } }))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
