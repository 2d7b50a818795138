// The exercise editor's "try" (issue 19): the proof `npm run exercises:verify` gives, run on guests in the page,
// with what the editor shows per task: each check's status, output and time. It does not copy the proof: it
// runs verify-exercise.ts's own verifySolution and verifyNearMiss, takes each check's status and output from the
// proof's own results (ProofWatch.onChecks), and reads the scripts' ends from guests that record every command.
// It can be stopped (an AbortSignal): the guests are disposed at once, the stages that finished stay as they
// were, and the unfinished ones say that they were stopped. Pure: the guests come from the caller.
// The guests that record and stop are in try-guests.ts; the timing of each check over the try in check-timing.ts.
import type { LinuxExercise, LocalizedText } from '../schemas/exercise.ts';
import { boundEvidence, type CheckStatus, type TaskCheckResult } from './check-runner.ts';
import { CheckTimes, type CheckTiming } from './check-timing.ts';
import { type Recorded, tryGuests, untilStopped } from './try-guests.ts';
import { type CheckRound, type DisposableRunner, verifyNearMiss, verifySolution } from './verify-exercise.ts';

export { CHECK_BUDGET_MS, type CheckTiming, MIN_RUNS } from './check-timing.ts';
export { TryStoppedError } from './try-guests.ts';

export type ScriptName = 'setup' | 'solution' | 'near miss';

export interface TriedCheck {
  taskId: string;
  /** What the proof requires here (a near miss requires `failed` only of the tasks it names). */
  expected: 'passed' | 'failed' | 'either';
  /** As the proof's check runner judged it. */
  status: CheckStatus;
  /** The status is what `expected` asks for. */
  ok: boolean;
  evidence: string;
  durationMs: number;
}

/** How a stage was cut short by Stop. */
export interface TryStop {
  /** What was running when Stop came, and for how long; absent when nothing of this stage was running. */
  during?: { taskId: string; afterMs: number } | { script: ScriptName; afterMs: number };
  /** Nothing of the stage had run (its machine may have been starting). */
  before: boolean;
}

export interface TriedStage {
  /** `setup-again`: the setup run once more on the solved machine, as the learner's page does on a reload. */
  kind: 'setup' | 'solution' | 'setup-again' | 'near-miss';
  /** A near miss's title. */
  title?: LocalizedText;
  /** The scripts this stage ran before its checks, with how they ended (a stopped script is not here). */
  scripts: { name: ScriptName; exitCode: number | null; output: string }[];
  /** The checks that finished (a stopped check is not here). */
  checks: TriedCheck[];
  /** Present when Stop came before the stage finished: what is here ran, nothing after it did. */
  stopped?: TryStop;
  /** Not run because this script failed before it (its stage shows how). */
  skipped?: 'setup' | 'solution';
}

export interface TryResult {
  /** Everything held, and the try was not stopped. */
  ok: boolean;
  stopped: boolean;
  /** The proof's own problem lines (verify-exercise.ts) of the parts that finished; empty when they held. */
  problems: string[];
  stages: TriedStage[];
  /** One per task that ran at least once, in the exercise's order. */
  timings: CheckTiming[];
}

/** The stage's cut, from its entries (scripts and checks, in the order they ran), or undefined if none was stopped. */
function stopOf(entries: readonly { entry: Recorded; step: TryStop['during'] }[]): TryStop | undefined {
  if (!entries.some(({ entry }) => entry.stopped)) return undefined;
  const cut = entries.find(({ entry }) => entry.stopped === 'during');
  return {
    ...(cut?.step ? { during: cut.step } : {}),
    before: entries.every(({ entry }) => entry.stopped),
  };
}

export interface TryOptions {
  /** Each stage as soon as it is done (or stopped), for the editor to show while the next runs. */
  onStage?: (stage: TriedStage) => void;
  /** Stop: the guests are disposed at once, and nothing more runs. */
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Fresh guest → setup → every check must fail → solution → every check must pass → setup again (a reload) →
 * every check must still pass; then each near miss on a
 * fresh guest of its own → setup → its script → each task it names must fail. `startGuest` gives a new guest
 * each time (the proof disposes of it); it gets the stop signal, to give up a guest still starting.
 */
export async function tryExercise(
  exercise: LinuxExercise,
  startGuest: (signal?: AbortSignal) => Promise<DisposableRunner>,
  { onStage, signal, now = () => performance.now() }: TryOptions = {},
): Promise<TryResult> {
  const stages: TriedStage[] = [];
  const done = (stage: TriedStage) => {
    stages.push(stage);
    onStage?.(stage);
  };
  const tasks = exercise.tasks;
  const times = new CheckTimes(tasks);
  const guests = tryGuests(startGuest, signal, now);

  /** A stage from its script entries and a round of the proof's checks (`entries`: the checks' own records). */
  const stage = (
    kind: TriedStage['kind'],
    scripts: readonly [ScriptName, Recorded | undefined][],
    checks: readonly { result: TaskCheckResult; entry: Recorded }[],
    expectedOf: (taskId: string) => TriedCheck['expected'],
    title?: LocalizedText,
  ): TriedStage => {
    const ran = scripts.flatMap(([name, entry]) => (entry ? [{ name, entry }] : []));
    for (const { result, entry } of checks) if (!entry.stopped) times.add(result);
    const stopped = stopOf([
      ...ran.map(({ name, entry }) => ({ entry, step: { script: name, afterMs: entry.durationMs } })),
      ...checks.map(({ result, entry }) => ({
        entry,
        step: { taskId: result.taskId, afterMs: entry.durationMs },
      })),
    ]);
    return {
      kind,
      ...(title ? { title } : {}),
      scripts: ran
        .filter(({ entry }) => !entry.stopped)
        .map(({ name, entry }) => ({ name, exitCode: entry.exitCode, output: boundEvidence(entry.output) })),
      checks: checks
        .filter(({ entry }) => !entry.stopped)
        .map(({ result }) => {
          const expected = expectedOf(result.taskId);
          return {
            taskId: result.taskId,
            expected,
            status: result.status,
            ok: expected === 'either' || result.status === expected,
            evidence: result.evidence,
            durationMs: result.durationMs,
          };
        }),
      ...(stopped ? { stopped } : {}),
    };
  };
  const notRun = (kind: TriedStage['kind'], title?: LocalizedText): TriedStage => ({
    kind,
    ...(title ? { title } : {}),
    scripts: [],
    checks: [],
    stopped: { before: true },
  });
  /** The proof's results of a round with the records of the commands behind them (the last ones recorded). */
  const paired = (record: readonly Recorded[], results: readonly TaskCheckResult[]) =>
    results.map((result, i) => ({
      result,
      entry: record[record.length - results.length + i] ?? {
        command: '',
        exitCode: null,
        output: '',
        durationMs: 0,
      },
    }));
  const runProof = async <T>(proof: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await proof();
    } catch (error) {
      if (signal?.aborted) return undefined;
      throw error;
    }
  };

  const problems: string[] = [];
  try {
    // The solution half: one guest; before it goes, each check that was over the budget is run once more.
    const record: Recorded[] = [];
    const shown = { setup: false, solution: false, again: false, cut: false };
    const show = (s: TriedStage) => {
      if (s.stopped) shown.cut = true;
      done(s);
    };
    const timeAgain = (guest: DisposableRunner) =>
      times.timeAgain(
        { run: (command, options) => untilStopped(guest.run(command, options), signal) },
        now,
        () => signal?.aborted === true,
      );
    const solutionProblems = await runProof(() =>
      verifySolution(exercise, guests.starter(record, timeAgain), {
        now,
        onChecks: (round: CheckRound, results) => {
          if (round === 'after setup') {
            shown.setup = true;
            show(stage('setup', [['setup', record[0]]], paired(record, results), () => 'failed'));
          } else {
            // The script just before this round's checks: the solution, or the setup run again.
            const script = record[record.length - results.length - 1];
            const again = round === 'after setup again';
            shown[again ? 'again' : 'solution'] = true;
            show(
              stage(
                again ? 'setup-again' : 'solution',
                [[again ? 'setup' : 'solution', script]],
                paired(record, results),
                () => 'passed',
              ),
            );
          }
        },
      }),
    );
    // A stage the proof left without checks: a script that failed, or Stop.
    if (!shown.setup)
      show(record[0] ? stage('setup', [['setup', record[0]]], [], () => 'failed') : notRun('setup'));
    const skipped = (kind: TriedStage['kind'], after: 'setup' | 'solution'): TriedStage => ({
      kind,
      scripts: [],
      checks: [],
      skipped: after,
    });
    const solutionEntry = record[1 + tasks.length];
    if (!shown.solution) {
      if (solutionEntry) show(stage('solution', [['solution', solutionEntry]], [], () => 'passed'));
      else if (shown.cut) show(notRun('solution'));
      else show(skipped('solution', 'setup'));
    }
    const againEntry = record[2 + 2 * tasks.length];
    if (!shown.again) {
      if (againEntry) show(stage('setup-again', [['setup', againEntry]], [], () => 'passed'));
      else if (shown.cut) show(notRun('setup-again'));
      else show(skipped('setup-again', solutionEntry ? 'solution' : 'setup'));
    }
    if (solutionProblems && !shown.cut) problems.push(...solutionProblems);

    for (const nearMiss of exercise.nearMisses ?? []) {
      if (signal?.aborted) {
        done(notRun('near-miss', nearMiss.title));
        continue;
      }
      const missRecord: Recorded[] = [];
      const expectedOf = (taskId: string) => (nearMiss.fails.includes(taskId) ? 'failed' : 'either');
      let missStage: TriedStage | undefined;
      const proved = await runProof(() =>
        verifyNearMiss(exercise, nearMiss, guests.starter(missRecord), {
          now,
          onChecks: (_round, results) => {
            const [missSetup, missScript] = missRecord;
            missStage = stage(
              'near-miss',
              [
                ['setup', missSetup],
                ['near miss', missScript],
              ],
              paired(missRecord, results),
              expectedOf,
              nearMiss.title,
            );
            done(missStage);
          },
        }),
      );
      if (!missStage) {
        const [missSetup, missScript] = missRecord;
        missStage = missSetup
          ? stage(
              'near-miss',
              [
                ['setup', missSetup],
                ['near miss', missScript],
              ],
              [],
              expectedOf,
              nearMiss.title,
            )
          : notRun('near-miss', nearMiss.title);
        done(missStage);
      }
      if (proved && !missStage.stopped)
        problems.push(...proved.problems.map((problem) => `near miss "${nearMiss.title.en}": ${problem}`));
    }
  } finally {
    guests.release();
  }

  const stopped = signal?.aborted === true && stages.some((s) => s.stopped);
  return { ok: problems.length === 0 && !stopped, stopped, problems, stages, timings: times.timings() };
}
