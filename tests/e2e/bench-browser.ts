// `npm run bench:browser [-- --json] [-- --runs N]`: how fast the Linux playground is in real Chromium,
// served from 127.0.0.1 like any static host. Prints medians; with --json, one JSON object as the last line.
// Builds the site first unless E2E_SKIP_BUILD=1. A benchmark, not a test: it asserts nothing.
// Each run is a fresh profile: a cold start (nothing cached), a warm one (reload: HTTP cache and the stored
// clean guest), then one from the learner's own saved machine (a command typed, saved, reloaded).
// `guestTransferBytes` counts every response body after Start, as sent (wasm, state, xterm and v86 code).
// `lazyFilesOnStart` counts requests for the lazily served tree (/guest/lazy/) until the prompt, over all
// starts: it must stay 0 (the Debian tools are fetched when the guest first reads them, never on Start).
// `firstToolMs`: Enter → output of the first `ip -br addr` typed after a cold start (its files fetched);
// `lazyFilesFromNetworkAfterReload`: lazy files fetched from the network by the same command after a reload
// (must be 0: the worker keeps them in the Cache API).
import type { Page } from 'playwright-core';
import { median } from '../../src/guest/median.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite, projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';
import { startStaticServer } from './support/static-server.ts';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const PAGE = '/try/';

if (process.env.E2E_SKIP_BUILD !== '1') buildSite(json);
const server = await startStaticServer(`${projectRoot}dist`);

/**
 * Clicks Start and returns the milliseconds from the click event (as the page saw it, so the harness's own
 * overhead is not counted) until the terminal shows a usable prompt.
 */
async function clickToPrompt(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { clickAt?: number };
    delete w.clickAt;
    document.addEventListener(
      'click',
      (event) => {
        w.clickAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
  });
  await page.getByRole('button', { name: '起動', exact: true }).click();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let readyAt = 0;
        let promptAt = 0;
        const check = () => {
          const root = document.querySelector<HTMLElement>('[data-playground="linux"]');
          // innerText, not textContent: xterm's rows are <div>s, and only innerText puts line breaks between them.
          // biome-ignore lint/performance/useDomNodeTextContent: see above.
          const rows = root?.querySelector<HTMLElement>('.xterm-rows')?.innerText ?? '';
          const clickAt0 = (window as unknown as { clickAt: number }).clickAt ?? 0;
          if (!readyAt && root?.dataset.status === 'ready') readyAt = performance.now() - clickAt0;
          if (!promptAt && /#[\s\u00a0]*$/.test(rows)) promptAt = performance.now() - clickAt0;
          if (root?.dataset.status === 'ready' && /#[\s\u00a0]*$/.test(rows)) {
            const clickAt = (window as unknown as { clickAt: number }).clickAt ?? 0;
            const steps = JSON.parse(root.dataset.timings ?? '{}') as Record<string, number>;
            const since = Object.entries(steps).map(
              ([k, v]) => `${k}=${Math.round(v - performance.timeOrigin - clickAt)}`,
            );
            since.push(`pageReady=${Math.round(readyAt)}`, `promptShown=${Math.round(promptAt)}`);
            console.log(`steps after click: ${since.join(' ')}`);
            resolve(performance.now() - clickAt);
          } else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

/** Waits (up to 15 s) until the worker has stored the clean guest (saved-machine-store.ts, record `clean`). */
async function waitForCleanGuestStored(page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const stored = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('vlab-machine', 1);
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('machine')) return resolve(false);
            const get = db.transaction('machine').objectStore('machine').count('clean');
            get.onsuccess = () => resolve(get.result > 0);
            get.onerror = () => resolve(false);
          };
        }),
    );
    if (stored) return;
    await page.waitForTimeout(100);
  }
  console.warn('the clean guest was not stored within 15 s: this warm start downloads it again');
}

const cold: number[] = [];
const warm: number[] = [];
const saved: number[] = [];
// What a reader downloads before starting anything, as a CDN would serve it (gzip): in a browser of its own,
// so the timed cold starts below find an empty cache.
const probe = await launchBrowser();
const { gzBytes: jsGzBytesBeforeActivation, searchUiGzBytes: jsGzBytesSearchUi } = await pageJs(
  probe.context,
  server.origin + PAGE,
  `${projectRoot}dist/_astro`,
);
await probe.close();
let guestTransferBytes = 0;
let lazyFilesOnStart = 0;
const firstTool: number[] = [];
let lazyFilesFromNetworkAfterReload = 0;

/** Types a command into the terminal and returns ms from Enter until `expected` shows in it. */
async function typeAndWait(page: Page, command: string, expected: string): Promise<number> {
  await page.locator('.xterm-helper-textarea').first().focus();
  await page.keyboard.type(command);
  const started = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (text) => (document.querySelector('.xterm-rows')?.textContent ?? '').includes(text),
    expected,
    { timeout: 30_000, polling: 20 },
  );
  return Date.now() - started;
}

for (let run = 0; run < runs; run++) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  if (!json) page.on('console', (m) => m.text().startsWith('steps') && console.log(`  ${m.text()}`));
  let activated = false;
  let transferred = 0;
  let starting = false;
  let lazyFromNetwork = 0;
  // Worker requests are reported on the page too (Chromium); Cache API hits are not requests.
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.includes('/guest/lazy/')) return;
    lazyFromNetwork++;
    if (starting) lazyFilesOnStart++;
  });
  page.on('response', async (response) => {
    // Bytes as they came over the wire (the wasm's body is consumed by compileStreaming, so not body()).
    if (activated) {
      const sizes = await response
        .request()
        .sizes()
        .catch(() => ({ responseBodySize: 0 }));
      transferred += sizes.responseBodySize;
    }
  });
  await page.goto(server.origin + PAGE, { waitUntil: 'networkidle' });
  activated = true;
  starting = true;
  cold.push(await clickToPrompt(page));
  starting = false;
  await page.waitForLoadState('networkidle');
  if (run === 0) guestTransferBytes = transferred;
  firstTool.push(await typeAndWait(page, 'ip -br addr', '127.0.0.1/8'));
  // A returning reader: the worker keeps the unpacked clean guest in IndexedDB just after the first start.
  await waitForCleanGuestStored(page);
  // Same profile, reloaded: HTTP cache warm, clean guest stored (no saved machine: nothing was typed).
  await page.reload({ waitUntil: 'networkidle' });
  starting = true;
  warm.push(await clickToPrompt(page));
  starting = false;
  lazyFromNetwork = 0;
  await typeAndWait(page, 'ip -br addr; echo tool-$((6*7))', 'tool-42');
  lazyFilesFromNetworkAfterReload += lazyFromNetwork;
  // A returning learner: their own machine was saved after a command, and comes back instead of the clean one.
  const savedBefore = await page.locator('[data-playground="linux"]').getAttribute('data-saved-at');
  await page.locator('.xterm-helper-textarea').first().focus();
  await page.keyboard.type(`echo run-${run} > /root/bench.txt`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (before) => document.querySelector('[data-playground="linux"]')?.getAttribute('data-saved-at') !== before,
    savedBefore,
    { timeout: 15_000 },
  );
  await page.reload({ waitUntil: 'networkidle' });
  starting = true;
  saved.push(await clickToPrompt(page));
  starting = false;
  await browser.close();
}
await server.close();

const result = {
  clickToPromptColdMs: Math.round(median(cold)),
  clickToPromptWarmMs: Math.round(median(warm)),
  clickToPromptSavedMachineMs: Math.round(median(saved)),
  jsGzBytesBeforeActivation,
  jsGzBytesSearchUi,
  guestTransferBytes,
  lazyFilesOnStart,
  firstToolMs: Math.round(median(firstTool)),
  lazyFilesFromNetworkAfterReload,
  runs,
};
if (!json) {
  console.log(
    `click → prompt, cold cache: median ${result.clickToPromptColdMs} ms (${cold.map(Math.round).join(', ')})`,
  );
  console.log(
    `click → prompt, warm cache: median ${result.clickToPromptWarmMs} ms (${warm.map(Math.round).join(', ')})`,
  );
  console.log(
    `click → prompt, own saved machine: median ${result.clickToPromptSavedMachineMs} ms (${saved.map(Math.round).join(', ')})`,
  );
  console.log(
    `JS before activation: ${jsGzBytesBeforeActivation} bytes gzipped (+ ${jsGzBytesSearchUi} of Starlight's lazily loaded search UI, outside the budget)`,
  );
  console.log(`transferred after Start: ${guestTransferBytes} bytes`);
  console.log(`lazily served files requested while starting: ${lazyFilesOnStart} (must be 0)`);
  console.log(`first ip -br addr after a cold start: median ${result.firstToolMs} ms`);
  console.log(
    `lazy files from the network for it after a reload: ${lazyFilesFromNetworkAfterReload} (must be 0)`,
  );
}
console.log(JSON.stringify(result));
