// The chapter "why-virtualization" shows exactly the shell blocks its VM test runs
// (tests/vm/why-virtualization.test.ts), in the same order in both languages; it has its figures, playground and
// exercises, links the source article wherever it cites it, and its figures carry a title and a description in
// the page's language.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks } from '../vm/why-virtualization-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('why-virtualization');
const figures = ['PeakVsElastic', 'ServerConsolidation', 'HostFailover', 'StorageNetworkVirtualization'];
const figureDir = new URL('../../src/components/figures/', import.meta.url);

/** The components a page uses, in order (`<Name` at the start of a line). */
function components(source: string): string[] {
  return [...source.matchAll(/^<([A-Z][A-Za-z]+)/gm)].map((m) => m[1] ?? '');
}

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('follows the chapter structure: learn, idea, try it, underneath, check yourself, summary', () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');
    expect(headings).toHaveLength(6);
    const order = [
      '<PeakVsElastic',
      '<ServerConsolidation',
      '<HostFailover',
      '<StorageNetworkVirtualization',
    ];
    const at = order.map((tag) => source.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Every figure is used once, glossary boxes come before the terms are used in "try it".
    for (const name of figures) expect(components(source).filter((c) => c === name)).toHaveLength(1);
    expect(components(source).filter((c) => c === 'Aside').length).toBeGreaterThanOrEqual(4);
  });

  test('has a playground before its first shell block, and the exercises of the chapter', () => {
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(-1);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['bridge-ping', 'own-and-rent', 'raid-survival', 'vlan-segments']);
    for (const widget of ['CapacityPlanner', 'RaidArray', 'VlanSwitch'])
      expect(components(source).filter((c) => c === widget)).toHaveLength(1);
  });

  test('names and links the source article in its introduction, and links it wherever it cites it', () => {
    const intro = source.slice(source.indexOf('\n---\n', 4), source.indexOf('\n## '));
    expect(intro).toContain('jameswhale');
    expect(intro).toContain(SOURCE_ARTICLE);
    const later = source.slice(source.indexOf('\n## ')).split(/\n(?=\S)|\n\n/);
    const citing = later.filter((block) => /元になった記事|source article/.test(block));
    expect(citing.length).toBeGreaterThanOrEqual(3);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});

test('both pages link the same sources', () => {
  const links = (url: URL) =>
    [...readFileSync(url, 'utf8').matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1] ?? '').sort();
  expect(new Set(links(pages.ja))).toEqual(new Set(links(pages.en)));
});

describe.each(figures)('figure %s', (name) => {
  const source = readFileSync(new URL(`${name}.astro`, figureDir), 'utf8');

  test('is an accessible SVG: role img, labelled by its title and description', () => {
    expect(source).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="([\w-]+-title) ([\w-]+-desc)"/);
    expect(source).toContain('<title id=');
    expect(source).toContain('<desc id=');
    expect(source).toContain('{text.title}');
    expect(source).toContain('{text.desc}');
  });

  test('has its title, description and caption in both languages', () => {
    for (const lang of ['ja', 'en']) {
      const block = new RegExp(
        `\\b${lang}: \\{[\\s\\S]*?title: '[^']+',[\\s\\S]*?desc: '[^']+',[\\s\\S]*?caption:`,
      );
      expect(source).toMatch(block);
    }
  });

  test('draws in theme colours (figure.css), never a fixed fill or stroke colour', () => {
    expect(source).toContain("import './figure.css';");
    expect(source).not.toMatch(/(fill|stroke)="#/);
  });
});

test('every figure of the chapter exists as a component', () => {
  const files = readdirSync(figureDir);
  for (const name of figures) expect(files).toContain(`${name}.astro`);
});
