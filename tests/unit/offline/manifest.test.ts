import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LAZY_CACHE } from '../../../src/offline/cache-names.ts';
import { headerPolicy, headersFile, pagePolicies } from '../../../src/offline/headers.ts';
import { type BuiltFile, classify, PRECACHE_MAX_BYTES, urlPathOf } from '../../../src/offline/manifest.ts';
import { formatMegabytes } from '../../../src/offline/strings.ts';

const sha = (c: string) => ({ sha256: c.repeat(64) });
const guestSha = {
  'state.bin.zst': sha('a'),
  bzImage: sha('b'),
  'seabios.bin': sha('c'),
  'lazy.json': sha('d'),
};
const built: BuiltFile[] = [
  { path: '/', bytes: 40_000, rev: 'r1' },
  { path: '/en/about/', bytes: 30_000, rev: 'r2' },
  { path: '/_astro/page.X.js', bytes: 3_000, rev: 'n' },
  { path: '/_astro/v86.Y.wasm', bytes: 2_100_000, rev: 'n' },
  { path: '/_astro/monaco-editor.Z.js', bytes: 3_100_000, rev: 'n' },
  { path: '/_astro/page.X.js.map', bytes: 9_000, rev: 'n' },
  { path: '/sw.js', bytes: 20_000, rev: 'r3' },
  { path: '/guest/state.bin.zst', bytes: 2_900_000, rev: 's' },
  { path: '/guest/bzImage', bytes: 3_500_000, rev: 'k' },
  { path: '/guest/kernel.config', bytes: 45_000, rev: 'c' },
  { path: '/guest/manifest.json', bytes: 30_000, rev: 'm' },
  { path: '/guest/lazy/0123.zst', bytes: 5_000, rev: 'n' },
];

describe('classify', () => {
  const manifest = classify(built, guestSha, ['/sw.js']);

  test('precaches pages and small assets, keeps large ones on first use, never lists the worker or maps', () => {
    expect(manifest.precache).toEqual(['/', '/_astro/page.X.js', '/en/about/']);
    expect(Object.keys(manifest.files).sort()).toEqual([
      '/',
      '/_astro/monaco-editor.Z.js',
      '/_astro/page.X.js',
      '/_astro/v86.Y.wasm',
      '/en/about/',
    ]);
    expect(
      built.filter((f) => manifest.precache.includes(f.path)).every((f) => f.bytes <= PRECACHE_MAX_BYTES),
    ).toBe(true);
  });

  test('"make available offline" gets v86\'s wasm, the guest files the worker asks for (with ?v=) and the lazy tree', () => {
    expect(manifest.emulator).toEqual([
      { url: '/_astro/v86.Y.wasm', bytes: 2_100_000, key: '/_astro/v86.Y.wasm?__rev=n' },
    ]);
    expect(manifest.guest.map((f) => f.url)).toEqual([
      `/guest/bzImage?v=${'b'.repeat(16)}`,
      `/guest/state.bin.zst?v=${'a'.repeat(16)}`,
    ]);
    expect(manifest.lazy).toEqual([{ url: '/guest/lazy/0123.zst', bytes: 5_000 }]);
  });

  test('the version changes with any page, asset or guest file, and only then', () => {
    expect(classify([...built].reverse(), guestSha, ['/sw.js']).version).toBe(manifest.version);
    const page = built.map((f) => (f.path === '/en/about/' ? { ...f, rev: 'r2b' } : f));
    expect(classify(page, guestSha, ['/sw.js']).version).not.toBe(manifest.version);
    const guest = { ...guestSha, 'state.bin.zst': sha('e') };
    expect(classify(built, guest, ['/sw.js']).version).not.toBe(manifest.version);
    const worker = built.map((f) => (f.path === '/sw.js' ? { ...f, rev: 'other' } : f));
    expect(classify(worker, guestSha, ['/sw.js']).version).toBe(manifest.version);
  });
});

test('files map to the URLs a static host serves them at', () => {
  expect(urlPathOf('index.html')).toBe('/');
  expect(urlPathOf('en/chapters/esxi/index.html')).toBe('/en/chapters/esxi/');
  expect(urlPathOf('404.html')).toBe('/404.html');
  expect(urlPathOf('_astro/a.js')).toBe('/_astro/a.js');
});

test("the lazy tree's cache is the one the emulator reads (src/emulator/lazy-file-cache.ts)", () => {
  const source = readFileSync(new URL('../../../src/emulator/lazy-file-cache.ts', import.meta.url), 'utf8');
  expect(source).toContain(`const CACHE_NAME = '${LAZY_CACHE}';`);
});

test('the guest URLs are the ones the emulator worker asks for (src/emulator/worker.ts, versioned)', () => {
  const source = readFileSync(new URL('../../../src/emulator/worker.ts', import.meta.url), 'utf8');
  expect(source).toContain('const sha = files[file]?.sha256.slice(0, 16)');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the worker's source text, template and all.
  expect(source).toContain('new URL(`${file}?v=${sha}`, guestUrl)');
});

test('sizes read as megabytes with one decimal', () => {
  expect(formatMegabytes(23_870_054)).toBe('23.9 MB');
  expect(formatMegabytes(0)).toBe('0.0 MB');
});

describe('security headers', () => {
  const plain =
    "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-B=' 'sha256-A='; style-src 'self' 'unsafe-hashes' 'sha256-S='";
  const playground =
    "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-C='; style-src 'self' 'unsafe-inline'";

  test("the header allows every page's inline scripts by hash, never unsafe-inline scripts, and forbids framing", () => {
    const header = headerPolicy([plain, playground]);
    expect(header).toBe(
      "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A=' 'sha256-B=' 'sha256-C='; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
    expect(headerPolicy([plain])).toContain("style-src 'self' 'unsafe-hashes' 'sha256-S='");
  });

  test('the policies come from the pages, and _headers never joins caching rules', () => {
    const html = `<meta charset="utf-8"><meta http-equiv="content-security-policy" content="${plain}">`;
    expect(pagePolicies([html, '<p>no policy</p>'])).toEqual([plain]);
    const file = headersFile('x');
    // Hosts join the values of every matching rule: only specific paths set Cache-Control.
    const rules = file.split('\n/').slice(1);
    expect(rules.find((rule) => rule.startsWith('*'))).not.toContain('Cache-Control');
    expect(file).toMatch(/\/sw\.js\n {2}Cache-Control: no-cache/);
    expect(file).toMatch(/\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });
});
