// What the benchmarks count as "JS before activation": every script a page loads before anything is started,
// gzip -9 as a CDN would serve it. Starlight's search UI (Pagefind's, ~26 KB gz) is imported lazily by
// Starlight's Search script once the page is idle; the playground issue's budget excludes it, so it is counted
// apart. Shared by bench-browser.ts and bench-check.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/** File names of the chunks Starlight's Search script imports lazily (`import("./ui-core.X.js")`). */
export function searchUiChunks(astroDir: string): Set<string> {
  const chunks = new Set<string>();
  for (const file of readdirSync(astroDir).filter((name) => /^Search\.astro_.*\.js$/.test(name))) {
    const code = readFileSync(`${astroDir}/${file}`, 'utf8');
    for (const [, chunk] of code.matchAll(/import\(\s*[`'"]\.\/([^`'"]+\.js)[`'"]\s*\)/g))
      chunks.add(chunk as string);
  }
  return chunks;
}

export interface PageJs {
  /** Scripts of the page and of what it prepared (e.g. the playground's idle worker), search UI excluded. */
  gzBytes: number;
  /** Starlight's lazily loaded search UI. */
  searchUiGzBytes: number;
  urls: string[];
}

/** Loads `url` in a new page of `context` until the network is idle and weighs the scripts it fetched. */
export async function pageJs(context: BrowserContext, url: string, astroDir: string): Promise<PageJs> {
  const lazy = searchUiChunks(astroDir);
  const page = await context.newPage();
  const urls = new Set<string>();
  page.on('response', (response) => {
    const script = response.url();
    if (/\.m?js(\?|$)/.test(script) && !script.includes('/pagefind/')) urls.add(script);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  const result: PageJs = { gzBytes: 0, searchUiGzBytes: 0, urls: [...urls] };
  for (const script of urls) {
    const bytes = gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer()), { level: 9 }).byteLength;
    const name = new URL(script).pathname.split('/').pop() ?? '';
    if (lazy.has(name)) result.searchUiGzBytes += bytes;
    else result.gzBytes += bytes;
  }
  return result;
}
