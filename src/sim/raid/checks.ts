// Named checks over the RAID widget's state, for `kind: widget` exercises (a task's `check` names one), and
// the strict validation of a state as an exercise file writes it.
import type { CheckOutcome } from '../citation.ts';
import {
  analyseRaid,
  fatalPairs,
  isRaidLevel,
  MAX_DISK_TB,
  MAX_DISKS,
  MIN_DISK_TB,
  minDisks,
  normaliseRaidState,
  type RaidLevel,
  type RaidState,
  raidLevels,
  survives,
  survivesAny,
  usableTB,
  validDiskCount,
} from './model.ts';

/** The disks of the exercise "six 4 TB disks" (content/exercises/13-raid-survival). */
const EXERCISE_DISKS = 6;
const EXERCISE_DISK_TB = 4;

const name = (level: RaidLevel) => `RAID ${level}`;

/** The largest usable space of any level on these disks that survives every set of `count` failures. */
export function bestUsableSurviving(
  disks: number,
  diskTB: number,
  count: number,
): { level: RaidLevel; tb: number } | undefined {
  let best: { level: RaidLevel; tb: number } | undefined;
  for (const level of raidLevels) {
    if (validDiskCount(level, disks) !== disks || !survivesAny(level, disks, count)) continue;
    const tb = usableTB({ level, disks, diskTB });
    if (!best || tb > best.tb) best = { level, tb };
  }
  return best;
}

function describe(state: RaidState): { ja: string; en: string } {
  const tb = usableTB(state);
  return {
    ja: `${name(state.level)}、${state.disks} 台 × ${state.diskTB} TB、使える容量 ${tb} TB`,
    en: `${name(state.level)}, ${state.disks} × ${state.diskTB} TB disks, ${tb} TB usable`,
  };
}

function exerciseDisks(state: RaidState): CheckOutcome | undefined {
  if (state.disks === EXERCISE_DISKS && state.diskTB === EXERCISE_DISK_TB) return undefined;
  const d = describe(state);
  return {
    passed: false,
    evidence: {
      ja: `${d.ja}。この演習のディスクは 4 TB × 6 台です。`,
      en: `${d.en}. The exercise's disks are six 4 TB disks.`,
    },
  };
}

/** The array of six 4 TB disks survives whichever two disks fail. */
function survivesAnyTwoOfSix(state: RaidState): CheckOutcome {
  const wrongDisks = exerciseDisks(state);
  if (wrongDisks) return wrongDisks;
  const d = describe(state);
  const fatal = fatalPairs(state.level, state.disks);
  if (fatal.length === 0)
    return {
      passed: true,
      evidence: {
        ja: `${d.ja}。2 台の組み合わせ 15 通りのどれが壊れても、データは失われません。`,
        en: `${d.en}. Whichever 2 of the 6 disks fail (15 pairs), no data is lost.`,
      },
    };
  const shown = fatal
    .slice(0, 4)
    .map(([a, b]) => `${(a ?? 0) + 1}+${(b ?? 0) + 1}`)
    .join(', ');
  return {
    passed: false,
    evidence: {
      ja: `${d.ja}。15 通りのうち ${fatal.length} 通りの 2 台故障でデータが失われます（ディスク ${shown}${fatal.length > 4 ? ' など' : ''}）。`,
      en: `${d.en}. ${fatal.length} of the 15 pairs of failures lose data (disks ${shown}${fatal.length > 4 ? ', …' : ''}).`,
    },
  };
}

/** Of the layouts of six 4 TB disks that survive any two failures, this one has the most usable space. */
function mostSpaceSurvivingTwo(state: RaidState): CheckOutcome {
  const wrongDisks = exerciseDisks(state);
  if (wrongDisks) return wrongDisks;
  const d = describe(state);
  const best = bestUsableSurviving(state.disks, state.diskTB, 2);
  const mine = usableTB(state);
  const safe = survivesAny(state.level, state.disks, 2);
  const passed = safe && best !== undefined && mine === best.tb;
  const why = !safe
    ? { ja: 'どの 2 台が壊れても耐える構成ではありません', en: 'it does not survive every pair of failures' }
    : passed
      ? {
          ja: '2 台の故障に耐える構成のなかで最大です',
          en: 'the most of any layout that survives any two failures',
        }
      : {
          ja: `2 台の故障に耐える構成なら ${best?.tb ?? 0} TB まで使えます`,
          en: `a layout that survives any two failures can give ${best?.tb ?? 0} TB`,
        };
  return { passed, evidence: { ja: `${d.ja}。${why.ja}。`, en: `${d.en}: ${why.en}.` } };
}

/** Exactly two disks are marked failed, and the array still serves all its data. */
function twoFailedStillServes(state: RaidState): CheckOutcome {
  const d = describe(state);
  const failed = state.failed.map((disk) => disk + 1).join(', ');
  if (state.failed.length !== 2)
    return {
      passed: false,
      evidence: {
        ja: `${d.ja}。故障させたディスクは ${state.failed.length} 台です${failed ? `（${failed}）` : ''}。2 台にしてください。`,
        en: `${d.en}. ${state.failed.length} disk(s) failed${failed ? ` (${failed})` : ''}; fail exactly two.`,
      },
    };
  const analysis = analyseRaid(state);
  const ok = survives(state.level, state.disks, state.failed);
  return {
    passed: ok,
    evidence: ok
      ? {
          ja: `${d.ja}。ディスク ${failed} が故障しても、すべてのデータを読めます（状態：縮退）。`,
          en: `${d.en}. With disks ${failed} failed, every block can still be read (degraded).`,
        }
      : {
          ja: `${d.ja}。ディスク ${failed} の故障でアレイが停止し、データを失いました（図のブロック ${analysis.lostBlocks.map((b) => `D${b}`).join(', ') || '—'} など）。`,
          en: `${d.en}. With disks ${failed} failed the array stops and data is lost (blocks ${analysis.lostBlocks.map((b) => `D${b}`).join(', ') || '—'} of the drawing, among others).`,
        },
  };
}

export const raidChecks: Readonly<Record<string, (state: RaidState) => CheckOutcome>> = {
  // A state from an exercise file may leave `failed` out: every check reads the normalised state.
  raidSurvivesAnyTwoOfSix: (state) => survivesAnyTwoOfSix(normaliseRaidState(state)),
  raidMostSpaceSurvivingTwo: (state) => mostSpaceSurvivingTwo(normaliseRaidState(state)),
  raidTwoFailedStillServes: (state) => twoFailedStillServes(normaliseRaidState(state)),
};

/**
 * Problems with a state as an exercise file writes it: `{ level, disks, diskTB, failed? }`, each field named,
 * nothing else. Empty when the model would take the state as written (normalising would not change it).
 */
export function raidStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [
      `: Received ${JSON.stringify(value)} / Expected an object with "level", "disks", "diskTB" and "failed"`,
    ];
  const { level, disks, diskTB, failed = [], ...rest } = value as Record<string, unknown>;
  const problems = Object.keys(rest).map(
    (k) => `${k}: Received "${k}" / Expected only "level", "disks", "diskTB" and "failed"`,
  );
  if (!isRaidLevel(level)) {
    problems.push(`level: Received ${JSON.stringify(level)} / Expected one of ${raidLevels.join(', ')}`);
    return problems;
  }
  if (typeof disks !== 'number' || validDiskCount(level, disks) !== disks)
    problems.push(
      `disks: Received ${JSON.stringify(disks)} / Expected ${level === 10 ? 'an even number' : 'a whole number'} from ${minDisks[level]} to ${MAX_DISKS} for RAID ${level}`,
    );
  if (typeof diskTB !== 'number' || !Number.isInteger(diskTB) || diskTB < MIN_DISK_TB || diskTB > MAX_DISK_TB)
    problems.push(
      `diskTB: Received ${JSON.stringify(diskTB)} / Expected a whole number from ${MIN_DISK_TB} to ${MAX_DISK_TB}`,
    );
  const n = typeof disks === 'number' ? disks : 0;
  if (
    !Array.isArray(failed) ||
    failed.some(
      (d, i) => !Number.isInteger(d) || d < 0 || d >= n || (i > 0 && d <= (failed[i - 1] as number)),
    )
  )
    problems.push(
      `failed: Received ${JSON.stringify(failed)} / Expected disk numbers from 0 to ${Math.max(0, n - 1)}, ascending, no repeats`,
    );
  return problems;
}

export type { RaidState };
