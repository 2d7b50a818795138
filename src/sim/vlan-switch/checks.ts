// Named checks over the VLAN switch widget's state, for `kind: widget` exercises, and the strict validation
// of a state as an exercise file writes it. The checks look at who reaches whom, never at particular VLAN
// numbers: any numbering that separates the groups passes.
import type { CheckOutcome } from '../citation.ts';
import {
  hostIds,
  hosts,
  isVid,
  MAX_VID,
  MIN_VID,
  normaliseVlanState,
  reachable,
  type VlanState,
  vlanOf,
} from './model.ts';

const accounting = hosts.filter((h) => h.role === 'acct').map((h) => h.id);
const others = hosts.filter((h) => h.role !== 'acct').map((h) => h.id);

function pairs(a: readonly string[], b: readonly string[] = a): [string, string][] {
  const out: [string, string][] = [];
  for (const x of a) for (const y of b) if (x < y || (b !== a && x !== y)) out.push([x, y]);
  return out;
}

const list = (found: [string, string][]) =>
  found
    .slice(0, 4)
    .map(([x, y]) => `${x} ↔ ${y}`)
    .join(', ') + (found.length > 4 ? ', …' : '');

function vlanSummary(state: VlanState, ids: readonly string[]): string {
  return ids.map((id) => `${id}: VLAN ${vlanOf(state, id)}`).join(', ');
}

/** No accounting host reaches a web, mail or database host, and none of those reaches it. */
function accountingSeparated(state: VlanState): CheckOutcome {
  const leaks = pairs(accounting, others).filter(([x, y]) => reachable(state, x, y));
  return leaks.length === 0
    ? {
        passed: true,
        evidence: {
          ja: `経理の PC（${accounting.join(', ')}）から、ほかのホストには届きません。`,
          en: `The accounting PCs (${accounting.join(', ')}) reach none of the other hosts.`,
        },
      }
    : {
        passed: false,
        evidence: {
          ja: `経理の PC とほかのホストが、まだレイヤー 2 でつながっています：${list(leaks)}。`,
          en: `Accounting PCs and other hosts still reach each other at layer 2: ${list(leaks)}.`,
        },
      };
}

/** Every accounting PC reaches every other, across the link between the switches too. */
function accountingTogether(state: VlanState): CheckOutcome {
  const cut = pairs(accounting).filter(([x, y]) => !reachable(state, x, y));
  return cut.length === 0
    ? {
        passed: true,
        evidence: {
          ja: `経理の PC 3 台は互いに届きます（${vlanSummary(state, accounting)}）。`,
          en: `The three accounting PCs reach one another (${vlanSummary(state, accounting)}).`,
        },
      }
    : {
        passed: false,
        evidence: {
          ja: `届かない経理の PC の組があります：${list(cut)}（${vlanSummary(state, accounting)}）。`,
          en: `Some accounting PCs cannot reach each other: ${list(cut)} (${vlanSummary(state, accounting)}).`,
        },
      };
}

/** The web, mail and database hosts still all reach one another (web-3 is on the second switch). */
function othersTogether(state: VlanState): CheckOutcome {
  const cut = pairs(others).filter(([x, y]) => !reachable(state, x, y));
  return cut.length === 0
    ? {
        passed: true,
        evidence: {
          ja: `Web、メール、データベースのサーバー ${others.length} 台は、互いに届きます。`,
          en: `The ${others.length} web, mail and database hosts all reach one another.`,
        },
      }
    : {
        passed: false,
        evidence: {
          ja: `サーバーどうしで届かない組があります：${list(cut)}。`,
          en: `Some of the web, mail and database hosts cannot reach each other: ${list(cut)}.`,
        },
      };
}

export const vlanChecks: Readonly<Record<string, (state: VlanState) => CheckOutcome>> = {
  // A state from an exercise file may leave hosts out (they take VLAN 1): checks read the normalised state.
  vlanAccountingSeparated: (state) => accountingSeparated(normaliseVlanState(state)),
  vlanAccountingTogether: (state) => accountingTogether(normaliseVlanState(state)),
  vlanOthersTogether: (state) => othersTogether(normaliseVlanState(state)),
};

const vidRange = `a VLAN ID from ${MIN_VID} to ${MAX_VID} (0 and 4095 are reserved by IEEE 802.1Q)`;

/**
 * Problems with a state as an exercise file writes it: `{ vlans: { <host>: VID, … }, uplink: { mode: trunk,
 * allowed: [VID, …] } | { mode: access, vlan: VID } | { mode: none } }`. Hosts left out of `vlans` take VLAN 1.
 */
export function vlanStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`: Received ${JSON.stringify(value)} / Expected an object with "vlans" and "uplink"`];
  const { vlans = {}, uplink, ...rest } = value as Record<string, unknown>;
  const problems = Object.keys(rest).map((k) => `${k}: Received "${k}" / Expected only "vlans" and "uplink"`);
  if (typeof vlans !== 'object' || vlans === null || Array.isArray(vlans))
    problems.push(`vlans: Received ${JSON.stringify(vlans)} / Expected an object of host → VLAN ID`);
  else
    for (const [host, vid] of Object.entries(vlans)) {
      if (!hostIds.includes(host))
        problems.push(
          `vlans.${host}: Received "${host}" / Expected one of ${hostIds.map((h) => `"${h}"`).join(', ')}`,
        );
      else if (!isVid(vid))
        problems.push(`vlans.${host}: Received ${JSON.stringify(vid)} / Expected ${vidRange}`);
    }
  const up = typeof uplink === 'object' && uplink !== null ? (uplink as Record<string, unknown>) : undefined;
  if (!up || !['trunk', 'access', 'none'].includes(up.mode as string)) {
    problems.push(
      `uplink.mode: Received ${JSON.stringify(up?.mode ?? uplink)} / Expected one of "trunk", "access", "none"`,
    );
    return problems;
  }
  const allowedKeys =
    up.mode === 'trunk' ? ['mode', 'allowed'] : up.mode === 'access' ? ['mode', 'vlan'] : ['mode'];
  for (const key of Object.keys(up))
    if (!allowedKeys.includes(key))
      problems.push(
        `uplink.${key}: Received "${key}" / Expected only ${allowedKeys.map((k) => `"${k}"`).join(' and ')} for mode ${up.mode}`,
      );
  if (up.mode === 'trunk') {
    const allowed = up.allowed;
    if (
      !Array.isArray(allowed) ||
      allowed.some((vid, i) => !isVid(vid) || (i > 0 && (vid as number) <= (allowed[i - 1] as number)))
    )
      problems.push(
        `uplink.allowed: Received ${JSON.stringify(allowed)} / Expected VLAN IDs from ${MIN_VID} to ${MAX_VID}, ascending, no repeats`,
      );
  }
  if (up.mode === 'access' && !isVid(up.vlan))
    problems.push(`uplink.vlan: Received ${JSON.stringify(up.vlan)} / Expected ${vidRange}`);
  return problems;
}

export type { VlanState };
