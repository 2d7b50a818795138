import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** Page files under `base`, as paths relative to it; `skip` leaves a sub-folder out. */
function pagesUnder(base: string, skip?: string, dir = base): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return full === skip ? [] : pagesUnder(base, skip, full);
    return /\.mdx?$/.test(entry.name) ? [relative(base, full)] : [];
  });
}

const jaPages = pagesUnder(docs, join(docs, 'en'));
const enPages = pagesUnder(join(docs, 'en'));

/** Markdown headings (## …) outside fenced code blocks. */
function headingLevels(source: string): number[] {
  let inFence = false;
  const levels: number[] = [];
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = !inFence && /^(#{1,6})\s/.exec(line);
    if (match) levels.push(match[1]?.length ?? 0);
  }
  return levels;
}

test('there are pages in both languages', () => {
  expect(jaPages).toContain('index.mdx');
  expect(enPages).toContain('index.mdx');
});

test('every Japanese page has an English twin and every English page a Japanese one', () => {
  expect([...enPages].sort()).toEqual([...jaPages].sort());
});

describe.each(jaPages.filter((p) => enPages.includes(p)))('%s', (page) => {
  test('has the same heading outline in ja and en', () => {
    const ja = headingLevels(readFileSync(join(docs, page), 'utf8'));
    const en = headingLevels(readFileSync(join(docs, 'en', page), 'utf8'));
    expect(en).toEqual(ja);
  });
});

test('headingLevels ignores code fences (so the parity check cannot be fooled by shell comments)', () => {
  expect(headingLevels('## A\n```sh\n# not a heading\n```\n### B\n')).toEqual([2, 3]);
});
