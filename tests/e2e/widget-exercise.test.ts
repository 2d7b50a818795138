// Widget exercises on their pages, in real Chromium and with the keyboard only: the exercise renders its
// widget, a near-miss state fails after a change (checked automatically), the solution's state passes on Check,
// progress and the widget's state survive a reload, the exercise is listed on /exercises/ and selectable on
// /trainer/, and no Linux machine is ever started.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const exercises = loadExercises();
for (const id of ['consolidation-ha', 'exploit-containment'])
  if (exercises.find((e) => e.id === id)?.kind !== 'widget')
    throw new Error(`the widget exercise ${id} is needed`);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);
const param = (page: Page, id: string) =>
  page.locator(`[data-widget="behaviour-simulator"] [data-param="${id}"] :is(input, select)`);

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

/** Types a number into a focused number field and leaves it (Tab), which commits the change. */
async function typeNumber(page: Page, target: Locator, value: number): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(value));
  await page.keyboard.press('Tab');
}

/** Toggles a checkbox with Space until it is `checked`. */
async function setCheckbox(page: Page, target: Locator, checked: boolean): Promise<void> {
  await tabTo(page, target);
  if ((await target.isChecked()) !== checked) await page.keyboard.press('Space');
}

/** Never the Linux machine: no worker, no v86, no guest files. */
function watchMachine(page: Page): string[] {
  const machine: string[] = [];
  page.on('request', (request) => {
    if (/v86|\/guest\/|worker/i.test(request.url())) machine.push(request.url());
  });
  return machine;
}

test('consolidation-ha: a near miss fails by itself after the change, the solution passes on Check, a reload keeps both', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const machine = watchMachine(page);
    await page.goto(`${origin}/exercises/consolidation-ha/`, { waitUntil: 'networkidle' });
    const exercise = page.locator('[data-exercise="consolidation-ha"]');
    const widget = exercise.locator('[data-widget="behaviour-simulator"]');
    expect(await widget.getAttribute('data-scenario')).toBe('consolidation');
    expect(await page.locator('[data-playground]').count()).toBe(0);
    // The scenario is the exercise's: no select to leave it.
    expect(await widget.locator('[data-control="scenario"]').isVisible()).toBe(false);
    await widget.scrollIntoViewIfNeeded();
    await poll(() => param(page, 'webCount').count()).toBe(1);

    // A near miss, by keyboard: HA headroom on, but only 150 web servers. Checked after the change, no click.
    await page.locator('body').focus();
    await setCheckbox(page, param(page, 'haHeadroom'), true);
    await typeNumber(page, param(page, 'webCount'), 150);
    await poll(() => task(page, 'largest-mix').getAttribute('data-result')).toBe('failed');
    expect(await task(page, 'fits-with-ha').getAttribute('data-result')).toBe('passed');
    expect(await exercise.getAttribute('data-status')).toBe('todo');
    expect(await task(page, 'largest-mix').locator('[data-evidence]').textContent()).not.toBe('');

    // The solution's state, then Check with the keyboard: every task passes.
    await typeNumber(page, param(page, 'webCount'), 166);
    await tabTo(page, exercise.getByRole('button', { name: 'チェック', exact: true }));
    await page.keyboard.press('Enter');
    await poll(() => exercise.getAttribute('data-status')).toBe('passed');
    for (const id of ['fits-with-ha', 'largest-mix'])
      expect(await task(page, id).getAttribute('data-result')).toBe('passed');
    expect(await page.locator('[data-progress]').textContent()).toBe('2 / 2 個のタスクに合格しました。');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}widget-exercise-passed-ja-light.png`, fullPage: true });

    // After a reload the progress and the widget's state are both still there.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await exercise.getAttribute('data-status')).toBe('passed');
    expect(await task(page, 'largest-mix').getAttribute('data-result')).toBe('passed');
    expect(JSON.parse((await widget.getAttribute('data-state')) ?? '{}').params).toMatchObject({
      haHeadroom: true,
      webCount: 166,
    });

    // The index lists it as passed; the trainer can put it into an assignment.
    await page.goto(`${origin}/exercises/`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-exercise-item="consolidation-ha"]').getAttribute('data-status')).toBe(
      'passed',
    );
    await page.goto(`${origin}/trainer/`, { waitUntil: 'networkidle' });
    const pick = page.locator('input[name="exercise"][value="consolidation-ha"]');
    await tabTo(page, pick);
    await page.keyboard.press('Space');
    expect(await pick.isChecked()).toBe(true);

    expect(machine).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('exploit-containment in English: keyboard only, the solution shown in the widget, dark theme', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const machine = watchMachine(page);
    await page.goto(`${origin}/en/exercises/exploit-containment/`, { waitUntil: 'networkidle' });
    const exercise = page.locator('[data-exercise="exploit-containment"]');
    await exercise.locator('[data-widget="behaviour-simulator"]').scrollIntoViewIfNeeded();
    await poll(() => param(page, 'seccomp').count()).toBe(1);

    // A near miss: seccomp alone leaves the runc escape open, and AppArmor is still off as the exercise opens.
    await page.locator('body').focus();
    await setCheckbox(page, param(page, 'seccomp'), true);
    await poll(() => task(page, 'runc-contained').getAttribute('data-result')).toBe('failed');
    expect(await task(page, 'keyring-contained').getAttribute('data-result')).toBe('passed');
    expect(await task(page, 'apparmor-kept').getAttribute('data-result')).toBe('failed');

    // The solution in words after one check, then its state loaded into the widget: everything passes.
    page.once('dialog', (dialog) => void dialog.accept());
    await tabTo(page, exercise.getByRole('button', { name: 'Show the solution' }));
    await page.keyboard.press('Enter');
    const load = exercise.getByRole('button', { name: 'Load the solution into the widget' });
    await poll(() => load.isVisible()).toBe(true);
    await tabTo(page, load);
    await page.keyboard.press('Enter');
    await poll(() => exercise.getAttribute('data-status')).toBe('passed');
    expect(await exercise.getAttribute('data-help')).toBe('1');
    expect(await exercise.locator('.vx-head [data-state]').textContent()).toBe('Passed (with the solution)');
    for (const id of ['keyring-contained', 'runc-contained', 'app-runs', 'apparmor-kept'])
      expect(await task(page, id).getAttribute('data-result')).toBe('passed');
    expect(await param(page, 'apparmorFuse').isChecked()).toBe(true);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}widget-exercise-en-${scheme}.png`, fullPage: true });
    }
    expect(machine).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('a widget exercise page loads only its own scenario before use, within the 60 KB gz page budget', async () => {
  // The widget's view and its one scenario load as it nears the viewport; the exercise's checks (which bring
  // every scenario's model) wait for the first change or Check.
  const { gzBytes, urls } = await pageJs(
    browser.context,
    `${origin}/exercises/consolidation-ha/`,
    `${projectRoot}dist/_astro`,
  );
  console.log(`consolidation-ha page JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  const names = urls.map((url) => new URL(url).pathname.split('/').pop() ?? '');
  expect(
    names.filter((name) =>
      /^(exploit|noisy-neighbour|patching|io|start|host-failure|stateless-rebuild)\./.test(name),
    ),
  ).toEqual([]);
  expect(names.some((name) => name.startsWith('widget-models'))).toBe(false);
  expect(gzBytes).toBeLessThan(60_000);
});
