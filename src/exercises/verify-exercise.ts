// The proof behind `npm run exercises:verify` (STYLE.md habits 8 and 14): on a fresh guest, after `setup` every
// check fails, and after `solution` every check passes, and they all still pass after `setup` runs once more (the
// learner's page runs it each time the machine becomes ready, a reload of the solved machine included; this also
// catches a check that changes what it checks); then each near miss, on a fresh guest of its own after `setup`,
// leaves every task it names failing. Checks and setup run within the learner's page's limits (limits.ts), so
// an exercise proved here is not stopped there. Shared by the CLI (verify.ts), the VM test and the editor's Try.
import type { LinuxExercise, NearMiss } from '../schemas/exercise.ts';
import { type CheckOptions, type CommandRunner, runChecks, type TaskCheckResult } from './check-runner.ts';
import { CHECK_TIMEOUT_MS, SETUP_TIMEOUT_MS } from './limits.ts';

export { CHECK_TIMEOUT_MS };

/** A guest that runs commands and can be thrown away; `Guest` from src/emulator is one. */
export interface DisposableRunner extends CommandRunner {
  dispose(): Promise<void>;
}

export interface NearMissVerification {
  title: string;
  /** The tasks it names, which must fail. */
  fails: string[];
  /** Tasks it does not name that fail as well: for the author to judge how near the miss is. */
  alsoFailing: string[];
  ok: boolean;
  /** Empty when ok; otherwise one line per problem, with the evidence the check printed. */
  problems: string[];
}

export interface ExerciseVerification {
  id: string;
  folder: string;
  ok: boolean;
  /** Empty when ok; otherwise one line per problem, with the evidence the check printed. */
  problems: string[];
  /** One per near miss, in the order of the exercise file. */
  nearMisses: NearMissVerification[];
  durationMs: number;
}

/** The solution and a near miss: typed by a learner in the terminal, where nothing stops them. */
const SCRIPT_TIMEOUT_MS = 60_000;

/** When the proof ran a round of checks. */
export type CheckRound = 'after setup' | 'after the solution' | 'after setup again' | 'after the near miss';

/** For a caller that shows the proof as it goes (the exercise editor's try); the CLI passes none. */
export interface ProofWatch {
  /** Each round of checks as the proof judged it, right after it ran (before the proof goes on). */
  onChecks?: (round: CheckRound, results: readonly TaskCheckResult[]) => void;
  /** The clock each check is timed with (check-runner.ts); performance.now by default. */
  now?: CheckOptions['now'];
}

function indent(text: string): string {
  return text === '' ? '      (no output)' : text.replace(/^/gm, '      ');
}

function wrongResults(results: TaskCheckResult[], expected: 'passed' | 'failed', when: string): string[] {
  return results
    .filter((result) => result.status !== expected)
    .map(
      (result) =>
        `task ${result.taskId}: check ${result.status === 'error' ? `errored (${result.error})` : result.status} ` +
        `${when}, expected ${expected}; it printed:\n${indent(result.evidence)}`,
    );
}

async function runScript(
  guest: CommandRunner,
  name: string,
  script: string,
  timeoutMs = SCRIPT_TIMEOUT_MS,
): Promise<string | undefined> {
  try {
    const { output, exitCode } = await guest.run(script, { timeoutMs });
    return exitCode === 0
      ? undefined
      : `${name} exited with ${exitCode}; it printed:\n${indent(output.trim())}`;
  } catch (error) {
    return `${name} could not run: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Starts a guest, runs `body` on it and always disposes of it. */
async function onFreshGuest<T>(
  startGuest: () => Promise<DisposableRunner>,
  body: (guest: DisposableRunner) => Promise<T>,
): Promise<T> {
  const guest = await startGuest();
  try {
    return await body(guest);
  } finally {
    await guest.dispose();
  }
}

async function checkRound(
  guest: CommandRunner,
  tasks: LinuxExercise['tasks'],
  round: CheckRound,
  { onChecks, now }: ProofWatch,
): Promise<TaskCheckResult[]> {
  const results = await runChecks(guest, tasks, { timeoutMs: CHECK_TIMEOUT_MS, ...(now ? { now } : {}) });
  onChecks?.(round, results);
  return results;
}

async function proveSolution(
  exercise: LinuxExercise,
  guest: CommandRunner,
  watch: ProofWatch,
): Promise<string[]> {
  const setupProblem = await runScript(guest, 'setup', exercise.setup, SETUP_TIMEOUT_MS);
  if (setupProblem) return [setupProblem];
  const before = await checkRound(guest, exercise.tasks, 'after setup', watch);
  const problems = wrongResults(before, 'failed', 'after setup');
  const solutionProblem = await runScript(guest, 'solution', exercise.solution);
  if (solutionProblem) return [...problems, solutionProblem];
  const after = await checkRound(guest, exercise.tasks, 'after the solution', watch);
  problems.push(...wrongResults(after, 'passed', 'after the solution'));
  // A reload: the learner's page restores the solved machine and runs the setup again before the checks.
  const againProblem = await runScript(
    guest,
    'setup run again (as on a reload of the solved machine)',
    exercise.setup,
    SETUP_TIMEOUT_MS,
  );
  if (againProblem) return [...problems, againProblem];
  const again = await checkRound(guest, exercise.tasks, 'after setup again', watch);
  return [...problems, ...wrongResults(again, 'passed', 'after the setup ran again (as on a reload)')];
}

/**
 * A near miss proves something only if its script did what it meant to: so the script must succeed, and each
 * named task must answer `failed` (a check that errors or times out proves nothing either way). The other
 * tasks run too, so the author sees how near the miss is (a script that breaks everything proves little).
 */
async function proveNearMiss(
  exercise: LinuxExercise,
  nearMiss: NearMiss,
  guest: CommandRunner,
  namedOnly: boolean,
  watch: ProofWatch,
): Promise<{ problems: string[]; alsoFailing: string[] }> {
  const setupProblem = await runScript(guest, 'setup', exercise.setup, SETUP_TIMEOUT_MS);
  if (setupProblem) return { problems: [setupProblem], alsoFailing: [] };
  const scriptProblem = await runScript(guest, 'the near miss', nearMiss.script);
  if (scriptProblem) return { problems: [scriptProblem], alsoFailing: [] };
  const missing = nearMiss.fails.filter((id) => !exercise.tasks.some((task) => task.id === id));
  const tasks = namedOnly
    ? exercise.tasks.filter((task) => nearMiss.fails.includes(task.id))
    : exercise.tasks;
  const results = await checkRound(guest, tasks, 'after the near miss', watch);
  const named = results.filter((result) => nearMiss.fails.includes(result.taskId));
  return {
    problems: [
      ...missing.map((id) => `names task ${id}, which the exercise does not have`),
      ...wrongResults(named, 'failed', 'after the near miss'),
    ],
    alsoFailing: results
      .filter((result) => !nearMiss.fails.includes(result.taskId) && !result.passed)
      .map((result) => result.taskId),
  };
}

/** The solution half of the proof on one fresh guest: problems, or none. */
export function verifySolution(
  exercise: LinuxExercise,
  startGuest: () => Promise<DisposableRunner>,
  watch: ProofWatch = {},
): Promise<string[]> {
  return onFreshGuest(startGuest, (guest) => proveSolution(exercise, guest, watch));
}

/**
 * One near miss on its own fresh guest: problems (none when proved), and the unnamed tasks that fail too.
 * `namedOnly` runs only the checks of the tasks it names (the proof; alsoFailing is then empty): the VM test
 * uses it to save CI the checks that only inform the author.
 */
export function verifyNearMiss(
  exercise: LinuxExercise,
  nearMiss: NearMiss,
  startGuest: () => Promise<DisposableRunner>,
  { namedOnly = false, ...watch }: { namedOnly?: boolean } & ProofWatch = {},
): Promise<{ problems: string[]; alsoFailing: string[] }> {
  return onFreshGuest(startGuest, (guest) => proveNearMiss(exercise, nearMiss, guest, namedOnly, watch));
}

export async function verifyExercise(
  exercise: LinuxExercise,
  startGuest: () => Promise<DisposableRunner>,
): Promise<ExerciseVerification> {
  const started = performance.now();
  const problems = await verifySolution(exercise, startGuest);
  const nearMisses: NearMissVerification[] = [];
  for (const nearMiss of exercise.nearMisses ?? []) {
    const { problems: missProblems, alsoFailing } = await verifyNearMiss(exercise, nearMiss, startGuest);
    nearMisses.push({
      title: nearMiss.title.en,
      fails: nearMiss.fails,
      alsoFailing,
      ok: missProblems.length === 0,
      problems: missProblems,
    });
  }
  return {
    id: exercise.id,
    folder: exercise.folder,
    ok: problems.length === 0 && nearMisses.every((miss) => miss.ok),
    problems,
    nearMisses,
    durationMs: Math.round(performance.now() - started),
  };
}
