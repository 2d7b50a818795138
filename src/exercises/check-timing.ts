// How long each check of an exercise takes over the editor's whole try (try-exercise.ts): not one run, which
// may be the first on a freshly started machine (cold), but the median of every run the try makes (after setup,
// after the solution, after each near miss), with a check that was over the budget once run again on the
// solution's machine before it goes, until it has MIN_RUNS runs (an exercise without near misses has two of
// its own). A check with fewer runs (the try was stopped) is shown, not judged.
import { type CommandRunner, runCheck, type TaskCheckResult } from './check-runner.ts';
import { CHECK_TIMEOUT_MS } from './verify-exercise.ts';

/**
 * A check slower than this on an idle machine is worth a warning: a check runs after every command the learner
 * types (src/exercises/README.md; `npm run bench:check` holds the site's to a 300 ms median).
 */
export const CHECK_BUDGET_MS = 300;

/** Runs a check needs before its median is held against the budget: one cold run of three cannot decide. */
export const MIN_RUNS = 3;

/** How long one task's check took over the whole try. */
export interface CheckTiming {
  taskId: string;
  /** Every finished run, in order: the proof's (after setup, after the solution, after each near miss), then
   * the run taken again for timing only, if any. */
  runsMs: number[];
  /** How many of `runsMs` were taken only to time the check (at most MIN_RUNS - 1). */
  extraRuns: number;
  medianMs: number;
  /** There were at least MIN_RUNS runs, so the median is held against the budget. */
  judged: boolean;
  /** Judged, and the median is over CHECK_BUDGET_MS. */
  overBudget: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

export class CheckTimes {
  /** Each task's finished runs; `errored`: one ended without an answer (a timeout), not worth running again. */
  readonly #runs: Map<string, { ms: number[]; extra: number; errored: boolean }>;
  readonly #tasks: readonly { id: string; check: string }[];

  constructor(tasks: readonly { id: string; check: string }[]) {
    this.#tasks = tasks;
    this.#runs = new Map(tasks.map((task) => [task.id, { ms: [], extra: 0, errored: false }]));
  }

  /** A finished run of the proof (not one Stop cut short). */
  add(result: TaskCheckResult): void {
    const taken = this.#runs.get(result.taskId);
    if (!taken) return;
    taken.ms.push(result.durationMs);
    if (result.status === 'error') taken.errored = true;
  }

  /** Runs again each check that was over the budget in a run, until it has MIN_RUNS runs; timing only. A
   * check that once gave no answer (a timeout) is not run again: it would cost the whole timeout again. */
  async timeAgain(guest: CommandRunner, now: () => number, stopped: () => boolean): Promise<void> {
    for (const task of this.#tasks) {
      const taken = this.#runs.get(task.id);
      if (!taken || taken.errored || !taken.ms.some((ms) => ms > CHECK_BUDGET_MS)) continue;
      while (taken.ms.length < MIN_RUNS) {
        const again = await runCheck(guest, task, { timeoutMs: CHECK_TIMEOUT_MS, now });
        if (stopped()) return;
        taken.ms.push(again.durationMs);
        taken.extra++;
        if (again.status === 'error') break;
      }
    }
  }

  /** One per task that ran at least once, in the exercise's order. */
  timings(): CheckTiming[] {
    return this.#tasks.flatMap((task): CheckTiming[] => {
      const taken = this.#runs.get(task.id);
      if (!taken || taken.ms.length === 0) return [];
      const medianMs = median(taken.ms);
      const judged = taken.ms.length >= MIN_RUNS;
      return [
        {
          taskId: task.id,
          runsMs: [...taken.ms],
          extraRuns: taken.extra,
          medianMs,
          judged,
          overBudget: judged && medianMs > CHECK_BUDGET_MS,
        },
      ];
    });
  }
}
