// Hostile input in real pages: an assignment link, a report file on the roster, a progress file on /progress/,
// a /compare/ fragment, a widget's stored state and a broken saved machine, each carrying markup and script
// that would set a sentinel global or open a dialog if it ever ran. Each page must show the text as text (or
// a clear message in its language), create no element with an event handler or script from it, and keep
// working. The CSP would stop inline script anyway; these tests prove the payload never even becomes markup.
// The decoders behind these pages are fuzzed in tests/unit (see "Hostile input" in src/README.md).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAssignment } from '../../src/exercises/assignment.ts';
import { buildReport } from '../../src/exercises/report.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';
import { startPlayground, terminalText, typeLine, waitForTerminal } from './support/playground.ts';

const origin = inject('origin');
const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const SENTINEL = '__vlabPwned';
/** Each would set window.__vlabPwned or open a dialog, if it were ever parsed as HTML or followed as a link. */
const payloads = {
  img: `<img src=x onerror="window.${SENTINEL}=1;alert(1)">`,
  script: `<script>window.${SENTINEL}=1</script>`,
  svg: `<svg onload="window.${SENTINEL}=1">`,
  link: `javascript:window.${SENTINEL}=1`,
  frame: `"><iframe src="javascript:window.${SENTINEL}=1"></iframe>`,
};
const all = Object.values(payloads).join(' ');

let browser: Browser;
let work: string;
beforeAll(async () => {
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), 'vlab-hostile-'));
});
afterAll(() => browser?.close());

/** A page that records dialogs and page problems, for `expectUnharmed`. */
async function openPage(
  context = browser.context,
): Promise<{ page: Page; problems: PageProblems; dialogs: string[] }> {
  const page = await context.newPage();
  const problems = await watchPage(page, origin);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, problems, dialogs };
}

/**
 * Nothing ran and nothing was injected: no dialog, no sentinel, and no markup made from a payload: no element
 * with an on* attribute anywhere (the site has none), no frame or object, no script or URL attribute that
 * names the sentinel. (The payloads may appear in text, and in data-* attributes as JSON; Pagefind's own search
 * form has action="javascript:void(0);", so a javascript: URL alone proves nothing.)
 */
async function expectUnharmed({ page, problems, dialogs }: Awaited<ReturnType<typeof openPage>>) {
  expect(dialogs).toEqual([]);
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL)).toBe(
    undefined,
  );
  const injected = await page.evaluate((sentinel) => {
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href'];
    return [...document.querySelectorAll('*')]
      .filter(
        (element) =>
          ['IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName) ||
          (element.tagName === 'SCRIPT' && (element.textContent ?? '').includes(sentinel)) ||
          [...element.attributes].some(
            (attribute) =>
              /^on/i.test(attribute.name) ||
              (urlAttributes.includes(attribute.name.toLowerCase()) && attribute.value.includes(sentinel)),
          ),
      )
      .map((element) => element.outerHTML.slice(0, 120));
  }, SENTINEL);
  expect(injected).toEqual([]);
  expect(problems).toEqual(clean);
}

describe('hostile input never runs', () => {
  test('the check itself catches a payload that became markup (as a bug would make it)', async () => {
    const opened = await openPage();
    const { page } = opened;
    await page.goto(`${origin}/en/trainer/`);
    await page.evaluate((html) => {
      // What an innerHTML bug would do with a learner's name: an element with a handler (CSP keeps it idle).
      document.querySelector('[data-file-list]')?.insertAdjacentHTML('beforeend', html);
    }, `<li>${payloads.img}</li>`);
    await expect(expectUnharmed(opened)).rejects.toThrow();
    await page.close();
  });

  test('an assignment link: title and note are text, and the learner can still make a report', async () => {
    const opened = await openPage();
    const { page } = opened;
    const title = `${payloads.img}${payloads.script}`.slice(0, 200);
    const note = `${payloads.svg}\n${payloads.link}\n${payloads.frame}`;
    const fragment = await encodeAssignment({
      title,
      note,
      due: null,
      exercises: ['pid-namespace'],
      created: '2026-11-26T09:00:00.000Z',
    });
    await page.goto(`${origin}/assignment/${fragment}`);
    await expect.poll(() => page.locator('[data-assignment-title]').textContent()).toBe(title);
    expect(await page.locator('[data-assignment-note]').textContent()).toBe(note);
    expect(await page.locator('li[data-exercise="pid-namespace"] a').getAttribute('href')).toBe(
      '/exercises/pid-namespace/',
    );
    // Still working: a report, for a learner whose name is markup too.
    await page.locator('input[name="learner"]').fill(payloads.img);
    await page.getByRole('button', { name: 'レポートを作成', exact: true }).click();
    const report = page.locator('[data-report] [data-report-view]');
    await report.waitFor();
    expect(await report.textContent()).toContain(payloads.img);
    expect(await report.textContent()).toContain(title);
    await expectUnharmed(opened);
    await page.close();
  });

  test('report files on the roster: a well-formed one full of markup, and markup that is not a report', async () => {
    const opened = await openPage();
    const { page } = opened;
    const report = await buildReport({
      learner: payloads.img,
      assignment: {
        title: payloads.script,
        note: payloads.frame,
        due: null,
        exercises: ['pid-namespace'],
        created: '2026-11-26T09:00:00.000Z',
      },
      exercises: [{ id: 'pid-namespace', taskIds: ['sleep-in-new-namespace'] }],
      progress: { format: 'vlab-progress', version: 1, exercises: {} },
      checks: {
        'pid-namespace': {
          at: new Date('2026-11-30T09:00:00.000Z'),
          results: [
            {
              taskId: 'sleep-in-new-namespace',
              status: 'failed',
              passed: false,
              evidence: all,
              durationMs: 9,
            },
          ],
        },
      },
      now: new Date('2026-11-30T09:01:00.000Z'),
    });
    const wellFormed = join(work, 'report-markup.json');
    const notReport = join(work, `${payloads.svg.replace(/[^a-z]/g, '')}.json`);
    writeFileSync(wellFormed, JSON.stringify(report));
    writeFileSync(notReport, JSON.stringify({ format: 'vlab-report', [payloads.img]: payloads.script }));
    await page.goto(`${origin}/en/trainer/`);
    await page.locator('[data-files]').setInputFiles([wellFormed, notReport]);
    const table = page.locator('[data-table] table');
    await table.waitFor();
    expect(await table.locator('tbody tr td').first().textContent()).toBe(payloads.img);
    expect(await table.locator('tbody tr td').nth(1).textContent()).toBe(payloads.script);
    const refused = page.locator('[data-file-list] > li').nth(1);
    expect(await refused.textContent()).toContain(`Received unknown field "${payloads.img}"`);
    expect(await refused.textContent()).toContain('This is not a report in the expected format.');
    // Still working: sorting redraws the table.
    await page.locator('[data-table] th[data-column="learner"] button').click();
    await expect
      .poll(() => page.locator('th[data-column="learner"]').getAttribute('aria-sort'))
      .toBe('descending');
    await expectUnharmed(opened);
    await page.close();
  });

  test('progress files on /progress/: markup ids and a __proto__ key are refused by name; a good file still loads', async () => {
    const fresh = await launchBrowser();
    const opened = await openPage(fresh.context);
    const { page } = opened;
    const entry = { tasks: {}, usedSolution: false, attempts: 1 };
    const markup = join(work, 'progress-markup.json');
    const proto = join(work, 'progress-proto.json');
    const good = join(work, 'progress-good.json');
    writeFileSync(
      markup,
      JSON.stringify({ format: 'vlab-progress', version: 1, exercises: { [payloads.img]: entry } }),
    );
    writeFileSync(
      proto,
      `{"format":"vlab-progress","version":1,"exercises":{"__proto__":${JSON.stringify({ ...entry, polluted: payloads.script })}}}`,
    );
    writeFileSync(
      good,
      JSON.stringify({
        format: 'vlab-progress',
        version: 1,
        exercises: {
          'pid-namespace': {
            tasks: {
              'sleep-in-new-namespace': {
                status: 'passed',
                passedAt: '2026-11-20T10:00:00.000Z',
                usedHints: 0,
              },
              'sleep-is-pid-1': { status: 'passed', passedAt: '2026-11-20T10:01:00.000Z', usedHints: 0 },
            },
            usedSolution: false,
            attempts: 2,
          },
        },
      }),
    );
    await page.goto(`${origin}/progress/`);
    const result = page.locator('[data-import-result]');
    const input = page.locator('input[type="file"][data-action="import"]');
    await input.setInputFiles(markup);
    await expect.poll(() => result.textContent()).toContain('このファイルは読み込めませんでした');
    // The id is quoted as JSON in the problem: its quotes come back escaped, and all of it as text.
    expect(await result.textContent()).toContain(
      `exercises.${payloads.img}: Received ${JSON.stringify(payloads.img)} / Expected an exercise id in kebab-case`,
    );
    await input.setInputFiles(proto);
    await expect.poll(() => result.textContent()).toContain('exercises.__proto__: Received "__proto__"');
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBe(undefined);
    await input.setInputFiles(good);
    await expect.poll(() => result.textContent()).toContain('読み込みました');
    await expect
      .poll(() => page.locator('[data-exercise-row="pid-namespace"]').getAttribute('data-status'))
      .toBe('passed');
    await expectUnharmed(opened);
    await fresh.close();
  });

  test('a /compare/ fragment of markup falls back to a real scenario, and the simulator keeps working', async () => {
    const opened = await openPage();
    const { page } = opened;
    const raw = `#scenario=${payloads.img}&hosts=${payloads.script}&ha=${payloads.link}&__proto__=${payloads.svg}`;
    const encoded = `#scenario=${encodeURIComponent(payloads.frame)}&hosts=1e309&${encodeURIComponent(payloads.img)}=1`;
    for (const fragment of [raw, encoded]) {
      await page.goto(`${origin}/compare/${fragment}`);
      const sim = page.locator('[data-widget="behaviour-simulator"]');
      await page.waitForSelector('[data-widget="behaviour-simulator"][data-loaded="start"]');
      // The address bar is rewritten to the state actually shown.
      await expect
        .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
        .toMatch(/^#scenario=start&[\w=&.-]+$/);
      expect(await sim.locator('select.bs-scenario').inputValue()).toBe('start');
      await expectUnharmed(opened);
    }
    // Still working: another scenario loads.
    await page
      .locator('[data-widget="behaviour-simulator"] select.bs-scenario')
      .selectOption('consolidation');
    await page.waitForSelector('[data-widget="behaviour-simulator"][data-loaded="consolidation"]');
    await page.close();
  });

  test("a widget exercise's stored state full of markup is normalised, and Check still answers", async () => {
    const fresh = await launchBrowser();
    const opened = await openPage(fresh.context);
    const { page } = opened;
    await page.goto(`${origin}/en/exercises/raid-survival/`, { waitUntil: 'networkidle' });
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
      key: 'vlab:widget:exercise:raid-survival',
      value: JSON.stringify({
        level: 6,
        disks: 1e308,
        diskTB: -1,
        failed: [0, payloads.img],
        [payloads.svg]: 1,
      }),
    });
    await page.reload();
    const widget = page.locator('[data-widget="raid-array"]');
    await page.waitForSelector('[data-widget="raid-array"][data-ready]');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-task="any-two"]').getAttribute('data-result'))
      .toMatch(/^(passed|failed)$/);
    expect(await widget.getAttribute('data-state')).not.toContain('<');
    await expectUnharmed(opened);
    await fresh.close();
  });
});

/**
 * Breaks the learner's machine where the worker keeps it (saved-machine-store.ts: database vlab-machine, store
 * machine, record current): `other-guest` plants a well-formed record of another guest version (its screen is
 * markup); `truncate` cuts the real saved machine to half its bytes, as a write that died half way would.
 */
function breakSavedMachine(page: Page, how: 'other-guest' | 'truncate', screen: string): Promise<void> {
  return page.evaluate(
    async ({ how, screen }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vlab-machine', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('machine');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const saved = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const request = db.transaction('machine').objectStore('machine').get('current');
        request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
        request.onerror = () => reject(request.error);
      });
      let value: Record<string, unknown>;
      if (how === 'truncate') {
        if (!saved) throw new Error('no saved machine to cut');
        const bytes = await (saved.state as Blob).arrayBuffer();
        value = { ...saved, state: new Blob([bytes.slice(0, bytes.byteLength >> 1)]) };
      } else {
        value = {
          baseKey: 'f'.repeat(64),
          savedAt: Date.now(),
          state: new Blob([new Uint8Array(4096).fill(1)]),
          screen,
          mark: { machine: 'another-guest', seq: 1 },
        };
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('machine', 'readwrite');
        tx.objectStore('machine').put(value, 'current');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { how, screen },
  );
}

describe('a broken saved machine', () => {
  test('a record from another guest version, in Japanese: the notice, and a fresh shell that works', async () => {
    const fresh = await launchBrowser();
    const opened = await openPage(fresh.context);
    const { page } = opened;
    await page.goto(`${origin}/try/`);
    await breakSavedMachine(page, 'other-guest', `${payloads.img}\r\nroot@vlab:~# `);
    await startPlayground(page, '起動');
    await expect
      .poll(() => page.locator('.lp-note').textContent())
      .toContain('保存されていたマシンを復元できなかったため、新しいマシンを起動しました。');
    expect(await terminalText(page)).not.toContain('onerror');
    await typeLine(page, 'echo fresh-$((6*7))');
    await waitForTerminal(page, /^fresh-42$/m);
    await expectUnharmed(opened);
    await fresh.close();
  });

  test('a saved machine cut to half its bytes, in English: the notice, and a fresh shell that works', async () => {
    const fresh = await launchBrowser();
    const first = await fresh.context.newPage();
    await first.goto(`${origin}/en/try/`);
    await startPlayground(first, 'Start');
    const playground = first.locator('[data-playground="linux"]');
    const before = await playground.getAttribute('data-saved-at');
    await typeLine(first, 'echo kept > /root/kept');
    await expect.poll(() => playground.getAttribute('data-saved-at'), { timeout: 20_000 }).not.toBe(before);
    // Closing the page ends its worker: no save of it can land after the cut below.
    await first.close();
    const opened = await openPage(fresh.context);
    const { page } = opened;
    await page.goto(`${origin}/en/try/`, { waitUntil: 'networkidle' });
    await breakSavedMachine(page, 'truncate', '');
    await page.reload();
    await startPlayground(page, 'Start');
    await expect
      .poll(() => page.locator('.lp-note').textContent())
      .toContain('Your saved machine could not be restored, so a fresh one was started.');
    await typeLine(page, 'cat /root/kept 2>&1 | head -c 40; echo; echo fresh-$((6*7))');
    await waitForTerminal(page, /^fresh-42$/m);
    expect(await terminalText(page)).toContain("can't open '/root/kept'");
    await expectUnharmed(opened);
    await fresh.close();
  });
});
