/**
 * The course's chapters, in order. URL contract: `/chapters/<slug>/` (ja) and `/en/chapters/<slug>/` (en).
 * No imports: the sidebar (build time) and the exercise schema both use it.
 */
export const chapterSlugs = [
  'why-virtualization',
  'classification',
  'hypervisors',
  'containers',
  'kernel-features',
  'esxi',
  'docker',
  'cloud',
] as const;

export type ChapterSlug = (typeof chapterSlugs)[number];
