import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** URL paths of every HTML page in the built site (`/`, `/about/`, `/en/`, `/404.html`, …). */
export function builtPages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['_astro', 'pagefind', 'guest'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.html')) {
        const path = `/${relative(dist, full).split(sep).join('/')}`;
        pages.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
      }
    }
  };
  walk(dist);
  return pages.sort();
}

/** A file-system-safe name for a page's screenshots, e.g. `/en/about/` → `en-about`. */
export function screenshotName(path: string): string {
  return (
    path
      .replace(/^\/|\/$/g, '')
      .replace(/\.html$/, '')
      .replace(/\//g, '-') || 'home'
  );
}
