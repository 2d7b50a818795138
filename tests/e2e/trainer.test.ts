// The trainer's workflow without a server, end to end in real Chromium: build an assignment link on /trainer/,
// open it as a learner, pass (the store seeded with the real progress functions), download the report, drop it
// on the roster, catch a tampered copy and hostile files and links, and export CSV.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAssignment, MAX_FRAGMENT_CHARS } from '../../src/exercises/assignment.ts';
import type { TaskCheckResult } from '../../src/exercises/check-runner.ts';
import { loadExercises } from '../../src/exercises/load.ts';
import { emptyProgress, PROGRESS_KEY, recordCheck, recordHints } from '../../src/exercises/progress.ts';
import { type Report, verifyReport } from '../../src/exercises/report.ts';
import { CHECKS_KEY } from '../../src/lab/store.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const exercises = loadExercises();
const pid = exercises.find((e) => e.id === 'pid-namespace');
const overlay = exercises.find((e) => e.id === 'overlay-mount');
if (!pid || !overlay) throw new Error('the seed exercises pid-namespace and overlay-mount are needed');

/** Waits for a page to show something (the machines are shared and slow: vitest's default 1 s is too short). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
let browser: Browser;
let work: string;
beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(join(tmpdir(), 'vlab-trainer-'));
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

/** What <Exercise> would have stored after the learner passed every task of pid-namespace with one hint. */
function passedStore(): Record<string, string> {
  const at = new Date('2026-11-20T10:15:00.000Z');
  const results: TaskCheckResult[] = (pid?.tasks ?? []).map((task) => ({
    taskId: task.id,
    status: 'passed',
    passed: true,
    evidence: `evidence of ${task.id}: NSpid: 212 1`,
    durationMs: 140,
  }));
  let progress = recordHints(emptyProgress(), 'pid-namespace', 'sleep-is-pid-1', 1);
  progress = recordCheck(progress, 'pid-namespace', results, at);
  return {
    [PROGRESS_KEY]: JSON.stringify(progress),
    [CHECKS_KEY]: JSON.stringify({ 'pid-namespace': { at: at.toISOString(), results } }),
  };
}

/** Axe in both themes, and a full-page screenshot of each (look at them after UI changes). */
async function checkBothThemes(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}${name}-${scheme}.png`, fullPage: true });
  }
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(work, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function makeLink(page: Page, ids: string[], title: string): Promise<string> {
  for (const id of ids) await page.locator(`input[name="exercise"][value="${id}"]`).check();
  await page.getByLabel(/^(タイトル|Title)$/).fill(title);
  await page
    .locator('textarea[name="note"]')
    .fill('第 5 章を読んでから解いてください。\n締め切りは守りましょう。');
  await page.locator('input[name="due"]').fill('2026-12-01');
  await page.locator('form[data-trainer-builder] button[type="submit"]').click();
  const link = page.locator('[data-link]');
  await poll(() => link.inputValue()).toMatch(/#assignment=1\./);
  return link.inputValue();
}

describe.each(['ja', 'en'] as const)('the trainer workflow in %s', (lang) => {
  const prefix = lang === 'en' ? '/en' : '';
  const learner = lang === 'en' ? 'Ada Lovelace' : '山田 花子';
  let link = '';
  let report: { name: string; text: string } | undefined;

  test('the builder makes a link to /assignment/ with a QR code, and says what is missing first', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}${prefix}/trainer/`);
    // Nothing chosen, no title: a clear message, no link.
    await page.locator('form[data-trainer-builder] button[type="submit"]').click();
    await expect
      .poll(() => page.locator('form[data-trainer-builder] [data-message]').textContent())
      .toBe(lang === 'en' ? 'Enter a title.' : 'タイトルを入力してください。');
    expect(await page.locator('[data-result]').isHidden()).toBe(true);

    link = await makeLink(page, ['pid-namespace', 'overlay-mount'], 'Week 5: namespaces');
    expect(link.startsWith(`${origin}${prefix}/assignment/#assignment=1.`)).toBe(true);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator('[data-action="copy"]').click();
    await poll(() => page.locator('[data-copy-status]').textContent()).toBe(
      lang === 'en' ? 'Copied.' : 'コピーしました。',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const qr = page.locator('[data-qr] svg[role="img"]');
    expect(await qr.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect((await qr.locator('path').getAttribute('d'))?.length).toBeGreaterThan(500);
    expect(problems).toEqual(clean);
    await checkBothThemes(page, `trainer-link-${lang}`);
    await page.close();
  });

  test('the learner opens the link, sees live status, and downloads a report that verifies', async () => {
    // A fresh profile: the learner's browser, with nothing stored yet.
    const learnerBrowser = await launchBrowser();
    const page = await learnerBrowser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(link);
    await poll(() => page.locator('[data-assignment-title]').textContent()).toBe('Week 5: namespaces');
    expect(await page.locator('[data-assignment-note]').textContent()).toBe(
      '第 5 章を読んでから解いてください。\n締め切りは守りましょう。',
    );
    const items = page.locator('li[data-exercise]');
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-exercise')))).toEqual([
      'pid-namespace',
      'overlay-mount',
    ]);
    expect(await items.first().locator('a').getAttribute('href')).toBe(`${prefix}/exercises/pid-namespace/`);
    expect(await items.first().getAttribute('data-status')).toBe('todo');

    // The learner passes in another tab of the same browser: the page follows the store (onLabChange).
    const store = passedStore();
    await page.evaluate((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      window.dispatchEvent(new CustomEvent('vlab:progress'));
    }, store);
    await poll(() => items.first().getAttribute('data-status')).toBe('passed');
    expect(await items.nth(1).getAttribute('data-status')).toBe('todo');

    // No name: a message, no report.
    await page.locator('form[data-report-form] button[type="submit"]').click();
    expect(await page.locator('form[data-report-form] [data-message]').textContent()).toBe(
      lang === 'en' ? 'Enter your name.' : '名前を入力してください。',
    );
    await page.locator('input[name="learner"]').fill(learner);
    await page.locator('form[data-report-form] button[type="submit"]').click();
    await page.locator('[data-report] [data-report-view]').waitFor();
    expect(await page.locator('[data-report]').textContent()).toContain(learner);
    expect(problems).toEqual(clean);
    await checkBothThemes(page, `trainer-assignment-${lang}`);

    // Printing shows the report alone.
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    expect(await page.locator('.vlab-print-copy [data-report-view]').isVisible()).toBe(true);
    expect(await page.locator('.page').isVisible()).toBe(false);
    await page.screenshot({ path: `${screenshots}trainer-assignment-print-${lang}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    report = await downloadOf(page, () => page.locator('[data-action="download"]').click());
    expect(report.name).toMatch(/^report-.+-\d{4}-\d{2}-\d{2}\.json$/);
    const verified = await verifyReport(report.text);
    if (!verified.ok) throw new Error(verified.problems.join('\n'));
    expect(verified.intact).toBe(true);
    expect(verified.report.learner).toBe(learner);
    expect(verified.report.assignment?.title).toBe('Week 5: namespaces');
    const pidTasks = verified.report.exercises.find((e) => e.id === 'pid-namespace')?.tasks ?? [];
    expect(pidTasks.map((t) => [t.taskId, t.result, t.passedAt, t.hintsUsed])).toEqual([
      ['sleep-in-new-namespace', 'passed', '2026-11-20T10:15:00.000Z', 0],
      ['sleep-is-pid-1', 'passed', '2026-11-20T10:15:00.000Z', 1],
    ]);
    expect(pidTasks[0]?.evidence).toBe('evidence of sleep-in-new-namespace: NSpid: 212 1');
    const overlayTasks = verified.report.exercises.find((e) => e.id === 'overlay-mount')?.tasks ?? [];
    expect(overlayTasks.every((t) => t.result === 'not-checked' && t.passedAt === null)).toBe(true);
    await learnerBrowser.close();
  });

  test('the roster shows the pass, flags a tampered copy and lists hostile files as text; CSV downloads', async () => {
    if (!report) throw new Error('the previous test made no report');
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}${prefix}/trainer/`);

    const original = JSON.parse(report.text) as Report;
    const tampered: Report = structuredClone(original);
    tampered.learner = 'Mallory';
    const task = tampered.exercises[1]?.tasks[0];
    if (!task) throw new Error('no overlay task in the report');
    task.passedAt = '2026-11-21T08:00:00.000Z';
    const files = {
      good: join(work, `good-${lang}.json`),
      tampered: join(work, `tampered-${lang}.json`),
      hostile: join(work, `hostile-${lang}.json`),
    };
    writeFileSync(files.good, report.text);
    writeFileSync(files.tampered, JSON.stringify(tampered));
    writeFileSync(files.hostile, '<img src=x onerror="document.title=\'pwned\'"><script>alert(1)</script>');

    await page.locator('[data-files]').setInputFiles([files.good, files.hostile]);
    const table = page.locator('[data-table] table');
    await table.waitFor();
    const rowOf = (who: string, taskId: string) =>
      table
        .locator('tbody tr')
        .filter({ hasText: who })
        .filter({ hasText: taskTitle(taskId, lang) });
    expect(await rowOf(learner, 'sleep-is-pid-1').locator('td').nth(4).textContent()).toBe(
      lang === 'en' ? 'passed' : '合格',
    );
    expect(await rowOf(learner, 'sleep-is-pid-1').locator('td').nth(6).textContent()).toBe(
      lang === 'en' ? '1 hint' : 'ヒント 1 個',
    );
    expect(await rowOf(learner, 'merged-view').locator('td').nth(4).textContent()).toBe(
      lang === 'en' ? 'not passed' : '未合格',
    );
    // The hostile file: refused, its problem shown as text, nothing of it became HTML.
    const hostile = page.locator('[data-file-list] > li').filter({ hasText: `hostile-${lang}.json` });
    expect(await hostile.textContent()).toContain('Received text that is not JSON');
    expect(await hostile.textContent()).toContain(
      lang === 'en' ? 'This is not JSON.' : 'JSON ではありません。',
    );
    expect(await page.locator('[data-trainer-roster] img, [data-trainer-roster] script').count()).toBe(0);

    // The tampered copy arrives by drag and drop.
    await page.evaluate(
      async ({ name, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'application/json' }));
        const zone = document.querySelector('[data-drop]');
        zone?.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
        zone?.dispatchEvent(
          new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      },
      { name: `tampered-${lang}.json`, text: readFileSync(files.tampered, 'utf8') },
    );
    const flagged = page.locator('[data-file-list] > li').filter({ hasText: `tampered-${lang}.json` });
    await expect
      .poll(() => flagged.textContent())
      .toContain(lang === 'en' ? 'digest does not match' : 'ダイジェストが一致しません');
    expect(await rowOf('Mallory', 'merged-view').getAttribute('class')).toContain('vlab-row-bad');
    expect(await rowOf('Mallory', 'merged-view').locator('td').nth(7).textContent()).toBe(
      lang === 'en' ? 'MISMATCH (edited?)' : '不一致（改変の疑い）',
    );
    expect(await rowOf(learner, 'merged-view').locator('td').nth(7).textContent()).toBe(
      lang === 'en' ? 'matches' : '一致',
    );

    // The same good report again counts once.
    await page.locator('[data-files]').setInputFiles([files.good]);
    // 2 + 3 tasks from each of the good and the tampered report; the duplicate adds none and says so.
    await poll(() => page.locator('[data-file-list] > li').count()).toBe(4);
    expect(await page.locator('[data-file-list] > li').last().textContent()).toContain(
      lang === 'en' ? 'already loaded' : 'すでに読み込まれています',
    );
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await page.locator('[data-trainer-roster] [data-message]').textContent()).toContain(
      lang === 'en'
        ? '1 were the same as reports already loaded'
        : '1 件は読み込み済みのレポートと同じでした',
    );

    // Sorting: headers carry aria-sort, and clicking again reverses.
    const learnerHeader = table.locator('th[data-column="learner"]');
    expect(await learnerHeader.getAttribute('aria-sort')).toBe('ascending');
    const firstLearner = () => table.locator('tbody tr:first-child td:first-child').textContent();
    const ascending = await firstLearner();
    await learnerHeader.locator('button').click();
    expect(await table.locator('th[data-column="learner"]').getAttribute('aria-sort')).toBe('descending');
    expect(await firstLearner()).not.toBe(ascending);
    await table.locator('th[data-column="passedAt"] button').click();
    expect(await table.locator('th[data-column="passedAt"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await table.locator('th[data-column="learner"]').getAttribute('aria-sort')).toBeNull();

    expect(problems).toEqual(clean);
    expect(await page.title()).not.toBe('pwned');
    await checkBothThemes(page, `trainer-roster-${lang}`);

    const csv = await downloadOf(page, () => page.locator('[data-action="csv"]').click());
    expect(csv.name).toMatch(/^roster-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'learner,assignment,exerciseId,contentDigest,taskId,passed,passedAt,withHelp,hintsUsed,solutionUsed,intact,versionProblem,generatedAt',
    );
    expect(lines).toHaveLength(11);
    expect(lines).toContain(
      `${learner},Week 5: namespaces,pid-namespace,,sleep-is-pid-1,true,2026-11-20T10:15:00.000Z,true,1,false,true,,${original.generatedAt}`,
    );
    expect(lines).toContain(
      `Mallory,Week 5: namespaces,overlay-mount,,merged-view,true,2026-11-21T08:00:00.000Z,false,0,false,false,,${original.generatedAt}`,
    );
    await page.close();
  });
});

function taskTitle(taskId: string, lang: 'ja' | 'en'): string {
  const task = exercises.flatMap((e) => e.tasks).find((t) => t.id === taskId);
  if (!task) throw new Error(`no task ${taskId}`);
  return task.title[lang];
}

describe('hostile and malformed links', () => {
  test('HTML and script in every field of a link are shown as text and never run', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const fragment = await encodeAssignment({
      title: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      note: '<b>bold?</b><iframe src="https://example.com"></iframe>',
      due: null,
      exercises: ['pid-namespace'],
      created: '2026-11-26T09:00:00.000Z',
    });
    await page.goto(`${origin}/assignment/${fragment}`);
    const title = page.locator('[data-assignment-title]');
    await expect
      .poll(() => title.textContent())
      .toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(await page.locator('[data-assignment-note]').textContent()).toBe(
      '<b>bold?</b><iframe src="https://example.com"></iframe>',
    );
    expect(await page.locator('[data-assignment] :is(script, img, b, iframe)').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(problems).toEqual(clean);
    await page.close();
  });

  test.each([
    ['a broken payload', '#assignment=1.%%%not-base64', 'リンクが壊れているか、途中で切れています。'],
    ['a cut-short payload', null, 'リンクが壊れているか、途中で切れています。'],
    ['an unknown exercise', 'unknown', 'このサイトにない演習が含まれています。'],
    ['a huge link', `#assignment=1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`, 'リンクが長すぎます。'],
  ])('%s gets a clear message and nothing else', async (_, given, message) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    let fragment = given;
    const valid = await encodeAssignment({
      title: 'x',
      note: '',
      due: null,
      exercises: given === 'unknown' ? ['pid-namespace', 'no-such-exercise'] : ['pid-namespace'],
      created: '2026-11-26T09:00:00.000Z',
    });
    if (given === null) fragment = valid.slice(0, -12);
    if (given === 'unknown') fragment = valid;
    await page.goto(`${origin}/assignment/${fragment}`);
    const box = page.locator('[data-assignment] [data-state="bad-link"]');
    await box.waitFor();
    expect(await box.textContent()).toContain(message);
    expect(await page.locator('[data-assignment-title]').count()).toBe(0);
    expect(await page.locator('form[data-report-form]').isHidden()).toBe(true);
    expect(problems).toEqual(clean);
    await page.close();
  });

  test('unreadable stored progress is said plainly, and the assignment still shows', async () => {
    const learnerBrowser = await launchBrowser();
    const page = await learnerBrowser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/assignment/`);
    await page.evaluate((key) => localStorage.setItem(key, '{"format":"vlab-progress",'), PROGRESS_KEY);
    const fragment = await encodeAssignment({
      title: 'x',
      note: '',
      due: null,
      exercises: ['pid-namespace'],
      created: '2026-11-26T09:00:00.000Z',
    });
    await page.goto(`${origin}/assignment/${fragment}`);
    await page.locator('[data-assignment-title]').waitFor();
    expect(await page.locator('[data-assignment]').textContent()).toContain(
      'このブラウザに保存されていた進捗を読めませんでした',
    );
    expect(await page.locator('li[data-exercise="pid-namespace"]').getAttribute('data-status')).toBe('todo');
    // Nothing was overwritten by merely looking: the learner's data is left as it was.
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(
      '{"format":"vlab-progress",',
    );
    expect(problems).toEqual(clean);
    await learnerBrowser.close();
  });

  test('switching the language keeps the assignment (the link is in the fragment)', async () => {
    const page = await browser.context.newPage();
    const fragment = await encodeAssignment({
      title: 'Week 6: cgroups',
      note: '',
      due: null,
      exercises: ['memory-oom'],
      created: '2026-11-26T09:00:00.000Z',
    });
    await page.goto(`${origin}/assignment/${fragment}`);
    await page.locator('[data-assignment-title]').waitFor();
    await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
    await page.waitForURL(`${origin}/en/assignment/${fragment}`);
    await expect.poll(() => page.locator('[data-assignment-title]').textContent()).toBe('Week 6: cgroups');
    expect(await page.locator('li[data-exercise] a').first().getAttribute('href')).toBe(
      '/en/exercises/memory-oom/',
    );
    await page.close();
  });

  test('without a link the page says where assignments come from', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/en/assignment/`);
    expect(await page.locator('[data-assignment] [data-state="no-link"]').textContent()).toContain(
      'open the link your trainer gave you',
    );
    await page.close();
  });
});
