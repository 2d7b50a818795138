import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser } from './support/browser.ts';
import { startPlayground, typeLine, waitForTerminal } from './support/playground.ts';

// The playground when browser storage helps (a warm start from the cached clean guest), when it holds
// something broken, when it is full or missing, and when the guest stops answering. Fresh profiles where
// storage matters, so tests do not see each other's machines.
const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Reads (or, with `replace`, corrupts) the worker's cached clean guest in IndexedDB; true if it is there. */
function cachedClean(page: import('playwright-core').Page, corrupt = false): Promise<boolean> {
  return page.evaluate(
    (corrupt) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('vlab-machine', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('machine')) return resolve(false);
          const store = db.transaction('machine', 'readwrite').objectStore('machine');
          const get = store.get('clean');
          get.onsuccess = () => {
            const record = get.result as { baseKey: string; state: ArrayBuffer } | undefined;
            if (!record || !corrupt) return resolve(!!record);
            const put = store.put(
              { baseKey: record.baseKey, state: new Uint8Array(4096).fill(7).buffer },
              'clean',
            );
            put.onsuccess = () => resolve(true);
          };
        };
      }),
    corrupt,
  );
}

test('the clean guest is kept unpacked for the next visit; a broken copy is thrown away and downloaded again', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  await expect.poll(() => cachedClean(page), { timeout: 15_000 }).toBe(true);

  const stateRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('state.bin')) stateRequests.push(request.url());
  });
  await page.reload();
  await startPlayground(page, 'Start');
  expect(stateRequests).toEqual([]);

  await cachedClean(page, true);
  await page.reload();
  await startPlayground(page, 'Start');
  await typeLine(page, 'echo back-from-the-network');
  await waitForTerminal(page, /back-from-the-network\s+[^\n]*#/);
  expect(stateRequests.length).toBe(1);
  await close();
});

test('when storage is full the playground keeps working and says work will not be kept', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  // A quota far below one saved machine (~10 MB), set through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 100_000 });
  await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  await typeLine(page, 'echo still-working');
  await waitForTerminal(page, /still-working\s+[^\n]*#/);
  await expect
    .poll(() => page.locator('.lp-note').textContent(), { timeout: 20_000 })
    .toContain('storage is full');
  await close();
});

test('without IndexedDB (as in some private modes) the playground starts and says so', async () => {
  const page = await browser.context.newPage();
  // Storage lives in the worker: take IndexedDB away there, before its own code runs.
  await page.route(/\/_astro\/worker-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `Object.defineProperty(self, 'indexedDB', { value: undefined });\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  await page.goto(`${origin}/try/`);
  await startPlayground(page);
  expect(await page.locator('.lp-note').textContent()).toContain('保存できません');
  await typeLine(page, 'echo works-anyway');
  await waitForTerminal(page, /works-anyway\s+[^\n]*#/);
  await page.close();
});

test('a guest that stops answering is reported as hung, and Reset brings a working one back', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  // Freeze the program-channel agent: the console still echoes, but the watchdog's pings go unanswered.
  await typeLine(page, 'kill -STOP $(pidof vlab-agent)');
  await page.waitForSelector('[data-playground="linux"][data-status="error"]', { timeout: 45_000 });
  expect(await page.locator('.lp-status').textContent()).toContain('stopped answering');
  expect(await page.getByRole('button', { name: 'Retry' }).isVisible()).toBe(false);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset machine' }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await typeLine(page, 'echo answering-again');
  await waitForTerminal(page, /answering-again\s+[^\n]*#/);
  await page.close();
});
