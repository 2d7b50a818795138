// A lenient reading of stored progress for the sidebar badges on every page. It imports nothing, so the
// progress schema (zod) is not shipped to pages that have no exercise on them.
import type { ExerciseOutline } from './summary.ts';

/** Same as PROGRESS_KEY in progress.ts and CHANGE_EVENT in src/lab/store.ts (a unit test keeps them equal). */
export const PROGRESS_KEY = 'vlab:progress';
export const CHANGE_EVENT = 'vlab:progress';

/**
 * Which exercises are passed, read leniently from stored progress text without the schema: the sidebar
 * shows this on every page, where shipping the validator would cost more than the badges are worth. Anything
 * it cannot read counts as not passed; /progress/ validates properly and tells the learner what is wrong.
 */
export function passedExerciseIds(raw: string | null, exercises: readonly ExerciseOutline[]): Set<string> {
  const passed = new Set<string>();
  let data: unknown;
  try {
    data = raw === null ? null : JSON.parse(raw);
  } catch {
    return passed;
  }
  const stored = isRecord(data) && isRecord(data.exercises) ? data.exercises : {};
  for (const exercise of exercises) {
    const entry = Object.hasOwn(stored, exercise.id) ? stored[exercise.id] : undefined;
    const tasks = isRecord(entry) && isRecord(entry.tasks) ? entry.tasks : {};
    const done = exercise.taskIds.every((id) => {
      const task = Object.hasOwn(tasks, id) ? tasks[id] : undefined;
      return isRecord(task) && task.status === 'passed';
    });
    if (done && exercise.taskIds.length > 0) passed.add(exercise.id);
  }
  return passed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
