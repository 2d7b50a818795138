import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { langOfContentFile, langOfUrlPath } from '../../src/site/locales.ts';
import { chapterSlugs, labSlugs, sidebar } from '../../src/site/sidebar.ts';

const pageExists = (slug: string) =>
  ['.mdx', '.md', '/index.mdx'].some((ext) =>
    existsSync(new URL(`../../content/docs/${slug}${ext}`, import.meta.url)),
  );

describe('languages', () => {
  test('a page under content/docs/en/ is English, any other page Japanese', () => {
    expect(langOfContentFile('/repo/content/docs/en/chapters/docker.mdx')).toBe('en');
    expect(langOfContentFile('/repo/content/docs/chapters/docker.mdx')).toBe('ja');
    expect(langOfContentFile('/repo/content/docs/enterprise.mdx')).toBe('ja');
    expect(langOfContentFile(undefined)).toBe('ja');
  });

  test('/en/… URLs are English, the root is Japanese', () => {
    expect(langOfUrlPath('/en/')).toBe('en');
    expect(langOfUrlPath('/en/about/')).toBe('en');
    expect(langOfUrlPath('/')).toBe('ja');
    expect(langOfUrlPath('/engine/')).toBe('ja');
  });
});

describe('sidebar', () => {
  test('keeps the course order of the URL contract', () => {
    expect(chapterSlugs).toEqual([
      'why-virtualization',
      'classification',
      'hypervisors',
      'containers',
      'kernel-features',
      'esxi',
      'docker',
      'cloud',
    ]);
  });

  test('lists only pages that exist, and no empty group', () => {
    const slugs = sidebar.flatMap((group) => group.items.map((item) => item.slug));
    expect(slugs).toContain('about');
    for (const group of sidebar) expect(group.items.length).toBeGreaterThan(0);
    // Every listed page exists; a planned page (chapter or lab) without a file yet is left out.
    for (const slug of slugs) expect([slug, pageExists(slug)]).toEqual([slug, true]);
    const planned = [...chapterSlugs.map((s) => `chapters/${s}`), ...labSlugs];
    for (const slug of planned) expect([slug, slugs.includes(slug)]).toEqual([slug, pageExists(slug)]);
  });
});
