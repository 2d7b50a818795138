import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { typeLine, waitForTerminal } from './support/playground.ts';
import { screenshotTest } from './support/screenshots.ts';

// Exercises on their pages, against the real guest in real Chromium: checks on Check and after every command,
// progress that survives a reload, hints, the solution, a hung check, and /progress/ export, import and
// damaged data. Each test that depends on storage starts from a fresh profile.
const origin = inject('origin');
/** Every exercise, linux and widget: the exercise index's sidebar badge and /progress/ count them all. */
const total = loadExercises().length;
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const downloads = mkdtempSync(join(tmpdir(), 'vlab-downloads-'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const exercise = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);
const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);

async function waitForAttribute(page: Page, selector: string, name: string, value: string, timeout = 30_000) {
  await expect.poll(() => page.locator(selector).getAttribute(name), { timeout, interval: 100 }).toBe(value);
}

test('Check starts the playground and fails on a fresh guest; solving it in the terminal passes it by itself, and a reload keeps it', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
    expect(await exercise(page, 'pid-namespace').getAttribute('data-status')).toBe('todo');
    expect(await page.getByRole('button', { name: '解答を表示' }).isDisabled()).toBe(true);

    // Check before the machine runs: it starts the page's playground, then checks on the program channel.
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await waitForAttribute(page, '[data-task="sleep-in-new-namespace"]', 'data-result', 'failed');
    expect(await task(page, 'sleep-is-pid-1').getAttribute('data-result')).toBe('failed');
    expect(await page.locator('[data-playground="linux"]').getAttribute('data-status')).toBe('ready');
    const failing = task(page, 'sleep-in-new-namespace');
    await expect.poll(() => failing.locator('[data-message="fail"]').isVisible()).toBe(true);
    expect(await failing.locator('[data-evidence]').textContent()).toContain(
      "no sleep process runs outside init's PID namespace",
    );
    expect(await page.locator('[data-progress]').textContent()).toBe('0 / 2 個のタスクに合格しました。');
    // The check never typed into the learner's terminal. (xterm paints only while in view: Check scrolled.)
    await page.locator('[data-playground="linux"]').scrollIntoViewIfNeeded();
    await waitForTerminal(page, /#[\s\u00a0]*$/);
    expect(await page.locator('.xterm-rows').textContent()).not.toContain('NSpid');
    // One attempt unlocks the solution.
    expect(await page.getByRole('button', { name: '解答を表示' }).isDisabled()).toBe(false);

    // Solve it the way a learner would: no Check press, the automatic check after the command does it.
    await typeLine(page, 'unshare -p -f --mount-proc sleep 100000 &');
    await waitForAttribute(page, '[data-exercise="pid-namespace"]', 'data-status', 'passed');
    expect(await exercise(page, 'pid-namespace').getAttribute('data-help')).toBeNull();
    expect(await task(page, 'sleep-is-pid-1').getAttribute('data-result')).toBe('passed');
    expect(await page.locator('[data-success]').textContent()).toContain('すべてのタスクに合格しました');
    expect(await task(page, 'sleep-is-pid-1').locator('[data-evidence]').textContent()).toMatch(
      /NSpid \d+\s+1 \(the last number is its PID inside\)/,
    );

    // Check by hand also passes, and says so.
    await page.locator('[data-progress]').evaluate((el) => {
      el.textContent = '';
    });
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-progress]').textContent(), { timeout: 30_000 })
      .toBe('2 / 2 個のタスクに合格しました。');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}exercise-passed-ja-light.png`, fullPage: true });

    // After a reload, before anything starts, the stored progress shows it passed.
    await page.reload({ waitUntil: 'networkidle' });
    // Polled: on a loaded machine the exercise's script may run after the network went idle.
    await expect
      .poll(() => exercise(page, 'pid-namespace').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('passed');
    expect(await task(page, 'sleep-in-new-namespace').getAttribute('data-result')).toBe('passed');
    expect(await page.locator('[data-playground="linux"]').getAttribute('data-status')).toBe('idle');
    // …and the index and the sidebar say so too.
    await page.goto(`${origin}/exercises/`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-exercise-item="pid-namespace"]').getAttribute('data-status')).toBe(
      'passed',
    );
    const badge = page.locator('#starlight__sidebar a[href="/exercises/"] .lab-sidebar-badge');
    expect(await badge.locator('[aria-hidden="true"]').textContent()).toBe(`1/${total}`);
    expect(await badge.textContent()).toContain(`（1 / ${total} 完了）`);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await close();
  }
});

test('a pass that no longer holds: the sleep is killed, Check keeps the pass but says plainly that it fails now', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await waitForAttribute(page, '[data-task="sleep-in-new-namespace"]', 'data-result', 'failed');
    await typeLine(page, 'unshare -p -f --mount-proc sleep 100000 &');
    await waitForAttribute(page, '[data-exercise="pid-namespace"]', 'data-status', 'passed');
    expect(await page.locator('[data-success]').textContent()).toBe(
      'すべてのタスクに合格しました。お疲れさまでした。',
    );

    // The learner undoes it and checks by hand (once the shell says the kill is done).
    await typeLine(page, 'kill -9 $(pidof sleep) && echo sleep-killed');
    await waitForTerminal(page, /^sleep-killed$/m);
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    const passedThen = ['sleep-in-new-namespace', 'sleep-is-pid-1'];
    // Tasks are checked one after the other: each says so when its own check has answered.
    for (const id of passedThen) await waitForAttribute(page, `[data-task="${id}"]`, 'data-now', 'failed');
    for (const id of passedThen) {
      // The earned pass stays (data-result, progress, the exercise's status)…
      expect(await task(page, id).getAttribute('data-result')).toBe('passed');
      expect(await task(page, id).getAttribute('data-now')).toBe('failed');
      // …and the task says plainly that its check fails now, with what is missing.
      expect(await task(page, id).locator('[data-result-label]').textContent()).toBe(
        '合格済み（現在はチェックに通りません）',
      );
      expect(await task(page, id).locator('[data-message="fail"]').isVisible()).toBe(true);
      expect(await task(page, id).locator('[data-message="pass"]').isVisible()).toBe(false);
    }
    expect(await task(page, 'sleep-in-new-namespace').locator('[data-evidence]').textContent()).toContain(
      "no sleep process runs outside init's PID namespace",
    );
    expect(await exercise(page, 'pid-namespace').getAttribute('data-status')).toBe('passed');
    await expect
      .poll(() => page.locator('[data-progress]').textContent())
      .toBe('2 / 2 個のタスクに合格しました。そのうち 2 個は、現在チェックに通りません。');
    const success = page.locator('[data-success]');
    expect(await success.getAttribute('data-now')).toBe('failed');
    expect(await success.textContent()).toBe(
      'すべてのタスクに合格済みですが、現在はチェックに通らないタスクがあります。合格の記録はそのまま残ります。',
    );
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('vlab:progress'))) ?? '{}');
    for (const id of passedThen) expect(stored.exercises['pid-namespace'].tasks[id].status).toBe('passed');
    expect(await axeViolations(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // From the top: a full-page shot taken scrolled down paints the fixed header in the middle.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        fullPage: true,
        path: `${screenshots}exercise-failing-now-ja-${scheme}.png`,
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Put right again: the automatic checks after the command (they run again while a pass fails; the sleep
    // may enter its namespace only after the first) clear it.
    await typeLine(page, 'unshare -p -f --mount-proc sleep 100000 &');
    await expect.poll(() => success.getAttribute('data-now'), { timeout: 30_000, interval: 100 }).toBeNull();
    expect(await success.textContent()).toBe('すべてのタスクに合格しました。お疲れさまでした。');
    for (const id of passedThen) expect(await task(page, id).getAttribute('data-now')).toBeNull();

    // Undone once more; the English page shows the latest stored check run the same way, before any check.
    await typeLine(page, 'kill -9 $(pidof sleep) && echo sleep-killed-again');
    await waitForTerminal(page, /^sleep-killed-again$/m);
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await waitForAttribute(page, '[data-task="sleep-is-pid-1"]', 'data-now', 'failed');
    await page.goto(`${origin}/en/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
    expect(await task(page, 'sleep-is-pid-1').getAttribute('data-now')).toBe('failed');
    expect(await task(page, 'sleep-is-pid-1').locator('[data-result-label]').textContent()).toBe(
      'Passed earlier; not true any more',
    );
    expect(await page.locator('[data-success]').textContent()).toBe(
      'Every task passed earlier, but not all of them are true any more. Your passes stay recorded.',
    );
    expect(await page.locator('[data-state]').textContent()).toBe('Passed');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // From the top: a full-page shot taken scrolled down paints the fixed header in the middle.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        fullPage: true,
        path: `${screenshots}exercise-failing-now-en-${scheme}.png`,
      });
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await close();
  }
}, 120_000);

test('hints are revealed one at a time and remembered', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/en/exercises/pid-namespace/`);
    const pidTask = task(page, 'sleep-is-pid-1');
    const hints = pidTask.locator('[data-hint]');
    expect(await hints.evaluateAll((els) => els.filter((el) => !(el as HTMLElement).hidden).length)).toBe(0);
    const button = pidTask.getByRole('button', { name: /Show a hint/ });
    expect(await button.textContent()).toBe('Show a hint (1 of 3)');
    await button.click();
    expect(await hints.nth(0).isVisible()).toBe(true);
    expect(await hints.nth(1).isVisible()).toBe(false);
    expect(await button.textContent()).toBe('Show a hint (2 of 3)');
    await page.reload();
    expect(await task(page, 'sleep-is-pid-1').locator('[data-hint="1"]').isVisible()).toBe(true);
    expect(await task(page, 'sleep-is-pid-1').locator('[data-hint="2"]').isVisible()).toBe(false);
    // Keyboard: focus the button and press Enter twice; the last hint takes the focus.
    await task(page, 'sleep-is-pid-1')
      .getByRole('button', { name: /Show a hint/ })
      .focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await task(page, 'sleep-is-pid-1').locator('[data-hint="3"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.hint)).toBe('3');
    expect(await task(page, 'sleep-is-pid-1').locator('[data-action="hint"]').textContent()).toBe(
      'No more hints',
    );
    const stored = await page.evaluate(() => localStorage.getItem('vlab:progress'));
    expect(JSON.parse(stored ?? '{}').exercises['pid-namespace'].tasks['sleep-is-pid-1'].usedHints).toBe(3);
  } finally {
    await close();
  }
});

test('the setup runs before the prompt, and showing the solution (confirmed) makes it "passed with help"', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/en/exercises/memory-oom/`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await waitForAttribute(page, '[data-task="limit-set"]', 'data-result', 'failed');
    // Dismissing the confirmation shows nothing and records nothing.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Show the solution' }).click();
    expect(await page.locator('[data-solution]').isVisible()).toBe(false);
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('passed with the solution');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Show the solution' }).click();
    expect(await page.locator('[data-solution]').isVisible()).toBe(true);
    expect(await page.locator('[data-solution] code').textContent()).toContain('memory.max');
    // memhog exists only because the exercise's setup ran before the prompt.
    await typeLine(page, 'mkdir -p /sys/fs/cgroup/lab-oom && echo 8M > /sys/fs/cgroup/lab-oom/memory.max');
    await waitForAttribute(page, '[data-task="limit-set"]', 'data-result', 'passed');
    await typeLine(page, "sh -c 'echo $$ > /sys/fs/cgroup/lab-oom/cgroup.procs; exec memhog'");
    await waitForTerminal(page, /Killed/);
    await waitForAttribute(page, '[data-exercise="memory-oom"]', 'data-status', 'passed').catch(
      async (error) => {
        console.log(
          await page.locator('[data-exercise]').textContent(),
          await page.locator('.xterm-rows').textContent(),
        );
        throw error;
      },
    );
    expect(await exercise(page, 'memory-oom').getAttribute('data-help')).toBe('1');
    expect(await page.locator('[data-state]').textContent()).toBe('Passed (with the solution)');
    await page.goto(`${origin}/en/progress/`);
    expect(await page.locator('[data-exercise-row="memory-oom"] [data-cell="status"]').textContent()).toBe(
      'Passed (with the solution)',
    );
  } finally {
    await close();
  }
});

test('a check that hangs is stopped and says it timed out; the other checks still run', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/exercises/overlay-mount/`);
    // A short deadline keeps the test quick (6 s, so that the checks that do not hang finish in time on a loaded
    // machine); the behaviour is the same as with the default.
    await exercise(page, 'overlay-mount').evaluate((el) => {
      (el as HTMLElement).dataset.checkTimeoutMs = '6000';
    });
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await waitForAttribute(page, '[data-task="merged-view"]', 'data-result', 'failed');
    // A FIFO in the upper layer, made before the overlay exists, hides the app layer's etc/greeting, which the
    // first check reads: its `read` blocks for ever, as a badly written check would. Made beforehand, so no
    // check can ever see the overlay without it (a task that passed once would stay passed).
    await typeLine(
      page,
      'mkdir -p /mnt/lab-rw /mnt/lab-overlay && mount -t tmpfs lab-rw /mnt/lab-rw && mkdir -p /mnt/lab-rw/upper/etc /mnt/lab-rw/work && mkfifo /mnt/lab-rw/upper/etc/greeting',
    );
    await typeLine(
      page,
      'mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/mnt/lab-rw/upper,workdir=/mnt/lab-rw/work /mnt/lab-overlay',
    );
    await waitForAttribute(page, '[data-task="merged-view"]', 'data-result', 'error');
    const hung = task(page, 'merged-view');
    expect(await hung.locator('[data-message="error"]').textContent()).toBe(
      'チェックが 6 秒以内に終わらなかったため中止しました。しばらくしてからもう一度お試しください。',
    );
    expect(await hung.locator('[data-result-label]').textContent()).toBe('チェックできず');
    // The machine is still usable and the tasks after the hung one were checked.
    expect(await task(page, 'upper-on-tmpfs').getAttribute('data-result')).toBe('passed');
    await typeLine(page, 'echo still-alive');
    await waitForTerminal(page, /^still-alive$/m);
    await page.screenshot({ path: `${screenshots}exercise-timeout-ja-light.png`, fullPage: true });
  } finally {
    await close();
  }
});

test('progress exported from one browser imports into another; a malformed file is refused with the reason', async () => {
  // Progress made through the page's own code (hints + the solution), not by planting JSON.
  const first = await launchBrowser();
  let exported = '';
  try {
    const page = await first.context.newPage();
    await page.goto(`${origin}/en/exercises/overlay-mount/`);
    await task(page, 'merged-view')
      .getByRole('button', { name: /Show a hint/ })
      .click();
    await task(page, 'merged-view')
      .getByRole('button', { name: /Show a hint/ })
      .click();
    await page.goto(`${origin}/en/progress/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save progress to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(downloads, 'progress.json');
    await download.saveAs(file);
    exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported).exercises['overlay-mount'].tasks['merged-view'].usedHints).toBe(2);
  } finally {
    await first.close();
  }

  const second = await launchBrowser();
  try {
    const page = await second.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/progress/`, { waitUntil: 'networkidle' });
    // Something already here, to see that the import merges rather than replaces.
    await page.evaluate(() =>
      localStorage.setItem(
        'vlab:progress',
        JSON.stringify({
          format: 'vlab-progress',
          version: 1,
          exercises: {
            'pid-namespace': {
              tasks: {
                'sleep-in-new-namespace': {
                  status: 'passed',
                  passedAt: '2026-01-01T00:00:00.000Z',
                  usedHints: 0,
                },
                'sleep-is-pid-1': { status: 'passed', passedAt: '2026-01-01T00:00:00.000Z', usedHints: 1 },
              },
              usedSolution: false,
              attempts: 2,
            },
          },
        }),
      ),
    );
    await page.reload({ waitUntil: 'networkidle' });
    const row = (id: string) => page.locator(`[data-exercise-row="${id}"]`);
    expect(await row('pid-namespace').getAttribute('data-status')).toBe('passed');

    const bad = join(downloads, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'vlab-progress', version: 1, exercises: { x: { tasks: {} } } }),
    );
    await page.locator('input[type="file"]').setInputFiles(bad);
    await expect
      .poll(() => page.locator('[data-import-result]').textContent())
      .toContain('読み込めませんでした');
    expect(await page.locator('[data-import-result]').textContent()).toContain(
      'progress: exercises.x.usedSolution: Received undefined / Expected true or false',
    );
    expect(await row('pid-namespace').getAttribute('data-status')).toBe('passed');

    const good = join(downloads, 'good.json');
    writeFileSync(good, exported);
    await page.locator('input[type="file"]').setInputFiles(good);
    await expect.poll(() => page.locator('[data-import-result]').textContent()).toContain('読み込みました');
    expect(await row('overlay-mount').locator('[data-cell="hints"]').textContent()).toBe('2');
    expect(await row('pid-namespace').getAttribute('data-status')).toBe('passed');
    expect(await page.locator('[data-summary]').textContent()).toBe(`1 / ${total} 個の演習を完了しました。`);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await second.close();
  }
});

test('damaged stored progress is reported, kept until the learner chooses, and can be downloaded or cleared', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/progress/`, { waitUntil: 'networkidle' });
    const damaged =
      '{"format":"vlab-progress","version":1,"exercises":{"pid-namespace":{"tasks":{"a":{"status":"done"';
    await page.evaluate((text) => localStorage.setItem('vlab:progress', text), damaged);

    // The exercise page still works, says so, and does not overwrite the damaged data.
    await page.goto(`${origin}/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('[data-storage]').textContent()).toContain('読み込めなかった');
    expect(await exercise(page, 'pid-namespace').getAttribute('data-status')).toBe('todo');
    await task(page, 'sleep-is-pid-1')
      .getByRole('button', { name: /ヒントを表示/ })
      .click();
    expect(await task(page, 'sleep-is-pid-1').locator('[data-hint="1"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('vlab:progress'))).toBe(damaged);

    await page.goto(`${origin}/progress/`, { waitUntil: 'networkidle' });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('壊れていて');
    expect(await alert.textContent()).toContain('Received text that is not JSON / Expected a progress file');
    expect(await page.getByRole('button', { name: '進捗をファイルに保存' }).isDisabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '壊れたデータをそのまま保存' }).click(),
    ]);
    const file = join(downloads, 'damaged.json');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    await page.screenshot({ path: `${screenshots}progress-corrupt-ja-light.png`, fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '記録を削除して最初からやり直す' }).click();
    await expect.poll(() => alert.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '進捗をファイルに保存' }).isDisabled()).toBe(false);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await close();
  }
});

test('without storage the pages say nothing will be kept', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(`${origin}/en/exercises/pid-namespace/`);
  expect(await page.locator('[data-storage]').textContent()).toContain('cannot store your progress');
  await page.goto(`${origin}/en/progress/`);
  expect(await page.locator('[data-storage-note]').isVisible()).toBe(true);
  await page.close();
});

screenshotTest.each([
  ['ja', ''],
  ['en', '/en'],
] as const)(
  'screenshots of the %s exercise page, index and progress, light and dark',
  async (lang, prefix) => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      for (const [name, path] of [
        ['exercise', '/exercises/overlay-mount/'],
        ['exercises', '/exercises/'],
        ['progress', '/progress/'],
      ] as const) {
        await page.goto(`${origin}${prefix}${path}`);
        await page.screenshot({ path: `${screenshots}lab-${name}-${lang}-${scheme}.png`, fullPage: true });
      }
      await page.close();
    }
  },
);
