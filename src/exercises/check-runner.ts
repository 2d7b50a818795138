// Runs an exercise's checks on anything that can run a command in the guest: the Node `Guest` (verify,
// tests) or, later, the page's machine client. Checks go over the program channel, never the learner's
// terminal, one at a time (the channel runs one command at a time anyway).

/** The narrow door the runner needs; `Guest` from src/emulator satisfies it. */
export interface CommandRunner {
  run(command: string, options: { timeoutMs: number }): Promise<{ output: string; exitCode: number }>;
}

export type CheckStatus = 'passed' | 'failed' | 'error';

export interface TaskCheckResult {
  taskId: string;
  /** `error`: the check could not give an answer (timed out, guest gone); the task is not passed. */
  status: CheckStatus;
  passed: boolean;
  /** What the check printed, cleaned and bounded: shown to the learner and put into reports. */
  evidence: string;
  durationMs: number;
  /** Why the status is `error`, in plain English, for the UI to show next to the localized message. */
  error?: string;
}

export interface CheckOptions {
  /** Per check. The guest kills a check after this; the host gives up a little later. Default 10 s. */
  timeoutMs?: number;
  /** How long after `timeoutMs` the host stops waiting for an answer. Default 2 s. */
  graceMs?: number;
  /** Evidence is cut to this many characters. Default 2000. */
  maxEvidence?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How long after the guest's own deadline the host stops waiting (the guest answers `timeout` first). */
const HOST_GRACE_MS = 2_000;
const DEFAULT_MAX_EVIDENCE = 2_000;

// ANSI escape sequences and C0 controls other than tab and newline: evidence is shown as plain text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const controlChars = /\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x08\x0b-\x1f\x7f]/g;

export function boundEvidence(output: string, max = DEFAULT_MAX_EVIDENCE): string {
  const clean = output.replace(/\r\n/g, '\n').replace(controlChars, '').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max)}\n… (${clean.length - max} more characters)`;
}

class HostTimeout extends Error {}

function withHostTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Duck-typed so this file does not import the emulator: `CommandTimeoutError` carries `partialOutput`. */
function partialOutputOf(error: unknown): string | undefined {
  if (error instanceof Error && 'partialOutput' in error && typeof error.partialOutput === 'string') {
    return error.partialOutput;
  }
  return undefined;
}

export async function runCheck(
  runner: CommandRunner,
  task: { id: string; check: string },
  options: CheckOptions = {},
): Promise<TaskCheckResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => performance.now());
  const maxEvidence = options.maxEvidence ?? DEFAULT_MAX_EVIDENCE;
  const started = now();
  try {
    const { output, exitCode } = await withHostTimeout(
      runner.run(task.check, { timeoutMs }),
      timeoutMs + (options.graceMs ?? HOST_GRACE_MS),
    );
    const passed = exitCode === 0;
    return {
      taskId: task.id,
      status: passed ? 'passed' : 'failed',
      passed,
      evidence: boundEvidence(output, maxEvidence),
      durationMs: Math.round(now() - started),
    };
  } catch (error) {
    const partial = partialOutputOf(error);
    const timedOut = error instanceof HostTimeout || partial !== undefined;
    return {
      taskId: task.id,
      status: 'error',
      passed: false,
      evidence: boundEvidence(partial ?? '', maxEvidence),
      durationMs: Math.round(now() - started),
      error: timedOut
        ? `the check did not finish within ${timeoutMs / 1000} s and was stopped`
        : `the check could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Runs the checks in order; a failing or hung check does not stop the others. */
export async function runChecks(
  runner: CommandRunner,
  tasks: readonly { id: string; check: string }[],
  options: CheckOptions = {},
): Promise<TaskCheckResult[]> {
  const results: TaskCheckResult[] = [];
  for (const task of tasks) results.push(await runCheck(runner, task, options));
  return results;
}
