// The learner's progress as plain data: pure updates, JSON export/import with validation, and storage behind
// a two-method interface (the browser plugs in localStorage). Corrupt data is reported, never thrown at the UI.
// zod/mini, not astro/zod: this schema ships to the browser on every exercise page (src/lab/store.ts), where
// full zod costs ~30 KB gz and zod/mini ~8 KB. The two field shapes below mirror `count` and `isoTime` in
// src/schemas/fields.ts for the same reason.
import * as z from 'zod/mini';
import { formatIssues } from './format-issues.ts';
import { own } from './own.ts';

const count = z
  .int({ error: 'a whole number (a count)' })
  .check(z.minimum(0, { error: 'a count of 0 or more' }));
const isoTime = z.iso.datetime({ error: 'a date and time in ISO 8601 (UTC)' });
// Ids are kebab-case, as in src/schemas/fields.ts: never `__proto__`, so a stored key is always a real id.
const kebabPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = (what: string) =>
  z
    .string()
    .check(
      z.maxLength(60, { error: `${what} of at most 60 characters` }),
      z.regex(kebabPattern, { error: `${what} in kebab-case` }),
    );

const taskProgressSchema = z.strictObject(
  {
    /** Passed stays passed: progress records achievements. */
    status: z.enum(['todo', 'passed'], { error: '"todo" or "passed"' }),
    /** When a check first passed. */
    passedAt: z.optional(isoTime),
    /** How many of the hints were revealed (a task has at most 5; a report takes at most 20). */
    usedHints: count.check(z.maximum(20, { error: 'at most 20 hints' })),
  },
  { error: "a task's progress (an object)" },
);

const exerciseProgressSchema = z.strictObject(
  {
    /** By task id. */
    tasks: z.record(id('a task id'), taskProgressSchema, { error: 'tasks by id (an object)' }),
    /** The solution was shown: "solved with help". */
    usedSolution: z.boolean({ error: 'true or false' }),
    /** How many times the checks were run. */
    attempts: count,
  },
  { error: "an exercise's progress (an object)" },
);

export const progressSchema = z.strictObject(
  {
    /** Tells a progress file from other JSON. */
    format: z.literal('vlab-progress', { error: '"vlab-progress"' }),
    version: z.literal(1, { error: 'version 1' }),
    /** By exercise id. */
    exercises: z.record(id('an exercise id'), exerciseProgressSchema, {
      error: 'exercises by id (an object)',
    }),
  },
  { error: 'a progress file (a JSON object)' },
);

export type Progress = z.infer<typeof progressSchema>;
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type TaskProgress = z.infer<typeof taskProgressSchema>;
export type ExerciseStatus = 'todo' | 'passed' | 'passed-with-help';

/** Imports larger than this are refused before parsing: a real progress file is a few KB. */
export const MAX_PROGRESS_BYTES = 1_000_000;

export class ProgressError extends Error {
  readonly reason: 'too-large' | 'not-json' | 'invalid';
  readonly problems: readonly string[];

  constructor(reason: ProgressError['reason'], problems: readonly string[]) {
    super(`progress data is unusable: ${problems.join('; ')}`);
    this.name = 'ProgressError';
    this.reason = reason;
    this.problems = problems;
  }
}

export type ProgressResult = { ok: true; progress: Progress } | { ok: false; error: ProgressError };

export function emptyProgress(): Progress {
  return { format: 'vlab-progress', version: 1, exercises: {} };
}

function exerciseOf(progress: Progress, exerciseId: string): ExerciseProgress {
  return own(progress.exercises, exerciseId) ?? { tasks: {}, usedSolution: false, attempts: 0 };
}

function withExercise(progress: Progress, exerciseId: string, exercise: ExerciseProgress): Progress {
  return { ...progress, exercises: { ...progress.exercises, [exerciseId]: exercise } };
}

function taskOf(exercise: ExerciseProgress, taskId: string): TaskProgress {
  return own(exercise.tasks, taskId) ?? { status: 'todo', usedHints: 0 };
}

/**
 * Counts one attempt and marks newly passed tasks; a task that passed once stays passed. With `together`
 * (an exercise's `passTogether`), passes are recorded only from a run in which every task passed.
 */
export function recordCheck(
  progress: Progress,
  exerciseId: string,
  results: readonly { taskId: string; passed: boolean }[],
  now: Date,
  options: { together?: boolean } = {},
): Progress {
  const exercise = exerciseOf(progress, exerciseId);
  const tasks = { ...exercise.tasks };
  const counts = !options.together || results.every((result) => result.passed);
  for (const result of counts ? results : []) {
    const task = taskOf(exercise, result.taskId);
    tasks[result.taskId] =
      result.passed && task.status !== 'passed'
        ? { ...task, status: 'passed', passedAt: now.toISOString() }
        : task;
  }
  return withExercise(progress, exerciseId, { ...exercise, tasks, attempts: exercise.attempts + 1 });
}

/** The UI reveals hints one at a time; `shown` is how many are visible now (it never goes down). */
export function recordHints(progress: Progress, exerciseId: string, taskId: string, shown: number): Progress {
  const exercise = exerciseOf(progress, exerciseId);
  const task = taskOf(exercise, taskId);
  const tasks = { ...exercise.tasks, [taskId]: { ...task, usedHints: Math.max(task.usedHints, shown) } };
  return withExercise(progress, exerciseId, { ...exercise, tasks });
}

export function recordSolutionShown(progress: Progress, exerciseId: string): Progress {
  return withExercise(progress, exerciseId, { ...exerciseOf(progress, exerciseId), usedSolution: true });
}

/** `passed-with-help`: every task passed, but the solution was shown first or along the way. */
export function exerciseStatus(
  progress: Progress,
  exerciseId: string,
  taskIds: readonly string[],
): ExerciseStatus {
  const exercise = exerciseOf(progress, exerciseId);
  if (taskIds.length === 0 || !taskIds.every((id) => own(exercise.tasks, id)?.status === 'passed'))
    return 'todo';
  return exercise.usedSolution ? 'passed-with-help' : 'passed';
}

export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

export function importProgress(json: string): ProgressResult {
  if (json.length > MAX_PROGRESS_BYTES) {
    return {
      ok: false,
      error: new ProgressError('too-large', [
        `Received ${json.length} characters / Expected at most ${MAX_PROGRESS_BYTES}`,
      ]),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return {
      ok: false,
      error: new ProgressError('not-json', [
        `Received text that is not JSON / Expected a progress file (${(error as Error).message})`,
      ]),
    };
  }
  const parsed = progressSchema.safeParse(data, { reportInput: true });
  const problems = [
    ...protoKeyProblems(data),
    ...(parsed.success ? [] : formatIssues('progress', parsed.error)),
  ];
  if (problems.length > 0 || !parsed.success)
    return { ok: false, error: new ProgressError('invalid', problems) };
  return { ok: true, progress: parsed.data };
}

/** zod leaves a `__proto__` key of a record out without a word; it is no id, so name it as a problem. */
function protoKeyProblems(data: unknown): string[] {
  const own = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const exercises = own(data, 'exercises');
  const problem = (path: string, what: string) =>
    `progress: ${path}: Received "__proto__" / Expected ${what} in kebab-case`;
  const problems =
    own(exercises, '__proto__') === undefined ? [] : [problem('exercises.__proto__', 'an exercise id')];
  if (typeof exercises === 'object' && exercises !== null)
    for (const [id, exercise] of Object.entries(exercises))
      if (own(own(exercise, 'tasks'), '__proto__') !== undefined)
        problems.push(problem(`exercises.${id}.tasks.__proto__`, 'a task id'));
  return problems;
}

/** Combines progress from two browsers: passed wins (earliest time), help used anywhere counts. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  let merged = a;
  for (const [exerciseId, theirs] of Object.entries(b.exercises)) {
    const ours = exerciseOf(merged, exerciseId);
    const tasks = { ...ours.tasks };
    for (const [taskId, their] of Object.entries(theirs.tasks)) {
      const our = taskOf(ours, taskId);
      const times = [our.passedAt, their.passedAt].filter((t): t is string => t !== undefined).sort();
      const passed = our.status === 'passed' || their.status === 'passed';
      const usedHints = Math.max(our.usedHints, their.usedHints);
      const first = times[0];
      tasks[taskId] = !passed
        ? { status: 'todo', usedHints }
        : first === undefined
          ? { status: 'passed', usedHints }
          : { status: 'passed', passedAt: first, usedHints };
    }
    merged = withExercise(merged, exerciseId, {
      tasks,
      usedSolution: ours.usedSolution || theirs.usedSolution,
      attempts: ours.attempts + theirs.attempts,
    });
  }
  return merged;
}

/** What localStorage (or a test's Map) offers. */
export interface StringStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const PROGRESS_KEY = 'vlab:progress';

/** Missing → empty progress; corrupt → an error for the UI to show, and the stored text is left as it is. */
export function loadProgress(storage: StringStorage): ProgressResult {
  const stored = storage.get(PROGRESS_KEY);
  return stored === null ? { ok: true, progress: emptyProgress() } : importProgress(stored);
}

export function saveProgress(storage: StringStorage, progress: Progress): void {
  storage.set(PROGRESS_KEY, JSON.stringify(progress));
}
