// The chapter "classification" shows exactly the shell blocks its VM test runs (tests/vm/classification.test.ts),
// in the same order in both languages, so an edit cannot add a command nobody ran on the real guest; it has its
// playgrounds, figures and exercises, and links the source article wherever it cites it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks } from '../vm/classification-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('classification');

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('has the four stack figures, both simulator scenarios, a playground before the first command, and both exercises', () => {
    const figures = [...source.matchAll(/<VirtualizationStack kind="(\w+)" \/>/g)].map((m) => m[1]);
    expect(figures).toEqual(['full', 'para', 'hw', 'os']);
    const scenarios = [...source.matchAll(/<BehaviourSimulator scenario="([a-z-]+)" \/>/g)].map((m) => m[1]);
    expect(scenarios).toEqual(['io', 'consolidation']);
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(-1);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['shared-kernel', 'synthetic-devices']);
  });

  test('follows the chapter structure', () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(6);
  });

  test('names and links the source article in its introduction, and links it wherever it cites it', () => {
    const intro = source.slice(source.indexOf('\n---\n', 4), source.indexOf('\n## '));
    expect(intro).toContain('jameswhale');
    expect(intro).toContain(SOURCE_ARTICLE);
    const later = source.slice(source.indexOf('\n## ')).split(/\n(?=\S)|\n\n/);
    const citing = later.filter((block) => /元になった記事|source article/.test(block));
    expect(citing.length).toBeGreaterThanOrEqual(2);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('corrects the article on rings: the guest kernel runs in ring 0 of VMX non-root, citing the manuals and papers', () => {
    expect(source).toMatch(/VMX non-root (モードの )?(operation[^.]*)?ring 0|ring 0 of VMX non-root/);
    for (const cited of [
      '10.1145/361011.361073', // Popek & Goldberg 1974
      '10.1145/1168857.1168860', // Adams & Agesen 2006
      '10.1145/945445.945462', // Barham et al. 2003
      '10.1145/1400097.1400108', // Russell 2008
      'intel-sdm',
      '24593.pdf', // AMD APM Vol. 2
      'an-updated-performance-comparison-of-virtual-machines-and-linux-containers', // Felter et al.
    ])
      expect(source).toContain(cited);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
