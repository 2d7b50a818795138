// `npm run bench:save [-- --json] [-- --runs N]`: what saving the learner's machine costs, in real Chromium
// served from 127.0.0.1. Prints medians; with --json, one JSON object as the last line. Builds the site first
// unless E2E_SKIP_BUILD=1. A benchmark, not a test: it asserts nothing.
//
// Each run types `echo … >> /root/bench` into the terminal of a fresh machine and then of a restored one
// (reloaded), and measures:
// - enterToSavedMs: from the Enter key (the page's keydown) until the page hears that IndexedDB committed the
//   save (the machine client saves as soon as the prompt is back; see machine-client.ts);
// - the worker's own report of that save (SaveReport in worker-protocol.ts): drop_caches in the guest, the
//   time its CPU was paused (waiting for 9p requests, then serialising), serialising alone, storing, in all,
//   and the state's bytes;
// - gzip: what compressing the stored state with the browser's CompressionStream would cost and give (states
//   are stored uncompressed; this says whether that should change);
// - keyEchoDuringSaveMs / keyEchoIdleMs: from keydown to the key drawn in the terminal, for a key typed the
//   moment the prompt is back (while the save runs) and for one typed when nothing is being saved: whether the
//   learner's terminal stalls.
import type { Page } from 'playwright-core';
import type { SaveReport } from '../../src/emulator/worker-protocol.ts';
import { median } from '../../src/guest/median.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite, projectRoot } from './support/build-site.ts';
import { startStaticServer } from './support/static-server.ts';

const json = process.argv.includes('--json');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

if (process.env.E2E_SKIP_BUILD !== '1') buildSite(json);
const server = await startStaticServer(`${projectRoot}dist`);

const ROOT = '[data-playground="linux"]';

async function start(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForSelector(`${ROOT}[data-status="ready"]`, { timeout: 60_000 });
  await waitForText(page, /#[\s\u00a0]*$/);
}

async function waitForText(page: Page, pattern: RegExp): Promise<void> {
  await waitForTextOnce(page, pattern).catch(async (error: unknown) => {
    // biome-ignore lint/performance/useDomNodeTextContent: innerText puts line breaks between xterm's rows.
    const text = await page.evaluate(() => (document.querySelector('.xterm-rows') as HTMLElement).innerText);
    throw new Error(`terminal never matched ${pattern}; it shows:\n${text.slice(-600)}`, { cause: error });
  });
}

async function waitForTextOnce(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        // biome-ignore lint/performance/useDomNodeTextContent: innerText puts line breaks between xterm's rows.
        (document.querySelector('[data-playground="linux"] .xterm-rows') as HTMLElement | null)?.innerText ??
          '',
      ),
    pattern.source,
    { timeout: 30_000, polling: 10 },
  );
}

/**
 * Arms the page to time the next key `key`: keydown → the terminal's text ends with it. Returns a getter of
 * that time and of whether a save was still running at keydown (data-saved-at unchanged from `savedBefore`).
 */
async function armKeyEcho(page: Page, key: string, savedBefore: string | null): Promise<void> {
  await page.evaluate(
    ({ key, savedBefore }) => {
      const w = window as unknown as { echo?: { ms?: number; duringSave?: boolean } };
      const echo: { ms?: number; duringSave?: boolean } = {};
      w.echo = echo;
      const root = document.querySelector('[data-playground="linux"]') as HTMLElement;
      const rows = root.querySelector('.xterm-rows') as HTMLElement;
      // biome-ignore lint/performance/useDomNodeTextContent: innerText puts line breaks between xterm's rows.
      const shown = () => rows.innerText.replace(/\u00a0/g, ' ').trimEnd();
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== key) return;
        document.removeEventListener('keydown', onKey, { capture: true });
        const down = event.timeStamp;
        echo.duringSave = root.getAttribute('data-saved-at') === savedBefore;
        const observer = new MutationObserver(() => {
          if (!shown().endsWith(`# ${key}`)) return;
          observer.disconnect();
          echo.ms = performance.now() - down;
        });
        observer.observe(rows, { childList: true, subtree: true, characterData: true });
      };
      document.addEventListener('keydown', onKey, { capture: true });
    },
    { key, savedBefore },
  );
}

async function keyEcho(page: Page): Promise<{ ms: number; duringSave: boolean }> {
  await page.waitForFunction(
    () => (window as unknown as { echo: { ms?: number } }).echo.ms !== undefined,
    null,
    {
      timeout: 10_000,
      polling: 10,
    },
  );
  return page.evaluate(() => (window as unknown as { echo: { ms: number; duringSave: boolean } }).echo);
}

/** Size and time of gzipping the stored machine's state in this browser (CompressionStream). */
async function gzipStored(page: Page): Promise<{ ms: number; bytes: number; rawBytes: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vlab-machine', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('machine').objectStore('machine').get('current');
          get.onsuccess = async () => {
            const blob = (get.result as { state: Blob }).state;
            const began = performance.now();
            const packed = await new Response(
              blob.stream().pipeThrough(new CompressionStream('gzip')),
            ).arrayBuffer();
            resolve({ ms: performance.now() - began, bytes: packed.byteLength, rawBytes: blob.size });
          };
        };
      }),
  );
}

interface Sample {
  machine: 'fresh' | 'restored';
  enterToSavedMs: number;
  report: SaveReport;
  keyEchoDuringSaveMs: number;
  duringSave: boolean;
  keyEchoIdleMs: number;
}

const samples: Sample[] = [];
const gzip: { ms: number; bytes: number; rawBytes: number }[] = [];

async function sample(page: Page, machine: Sample['machine'], i: number): Promise<void> {
  const root = page.locator(ROOT);
  // Start from a machine with no save running (a restored one saves after its start).
  await page.waitForTimeout(2_500);
  const savedBefore = await root.getAttribute('data-saved-at');
  await page.locator('.xterm-helper-textarea').first().focus();
  await page.keyboard.type(`echo run-${i} >> /root/bench`);
  await page.evaluate(() => {
    const w = window as unknown as { enterAt?: number };
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter') w.enterAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
  });
  await armKeyEcho(page, 'x', savedBefore);
  await page.keyboard.press('Enter');
  // The moment the prompt is back the save starts: a key typed now lands while it runs.
  await waitForText(page, new RegExp(`run-${i} >> /root/bench\\s*\\n[^\\n]*#[\\s\\u00a0]*$`));
  await page.keyboard.type('x');
  const during = await keyEcho(page);
  const enterToSavedMs = await page.evaluate(
    (before) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { enterAt: number };
        // The first save whose state was taken after Enter (one running before it does not count).
        const enterEpoch = performance.timeOrigin + w.enterAt;
        const check = () => {
          const now = document.querySelector('[data-playground="linux"]')?.getAttribute('data-saved-at');
          if (now && now !== before && Number(now) > enterEpoch) resolve(performance.now() - w.enterAt);
          else setTimeout(check, 5);
        };
        check();
      }),
    savedBefore,
  );
  const report = JSON.parse((await root.getAttribute('data-last-save')) ?? '{}') as SaveReport;
  await page.keyboard.press('Backspace');
  // Nothing being saved now: the same key for comparison.
  await page.waitForTimeout(300);
  await armKeyEcho(page, 'y', null);
  await page.keyboard.type('y');
  const idle = await keyEcho(page);
  await page.keyboard.press('Backspace');
  samples.push({
    machine,
    enterToSavedMs,
    report,
    keyEchoDuringSaveMs: during.ms,
    duringSave: during.duringSave,
    keyEchoIdleMs: idle.ms,
  });
  if (!json)
    console.log(
      `  ${machine} #${i}: Enter → saved ${Math.round(enterToSavedMs)} ms; save ${Math.round(report.totalMs)} ms ` +
        `(drop_caches ${Math.round(report.dropCachesMs)}, paused ${Math.round(report.pausedMs)} of which serialise ` +
        `${Math.round(report.serialiseMs)}, store ${Math.round(report.storeMs)}), ${report.bytes} bytes; key echo ` +
        `${Math.round(during.ms)} ms while saving${during.duringSave ? '' : ' (save had ended)'}, ${Math.round(idle.ms)} ms idle`,
    );
}

for (let run = 0; run < runs; run++) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/en/try/`, { waitUntil: 'networkidle' });
  await start(page);
  await sample(page, 'fresh', run * 2);
  gzip.push(await gzipStored(page));
  await page.reload({ waitUntil: 'networkidle' });
  await start(page);
  await sample(page, 'restored', run * 2 + 1);
  await browser.close();
}
await server.close();

const med = (pick: (s: Sample) => number, list = samples) => Math.round(median(list.map(pick)));
const result = {
  enterToSavedMs: med((s) => s.enterToSavedMs),
  enterToSavedFreshMs: med(
    (s) => s.enterToSavedMs,
    samples.filter((s) => s.machine === 'fresh'),
  ),
  enterToSavedRestoredMs: med(
    (s) => s.enterToSavedMs,
    samples.filter((s) => s.machine === 'restored'),
  ),
  saveTotalMs: med((s) => s.report.totalMs),
  saveDropCachesMs: med((s) => s.report.dropCachesMs),
  savePausedMs: med((s) => s.report.pausedMs),
  saveSerialiseMs: med((s) => s.report.serialiseMs),
  saveCompressMs: med((s) => s.report.compressMs),
  saveStoreMs: med((s) => s.report.storeMs),
  saveBytes: med((s) => s.report.bytes),
  gzipMs: Math.round(median(gzip.map((g) => g.ms))),
  gzipBytes: Math.round(median(gzip.map((g) => g.bytes))),
  keyEchoDuringSaveMs: med((s) => s.keyEchoDuringSaveMs),
  keyEchoDuringSaveMaxMs: Math.round(Math.max(...samples.map((s) => s.keyEchoDuringSaveMs))),
  keysTypedWhileSaving: samples.filter((s) => s.duringSave).length,
  keyEchoIdleMs: med((s) => s.keyEchoIdleMs),
  samples: samples.length,
};
if (!json) {
  console.log(
    `Enter → saved in IndexedDB: median ${result.enterToSavedMs} ms (fresh machine ${result.enterToSavedFreshMs}, restored ${result.enterToSavedRestoredMs})`,
  );
  console.log(
    `one save: median ${result.saveTotalMs} ms = drop_caches ${result.saveDropCachesMs} + CPU paused ${result.savePausedMs} (serialise ${result.saveSerialiseMs}) + compress ${result.saveCompressMs} + store ${result.saveStoreMs}; ${result.saveBytes} bytes`,
  );
  console.log(`gzip of the stored state (not done): ${result.gzipMs} ms → ${result.gzipBytes} bytes`);
  console.log(
    `key echo: ${result.keyEchoDuringSaveMs} ms median (max ${result.keyEchoDuringSaveMaxMs}) typed as the save starts (${result.keysTypedWhileSaving}/${result.samples} keydowns before it ended), ${result.keyEchoIdleMs} ms idle`,
  );
}
console.log(JSON.stringify(result));
