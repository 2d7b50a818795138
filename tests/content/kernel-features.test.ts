// The chapter "kernel-features" shows exactly the shell blocks its VM test runs (tests/vm/kernel-features.test.ts),
// in the same order in both languages, so an edit cannot add a command nobody ran on the real guest.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sourceArticle } from '../../src/site/source-article.ts';
import { chapterBlocks, containerScript } from '../vm/kernel-features-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

/** How a page links the source article: its address lives once, in src/site/source-article.ts. */
const pages = chapterPages('kernel-features');

test('shellBlocks finds shell fences only, whatever their meta', () => {
  expect(shellBlocks('```sh\nls\n```\n```text\nout\n```\n```bash title="x"\na\nb\n```\n')).toEqual([
    'ls',
    'a\nb',
  ]);
});

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('runs the container script the VM test runs, and has every exercise of the chapter', () => {
    const defined = /^export const containerByHand = String\.raw`([\s\S]*?)`;$/m.exec(source);
    expect(defined?.[1]).toBe(containerScript);
    expect(source).toContain('<ContainerScript id="container-by-hand" script={containerByHand}');
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'uts-hostname',
      'pid-namespace',
      'netns-veth',
      'user-namespace',
      'memory-oom',
      'pids-fork-bomb',
      'overlay-mount',
      'smack-label',
      'container-by-hand',
    ]);
  });

  test('has a playground before its first shell block', () => {
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(-1);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
  });

  test('names and links the source article in its introduction, and links it wherever it cites it', () => {
    const intro = source.slice(source.indexOf('\n---\n', 4), source.indexOf('\n## '));
    expect(source).toContain("import { sourceArticle } from '@site/source-article.ts';");
    expect(sourceArticle.url).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\/\w+$/);
    expect(intro).toContain('jameswhale');
    expect(intro).toContain(SOURCE_ARTICLE);
    // Every later paragraph or list item that cites the article carries the link itself.
    const later = source.slice(source.indexOf('\n## ')).split(/\n(?=\S)|\n\n/);
    const citing = later.filter((block) => /元になった記事|source article/.test(block));
    expect(citing.length).toBeGreaterThanOrEqual(3);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
