// Build time: the exercises collection as the trainer and assignment pages need it, in one language.
import { getCollection } from 'astro:content';
import { chapterSlugs } from '../../site/chapters.ts';
import type { Lang } from '../../site/locales.ts';
import { type CatalogExercise, catalogEntry } from '../../trainer/catalog.ts';

export async function loadCatalog(lang: Lang): Promise<CatalogExercise[]> {
  const [exercises, docs] = await Promise.all([getCollection('exercises'), getCollection('docs')]);
  const chapterTitle = (slug: string) =>
    docs.find((page) => page.id === `${lang === 'en' ? 'en/' : ''}chapters/${slug}`)?.data.title ?? slug;
  const order = (chapter: string) => chapterSlugs.indexOf(chapter as (typeof chapterSlugs)[number]);
  return exercises
    .map(({ data }) => data)
    .sort((a, b) => order(a.chapter) - order(b.chapter) || a.folder.localeCompare(b.folder))
    .map((exercise) => catalogEntry(exercise, lang, chapterTitle));
}
