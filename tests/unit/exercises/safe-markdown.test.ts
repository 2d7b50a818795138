// Untrusted Markdown (a custom exercise's instructions): the subset content/exercises/ uses is kept, and nothing
// in it can become markup, a script, a request to another origin or a link off the site.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Block,
  blockText,
  type Inline,
  parseInline,
  parseSafeMarkdown,
  sameSiteHref,
} from '../../../src/exercises/safe-markdown.ts';

function links(nodes: readonly (Block | Inline)[]): string[] {
  return nodes.flatMap((node) => {
    if (node.kind === 'link') return [node.href, ...links(node.children)];
    if (node.kind === 'list') return node.items.flatMap(links);
    return 'children' in node ? links(node.children) : [];
  });
}

describe('safe Markdown', () => {
  it('keeps what instructions use: paragraphs, numbered lists, code, emphasis', () => {
    const blocks = parseSafeMarkdown(
      'Run `unshare`:\n\n1. start **sleep**\n2. keep it *running*\n\n```sh\nps\n```\n\n## Notes\n> careful',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Run ' },
          { kind: 'code', text: 'unshare' },
          { kind: 'text', text: ':' },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        start: 1,
        items: [
          [
            { kind: 'text', text: 'start ' },
            { kind: 'strong', children: [{ kind: 'text', text: 'sleep' }] },
          ],
          [
            { kind: 'text', text: 'keep it ' },
            { kind: 'em', children: [{ kind: 'text', text: 'running' }] },
          ],
        ],
      },
      { kind: 'code', text: 'ps' },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Notes' }] },
      { kind: 'quote', children: [{ kind: 'text', text: 'careful' }] },
    ]);
  });

  it('leaves raw HTML as the text it is', () => {
    const blocks = parseSafeMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
      },
    ]);
  });

  it('keeps links on this site and turns every other target into text', () => {
    expect(parseInline('[ch](/ja/kernel-features/#pid)')).toEqual([
      { kind: 'link', href: '/ja/kernel-features/#pid', children: [{ kind: 'text', text: 'ch' }] },
    ]);
    for (const target of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'vbscript:x',
      'mailto:a@b',
      // A bare fragment would change the page's own fragment (#assignment=…): no in-page jumps.
      '#_top',
      '#sec',
    ]) {
      const nodes = parseInline(`[click](${target})`);
      expect(links(nodes), target).toEqual([]);
      expect(nodes).toEqual([{ kind: 'text', text: `click (${target})` }]);
    }
  });

  it('turns a path that carries an assignment link into text: no way on to another link exercise (review 19b)', () => {
    for (const target of [
      '/custom-exercise/#assignment=1.abc&exercise=x',
      '/assignment/#assignment=1.abc',
      '/en/custom-exercise/#exercise=x&assignment=1.abc',
      '/custom-exercise/?assignment=1.abc',
      '/custom-exercise/#ASSIGNMENT=1.abc',
    ]) {
      expect(sameSiteHref(target), target).toBeUndefined();
      expect(parseInline(`[next](${target})`)).toEqual([{ kind: 'text', text: `next (${target})` }]);
    }
    // The pages themselves, without a link in them, stay links.
    expect(sameSiteHref('/custom-exercise/')).toBe('/custom-exercise/');
    expect(sameSiteHref('/chapters/kernel-features/#assignments')).toBe(
      '/chapters/kernel-features/#assignments',
    );
  });

  it('reads a target in <…> with its spaces and drops only a quoted title: nothing else is lost (review 15)', () => {
    expect(parseInline('[y](</a b>)')).toEqual([{ kind: 'text', text: 'y (/a b)' }]);
    expect(parseInline('[y](</a>)')).toEqual([
      { kind: 'link', href: '/a', children: [{ kind: 'text', text: 'y' }] },
    ]);
    expect(parseInline('[y](/a "the title")')).toEqual([
      { kind: 'link', href: '/a', children: [{ kind: 'text', text: 'y' }] },
    ]);
    expect(parseInline("[y](</a> 'title')")).toEqual([
      { kind: 'link', href: '/a', children: [{ kind: 'text', text: 'y' }] },
    ]);
    // Not a title: shown whole as text, not cut at the first space.
    expect(parseInline('[y](/a b)')).toEqual([{ kind: 'text', text: 'y (/a b)' }]);
    expect(parseInline('[y](<https://evil.example/ x>)')).toEqual([
      { kind: 'text', text: 'y (https://evil.example/ x)' },
    ]);
  });

  it('shows an image as its description and loads nothing', () => {
    expect(parseInline('see ![the diagram](https://tracker.example/p.png) here')).toEqual([
      { kind: 'text', text: 'see the diagram here' },
    ]);
  });

  it('reads headings with closing #s, and stays linear on a line of many " #"', () => {
    expect(parseSafeMarkdown('## Notes ##  \n# C#\n#nope')).toEqual([
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Notes' }] },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'C' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: '#nope' }] },
    ]);
    // The old pattern /(.*?)[ \t#]*$/ took 1.5 s on the first line (quadratic); linear is a few ms.
    for (const line of [
      `# ${' #'.repeat(9_998)}x`,
      `# ${' #'.repeat(50_000)}`,
      `#${' \t'.repeat(50_000)}y`,
    ]) {
      const started = performance.now();
      const [block] = parseSafeMarkdown(line);
      expect(performance.now() - started, line.slice(-3)).toBeLessThan(150);
      expect(block?.kind).toBe('heading');
    }
  });

  it('stays fast on text full of unclosed openers', () => {
    const started = performance.now();
    parseSafeMarkdown('**[`_*'.repeat(4_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never yields a link that leaves the site, whatever the text (fast-check)', () => {
    const markdownish = fc.string({
      unit: fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '!',
        '*',
        '_',
        '`',
        '\\',
        '/',
        ':',
        '#',
        '<',
        '>',
        '\n',
        ' ',
        'a',
        'javascript',
        'data',
        'http',
        '//',
        '1.',
        '-',
      ),
      maxLength: 200,
    });
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 200 })), (markdown) => {
        const blocks = parseSafeMarkdown(markdown);
        for (const href of links(blocks)) {
          expect(sameSiteHref(href)).toBe(href);
          expect(href).toMatch(/^\/(?![/\\])/);
          expect(href).not.toMatch(/[:<>"'\s\\]/);
        }
        // Every node is one of the kinds the view knows how to build with textContent.
        expect(JSON.stringify(blocks)).not.toMatch(
          /"kind":"(?!text|code|strong|em|link|paragraph|heading|list|quote)/,
        );
        blockText(blocks);
      }),
      { numRuns: 2_000 },
    );
  });
});
