// The exercise editor's "try" (issue 19): the proof `npm run exercises:verify` gives, run on guests in the page,
// with what the editor shows per task: each check's status, output and time. It does not copy the proof: it
// runs verify-exercise.ts's own verifySolution and verifyNearMiss on guests that record every command, and reads
// the per-task results back from that record (the proof's order is fixed: setup, every check, solution, every
// check; a near miss: setup, its script, every check). Pure: the guests come from the caller.
import type { LinuxExercise, LocalizedText } from '../schemas/exercise.ts';
import { boundEvidence, type CheckStatus } from './check-runner.ts';
import { type DisposableRunner, verifyNearMiss, verifySolution } from './verify-exercise.ts';

/**
 * A check slower than this on an idle machine is worth a warning: a check runs after every command the learner
 * types (src/exercises/README.md; `npm run bench:check` holds the site's to a 300 ms median).
 */
export const CHECK_BUDGET_MS = 300;

export interface TriedCheck {
  taskId: string;
  /** What the proof requires here (a near miss requires `failed` only of the tasks it names). */
  expected: 'passed' | 'failed' | 'either';
  status: CheckStatus;
  /** The status is what `expected` asks for. */
  ok: boolean;
  evidence: string;
  durationMs: number;
  overBudget: boolean;
}

export interface TriedStage {
  kind: 'setup' | 'solution' | 'near-miss';
  /** A near miss's title. */
  title?: LocalizedText;
  /** The scripts this stage ran before its checks, with how they ended. */
  scripts: { name: 'setup' | 'solution' | 'near miss'; exitCode: number | null; output: string }[];
  checks: TriedCheck[];
}

export interface TryResult {
  ok: boolean;
  /** The proof's own problem lines (verify-exercise.ts), empty when everything held. */
  problems: string[];
  stages: TriedStage[];
}

interface Recorded {
  command: string;
  exitCode: number | null;
  output: string;
  durationMs: number;
}

/** A guest that keeps a record of every command run on it, in the order they started. */
function recording(guest: DisposableRunner, record: Recorded[], now: () => number): DisposableRunner {
  return {
    run: async (command, options) => {
      const entry: Recorded = { command, exitCode: null, output: '', durationMs: 0 };
      record.push(entry);
      const started = now();
      try {
        const result = await guest.run(command, options);
        entry.exitCode = result.exitCode;
        entry.output = result.output;
        return result;
      } catch (error) {
        // A timeout or a lost guest: exitCode stays null, which the check runner reports as `error`.
        entry.output = (error as { partialOutput?: string; output?: string }).partialOutput ?? '';
        throw error;
      } finally {
        entry.durationMs = Math.round(now() - started);
      }
    },
    dispose: () => guest.dispose(),
  };
}

function checksFrom(
  record: readonly Recorded[],
  tasks: readonly { id: string }[],
  expectedOf: (taskId: string) => TriedCheck['expected'],
): TriedCheck[] {
  return record.slice(0, tasks.length).map((entry, i) => {
    const taskId = tasks[i]?.id ?? '';
    const status: CheckStatus =
      entry.exitCode === null ? 'error' : entry.exitCode === 0 ? 'passed' : 'failed';
    const expected = expectedOf(taskId);
    return {
      taskId,
      expected,
      status,
      ok: expected === 'either' || status === expected,
      evidence: boundEvidence(entry.output),
      durationMs: entry.durationMs,
      overBudget: entry.durationMs > CHECK_BUDGET_MS,
    };
  });
}

function script(name: TriedStage['scripts'][number]['name'], entry: Recorded | undefined) {
  return entry ? [{ name, exitCode: entry.exitCode, output: boundEvidence(entry.output) }] : [];
}

export interface TryOptions {
  /** Each stage as soon as it is done, for the editor to show while the next runs. */
  onStage?: (stage: TriedStage) => void;
  now?: () => number;
}

/**
 * Fresh guest → setup → every check must fail → solution → every check must pass; then each near miss on a
 * fresh guest of its own → setup → its script → each task it names must fail. `startGuest` gives a new guest
 * each time (the proof disposes of it).
 */
export async function tryExercise(
  exercise: LinuxExercise,
  startGuest: () => Promise<DisposableRunner>,
  { onStage, now = () => performance.now() }: TryOptions = {},
): Promise<TryResult> {
  const stages: TriedStage[] = [];
  const done = (stage: TriedStage) => {
    stages.push(stage);
    onStage?.(stage);
  };
  const tasks = exercise.tasks;
  const record: Recorded[] = [];
  const problems = await verifySolution(exercise, async () => recording(await startGuest(), record, now));
  const [setup, ...rest] = record;
  done({
    kind: 'setup',
    scripts: script('setup', setup),
    checks: checksFrom(rest, tasks, () => 'failed'),
  });
  const solution = rest[tasks.length];
  if (solution)
    done({
      kind: 'solution',
      scripts: script('solution', solution),
      checks: checksFrom(rest.slice(tasks.length + 1), tasks, () => 'passed'),
    });
  for (const nearMiss of exercise.nearMisses ?? []) {
    const missRecord: Recorded[] = [];
    const { problems: missProblems } = await verifyNearMiss(exercise, nearMiss, async () =>
      recording(await startGuest(), missRecord, now),
    );
    problems.push(...missProblems.map((problem) => `near miss "${nearMiss.title.en}": ${problem}`));
    const [missSetup, missScript, ...checks] = missRecord;
    done({
      kind: 'near-miss',
      title: nearMiss.title,
      scripts: [...script('setup', missSetup), ...script('near miss', missScript)],
      checks: checksFrom(checks, tasks, (taskId) => (nearMiss.fails.includes(taskId) ? 'failed' : 'either')),
    });
  }
  return { ok: problems.length === 0, problems, stages };
}
