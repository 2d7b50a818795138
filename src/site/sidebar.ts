import { existsSync } from 'node:fs';
import { chapterSlugs } from './chapters.ts';

export { chapterSlugs };

/** Pages of the lab (the behaviour simulator, exercises, trainer, progress, authoring), listed once they exist. */
export const labSlugs = [
  'compare',
  'exercises',
  'trainer',
  'exercise-editor',
  'progress',
  'authoring',
] as const;

const contentRoot = new URL('../../content/docs/', import.meta.url);

function pageExists(slug: string): boolean {
  return ['.mdx', '.md', '/index.mdx'].some((ext) => existsSync(new URL(`${slug}${ext}`, contentRoot)));
}

function group(label: string, en: string, slugs: readonly string[]) {
  const items = slugs.filter(pageExists).map((slug) => ({ slug }));
  return items.length ? [{ label, translations: { en }, items }] : [];
}

/** Starlight sidebar config: groups with no existing page are left out rather than shown empty. */
export const sidebar = [
  ...group('はじめに', 'Start here', ['try']),
  ...group(
    'コース',
    'Course',
    chapterSlugs.map((s) => `chapters/${s}`),
  ),
  ...group('ラボ', 'Lab', labSlugs),
  ...group('このサイトについて', 'About this site', ['about']),
];
