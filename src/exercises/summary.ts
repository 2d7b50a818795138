// What the exercise index, /progress/ and the sidebar show for each exercise and chapter, computed from
// progress. Pure: the browser code passes in what the store read.
import { own } from './own.ts';
import { type ExerciseStatus, exerciseStatus, type Progress } from './progress.ts';

/** The little the summaries need of an exercise (rendered into pages at build time). */
export interface ExerciseOutline {
  id: string;
  chapter: string;
  taskIds: readonly string[];
}

export interface ExerciseSummary {
  id: string;
  status: ExerciseStatus;
  passedTasks: number;
  totalTasks: number;
  hintsUsed: number;
  attempts: number;
}

export function summarizeExercise(progress: Progress, exercise: ExerciseOutline): ExerciseSummary {
  const stored = own(progress.exercises, exercise.id);
  const tasks = exercise.taskIds.map((id) => (stored ? own(stored.tasks, id) : undefined));
  return {
    id: exercise.id,
    status: exerciseStatus(progress, exercise.id, exercise.taskIds),
    passedTasks: tasks.filter((task) => task?.status === 'passed').length,
    totalTasks: exercise.taskIds.length,
    // Only the exercise's current tasks count: a task removed from the course leaves no trace here.
    hintsUsed: tasks.reduce((sum, task) => sum + (task?.usedHints ?? 0), 0),
    attempts: stored?.attempts ?? 0,
  };
}

export interface ChapterSummary {
  chapter: string;
  /** Exercises passed, with or without help. */
  passed: number;
  total: number;
}

/** Per chapter, in the order chapters first appear in `exercises`. */
export function summarizeChapters(
  progress: Progress,
  exercises: readonly ExerciseOutline[],
): ChapterSummary[] {
  const chapters = new Map<string, ChapterSummary>();
  for (const exercise of exercises) {
    const summary = chapters.get(exercise.chapter) ?? { chapter: exercise.chapter, passed: 0, total: 0 };
    summary.total += 1;
    if (exerciseStatus(progress, exercise.id, exercise.taskIds) !== 'todo') summary.passed += 1;
    chapters.set(exercise.chapter, summary);
  }
  return [...chapters.values()];
}
