// `npm run bench:site [-- --json] [-- --runs N]`: what every built page costs a first-time reader, in headless
// Chromium served from 127.0.0.1 like any static host. A benchmark, not a test: it asserts nothing, but says
// which pages are over budget. With --json the last line is one JSON object:
//   {"pages":[{"path","jsGzBytes","totalBytes","firstRenderMs"}], "budget", "worst", "shell", "offline"}
// Builds the site first unless E2E_SKIP_BUILD=1.
//
// Each page loads in a fresh context (empty HTTP cache, service workers blocked: the worker's background
// precache is reported apart, under "offline") until the network is idle, with nothing clicked or scrolled.
// - jsGzBytes: its scripts, gzip -9 as a compressing host serves them, without Starlight's lazily imported
//   search UI (support/page-js.ts explains why; counted in totalBytes). Budget 60 KB.
// - totalBytes: every response before interaction (HTML, CSS, JS, fonts, images, JSON), text gzip -9 and
//   binary files as they are. Budget 300 KB.
// - firstRenderMs: first-contentful-paint, the median of --runs loads (default 3).
// - shell: /try/ loaded, Start clicked, until the prompt: the bytes downloaded, as served (no compression), with
//   gzip -9 and with brotli (quality 11) applied to .js and .wasm as the README asks of hosts.
// - offline: what the service worker precaches when it installs, raw and gzip -9.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { median } from '../../src/guest/median.ts';
import type { OfflineFiles } from '../../src/offline/integration.ts';
import { scanDist } from '../../src/offline/manifest.ts';
import { chromiumPath } from './support/browser.ts';
import { buildSite, projectRoot } from './support/build-site.ts';
import { searchUiChunks } from './support/page-js.ts';
import { startStaticServer } from './support/static-server.ts';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const JS_BUDGET = 60_000;
const TOTAL_BUDGET = 300_000;
const log = (text: string) => {
  if (!json) console.log(text);
};

if (process.env.E2E_SKIP_BUILD !== '1') buildSite(json);
const dist = `${projectRoot}dist`;
const server = await startStaticServer(dist);
const lazySearchUi = searchUiChunks(`${dist}/_astro`);
const browser: Browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '']);
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).byteLength;
const br = (bytes: Buffer) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
const extOf = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.endsWith('/') ? '.html' : extname(pathname);
};

/** Every response body `page` receives from now on, by URL. */
function recordBodies(page: Page): Map<string, Promise<Buffer>> {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.status() >= 300 || response.request().method() !== 'GET') return;
    bodies.set(
      response.url(),
      response.body().catch(() => Buffer.alloc(0)),
    );
  });
  return bodies;
}

interface PageResult {
  path: string;
  jsGzBytes: number;
  totalBytes: number;
  firstRenderMs: number;
}

async function measure(path: string): Promise<PageResult> {
  const renders: number[] = [];
  let jsGzBytes = 0;
  let totalBytes = 0;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const bodies = recordBodies(page);
    await page.goto(server.origin + path, { waitUntil: run === 0 ? 'networkidle' : 'load' });
    renders.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const paint = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
            const found = paint();
            if (found !== undefined) resolve(found);
            else
              new PerformanceObserver(() => {
                const later = paint();
                if (later !== undefined) resolve(later);
              }).observe({ type: 'paint', buffered: true });
          }),
      ),
    );
    if (run === 0) {
      for (const [url, body] of bodies) {
        const bytes = await body;
        const ext = extOf(url);
        const served = TEXT.has(ext) ? gz(bytes) : bytes.byteLength;
        totalBytes += served;
        const name = new URL(url).pathname.split('/').pop() ?? '';
        if ((ext === '.js' || ext === '.mjs') && !url.includes('/pagefind/') && !lazySearchUi.has(name))
          jsGzBytes += served;
      }
    }
    await context.close();
  }
  return { path, jsGzBytes, totalBytes, firstRenderMs: Math.round(median(renders)) };
}

/** Start on /try/ in a fresh context: the bytes of the page and of everything until the prompt. */
async function toShell() {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const bodies = recordBodies(page);
  await page.goto(`${server.origin}/try/`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: '起動', exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const sum = { raw: 0, gzip: 0, brotli: 0, files: 0 };
  for (const [url, body] of bodies) {
    const bytes = await body;
    const ext = extOf(url);
    const compress = ext === '.js' || ext === '.wasm' || ext === '.mjs';
    // Pages, CSS and JSON are compressed by every host already; .zst and fonts are compressed files.
    const other = TEXT.has(ext) ? gz(bytes) : bytes.byteLength;
    sum.files++;
    sum.raw += bytes.byteLength;
    sum.gzip += compress ? gz(bytes) : other;
    sum.brotli += compress ? br(bytes) : other;
  }
  await context.close();
  return { rawBytes: sum.raw, gzipBytes: sum.gzip, brotliBytes: sum.brotli, files: sum.files };
}

/** What the service worker downloads when it installs, and what "make available offline" adds. */
function offline() {
  const sw = readFileSync(`${dist}/sw.js`, 'utf8');
  const precache = new Set(JSON.parse(sw.match(/precache:(\[[^\]]*\])/)?.[1] ?? '[]') as string[]);
  let raw = 0;
  let gzip = 0;
  for (const file of scanDist(dist)) {
    if (!precache.has(file.path)) continue;
    const name = file.path.endsWith('/') ? `${file.path}index.html` : file.path;
    const bytes = readFileSync(dist + name);
    raw += bytes.byteLength;
    gzip += TEXT.has(extOf(`http://x${file.path}`)) ? gz(bytes) : bytes.byteLength;
  }
  const files = JSON.parse(readFileSync(`${dist}/offline-files.json`, 'utf8')) as OfflineFiles;
  const saveBytes = [...files.emulator, ...files.guest, ...files.lazy].reduce((sum, f) => sum + f.bytes, 0);
  return {
    precacheFiles: precache.size,
    precacheRawBytes: raw,
    precacheGzBytes: gzip,
    makeAvailableOfflineBytes: saveBytes,
  };
}

const paths = scanDist(dist)
  .map((file) => file.path)
  .filter((path) => path.endsWith('/') || path.endsWith('.html'))
  .sort();
const pages: PageResult[] = [];
for (const path of paths) {
  const result = await measure(path);
  pages.push(result);
  const over = result.jsGzBytes > JS_BUDGET || result.totalBytes > TOTAL_BUDGET ? '  OVER BUDGET' : '';
  log(
    `${path.padEnd(44)} js ${(result.jsGzBytes / 1000).toFixed(1).padStart(6)} KB gz  total ${(result.totalBytes / 1000).toFixed(1).padStart(6)} KB  FCP ${String(result.firstRenderMs).padStart(5)} ms${over}`,
  );
}
const byJs = pages.reduce((a, b) => (b.jsGzBytes > a.jsGzBytes ? b : a));
const byTotal = pages.reduce((a, b) => (b.totalBytes > a.totalBytes ? b : a));
const shell = await toShell();
const precache = offline();
await browser.close();
await server.close();
const summary = {
  pages,
  budget: {
    jsGzBytes: JS_BUDGET,
    totalBytes: TOTAL_BUDGET,
    over: pages.filter((p) => p.jsGzBytes > JS_BUDGET || p.totalBytes > TOTAL_BUDGET).map((p) => p.path),
  },
  worst: { jsGzBytes: byJs, totalBytes: byTotal },
  shell,
  offline: precache,
};
log(`worst JS: ${byJs.path} ${byJs.jsGzBytes} B gz; worst total: ${byTotal.path} ${byTotal.totalBytes} B`);
log(`to a shell on /try/: ${JSON.stringify(shell)}`);
log(`service worker: ${JSON.stringify(precache)}`);
console.log(JSON.stringify(summary));
