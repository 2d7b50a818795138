// Build-time helpers shared by the exercise index, /progress/ and the sidebar badges: the exercises grouped
// by chapter, in course order, with the chapter's name and link when its page exists.
import { getCollection } from 'astro:content';
import type { ExerciseOutline } from '../../exercises/summary.ts';
import { chapterNames } from '../../lab/strings.ts';
import type { Exercise } from '../../schemas/exercise.ts';
import { chapterSlugs } from '../../site/chapters.ts';
import type { Lang } from '../../site/locales.ts';

export interface ChapterGroup {
  slug: string;
  name: string;
  /** The chapter's page, if it exists yet. */
  href: string | undefined;
  exercises: Exercise[];
}

export async function exercisesByChapter(lang: Lang): Promise<ChapterGroup[]> {
  const exercises = (await getCollection('exercises')).map((entry) => entry.data);
  exercises.sort((a, b) => a.folder.localeCompare(b.folder));
  const docs = await getCollection('docs');
  const prefix = lang === 'en' ? 'en/' : '';
  return chapterSlugs.flatMap((slug) => {
    const inChapter = exercises.filter((exercise) => exercise.chapter === slug);
    if (inChapter.length === 0) return [];
    const page = docs.find((doc) => doc.id === `${prefix}chapters/${slug}`);
    return [
      {
        slug,
        name: page?.data.title ?? chapterNames[slug][lang],
        href: page ? `/${prefix}chapters/${slug}/` : undefined,
        exercises: inChapter,
      },
    ];
  });
}

export function outlines(groups: readonly ChapterGroup[]): ExerciseOutline[] {
  return groups.flatMap((group) =>
    group.exercises.map((exercise) => ({
      id: exercise.id,
      chapter: exercise.chapter,
      taskIds: exercise.tasks.map((task) => task.id),
    })),
  );
}
