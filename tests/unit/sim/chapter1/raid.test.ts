// The RAID widget's model: capacity formulas, which failures each level survives (md(4)), md's layouts, and
// the exercise checks on 6 × 4 TB disks.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { raidChecks, raidStateProblems } from '../../../../src/sim/raid/checks.ts';
import {
  analyseRaid,
  failureSets,
  normaliseRaidState,
  type RaidLevel,
  raidLevels,
  stripeBlocks,
  survives,
  survivesAny,
  usableTB,
  validDiskCount,
} from '../../../../src/sim/raid/model.ts';

const level = fc.constantFrom(...raidLevels);
/** A valid (level, disks, size) and a set of failed disks. */
const array = level.chain((l) =>
  fc
    .integer({ min: 2, max: 12 })
    .map((n) => validDiskCount(l, n))
    .chain((disks) =>
      fc.record({
        level: fc.constant(l),
        disks: fc.constant(disks),
        diskTB: fc.integer({ min: 1, max: 30 }),
        failed: fc
          .uniqueArray(fc.integer({ min: 0, max: disks - 1 }), { maxLength: disks })
          .map((f) => f.sort((a, b) => a - b)),
      }),
    ),
);

describe('usable capacity', () => {
  test('RAID 0: n·s; RAID 1: s; RAID 5: (n−1)·s; RAID 6: (n−2)·s; RAID 10: n/2·s', () => {
    fc.assert(
      fc.property(array, (s) => {
        const expected =
          { 0: s.disks, 1: 1, 5: s.disks - 1, 6: s.disks - 2, 10: s.disks / 2 }[s.level] * s.diskTB;
        expect(usableTB(s)).toBe(expected);
        expect(analyseRaid(s).usableTB).toBeLessThanOrEqual(s.disks * s.diskTB);
      }),
    );
  });
  test('six 4 TB disks', () => {
    const tb = (l: RaidLevel) => usableTB({ level: l, disks: 6, diskTB: 4 });
    expect([tb(0), tb(1), tb(5), tb(6), tb(10)]).toEqual([24, 4, 20, 16, 12]);
  });
});

describe('surviving failures', () => {
  test('RAID 0 survives no failure', () => {
    fc.assert(
      fc.property(array, (s) => {
        expect(survives(0, s.disks, s.failed)).toBe(s.failed.length === 0);
      }),
    );
  });
  test('RAID 6 with ≥ 4 disks survives any two failures, never three', () => {
    for (let n = 4; n <= 12; n++) {
      expect(survivesAny(6, n, 2)).toBe(true);
      expect(failureSets(n, 3).some((set) => survives(6, n, set))).toBe(false);
    }
  });
  test('RAID 5 survives any one failure, never two; RAID 1 survives all but one disk failing', () => {
    for (let n = 3; n <= 12; n++) {
      expect(survivesAny(5, n, 1)).toBe(true);
      expect(failureSets(n, 2).some((set) => survives(5, n, set))).toBe(false);
    }
    for (let n = 2; n <= 12; n++) {
      expect(survivesAny(1, n, n - 1)).toBe(true);
      expect(survives(1, n, failureSets(n, n)[0] ?? [])).toBe(false);
    }
  });
  test('RAID 10 survives if and only if no mirror pair loses both disks', () => {
    fc.assert(
      fc.property(array, (s) => {
        fc.pre(s.level === 10);
        const pairLost = s.failed.some((d) => d % 2 === 0 && s.failed.includes(d + 1));
        expect(survives(10, s.disks, s.failed)).toBe(!pairLost);
      }),
    );
    // Six disks: disks 1+2 (a pair) lose data, disks 1+3 do not.
    expect(survives(10, 6, [0, 1])).toBe(false);
    expect(survives(10, 6, [0, 2])).toBe(true);
    expect(survives(10, 6, [0, 2, 4])).toBe(true);
  });
  test('the array fails exactly when some drawn data block can be neither read nor rebuilt', () => {
    fc.assert(
      fc.property(array, (s) => {
        const a = analyseRaid(s);
        expect(a.status === 'failed').toBe(a.lostBlocks.length > 0);
        expect(a.status === 'optimal').toBe(s.failed.length === 0);
      }),
    );
  });
});

describe("md's layouts", () => {
  test('RAID 5 left-symmetric, 4 disks: parity moves from the last disk leftwards, data restarts after it', () => {
    const labels = (s: number) => stripeBlocks(5, 4, s).map((b) => b.label);
    expect(labels(0)).toEqual(['D0', 'D1', 'D2', 'P0']);
    expect(labels(1)).toEqual(['D4', 'D5', 'P1', 'D3']);
    expect(labels(2)).toEqual(['D8', 'P2', 'D6', 'D7']);
    expect(labels(3)).toEqual(['P3', 'D9', 'D10', 'D11']);
  });
  test('RAID 6 left-symmetric, 5 disks: Q on the disk after P', () => {
    expect(stripeBlocks(6, 5, 0).map((b) => b.label)).toEqual(['Q0', 'D0', 'D1', 'D2', 'P0']);
    expect(stripeBlocks(6, 5, 1).map((b) => b.label)).toEqual(['D3', 'D4', 'D5', 'P1', 'Q1']);
  });
  test('RAID 10 near-2: disks 2i and 2i+1 hold the same blocks', () => {
    expect(stripeBlocks(10, 4, 0).map((b) => b.label)).toEqual(['D0', 'D0′', 'D1', 'D1′']);
  });
  test('every stripe has one block per disk and every data block once (plus its copies)', () => {
    fc.assert(
      fc.property(array, (s) => {
        const stripe = stripeBlocks(s.level, s.disks, 1);
        expect(stripe.length).toBe(s.disks);
        const data = stripe.filter((b) => b.kind === 'data').length;
        expect(data).toBe({ 0: s.disks, 1: 1, 5: s.disks - 1, 6: s.disks - 2, 10: s.disks / 2 }[s.level]);
      }),
    );
  });
});

describe('normalising', () => {
  test('a valid state comes back equal; anything becomes valid', () => {
    fc.assert(
      fc.property(array, (s) => {
        expect(normaliseRaidState(s)).toEqual(s);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const s = normaliseRaidState(v);
        expect(raidStateProblems(s)).toEqual([]);
      }),
    );
  });
  test('RAID 10 gets an even number of disks', () => {
    expect(normaliseRaidState({ level: 10, disks: 5, diskTB: 4 }).disks).toBe(6);
    expect(normaliseRaidState({ level: 10, disks: 13, diskTB: 4 }).disks).toBe(12);
  });
  test('problems name the field', () => {
    expect(raidStateProblems({ level: 7, disks: 6, diskTB: 4 })).toEqual([
      'level: Received 7 / Expected one of 0, 1, 5, 6, 10',
    ]);
    expect(raidStateProblems({ level: 10, disks: 5, diskTB: 4, failed: [9], extra: 1 })).toEqual([
      'extra: Received "extra" / Expected only "level", "disks", "diskTB" and "failed"',
      'disks: Received 5 / Expected an even number from 4 to 12 for RAID 10',
      'failed: Received [9] / Expected disk numbers from 0 to 4, ascending, no repeats',
    ]);
  });
});

describe('exercise checks (six 4 TB disks, any two failures)', () => {
  const run = (state: object) =>
    Object.fromEntries(
      Object.entries(raidChecks).map(([name, check]) => [name, check(state as never).passed]),
    );
  test('RAID 6 with two disks failed passes everything', () => {
    expect(run({ level: 6, disks: 6, diskTB: 4, failed: [0, 3] })).toEqual({
      raidSurvivesAnyTwoOfSix: true,
      raidMostSpaceSurvivingTwo: true,
      raidTwoFailedStillServes: true,
    });
  });
  test('RAID 10 survives the pair clicked but not every pair; RAID 1 survives with less space', () => {
    expect(run({ level: 10, disks: 6, diskTB: 4, failed: [0, 2] })).toEqual({
      raidSurvivesAnyTwoOfSix: false,
      raidMostSpaceSurvivingTwo: false,
      raidTwoFailedStillServes: true,
    });
    expect(run({ level: 1, disks: 6, diskTB: 4, failed: [1, 2] })).toEqual({
      raidSurvivesAnyTwoOfSix: true,
      raidMostSpaceSurvivingTwo: false,
      raidTwoFailedStillServes: true,
    });
  });
  test('other disks fail the two design checks, with the reason', () => {
    const outcome = raidChecks.raidSurvivesAnyTwoOfSix?.({ level: 6, disks: 8, diskTB: 4, failed: [] });
    expect(outcome?.passed).toBe(false);
    expect(outcome?.evidence.en).toContain("The exercise's disks are six 4 TB disks");
  });
});
