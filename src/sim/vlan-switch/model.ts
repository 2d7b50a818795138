// The VLAN switch widget's model: two IEEE 802.1Q switches joined by one link, hosts on access ports. The
// learner sets each host port's VLAN (its PVID: untagged frames that enter it belong to that VLAN) and what
// the link between the switches carries: tagged frames of a list of VLANs (a trunk), the untagged frames of
// one VLAN (an access link), or nothing (unplugged). The model answers who can reach whom at layer 2 and the
// path of one frame, or where and why it is dropped. Pure; the rules are 802.1Q's (sources.ts).
//
// Simplifications, said in the widget: both ends of the link are configured alike (one setting for the
// link), frames are unicast after the switches have learnt the addresses, and there is no router: hosts in
// different VLANs never reach each other here. A trunk tags every VLAN it carries: no native (untagged) VLAN.

export const MIN_VID = 1;
/** VIDs 0 and 4095 are reserved (IEEE 802.1Q Table 9-2), so an access VLAN is 1–4094. */
export const MAX_VID = 4094;
/** IEEE 802.1Q's default PVID, the Linux bridge's `vlan_default_pvid` too. */
export const DEFAULT_VID = 1;

export type SwitchId = 'sw1' | 'sw2';
export type Role = 'web' | 'mail' | 'db' | 'acct';

export interface Host {
  readonly id: string;
  readonly role: Role;
  readonly switchId: SwitchId;
  /** 1-based port number on its switch. */
  readonly port: number;
}

export interface SwitchSpec {
  readonly id: SwitchId;
  readonly ports: number;
  /** The port the link to the other switch is plugged into. */
  readonly uplinkPort: number;
}

export const switches: readonly SwitchSpec[] = [
  { id: 'sw1', ports: 8, uplinkPort: 8 },
  { id: 'sw2', ports: 4, uplinkPort: 1 },
];

/** Two web servers, a mail server, a database and two accounting PCs on switch 1; more on switch 2. */
export const hosts: readonly Host[] = [
  { id: 'web-1', role: 'web', switchId: 'sw1', port: 1 },
  { id: 'web-2', role: 'web', switchId: 'sw1', port: 2 },
  { id: 'mail-1', role: 'mail', switchId: 'sw1', port: 3 },
  { id: 'db-1', role: 'db', switchId: 'sw1', port: 4 },
  { id: 'acct-1', role: 'acct', switchId: 'sw1', port: 5 },
  { id: 'acct-2', role: 'acct', switchId: 'sw1', port: 6 },
  { id: 'acct-3', role: 'acct', switchId: 'sw2', port: 2 },
  { id: 'web-3', role: 'web', switchId: 'sw2', port: 3 },
];

export const hostIds = hosts.map((h) => h.id);

export type Uplink =
  | { readonly mode: 'trunk'; readonly allowed: readonly number[] }
  | { readonly mode: 'access'; readonly vlan: number }
  | { readonly mode: 'none' };

export interface VlanState {
  /** The access VLAN (PVID) of the port each host is plugged into, by host id. */
  readonly vlans: Readonly<Record<string, number>>;
  readonly uplink: Uplink;
}

export const defaultVlanState: VlanState = {
  vlans: Object.fromEntries(hostIds.map((id) => [id, DEFAULT_VID])),
  uplink: { mode: 'trunk', allowed: [DEFAULT_VID] },
};

export function isVid(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_VID && (value as number) <= MAX_VID;
}

/** Sorted, without repeats, only valid VIDs. */
export function vidList(values: readonly unknown[]): number[] {
  return [...new Set(values.filter(isVid))].sort((a, b) => a - b);
}

/** Any value made into a valid state (bad VIDs → the default VLAN, unknown hosts dropped). */
export function normaliseVlanState(value: unknown): VlanState {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const given =
    typeof raw.vlans === 'object' && raw.vlans !== null ? (raw.vlans as Record<string, unknown>) : {};
  const vlans = Object.fromEntries(
    hostIds.map((id) => [id, isVid(given[id]) ? (given[id] as number) : DEFAULT_VID]),
  );
  const up =
    typeof raw.uplink === 'object' && raw.uplink !== null ? (raw.uplink as Record<string, unknown>) : {};
  let uplink: Uplink;
  if (up.mode === 'access') uplink = { mode: 'access', vlan: isVid(up.vlan) ? up.vlan : DEFAULT_VID };
  else if (up.mode === 'none') uplink = { mode: 'none' };
  else uplink = { mode: 'trunk', allowed: Array.isArray(up.allowed) ? vidList(up.allowed) : [DEFAULT_VID] };
  return { vlans, uplink };
}

export function hostById(id: string): Host | undefined {
  return hosts.find((h) => h.id === id);
}

export function vlanOf(state: VlanState, hostId: string): number {
  return state.vlans[hostId] ?? DEFAULT_VID;
}

/** The VLANs the link between the switches carries. */
export function linkCarries(uplink: Uplink): readonly number[] {
  return uplink.mode === 'trunk' ? uplink.allowed : uplink.mode === 'access' ? [uplink.vlan] : [];
}

export type Hop =
  | { readonly kind: 'send'; readonly host: string }
  | {
      readonly kind: 'ingress';
      readonly switchId: SwitchId;
      readonly port: number;
      readonly vlan: number;
      readonly tagged: boolean;
    }
  | {
      readonly kind: 'egress';
      readonly switchId: SwitchId;
      readonly port: number;
      readonly vlan: number;
      readonly tagged: boolean;
    }
  | { readonly kind: 'deliver'; readonly host: string };

export type DropReason =
  /** The destination's port is in another VLAN on the same switch. */
  | {
      readonly kind: 'other-vlan';
      readonly switchId: SwitchId;
      readonly vlan: number;
      readonly destinationVlan: number;
    }
  /** The link carries no frames of this VLAN (trunk without it, access link of another VLAN, unplugged). */
  | { readonly kind: 'link-excludes'; readonly vlan: number; readonly uplink: Uplink };

export interface PingResult {
  readonly from: string;
  readonly to: string;
  readonly delivered: boolean;
  /** The frame's way from the sender, as far as it got. */
  readonly hops: readonly Hop[];
  readonly dropped?: DropReason;
}

function uplinkPort(id: SwitchId): number {
  return switches.find((s) => s.id === id)?.uplinkPort ?? 0;
}

/**
 * The frame `from` sends to `to` (the echo request of a ping; the reply takes the same way back, since every
 * rule here is symmetric). Unknown hosts, or a host pinging itself, throw: the UI offers neither.
 */
export function ping(state: VlanState, from: string, to: string): PingResult {
  const a = hostById(from);
  const b = hostById(to);
  if (!a || !b) throw new Error(`ping: unknown host ${a ? to : from}`);
  if (a.id === b.id) throw new Error('ping: a host does not ping itself through the switch');
  const vlan = vlanOf(state, a.id);
  const destinationVlan = vlanOf(state, b.id);
  const hops: Hop[] = [
    { kind: 'send', host: a.id },
    { kind: 'ingress', switchId: a.switchId, port: a.port, vlan, tagged: false },
  ];
  const drop = (dropped: DropReason): PingResult => ({ from, to, delivered: false, hops, dropped });
  let here: SwitchId = a.switchId;
  if (b.switchId !== a.switchId) {
    const { uplink } = state;
    if (!linkCarries(uplink).includes(vlan)) return drop({ kind: 'link-excludes', vlan, uplink });
    const tagged = uplink.mode === 'trunk';
    const there: SwitchId = b.switchId;
    hops.push(
      { kind: 'egress', switchId: here, port: uplinkPort(here), vlan, tagged },
      { kind: 'ingress', switchId: there, port: uplinkPort(there), vlan, tagged },
    );
    here = there;
  }
  if (destinationVlan !== vlan) return drop({ kind: 'other-vlan', switchId: here, vlan, destinationVlan });
  hops.push(
    { kind: 'egress', switchId: here, port: b.port, vlan, tagged: false },
    { kind: 'deliver', host: b.id },
  );
  return { from, to, delivered: true, hops };
}

export function reachable(state: VlanState, from: string, to: string): boolean {
  return from === to || ping(state, from, to).delivered;
}

/** `matrix[i][j]`: whether hosts[i] reaches hosts[j] at layer 2 (true on the diagonal). */
export function reachabilityMatrix(state: VlanState): boolean[][] {
  return hosts.map((a) => hosts.map((b) => reachable(state, a.id, b.id)));
}

/** Hosts grouped by who reaches whom (each group is one VLAN's broadcast domain as far as it reaches). */
export function reachGroups(state: VlanState): string[][] {
  const groups: string[][] = [];
  for (const host of hosts) {
    const group = groups.find((g) => reachable(state, g[0] as string, host.id));
    if (group) group.push(host.id);
    else groups.push([host.id]);
  }
  return groups;
}

/** The VLANs in use on host ports, sorted. */
export function vlansInUse(state: VlanState): number[] {
  return vidList(Object.values(state.vlans));
}
