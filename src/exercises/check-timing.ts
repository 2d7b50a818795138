// How long each check of an exercise takes over the editor's whole try (try-exercise.ts): not one run, which
// may be the first on a freshly started machine (cold), but the median of every run the try makes (after setup,
// after the solution, after each near miss), with a check that was over the budget once run once more on the
// solution's machine before it goes, so that an exercise without near misses has three runs too.
import { type CommandRunner, runCheck, type TaskCheckResult } from './check-runner.ts';
import { CHECK_TIMEOUT_MS } from './verify-exercise.ts';

/**
 * A check slower than this on an idle machine is worth a warning: a check runs after every command the learner
 * types (src/exercises/README.md; `npm run bench:check` holds the site's to a 300 ms median).
 */
export const CHECK_BUDGET_MS = 300;

/** How long one task's check took over the whole try. */
export interface CheckTiming {
  taskId: string;
  /** Every finished run, in order: the proof's (after setup, after the solution, after each near miss), then
   * the run taken again for timing only, if any. */
  runsMs: number[];
  /** How many of `runsMs` were taken only to time the check (0 or 1). */
  extraRuns: number;
  medianMs: number;
  /** The median is over CHECK_BUDGET_MS. */
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

  /** Runs once more each check that was over the budget in a run that answered; timing only. */
  async timeAgain(guest: CommandRunner, now: () => number, stopped: () => boolean): Promise<void> {
    for (const task of this.#tasks) {
      const taken = this.#runs.get(task.id);
      if (!taken || taken.errored || taken.extra > 0 || !taken.ms.some((ms) => ms > CHECK_BUDGET_MS))
        continue;
      const again = await runCheck(guest, task, { timeoutMs: CHECK_TIMEOUT_MS, now });
      if (stopped()) return;
      taken.ms.push(again.durationMs);
      taken.extra++;
    }
  }

  /** One per task that ran at least once, in the exercise's order. */
  timings(): CheckTiming[] {
    return this.#tasks.flatMap((task): CheckTiming[] => {
      const taken = this.#runs.get(task.id);
      if (!taken || taken.ms.length === 0) return [];
      const medianMs = median(taken.ms);
      return [
        {
          taskId: task.id,
          runsMs: [...taken.ms],
          extraRuns: taken.extra,
          medianMs,
          overBudget: medianMs > CHECK_BUDGET_MS,
        },
      ];
    });
  }
}
