// What the trainer and assignment pages know about the site's exercises, in the page's language. Built from
// the exercises collection at build time and handed to the client as JSON; pure functions only.
import { type CustomExercise, customProgressId } from '../exercises/custom-exercise.ts';
import { own } from '../exercises/own.ts';
import type { ExerciseStatus, Progress } from '../exercises/progress.ts';
import { exerciseStatus } from '../exercises/progress.ts';
import type { Lang } from '../site/locales.ts';

export interface CatalogExercise {
  id: string;
  chapter: string;
  /** The chapter's page title, or its slug while the chapter page does not exist yet. */
  chapterTitle: string;
  title: string;
  difficulty: number;
  estimatedMinutes: number;
  tasks: { id: string; title: string }[];
  /** A trainer's own exercise from the link: the digest of its content (custom-exercise.ts). */
  customDigest?: string;
  /** Where its progress and check runs are stored, when not under its id (a custom exercise: by version). */
  progressId?: string;
}

/** URL contract of the per-exercise pages: `/exercises/<id>/` and `/en/exercises/<id>/`. */
export function exerciseHref(lang: Lang, id: string): string {
  return `${lang === 'en' ? '/en' : ''}/exercises/${encodeURIComponent(id)}/`;
}

/** The page that runs a custom exercise of an assignment: the assignment's fragment, then `&exercise=<id>`. */
export function customExerciseHref(lang: Lang, assignmentFragment: string, id: string): string {
  const fragment = assignmentFragment.startsWith('#') ? assignmentFragment : `#${assignmentFragment}`;
  return `${lang === 'en' ? '/en' : ''}/custom-exercise/${fragment}&exercise=${encodeURIComponent(id)}`;
}

/** `#assignment=1.…&exercise=<id>` → the assignment's fragment and the exercise id (undefined without one). */
export function splitExerciseFragment(hash: string): { assignment: string; exercise: string | undefined } {
  const match = /^(.*)&exercise=([a-z0-9-]{1,60})$/.exec(hash);
  return match
    ? { assignment: match[1] ?? '', exercise: match[2] }
    : { assignment: hash, exercise: undefined };
}

/**
 * Whether a new fragment is another assignment for a page that shows `shown`: only `#assignment=…` and not the
 * one on show. Anything else (Starlight's skip link `#_top`, an in-page anchor, going back to the same link)
 * must leave the page as it is.
 */
export function isOtherAssignment(hash: string, shown: string): boolean {
  return hash.startsWith('#assignment=') && hash !== shown;
}

/** What a catalog entry is made of: a site exercise (at build time) or a link's own one. */
type CatalogSource = Pick<CustomExercise, 'id' | 'chapter' | 'title' | 'difficulty' | 'estimatedMinutes'> & {
  tasks: readonly { id: string; title: CustomExercise['title'] }[];
};

/** One exercise as a catalog entry in the page's language. */
export function catalogEntry(
  exercise: CatalogSource,
  lang: Lang,
  chapterTitle: (slug: string) => string,
): CatalogExercise {
  return {
    id: exercise.id,
    chapter: exercise.chapter,
    chapterTitle: chapterTitle(exercise.chapter),
    title: exercise.title[lang],
    difficulty: exercise.difficulty,
    estimatedMinutes: exercise.estimatedMinutes,
    tasks: exercise.tasks.map((task) => ({ id: task.id, title: task.title[lang] })),
  };
}

/** A link's custom exercises as catalog entries in the page's language, each with its content digest. */
export function customCatalog(
  custom: readonly CustomExercise[],
  digests: readonly string[],
  lang: Lang,
  chapterTitle: (slug: string) => string,
): CatalogExercise[] {
  return custom.map((exercise, i) => ({
    ...catalogEntry(exercise, lang, chapterTitle),
    customDigest: digests[i] ?? '',
    progressId: customProgressId(exercise.id, digests[i] ?? ''),
  }));
}

/** The learner's page for an assignment fragment (`#assignment=1.…`) on this site. */
export function assignmentUrl(origin: string, lang: Lang, fragment: string): string {
  return `${origin}${lang === 'en' ? '/en' : ''}/assignment/${fragment}`;
}

/** Exercises grouped by chapter, keeping the catalog's (course) order. */
export function byChapter(
  catalog: readonly CatalogExercise[],
): { chapter: string; chapterTitle: string; exercises: CatalogExercise[] }[] {
  const groups: { chapter: string; chapterTitle: string; exercises: CatalogExercise[] }[] = [];
  for (const exercise of catalog) {
    let group = groups.find((g) => g.chapter === exercise.chapter);
    if (!group) {
      group = { chapter: exercise.chapter, chapterTitle: exercise.chapterTitle, exercises: [] };
      groups.push(group);
    }
    group.exercises.push(exercise);
  }
  return groups;
}

export interface ExerciseProgressView {
  exercise: CatalogExercise;
  status: ExerciseStatus;
  tasksPassed: number;
}

/** Live status of each assigned exercise, in the assignment's order. Ids not in the catalog are skipped. */
export function assignmentProgress(
  catalog: readonly CatalogExercise[],
  ids: readonly string[],
  progress: Progress,
): ExerciseProgressView[] {
  return ids.flatMap((id) => {
    const exercise = catalog.find((e) => e.id === id);
    if (!exercise) return [];
    const taskIds = exercise.tasks.map((t) => t.id);
    const stored = exercise.progressId ?? id;
    const tasks = own(progress.exercises, stored)?.tasks ?? {};
    return [
      {
        exercise,
        status: exerciseStatus(progress, stored, taskIds),
        tasksPassed: taskIds.filter((t) => own(tasks, t)?.status === 'passed').length,
      },
    ];
  });
}

/** A download name safe on every file system: `report-<name>-<YYYY-MM-DD>.json`. */
export function reportFileName(learner: string, generatedAt: string): string {
  const name =
    learner
      .normalize('NFKC')
      .replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 40) || 'learner';
  return `report-${name}-${generatedAt.slice(0, 10)}.json`;
}
