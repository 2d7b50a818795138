// How a setup script went (a playground's, an exercise's): the machine client runs each one every time the
// machine becomes ready, and keeps the last outcome per script for the exercise or playground that shows it
// (setup-problem.ts). DOM-free, so it is tested without a browser.
import type { RunResult } from '../emulator/command-runner.ts';

/** The last run of one setup script on the page's machine. */
export type SetupOutcome =
  /** Running now (the machine became ready again): what an earlier run said no longer holds. */
  | { script: string; status: 'running' }
  | { script: string; status: 'passed'; output: string }
  /** It ran and exited non-zero. */
  | { script: string; status: 'failed'; exitCode: number; output: string }
  /** It did not finish within `timeoutMs` and was killed; `output` is what it printed until then. */
  | { script: string; status: 'timeout'; timeoutMs: number; output: string }
  /** It could not run at all (the guest did not answer, the program channel failed): `reason` says why. */
  | { script: string; status: 'error'; reason: string };

export type SetupRun = (script: string, timeoutMs: number) => Promise<RunResult>;

/** Runs `script` with `run` (the machine client's program channel) and says how it went; never throws. */
export async function runSetupScript(
  run: SetupRun,
  script: string,
  timeoutMs: number,
): Promise<SetupOutcome> {
  try {
    const { exitCode, output } = await run(script, timeoutMs);
    return exitCode === 0
      ? { script, status: 'passed', output }
      : { script, status: 'failed', exitCode, output };
  } catch (error) {
    const { name, message, partialOutput } = error as Error & { partialOutput?: string };
    // The machine client rejects a timed-out command as the emulator's CommandTimeoutError, with its output so far.
    if (name === 'CommandTimeoutError')
      return { script, status: 'timeout', timeoutMs, output: partialOutput ?? '' };
    return { script, status: 'error', reason: message || String(error) };
  }
}

/** Whether the outcome is a problem to show: the setup ran and failed, timed out, or could not run. */
export function setupFailed(
  outcome: SetupOutcome | undefined,
): outcome is Exclude<SetupOutcome, { status: 'running' | 'passed' }> {
  return outcome?.status === 'failed' || outcome?.status === 'timeout' || outcome?.status === 'error';
}

/** The words a setup problem is told in, in the page's language (lab and playground strings). */
export interface SetupProblemTexts {
  /** `{code}`: the exit code. */
  failed: string;
  /** `{s}`: the time limit in seconds. */
  timeout: string;
  /** `{reason}`: why it could not run. */
  couldNotRun: string;
  /** What to do about it (reset; tell the link's author, or that it is the site's fault). */
  advice: string;
}

/** What went wrong, then what to do: one paragraph. */
export function setupProblemText(
  outcome: Exclude<SetupOutcome, { status: 'running' | 'passed' }>,
  texts: SetupProblemTexts,
): string {
  const what =
    outcome.status === 'failed'
      ? texts.failed.replace('{code}', String(outcome.exitCode))
      : outcome.status === 'timeout'
        ? texts.timeout.replace('{s}', String(Math.round(outcome.timeoutMs / 1000)))
        : texts.couldNotRun.replace('{reason}', outcome.reason);
  // A space between English sentences; none after Japanese 。
  return /[。）」]$/.test(what) ? `${what}${texts.advice}` : `${what} ${texts.advice}`;
}

/** How much of a setup's output the page shows: its first lines, each cut short if very long. */
export const PREVIEW_LINES = 20;
const PREVIEW_LINE_CHARS = 300;

/**
 * The first PREVIEW_LINES lines of a setup's output (a line longer than PREVIEW_LINE_CHARS is cut, ending in
 * "…"), and whether anything was left out. Trailing blank lines are not counted.
 */
export function outputPreview(output: string): { text: string; cut: boolean } {
  const lines = output.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return { text: '', cut: false };
  let cut = lines.length > PREVIEW_LINES;
  const shown = lines.slice(0, PREVIEW_LINES).map((line) => {
    if (line.length <= PREVIEW_LINE_CHARS) return line;
    cut = true;
    return `${line.slice(0, PREVIEW_LINE_CHARS)}…`;
  });
  return { text: shown.join('\n'), cut };
}
