// The RAID array widget's model: a level (0, 1, 5, 6, 10), n equal disks, and the disks the learner has
// failed. From that: usable capacity, the block layout the Linux md driver uses, whether the array still
// serves its data, and which data blocks are lost. Pure; the definitions are md(4)'s (sources.ts).
//
// Layouts, as md lays them out (drivers/md/raid5.c raid5_compute_sector, drivers/md/raid10.c; md(4)):
// - RAID 0: block k of stripe s on disk k.
// - RAID 1: every block on every disk.
// - RAID 5, "left-symmetric" (mdadm's default): parity of stripe s on disk n-1-(s mod n), data from the next
//   disk on, wrapping round.
// - RAID 6, left-symmetric: P as RAID 5, Q on the disk after P, data from the disk after Q.
// - RAID 10, "near" layout with 2 copies on an even number of disks: disks 2i and 2i+1 hold the same blocks
//   (md(4): "as the classic RAID1+0"). md also accepts an odd number of disks for RAID 10; this widget keeps to
//   the classic pairs, so the number of disks is even.

export const raidLevels = [0, 1, 5, 6, 10] as const;
export type RaidLevel = (typeof raidLevels)[number];

export interface RaidState {
  readonly level: RaidLevel;
  /** Number of disks in the array. */
  readonly disks: number;
  /** Size of each disk, in TB (the array uses equal disks). */
  readonly diskTB: number;
  /** Indices (0-based) of the disks the learner has failed, sorted, no repeats. */
  readonly failed: readonly number[];
}

export const MAX_DISKS = 12;
export const MIN_DISK_TB = 1;
export const MAX_DISK_TB = 30;

/** Fewest disks each level needs (md refuses fewer; RAID 10 here is classic pairs). */
export const minDisks: Readonly<Record<RaidLevel, number>> = { 0: 2, 1: 2, 5: 3, 6: 4, 10: 4 };

export const defaultRaidState: RaidState = { level: 5, disks: 4, diskTB: 4, failed: [] };

export function isRaidLevel(value: unknown): value is RaidLevel {
  return raidLevels.some((level) => level === value);
}

/** The nearest valid disk count for `level`: at least its minimum, at most MAX_DISKS, even for RAID 10. */
export function validDiskCount(level: RaidLevel, disks: number): number {
  let n = Math.min(MAX_DISKS, Math.max(minDisks[level], Math.round(disks)));
  if (level === 10 && n % 2 === 1) n = n + 1 <= MAX_DISKS ? n + 1 : n - 1;
  return n;
}

/**
 * Any value made into a valid state: unknown level → the default's, disk count and size clamped, failed disks
 * that no longer exist dropped. A valid state comes back equal.
 */
export function normaliseRaidState(value: unknown): RaidState {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const level = isRaidLevel(raw.level) ? raw.level : defaultRaidState.level;
  const disks = validDiskCount(
    level,
    typeof raw.disks === 'number' && Number.isFinite(raw.disks) ? raw.disks : defaultRaidState.disks,
  );
  const diskTB =
    typeof raw.diskTB === 'number' && Number.isFinite(raw.diskTB)
      ? Math.min(MAX_DISK_TB, Math.max(MIN_DISK_TB, Math.round(raw.diskTB)))
      : defaultRaidState.diskTB;
  const failed = Array.isArray(raw.failed)
    ? [
        ...new Set(
          raw.failed.filter(
            (d): d is number => Number.isInteger(d) && (d as number) >= 0 && (d as number) < disks,
          ),
        ),
      ].sort((a, b) => a - b)
    : [];
  return { level, disks, diskTB, failed };
}

/** Disks' worth of space that holds data (the rest holds mirror copies or parity). */
export function dataDisks(level: RaidLevel, disks: number): number {
  switch (level) {
    case 0:
      return disks;
    case 1:
      return 1;
    case 5:
      return disks - 1;
    case 6:
      return disks - 2;
    case 10:
      return disks / 2;
  }
}

export function usableTB(state: Pick<RaidState, 'level' | 'disks' | 'diskTB'>): number {
  return dataDisks(state.level, state.disks) * state.diskTB;
}

/** The mirror pair a disk belongs to in RAID 10 (disks 2i and 2i+1). */
export function mirrorPair(disk: number): number {
  return Math.floor(disk / 2);
}

/** Whether the array still serves all its data with `failed` disks gone (md(4); RAID 10: no pair lost). */
export function survives(level: RaidLevel, disks: number, failed: readonly number[]): boolean {
  const down = new Set(failed.filter((d) => d >= 0 && d < disks));
  switch (level) {
    case 0:
      return down.size === 0;
    case 1:
      return down.size < disks;
    case 5:
      return down.size <= 1;
    case 6:
      return down.size <= 2;
    case 10:
      for (let pair = 0; pair < disks / 2; pair++)
        if (down.has(2 * pair) && down.has(2 * pair + 1)) return false;
      return true;
  }
}

/** Failures the level survives whichever disks they hit (md(4)); RAID 10 may survive more if they are lucky. */
export function guaranteedTolerance(level: RaidLevel, disks: number): number {
  switch (level) {
    case 0:
      return 0;
    case 1:
      return disks - 1;
    case 5:
      return 1;
    case 6:
      return 2;
    case 10:
      return 1;
  }
}

/** The most failures the array can survive when they hit the right disks (RAID 10: one disk of every pair). */
export function bestCaseTolerance(level: RaidLevel, disks: number): number {
  return level === 10 ? disks / 2 : guaranteedTolerance(level, disks);
}

export type BlockKind = 'data' | 'mirror' | 'parity' | 'q-parity';

export interface Block {
  readonly disk: number;
  readonly stripe: number;
  readonly kind: BlockKind;
  /** Data block number (for data and mirror blocks) or the stripe's number (for parity). */
  readonly index: number;
  /** Short label: D3, D3′ (a copy), P2, Q2. */
  readonly label: string;
}

/** Stripes the widget draws: enough to show parity going round every disk, at most 6. */
export function stripesShown(level: RaidLevel, disks: number): number {
  return level === 5 || level === 6 ? Math.min(disks, 6) : 4;
}

/** One stripe's blocks, one per disk, in disk order. */
export function stripeBlocks(level: RaidLevel, disks: number, stripe: number): Block[] {
  const blocks: Block[] = [];
  const put = (disk: number, kind: BlockKind, index: number) => {
    const label =
      kind === 'parity'
        ? `P${index}`
        : kind === 'q-parity'
          ? `Q${index}`
          : kind === 'mirror'
            ? `D${index}′`
            : `D${index}`;
    blocks[disk] = { disk, stripe, kind, index, label };
  };
  switch (level) {
    case 0:
      for (let d = 0; d < disks; d++) put(d, 'data', stripe * disks + d);
      break;
    case 1:
      for (let d = 0; d < disks; d++) put(d, d === 0 ? 'data' : 'mirror', stripe);
      break;
    case 10:
      for (let d = 0; d < disks; d++)
        put(d, d % 2 === 0 ? 'data' : 'mirror', stripe * (disks / 2) + mirrorPair(d));
      break;
    case 5: {
      const parity = disks - 1 - (stripe % disks);
      put(parity, 'parity', stripe);
      for (let k = 0; k < disks - 1; k++) put((parity + 1 + k) % disks, 'data', stripe * (disks - 1) + k);
      break;
    }
    case 6: {
      const parity = disks - 1 - (stripe % disks);
      put(parity, 'parity', stripe);
      put((parity + 1) % disks, 'q-parity', stripe);
      for (let k = 0; k < disks - 2; k++) put((parity + 2 + k) % disks, 'data', stripe * (disks - 2) + k);
      break;
    }
  }
  return blocks;
}

export interface RaidAnalysis {
  readonly state: RaidState;
  readonly rawTB: number;
  readonly usableTB: number;
  /** usable / raw, 0–1. */
  readonly efficiency: number;
  readonly guaranteed: number;
  readonly bestCase: number;
  /** optimal: nothing failed; degraded: failures, all data still served; failed: data lost. */
  readonly status: 'optimal' | 'degraded' | 'failed';
  /** The drawn stripes, each one block per disk. */
  readonly stripes: readonly (readonly Block[])[];
  /** Data blocks (of the drawn stripes) that can no longer be read or rebuilt. */
  readonly lostBlocks: readonly number[];
  /** Data blocks that are still readable only by rebuilding them from parity or reading the other copy. */
  readonly rebuiltBlocks: readonly number[];
}

/**
 * Whether one data block can still be read: from its own disk, from another copy (RAID 1/10), or rebuilt from
 * the rest of its stripe (RAID 5: one block of the stripe missing at most; RAID 6: two).
 */
function blockReadable(
  level: RaidLevel,
  stripe: readonly Block[],
  block: Block,
  down: ReadonlySet<number>,
): boolean {
  if (!down.has(block.disk)) return true;
  if (level === 1 || level === 10)
    return stripe.some(
      (other) => other.index === block.index && other.kind !== 'parity' && !down.has(other.disk),
    );
  const missing = stripe.filter((b) => down.has(b.disk)).length;
  if (level === 5) return missing <= 1;
  if (level === 6) return missing <= 2;
  return false;
}

export function analyseRaid(input: RaidState): RaidAnalysis {
  const state = normaliseRaidState(input);
  const { level, disks, diskTB, failed } = state;
  const down = new Set(failed);
  const stripes = Array.from({ length: stripesShown(level, disks) }, (_, s) => stripeBlocks(level, disks, s));
  const lost = new Set<number>();
  const rebuilt = new Set<number>();
  for (const stripe of stripes)
    for (const block of stripe) {
      if (block.kind !== 'data' && block.kind !== 'mirror') continue;
      const copies = stripe.filter(
        (b) => (b.kind === 'data' || b.kind === 'mirror') && b.index === block.index,
      );
      if (copies.every((copy) => !blockReadable(level, stripe, copy, down))) lost.add(block.index);
      else if (copies.every((copy) => down.has(copy.disk))) rebuilt.add(block.index);
    }
  const ok = survives(level, disks, failed);
  const usable = usableTB(state);
  return {
    state,
    rawTB: disks * diskTB,
    usableTB: usable,
    efficiency: usable / (disks * diskTB),
    guaranteed: guaranteedTolerance(level, disks),
    bestCase: bestCaseTolerance(level, disks),
    status: !ok ? 'failed' : failed.length === 0 ? 'optimal' : 'degraded',
    stripes,
    lostBlocks: [...lost].sort((a, b) => a - b),
    rebuiltBlocks: [...rebuilt].sort((a, b) => a - b),
  };
}

/** Every set of `count` distinct disks out of `disks` (count ≤ 3 in practice: 12 disks give 220 triples). */
export function failureSets(disks: number, count: number): number[][] {
  const sets: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === count) {
      sets.push([...chosen]);
      return;
    }
    for (let d = from; d < disks; d++) pick(d + 1, [...chosen, d]);
  };
  pick(0, []);
  return sets;
}

/** Whether the layout survives every possible set of `count` failed disks (not just the ones clicked). */
export function survivesAny(level: RaidLevel, disks: number, count: number): boolean {
  if (count > disks) return false;
  return failureSets(disks, count).every((set) => survives(level, disks, set));
}

/** The pairs of disks whose joint failure loses data. */
export function fatalPairs(level: RaidLevel, disks: number): number[][] {
  return failureSets(disks, 2).filter((set) => !survives(level, disks, set));
}
