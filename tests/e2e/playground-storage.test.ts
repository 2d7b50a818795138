import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser } from './support/browser.ts';
import { startPlayground, terminalText, typeLine, waitForTerminal } from './support/playground.ts';
import { screenshotTest, shoot } from './support/screenshots.ts';

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
}, 120_000);

test('storage full while saving: the learner is told, with ways on, and the running machine is untouched', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  // A real QuotaExceededError: a quota far below one saved machine (~10 MB), set through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 100_000 });
  await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  await typeLine(page, 'echo kept-in-ram > /root/q; echo still-working');
  await waitForTerminal(page, /still-working\s+[^\n]*#/);
  const problem = page.locator('[data-save-problem="quota"]');
  await problem.waitFor({ state: 'visible', timeout: 20_000 });
  expect(await problem.getAttribute('role')).toBe('alert');
  expect(await problem.textContent()).toContain('storage is full');
  expect(await page.locator('[data-playground="linux"]').getAttribute('data-saved-at')).toBeNull();
  // The machine goes on as it was.
  await typeLine(page, 'cat /root/q');
  await waitForTerminal(page, /kept-in-ram\s+[^\n]*#\s*$/);
  // Still full: trying again says so and keeps the choices.
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect.poll(() => problem.locator('p').nth(1).isVisible(), { timeout: 15_000 }).toBe(true);
  expect(await problem.textContent()).toContain('Still not enough space');
  // Space freed (the quota lifted): trying again saves, and the panel goes away.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Delete stored data and try again' }).click();
  await page.waitForSelector('[data-playground="linux"][data-saved-at]', { timeout: 15_000 });
  await problem.waitFor({ state: 'hidden' });
  await close();
}, 120_000);

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

/**
 * Types `command; echo <marker>` and leaves the page (reload, a link to `/en/`, or the tab killed) in the very
 * frame the marker's output and the next prompt are drawn: 0 ms after the learner could see the command had run.
 */
async function runThenLeave(
  page: import('playwright-core').Page,
  command: string,
  leave: 'reload' | 'navigate' | 'crash',
) {
  const marker = `done-${Math.random().toString(36).slice(2, 8)}`;
  await page.evaluate(
    ({ marker, leave }) => {
      const rows = document.querySelector('[data-playground="linux"] .xterm-rows') as HTMLElement;
      const settled = new RegExp(`(^|\\n)${marker}[\\s\\u00a0]*\\n[^\\n]*#[\\s\\u00a0]*$`);
      const observer = new MutationObserver(() => {
        // biome-ignore lint/performance/useDomNodeTextContent: innerText puts line breaks between xterm's rows.
        if (!settled.test(rows.innerText)) return;
        observer.disconnect();
        (window as unknown as { leftAt: number }).leftAt = performance.now();
        if (leave === 'reload') location.reload();
        else if (leave === 'navigate') location.href = '/en/';
        // The test kills the renderer on this message.
        else console.log('vlab-test:settled');
      });
      observer.observe(rows, { childList: true, subtree: true, characterData: true });
    },
    { marker, leave },
  );
  const left =
    leave === 'crash'
      ? page.waitForEvent('crash', { timeout: 15_000 })
      : page.waitForEvent('load', { timeout: 15_000 });
  const typed = typeLine(page, `${command}; echo ${marker}`);
  // The guest can answer between Enter's keydown and its keyup: a crash then lands before the keyup is sent.
  if (leave === 'crash') await typed.catch((error: unknown) => expectCrashed(error));
  else await typed;
  await left;
}

function expectCrashed(error: unknown): void {
  if (!String(error).includes('Target crashed')) throw error;
}

/** Starts the playground on /en/try/ (going there first unless it is there) and prints `cat` of `files`. */
async function startAndCat(page: import('playwright-core').Page, files: string[]): Promise<string> {
  if (!page.url().endsWith('/en/try/')) await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  const marker = `done-${Math.random().toString(36).slice(2, 8)}`;
  await typeLine(page, `cat ${files.join(' ')}; echo ${marker}`);
  await waitForTerminal(page, new RegExp(`\\n${marker}\\s+[^\\n]*#`));
  return terminalText(page);
}

test('a command survives a reload or a link followed at once (0 ms), on a fresh and on a restored machine', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  await page.goto(`${origin}/en/try/`);
  await startPlayground(page, 'Start');
  const paths: (string | null)[] = [];
  // Appended, so a command that ran twice would show twice.
  const log = ['/root/log'];
  // A fresh machine (never saved), reloaded at once.
  await runThenLeave(page, 'echo one >> /root/log', 'reload');
  expect(await startAndCat(page, log)).toMatch(/\none\s+done/);
  // Whether the save started at the prompt committed before the page went is a race; either way it is there.
  paths.push(await page.locator('.lp-note').textContent());
  // The same (still fresh) machine, left through a link at once, once it has been saved (so that the next
  // starts restore a saved machine).
  await page.waitForSelector('[data-playground="linux"][data-saved-at]', { timeout: 15_000 });
  await runThenLeave(page, 'echo two >> /root/log', 'navigate');
  expect(page.url()).toBe(`${origin}/en/`);
  expect(await startAndCat(page, log)).toMatch(/\none\s+two\s+done/);
  paths.push(await page.locator('.lp-note').textContent());
  // A restored machine: reloaded at once, then left through a link at once.
  await runThenLeave(page, 'echo three >> /root/log', 'reload');
  expect(await startAndCat(page, log)).toMatch(/\none\s+two\s+three\s+done/);
  paths.push(await page.locator('.lp-note').textContent());
  await runThenLeave(page, 'echo four >> /root/log', 'navigate');
  expect(await startAndCat(page, log)).toMatch(/\none\s+two\s+three\s+four\s+done/);
  paths.push(await page.locator('.lp-note').textContent());
  // The tab closed at once (its renderer, with the worker and any IndexedDB transaction, gone within
  // milliseconds of the prompt): a save has rarely committed by then, so this one is usually the journal's.
  const cdp = await context.newCDPSession(page);
  page.on('console', (message) => {
    if (message.text() === 'vlab-test:settled') void cdp.send('Page.crash').catch(() => undefined);
  });
  await runThenLeave(page, 'echo five >> /root/log', 'crash');
  const next = await context.newPage();
  await next.goto(`${origin}/en/try/`);
  expect(await startAndCat(next, log)).toMatch(/\none\s+two\s+three\s+four\s+five\s+done/);
  // Usually the journal's (replayed); on a loaded machine the crash can land after the save committed, and the
  // machine is then restored with the line in it: either way nothing typed is lost (the log above is the point).
  expect(await next.locator('.lp-note').textContent()).toMatch(
    /you typed just before leaving|Restored your machine from last time/,
  );
  // How the reloads and links got their command back (a save that won the race, or the journal).
  console.log(`notices after each 0 ms leave: ${paths.join(' | ')}`);
  await close();
}, 120_000);

screenshotTest(
  'screenshots: the storage-full panel and the "typed again" notice, ja/en, light/dark',
  async () => {
    const { context, close } = await launchBrowser();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const shootBoth = async (target: import('playwright-core').Page, name: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await target.emulateMedia({ colorScheme: scheme });
        await target.evaluate((s) => {
          document.documentElement.dataset.theme = s;
        }, scheme);
        await shoot(target.locator('[data-playground="linux"]'), {
          path: `tests/e2e/screenshots/${name}-${scheme}.png`,
        });
      }
    };
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 100_000 });
    for (const [lang, path, start] of [
      ['ja', '/try/', '起動'],
      ['en', '/en/try/', 'Start'],
    ] as const) {
      await page.goto(`${origin}${path}`);
      await startPlayground(page, start);
      await typeLine(page, 'echo hi > /root/note');
      await page.locator('[data-save-problem="quota"]').waitFor({ state: 'visible', timeout: 20_000 });
      await shootBoth(page, `playground-storage-full-${lang}`);
    }
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'Continue without saving' }).click();
    // The journal at work: the tab killed at the prompt, the command typed again on the next start.
    let current = page;
    for (const [lang, path, start] of [
      ['en', '/en/try/', 'Start'],
      ['ja', '/try/', '起動'],
    ] as const) {
      const session = await context.newCDPSession(current);
      current.on('console', (message) => {
        if (message.text() === 'vlab-test:settled') void session.send('Page.crash').catch(() => undefined);
      });
      await runThenLeave(current, `echo again-${lang} >> /root/note`, 'crash');
      current = await context.newPage();
      await current.goto(`${origin}${path}`);
      await startPlayground(current, start);
      await current.locator('.lp-note').waitFor({ state: 'visible' });
      await shootBoth(current, `playground-typed-again-${lang}`);
    }
    await close();
  },
  180_000,
);
