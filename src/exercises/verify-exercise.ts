// The proof behind `npm run exercises:verify` (STYLE.md habit 8): on a fresh guest, after `setup` every
// check fails, and after `solution` every check passes. Shared by the CLI (verify.ts) and the VM test.
import type { LinuxExercise } from '../schemas/exercise.ts';
import { type CommandRunner, runChecks, type TaskCheckResult } from './check-runner.ts';

/** A guest that runs commands and can be thrown away; `Guest` from src/emulator is one. */
export interface DisposableRunner extends CommandRunner {
  dispose(): Promise<void>;
}

export interface ExerciseVerification {
  id: string;
  folder: string;
  ok: boolean;
  /** Empty when ok; otherwise one line per problem, with the evidence the check printed. */
  problems: string[];
  durationMs: number;
}

const SCRIPT_TIMEOUT_MS = 60_000;
const CHECK_TIMEOUT_MS = 15_000;

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

async function runScript(guest: CommandRunner, name: string, script: string): Promise<string | undefined> {
  try {
    const { output, exitCode } = await guest.run(script, { timeoutMs: SCRIPT_TIMEOUT_MS });
    return exitCode === 0
      ? undefined
      : `${name} exited with ${exitCode}; it printed:\n${indent(output.trim())}`;
  } catch (error) {
    return `${name} could not run: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function verifyExercise(
  exercise: LinuxExercise,
  startGuest: () => Promise<DisposableRunner>,
): Promise<ExerciseVerification> {
  const started = performance.now();
  const problems: string[] = [];
  const guest = await startGuest();
  try {
    const setupProblem = await runScript(guest, 'setup', exercise.setup);
    if (setupProblem) problems.push(setupProblem);
    else {
      const before = await runChecks(guest, exercise.tasks, { timeoutMs: CHECK_TIMEOUT_MS });
      problems.push(...wrongResults(before, 'failed', 'after setup'));
      const solutionProblem = await runScript(guest, 'solution', exercise.solution);
      if (solutionProblem) problems.push(solutionProblem);
      else {
        const after = await runChecks(guest, exercise.tasks, { timeoutMs: CHECK_TIMEOUT_MS });
        problems.push(...wrongResults(after, 'passed', 'after the solution'));
      }
    }
  } finally {
    await guest.dispose();
  }
  return {
    id: exercise.id,
    folder: exercise.folder,
    ok: problems.length === 0,
    problems,
    durationMs: Math.round(performance.now() - started),
  };
}
