import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The policy every page carries. Only our own origin, for everything; WebAssembly (Pagefind's search, the
 * emulator) needs 'wasm-unsafe-eval'. Inline scripts, inline styles and style attributes are allowed one by one,
 * by the SHA-256 of their exact text ('unsafe-hashes' covers style attributes only, never event handlers).
 * https://www.w3.org/TR/CSP3/#unsafe-hashes-usage
 */
const fixedDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of every inline script, inline style and style attribute in one HTML document. */
export function inlineHashes(html: string): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    scripts.add(sha256(m[1] ?? ''));
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) styles.add(sha256(m[1] ?? ''));
  // Attribute values are HTML-escaped in the file; the browser hashes the decoded value.
  for (const m of html.matchAll(/\sstyle="([^"]*)"/g)) styles.add(sha256(decodeAttribute(m[1] ?? '')));
  return { scripts, styles };
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Components whose libraries set styles at run time (xterm.js writes style attributes on its rows) carry
 * this attribute; their pages allow inline styles. Scripts stay hash-only on every page.
 */
export const INLINE_STYLES_MARKER = 'data-csp-inline-styles';

/**
 * Style attributes the charting library writes at run time with setAttribute, exactly as it writes them
 * (Chartist 1.x, src/components/widgets/chart/draw.ts: `width: 100%; height: 100%;` on each chart's <svg>,
 * `overflow: visible;` on each axis label's <foreignObject>). A page whose HTML carries the marker allows these
 * two by hash, so charts need no 'unsafe-inline'.
 */
export const CHART_STYLES_MARKER = 'data-csp-chart-styles';
export const chartStyleAttributes = ['width: 100%; height: 100%;', 'overflow: visible;'] as const;

/** The Content-Security-Policy for one HTML document. */
export function policyFor(html: string): string {
  const { scripts, styles } = inlineHashes(html);
  if (html.includes(CHART_STYLES_MARKER)) for (const style of chartStyleAttributes) styles.add(sha256(style));
  // With any hash present, browsers ignore 'unsafe-inline': a page that needs it gets it without hashes.
  const styleSrc = html.includes(INLINE_STYLES_MARKER)
    ? "style-src 'self' 'unsafe-inline'"
    : `style-src 'self' 'unsafe-hashes' ${[...styles].sort().join(' ')}`.trim();
  return [
    ...fixedDirectives,
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].sort().join(' ')}`.trim(),
    styleSrc,
  ].join('; ');
}

/** Puts the policy in a `<meta>` right after `<meta charset>`, so it governs everything after it. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(html)}">`;
  const withoutOld = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '');
  return withoutOld.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1${meta}`);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/**
 * Writes the policy into every built page. Done after the build because Starlight's `is:inline` scripts are
 * not among the hashes Astro's own `security.csp` collects, and a meta policy cannot be set by a static host.
 */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'vlab:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
        logger.info(`Content-Security-Policy written into ${files.length} pages`);
      },
    },
  };
}
