// What an exercise shows for each task: the pass it earned (progress is sticky, so it stays in progress and in
// reports) beside what the latest check says now. Pure: <vlab-exercise> passes in what the store read and the
// results of the latest check run.
import type { CheckStatus } from './check-runner.ts';
import { own } from './own.ts';
import { type ExerciseStatus, exerciseStatus, type Progress } from './progress.ts';

/**
 * - `passed`: passed once, and the latest check (if any) did not say otherwise;
 * - `passed-failing`: passed once, but the latest check fails (the learner undid it: killed the process,
 *   unmounted…). Still a pass for progress and reports; the page says plainly that it does not hold now;
 * - `failed`, `error`: not passed yet, and what the latest check said; `todo`: not passed, never checked.
 */
export type TaskState = 'todo' | 'passed' | 'passed-failing' | 'failed' | 'error';

export interface TaskView {
  taskId: string;
  state: TaskState;
  /** What the latest check said, when there is one (an `error` on a passed task is shown beside the pass). */
  latest: CheckStatus | undefined;
}

export interface ExerciseView {
  status: ExerciseStatus;
  tasks: TaskView[];
  /** Tasks passed, before or in the latest check. */
  passed: number;
  /** Passed tasks whose latest check fails. */
  failingNow: number;
  /** Tasks whose latest check could not give an answer. */
  errors: number;
}

export function exerciseView(
  progress: Progress,
  exerciseId: string,
  taskIds: readonly string[],
  latest: readonly { taskId: string; status: CheckStatus }[],
): ExerciseView {
  const stored = own(progress.exercises, exerciseId);
  const tasks = taskIds.map((taskId): TaskView => {
    const now = latest.find((result) => result.taskId === taskId)?.status;
    const earned = (stored && own(stored.tasks, taskId))?.status === 'passed';
    // A pass in the latest run counts even when it could not be stored (damaged progress is left alone).
    const state: TaskState = earned ? (now === 'failed' ? 'passed-failing' : 'passed') : (now ?? 'todo');
    return { taskId, state, latest: now };
  });
  return {
    status: exerciseStatus(progress, exerciseId, taskIds),
    tasks,
    passed: tasks.filter((task) => task.state === 'passed' || task.state === 'passed-failing').length,
    failingNow: tasks.filter((task) => task.state === 'passed-failing').length,
    errors: tasks.filter((task) => task.latest === 'error').length,
  };
}
