// The chapter "containers" shows exactly the shell blocks its VM test runs (tests/vm/containers.test.ts), in the
// same order in both languages, so an edit cannot add a command nobody ran on the real guest; it has its figure,
// its playground before the first command and its two exercises, links the source article wherever it cites it,
// and cites the primary sources its corrections rest on.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks } from '../vm/containers-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('containers');

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('has the architecture figure and explorer before the playground, the playground before the first command, and both exercises', () => {
    const figure = source.indexOf('<EnvironmentArchitecture />');
    const playground = source.indexOf('<LinuxPlayground />');
    expect(figure).toBeGreaterThan(-1);
    expect(playground).toBeGreaterThan(figure);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    const explorer = source.indexOf('<ArchitectureExplorer />');
    expect(explorer).toBeGreaterThan(figure);
    expect(explorer).toBeLessThan(playground);
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['two-inits', 'own-root']);
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

  test('links the next chapter for the internals instead of repeating them, and cites its primary sources', () => {
    expect(source).toMatch(/\]\((\/en)?\/chapters\/kernel-features\/\)/);
    for (const cited of [
      'man7/pid_namespaces.7.html',
      'man7/namespaces.7.html',
      'admin-guide/cgroup-v2.html',
      'opencontainers/runtime-spec',
      'an-updated-performance-comparison-of-virtual-machines-and-linux-containers', // Felter et al., RC25482
      'gvisor.dev',
      'kata-containers',
      'man2/seccomp.2.html',
    ])
      expect(source).toContain(cited);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
