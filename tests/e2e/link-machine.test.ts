// A link's own exercise runs on a machine of its own (review 4 of issue 19; src/playground/machine-slot.ts), in
// real Chromium with the real guest: its setup (a file, a line appended to /root/.profile) never reaches the
// chapters' saved machine, the chapters' work never reaches it, its own work survives a reload (also a command
// typed just before leaving), its Reset resets only it, and it starts and restores offline. A setup that fails
// (the link's author wrote it) is told on the exercise, with its exit code and output, until a later start's
// setup passes.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { encodeAssignment } from '../../src/exercises/assignment.ts';
import { customExerciseDigest, customProgressId } from '../../src/exercises/custom-exercise.ts';
import { importExercise } from '../../src/exercises/exercise-files.ts';
import { journalKey, linkSlot, RECENT_LINKS_KEY } from '../../src/playground/machine-slot.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { startPlayground, terminalText, typeLine, waitForTerminal } from './support/playground.ts';
import { shoot } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const poll = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout });
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };

/** A hostile author's setup: a file of its own, and a line in root's login profile. */
const exerciseYaml = `id: leave-a-mark
chapter: containers
kind: linux
difficulty: 1
estimatedMinutes: 5
title:
  ja: 印を残す
  en: Leave a mark
setup: |
  echo from-the-link > /root/link-setup-file
  grep -q vlab-link-profile /root/.profile 2>/dev/null || echo 'echo vlab-link-profile' >> /root/.profile
tasks:
  - id: learner-file
    title:
      ja: /root/learner-file がある
      en: /root/learner-file exists
    check: |
      [ -e /root/learner-file ]
    pass:
      ja: ファイルがあります。
      en: The file is there.
    fail:
      ja: ファイルがまだありません。
      en: The file is not there yet.
    hints:
      - ja: echo でファイルを作ります。
        en: Make it with echo.
solution: |
  echo done > /root/learner-file
`;

let browser: Browser;
let customUrl = '';
let slot = '';
beforeAll(async () => {
  browser = await launchBrowser();
  const imported = importExercise({
    'exercise.yaml': exerciseYaml,
    'instructions.ja.md': '`/root/learner-file` を作ってください。',
    'instructions.en.md': 'Make `/root/learner-file`.',
  });
  if (!imported.ok) throw new Error(imported.problems.join('\n'));
  const exercise = imported.exercise;
  const fragment = await encodeAssignment({
    title: '別のマシン',
    note: '',
    due: null,
    exercises: [exercise.id],
    created: '2026-12-03T00:00:00.000Z',
    custom: [exercise],
  });
  customUrl = `/custom-exercise/${fragment}&exercise=${exercise.id}`;
  slot = linkSlot(customProgressId(exercise.id, await customExerciseDigest(exercise)));
});
afterAll(() => browser?.close());

/**
 * Runs `test` in the guest and waits for its answer: `<name>-yes` or `<name>-no` on a line of its own (the
 * typed command line never holds either, so the echo of the input cannot match).
 */
async function ask(page: Page, name: string, test: string): Promise<boolean> {
  await typeLine(page, `echo ${name}-$(${test} && echo yes || echo no)`);
  const answer = new RegExp(`^${name}-(yes|no)\\s*$`, 'gm');
  await waitForTerminal(page, new RegExp(answer.source, 'm'), 30_000);
  // The last answer: a question asked again (polled) is answered below the earlier one.
  return [...(await terminalText(page)).matchAll(answer)].at(-1)?.[1] === 'yes';
}

/** Types `command` and waits until the playground has saved the machine after it. */
async function runAndSave(page: Page, command: string, done: string): Promise<number> {
  const before = Date.now();
  await typeLine(page, `${command}; echo ${done}-$((6*7))`);
  await waitForTerminal(page, new RegExp(`^${done}-42\\s*$`, 'm'), 30_000);
  await poll(async () =>
    Number(await page.locator('[data-playground="linux"]').getAttribute('data-saved-at')),
  ).toBeGreaterThan(before);
  return Number(await page.locator('[data-playground="linux"]').getAttribute('data-saved-at'));
}

/** The saved machines in this browser's IndexedDB (saved-machine-store.ts), by record, with when each was saved. */
function savedMachines(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('vlab-machine', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('machine').objectStore('machine');
          const all: Record<string, number> = {};
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              open.result.close();
              return resolve(all);
            }
            const value = at.value as { savedAt?: number };
            if (at.key !== 'clean') all[String(at.key)] = value.savedAt ?? 0;
            at.continue();
          };
        };
      }),
  );
}

async function openLinkExercise(page: Page): Promise<void> {
  await page.goto(`${origin}${customUrl}`);
  await poll(() => page.locator('[data-custom-title]').textContent()).toBe('印を残す');
  // Start is enabled once the page has named the exercise's own machine.
  await poll(() => page.locator('linux-playground').getAttribute('data-machine-slot')).toBe(slot);
}

describe("a link's exercise on a machine of its own", () => {
  test("its setup never reaches the chapters' machine, nor the chapters' work it; its work survives a reload; its Reset resets only it", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    page.on('dialog', (dialog) => void dialog.accept());

    // The chapters' machine, with the learner's own file (and the chapter's exercise setup's /root/host-secret).
    await page.goto(`${origin}/chapters/containers/`, { waitUntil: 'networkidle' });
    await startPlayground(page);
    await runAndSave(page, 'echo chapter-work > /root/chapter-file', 'chapter');

    // Before the link is decoded nothing can start; then the page says the machine is the exercise's own.
    await page.waitForLoadState('networkidle');
    await openLinkExercise(page);
    expect(await page.locator('[data-custom-machine]').textContent()).toContain('この演習専用のマシン');
    expect(await page.locator('[data-custom-machine]').textContent()).toContain(
      '「この演習のマシンをリセット」',
    );
    expect(await page.locator('[data-custom-machine]').getAttribute('data-custom-machine')).toBe(slot);
    await startPlayground(page);
    expect(await ask(page, 'setup-ran', '[ -e /root/link-setup-file ]')).toBe(true);
    // A setup that passed says nothing (the machine is ready only after it ran).
    expect(await page.locator('vlab-exercise [data-setup-problem]').getAttribute('data-failed')).toBeNull();
    expect(await page.locator('vlab-exercise [data-setup-message]').textContent()).toBe('');
    expect(await ask(page, 'chapter-file', '[ -e /root/chapter-file ]')).toBe(false);
    expect(await ask(page, 'chapter-setup', '[ -e /root/host-secret ]')).toBe(false);
    const linkSavedAt = await runAndSave(page, 'echo mine > /root/learner-file', 'learner');
    await poll(() => page.locator('vlab-exercise').getAttribute('data-status'), 30_000).toBe('passed');
    // Two saved machines: the chapters' and this exercise's own.
    const machines = await savedMachines(page);
    expect(Object.keys(machines).sort()).toEqual(['current', slot].sort());
    expect(machines[slot]).toBeGreaterThanOrEqual(linkSavedAt);
    expect(await page.evaluate((key) => localStorage.getItem(key), RECENT_LINKS_KEY)).toBe(
      JSON.stringify([slot]),
    );

    // A command typed just before leaving is not lost on this machine either (a save on the way out, or the
    // input journal under this slot's own key typed again).
    await typeLine(page, 'echo late > /root/late-file');
    expect(await page.evaluate((key) => localStorage.getItem(key), journalKey(slot))).not.toBeNull();
    await page.reload();
    await poll(() => page.locator('linux-playground').getAttribute('data-machine-slot')).toBe(slot);
    await startPlayground(page);
    expect(await ask(page, 'learner-kept', '[ -e /root/learner-file ]')).toBe(true);
    await poll(() => ask(page, 'late-kept', '[ -e /root/late-file ]'), 30_000).toBe(true);

    // The chapters' machine: its own work is there, nothing of the link's.
    await page.waitForLoadState('networkidle');
    await page.goto(`${origin}/chapters/containers/`, { waitUntil: 'networkidle' });
    await startPlayground(page);
    expect(await ask(page, 'chapter-kept', 'grep -q chapter-work /root/chapter-file')).toBe(true);
    expect(await ask(page, 'link-setup', '[ -e /root/link-setup-file ]')).toBe(false);
    expect(await ask(page, 'link-work', '[ -e /root/learner-file ]')).toBe(false);
    expect(await ask(page, 'profile-marked', 'grep -q vlab-link-profile /root/.profile')).toBe(false);

    // The link exercise's Reset: a fresh machine for it (its setup runs again), the chapters' untouched.
    await page.waitForLoadState('networkidle');
    await openLinkExercise(page);
    await startPlayground(page);
    const reset = page.getByRole('button', { name: 'この演習のマシンをリセット', exact: true });
    const chaptersBefore = (await savedMachines(page)).current;
    await reset.click();
    await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 60_000 });
    await waitForTerminal(page, /#[\s\u00a0]*$/);
    expect(await ask(page, 'after-reset', '[ -e /root/learner-file ]')).toBe(false);
    expect(await ask(page, 'setup-again', '[ -e /root/link-setup-file ]')).toBe(true);
    expect((await savedMachines(page)).current).toBe(chaptersBefore);
    expect(problems).toEqual(clean);
    await page.close();
  }, 300_000);

  test('an unusable link leaves no machine to start', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/custom-exercise/#assignment=1.AAAA&exercise=x`);
    await page.locator('[data-state="bad-link"]').waitFor();
    expect(await page.locator('linux-playground').isHidden()).toBe(true);
    expect(await page.locator('linux-playground').getAttribute('data-machine-slot')).toBeNull();
    await page.close();
  });

  test("offline, the link exercise's machine starts from the kept guest and comes back after a reload", async () => {
    const own = await launchBrowser({ serviceWorkers: 'allow' });
    try {
      const page = await own.context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(`${origin}/try/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
          );
      });
      // One start online keeps the clean guest; nothing of the link exercise was ever opened.
      await startPlayground(page);
      // The tools the link's setup uses come with it (were they served lazily, they would be kept now).
      await runAndSave(page, 'grep -q vlab-link-profile /root/.profile 2>/dev/null; true', 'online');
      await page.waitForLoadState('networkidle');

      await own.context.setOffline(true);
      await openLinkExercise(page);
      await startPlayground(page);
      expect(await ask(page, 'offline-setup', '[ -e /root/link-setup-file ]')).toBe(true);
      await runAndSave(page, 'echo offline > /root/learner-file', 'offline');
      await page.reload();
      await poll(() => page.locator('linux-playground').getAttribute('data-machine-slot')).toBe(slot);
      await startPlayground(page);
      expect(await ask(page, 'offline-kept', 'grep -q offline /root/learner-file')).toBe(true);
      problems.consoleErrors = problems.consoleErrors.filter(
        (text) => !text.includes('ERR_INTERNET_DISCONNECTED'),
      );
      expect(problems).toEqual(clean);
    } finally {
      await own.context.setOffline(false);
      await own.close();
    }
  }, 180_000);
});

/** A one-task link exercise whose setup is `setup`: its page in `lang`. */
async function brokenSetupLink(id: string, setup: string, lang: 'ja' | 'en'): Promise<{ url: string }> {
  const imported = importExercise({
    'exercise.yaml': `id: ${id}
chapter: containers
kind: linux
difficulty: 1
estimatedMinutes: 5
title:
  ja: 途中で止まるセットアップ
  en: A setup that stops half-way
setup: |
${setup
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
tasks:
  - id: learner-file
    title:
      ja: /root/learner-file がある
      en: /root/learner-file exists
    check: |
      [ -e /root/learner-file ]
    pass:
      ja: ファイルがあります。
      en: The file is there.
    fail:
      ja: ファイルがまだありません。
      en: The file is not there yet.
    hints:
      - ja: echo でファイルを作ります。
        en: Make it with echo.
solution: |
  echo done > /root/learner-file
`,
    'instructions.ja.md': '`/root/learner-file` を作ってください。',
    'instructions.en.md': 'Make `/root/learner-file`.',
  });
  if (!imported.ok) throw new Error(imported.problems.join('\n'));
  const exercise = imported.exercise;
  const fragment = await encodeAssignment({
    title: 'セットアップの失敗',
    note: '',
    due: null,
    exercises: [exercise.id],
    created: '2026-12-03T00:00:00.000Z',
    custom: [exercise],
  });
  return { url: `${lang === 'en' ? '/en' : ''}/custom-exercise/${fragment}&exercise=${exercise.id}` };
}

/** axe on the exercise and a screenshot of it, in the light scheme and the dark one. */
async function lookAtExercise(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await poll(() => page.evaluate(() => document.documentElement.dataset.theme), 10_000).toBe(scheme);
    expect([scheme, await axeViolations(page, { include: ['vlab-exercise'] })]).toEqual([scheme, []]);
    await shoot(page.locator('vlab-exercise'), {
      path: `${screenshots}link-setup-failed-${name}-${scheme}.png`,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe("a link exercise whose setup fails (its author's mistake)", () => {
  test('ja: the exercise says so, with the exit code, the advice and the output; after a Reset whose setup passes, it is gone', async () => {
    // Fails until this moment (the guest's clock is set from the page's at every start), then passes: the first
    // start fails, the start after Reset (a fresh machine, once the moment is past) passes.
    const passAt = Math.ceil(Date.now() / 1000) + 50;
    const { url } = await brokenSetupLink(
      'setup-breaks',
      `echo half-done\n[ "$(date +%s)" -ge ${passAt} ] || exit 3`,
      'ja',
    );
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${origin}${url}`);
    await poll(() => page.locator('linux-playground').getAttribute('data-machine-slot')).toMatch(/./);
    const problem = page.locator('vlab-exercise [data-setup-problem]');
    const message = problem.locator('[data-setup-message]');
    // The live region is on the page before anything fails, so a screen reader announces the failure.
    expect(await message.getAttribute('role')).toBe('status');
    expect(await message.getAttribute('aria-live')).toBe('polite');
    expect(await message.textContent()).toBe('');

    await startPlayground(page);
    expect(await problem.getAttribute('data-failed')).toBe('failed');
    expect(await message.textContent()).toBe(
      'この演習のセットアップが失敗しました（終了コード 3）。「この演習のマシンをリセット」を押すか、リンクの作成者に知らせてください。',
    );
    // It names the Reset the page shows.
    const reset = page.locator('linux-playground [data-action="reset"]');
    expect(await message.textContent()).toContain(`「${(await reset.textContent())?.trim()}」`);
    // What the setup printed, for the curious.
    const details = problem.locator('details');
    expect(await details.isVisible()).toBe(true);
    expect(await details.locator('summary').textContent()).toBe('セットアップの出力');
    expect(await details.locator('[data-setup-output]').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('[data-setup-output]').textContent()).toBe('half-done');
    expect(problems.consoleErrors).toEqual([expect.stringMatching(/^setup script exited 3:\nhalf-done/)]);
    await lookAtExercise(page, 'ja');

    // Once the moment is past, the learner presses Reset: the fresh machine's setup passes, the message goes.
    await poll(async () => Date.now(), 60_000).toBeGreaterThan(passAt * 1000 + 1000);
    await reset.click();
    // Cleared while the setup runs again (a new failure would be announced anew), then ready: it passed.
    await poll(() => problem.getAttribute('data-failed'), 60_000).toBeNull();
    await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 60_000 });
    expect(await problem.getAttribute('data-failed')).toBeNull();
    expect(await message.textContent()).toBe('');
    expect(await details.isHidden()).toBe(true);
    expect(problems.consoleErrors).toHaveLength(1);
    problems.consoleErrors = [];
    expect(problems).toEqual(clean);
    await page.close();
  }, 180_000);

  test('en: the same, in English', async () => {
    const { url } = await brokenSetupLink('setup-breaks-en', 'echo half-done; exit 3', 'en');
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}${url}`);
    await poll(() => page.locator('linux-playground').getAttribute('data-machine-slot')).toMatch(/./);
    await startPlayground(page, 'Start');
    const problem = page.locator('vlab-exercise [data-setup-problem]');
    expect(await problem.getAttribute('data-failed')).toBe('failed');
    expect(await problem.locator('[data-setup-message]').textContent()).toBe(
      `This exercise's setup failed (exit code 3). Press "Reset this exercise's machine" or tell the link's author.`,
    );
    expect(await page.locator('linux-playground [data-action="reset"]').textContent()).toContain(
      "Reset this exercise's machine",
    );
    expect(await problem.locator('summary').textContent()).toBe("The setup's output");
    await problem.locator('summary').click();
    expect(await problem.locator('[data-setup-output]').textContent()).toBe('half-done');
    await lookAtExercise(page, 'en');
    expect(problems.consoleErrors).toEqual([expect.stringMatching(/^setup script exited 3:\nhalf-done/)]);
    await page.close();
  }, 120_000);
});
