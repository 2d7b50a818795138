import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineHashes, policyFor, withPolicy } from '../../src/site/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy of a built page', () => {
  const page =
    '<!doctype html><html><head><meta charset="utf-8"><script>window.a = 1;</script>' +
    '<script type="module" src="/_astro/x.js"></script><style>p{color:red}</style></head>' +
    '<body><div style="--depth: 0;"></div><span style="a:&quot;b&quot;"></span></body></html>';

  test('hashes inline scripts, inline styles and (decoded) style attributes, not external scripts', () => {
    const { scripts, styles } = inlineHashes(page);
    expect([...scripts]).toEqual([hash('window.a = 1;')]);
    expect([...styles].sort()).toEqual([hash('p{color:red}'), hash('--depth: 0;'), hash('a:"b"')].sort());
  });

  test('allows only our own origin and names no other host', () => {
    const policy = policyFor(page);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash('window.a = 1;')}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/https?:|\*/);
  });

  test('is placed right after <meta charset>, replacing an older policy', () => {
    const old = page.replace(
      '<meta charset="utf-8">',
      '<meta charset="utf-8"><meta http-equiv="content-security-policy" content="x">',
    );
    const out = withPolicy(old);
    expect(out.match(/http-equiv="content-security-policy"/g)).toHaveLength(1);
    expect(out).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src/,
    );
  });
});

test('a page with a component that styles at run time allows inline styles, and still no inline script', () => {
  const page =
    '<html><head><meta charset="utf-8"><script>x()</script></head><body><div data-csp-inline-styles style="a:b"></div></body></html>';
  const policy = policyFor(page);
  expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  expect(policy).not.toMatch(/style-src[^;]*sha256/);
  expect(policy).toMatch(
    /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'$|script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+';/,
  );
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test("a page with a chart allows exactly the charting library's two style attributes by hash, nothing inline", () => {
  const page =
    '<html><head><meta charset="utf-8"></head><body><div data-csp-chart-styles></div></body></html>';
  const policy = policyFor(page);
  expect(policy).toContain(hash('width: 100%; height: 100%;'));
  expect(policy).toContain(hash('overflow: visible;'));
  expect(policy).not.toContain('unsafe-inline');
  expect(policyFor('<html><head><meta charset="utf-8"></head><body></body></html>')).not.toContain(
    hash('overflow: visible;'),
  );
});
