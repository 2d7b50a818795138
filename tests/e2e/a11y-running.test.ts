import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { labStrings } from '../../src/lab/strings.ts';
import { playgroundStrings } from '../../src/playground/strings.ts';
import { trainerStrings } from '../../src/trainer/strings.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { focusStop, tabTo } from './support/keyboard.ts';
import { motionOn } from './support/motion.ts';
import { typeLine, waitForTerminal } from './support/playground.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';

// Issue 18, item 6: accessibility where the page-by-page pass (pages.test.ts, nothing started) cannot reach.
// - A keyboard-only walkthrough: a chapter's playground, the terminal and its way out, Run (docking the terminal),
//   an exercise checked, a hint, a near miss typed, the evidence and the solution, a trainer link, the behaviour
//   simulator; a visible, unobscured focus at every stop and no trap.
// - axe (WCAG 2.2 A/AA) on the running states, in both languages and both colour schemes: Japanese along the
//   walkthrough and on the widgets, English on an exercise, on /try/ docked and on the widgets.
// - prefers-reduced-motion: the playground (notice, dock), and every widget after one interaction, do not move.
// CI time is short, so states share pages: the tests share one browser, only the first starts the guest from the
// network, and the others restore the machine it saved (and expect to: they check the "restored" notice).
const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const ready = '[data-playground="linux"][data-status="ready"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());
// A page left open by a failed test would keep the machine (one tab at a time): the next test's would wait.
afterEach(async () => {
  await Promise.all(browser.context.pages().map((page) => page.close()));
});

/** Starlight's skip link is the first stop of every page; following it starts Tab at the page's title. */
async function skipToContent(page: Page): Promise<void> {
  await tabTo(page, 'a.sl-skip-link', { limit: 1 });
  await page.keyboard.press('Enter');
}

/**
 * axe (WCAG 2.2 A/AA) in the light scheme, then in the dark one (Starlight follows the system's scheme while none is
 * picked); `include`: only the parts that changed, on pages that pages.test.ts checks whole in both schemes.
 */
async function axeInBothSchemes(page: Page, shot: string, include?: string[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 10_000 })
      .toBe(scheme);
    const violations = await axeViolations(page, { wcag22: true, include });
    // A notice that began to fade while axe measured it is half transparent: not what a reader sees for long.
    const fading = await page.locator('linux-playground .lp-note[data-fading]').count();
    expect([shot, scheme, fading, violations]).toEqual([shot, scheme, 0, []]);
    await shoot(page, { path: `${screenshots}a11y-${shot}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Screenshots of what focus looks like here, light and dark (only with VLAB_SCREENSHOTS=1). */
async function shootFocus(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 10_000 })
      .toBe(scheme);
    await shoot(page, { path: `${screenshots}a11y-focus-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('keyboard only, with axe on what it reaches: playground, terminal, Run docked, an exercise, the trainer, the simulator', async () => {
  const ja = playgroundStrings.ja;
  const s = labStrings.ja;
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  page.on('dialog', (dialog) => void dialog.accept());

  // A chapter: the skip link, then Tab to Start.
  await page.goto(`${origin}/chapters/kernel-features/`, { waitUntil: 'networkidle' });
  await skipToContent(page);
  const toStart = await tabTo(page, 'linux-playground [data-action="start"]');
  await shootFocus(page, 'start');
  await page.keyboard.press('Enter');
  await page.waitForSelector(ready, { timeout: 30_000 });
  await waitForTerminal(page, /#[\s\u00a0]*$/);
  // Start gave the terminal focus, and its box shows it; the toolbar says how to leave it, and so does the
  // terminal's description.
  expect(await focusStop(page)).toMatchObject({ inTerminal: true, problem: '' });
  const playground = page.locator('linux-playground').first();
  expect(await playground.locator('.lp-exit-hint').textContent()).toBe(ja.terminalExit);
  expect(await playground.locator('.lp-exit-hint').isVisible()).toBe(true);
  const describedBy = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'));
  expect(await page.locator(`#${describedBy}`).textContent()).toBe(ja.terminalExit);
  await shootFocus(page, 'terminal');

  // A command, typed.
  await page.keyboard.type('echo kb-$((6*7))');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^kb-42$/m);
  // Tab belongs to the shell (completion): focus stays.
  await page.keyboard.type('ech');
  await page.keyboard.press('Tab');
  expect(await focusStop(page)).toMatchObject({ inTerminal: true });
  await page.keyboard.type(' tab-completed');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^tab-completed$/m);
  // Esc, then Tab: out, forwards; Shift+Tab comes back in.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focusStop(page)).toMatchObject({ inTerminal: false, problem: '' });
  await page.keyboard.press('Shift+Tab');
  expect(await focusStop(page)).toMatchObject({ inTerminal: true });
  // The held Escape never reached the shell: the next line runs as typed (ESC would eat its first letter).
  await page.keyboard.type('echo back-$((1+1))');
  await page.keyboard.press('Enter');
  await waitForTerminal(page, /^back-2$/m);
  // Esc, then Shift+Tab: out, backwards, to the toolbar.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await focusStop(page, 'linux-playground .lp-bar *')).toMatchObject({ matches: true, problem: '' });

  // The third Run below the playground (through the terminal once more: Esc, Tab), far enough down that the
  // terminal docks; focus stays on Run, in sight above the dock.
  await page.keyboard.press('Tab');
  expect(await focusStop(page)).toMatchObject({ inTerminal: true });
  await page.keyboard.press('Escape');
  let toRun = 0;
  for (let n = 0; n < 3; n++) toRun += (await tabTo(page, '.expressive-code .lp-run')).length;
  await page.keyboard.press('Enter');
  const run = page.locator('.expressive-code .lp-run').nth(2);
  await expect.poll(() => run.getAttribute('data-run'), { timeout: 15_000 }).toBe('done');
  await waitForTerminal(page, /PID/);
  expect(await focusStop(page, '.expressive-code .lp-run')).toMatchObject({ matches: true, problem: '' });
  expect(await run.getAttribute('aria-label')).toBe(ja.ranLabel);
  expect(await playground.getAttribute('data-docked')).toBe('');
  await shootFocus(page, 'run');
  await axeInBothSchemes(page, 'ja-docked', ['linux-playground', '.expressive-code figure[data-ran]']);

  // An exercise: Check, and the result is announced; the machine was restored, and the playground says so.
  await page.goto(`${origin}/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
  await skipToContent(page);
  const toCheck = await tabTo(page, '[data-action="check"]');
  await page.keyboard.press('Enter');
  const note = page.locator('linux-playground .lp-note');
  await expect.poll(() => note.textContent(), { timeout: 30_000 }).toBe(ja.restoredSaved);
  // Until the next command (or for 20 s): only the playground changed, so axe looks at it alone, at once.
  await axeInBothSchemes(page, 'ja-restored', ['linux-playground']);
  const announced = page.locator('[data-progress]');
  expect(await announced.getAttribute('aria-live')).toBe('polite');
  await expect
    .poll(() => announced.textContent(), { timeout: 30_000 })
    .toBe(s.summary.replace('{passed}', '0').replace('{total}', '2'));
  const [first, second] = [page.locator('[data-task]').first(), page.locator('[data-task]').nth(1)];
  expect(await first.getAttribute('data-result')).toBe('failed');
  // Check and its announcement stayed in sight while the playground above opened and the results appeared.
  expect(await focusStop(page, '[data-action="check"]')).toMatchObject({ matches: true, problem: '' });
  await tabTo(page, '[data-action="hint"]', { backwards: true });
  await page.keyboard.press('Enter');
  expect(await second.locator('[data-hint="1"]').isVisible()).toBe(true);
  expect((await focusStop(page)).problem).toBe('');
  await shootFocus(page, 'hint');
  // Back to the terminal for a near miss (the sleep is in a new PID namespace, but PID 2 there): one task passes.
  await tabTo(page, '.xterm-helper-textarea', { backwards: true });
  await page.keyboard.type("unshare -p -f sh -c 'sleep 100000; true' &");
  await page.keyboard.press('Enter');
  // Checked when the command settles, then again 2, 5 and 10 s later while a task fails (the job starts late on a
  // loaded machine).
  await expect.poll(() => first.getAttribute('data-result'), { timeout: 60_000 }).toBe('passed');
  expect(await second.getAttribute('data-result')).toBe('failed');
  // Out again, the failed task's evidence, then the solution (after a confirmation).
  await page.keyboard.press('Escape');
  await tabTo(page, '[data-task]:nth-child(2) details.vx-evidence summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '[data-action="solution"]');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-solution]').isVisible()).toBe(true);
  expect(await focusStop(page, '[data-solution]')).toMatchObject({ matches: true, problem: '' });
  await axeInBothSchemes(page, 'ja-exercise');

  // The trainer: one exercise, a title, the link, copied.
  const t = trainerStrings.ja;
  await page.goto(`${origin}/trainer/`, { waitUntil: 'networkidle' });
  await skipToContent(page);
  await tabTo(page, 'input[name="exercise"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="title"]');
  await page.keyboard.type('Keyboard only');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  const link = page.locator('[data-link]');
  await expect.poll(() => link.inputValue()).toMatch(/\/assignment\/#assignment=1\./);
  expect(await page.locator('form[data-trainer-builder] [data-message]').textContent()).toBe(
    t.linkMade.replace('{n}', '1'),
  );
  await tabTo(page, '[data-link]');
  await tabTo(page, '[data-action="copy"]');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('[data-copy-status]').textContent())
    .toMatch(new RegExp(`^(${t.copied}|${t.copyFailed})$`));
  await shootFocus(page, 'trainer');

  // The behaviour simulator (English): another scenario, a changed condition, a step.
  const SIM = '[data-widget="behaviour-simulator"]';
  await page.goto(`${origin}/en/compare/`, { waitUntil: 'networkidle' });
  await page.waitForSelector(`${SIM}[data-loaded]`);
  const scenario = await page.locator(SIM).getAttribute('data-loaded');
  await skipToContent(page);
  await tabTo(page, 'select.bs-scenario');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator(SIM).getAttribute('data-loaded')).not.toBe(scenario);
  await tabTo(page, `${SIM} .bs-param input`);
  const stateBefore = await page.locator(SIM).getAttribute('data-state');
  const kind = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
  await page.keyboard.press(kind === 'checkbox' ? 'Space' : 'ArrowUp');
  await tabTo(page, `${SIM} [data-action="forward"]`);
  await expect.poll(() => page.locator(SIM).getAttribute('data-state')).not.toBe(stateBefore);
  await page.keyboard.press('Enter');
  expect(await page.locator(`${SIM} [data-step]`).getAttribute('data-step')).toBe('1');
  expect(await page.locator(`${SIM} .bs-live`).textContent()).toMatch(/^Step 2 of \d+, /);
  await shootFocus(page, 'simulator');
  await axeInBothSchemes(page, 'en-simulator-stepped', [SIM]);

  console.log(
    `keyboard walkthrough: ${toStart.length} stops to Start, ${toRun} from the terminal to the third Run, ` +
      `${toCheck.length} to an exercise's Check`,
  );
  expect(problems).toEqual(clean);
}, 180_000);

test('en: a linux exercise: the "restored" notice; after commands, a passed and a failed task, a hint, the evidence, the solution', async () => {
  const p = playgroundStrings.en;
  const s = labStrings.en;
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${origin}/en/exercises/uts-hostname/`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: p.start, exact: true }).click();
  await page.waitForSelector(ready, { timeout: 30_000 });
  await expect.poll(() => page.locator('linux-playground .lp-note').textContent()).toBe(p.restoredSaved);
  await axeInBothSchemes(page, 'en-restored', ['linux-playground']);

  await typeLine(page, 'echo ran-$((2+3))');
  await waitForTerminal(page, /^ran-5$/m);
  await page.getByRole('button', { name: s.check, exact: true }).click();
  const [first, second] = [page.locator('[data-task]').first(), page.locator('[data-task]').nth(1)];
  await expect.poll(() => second.getAttribute('data-result'), { timeout: 30_000 }).toBe('failed');
  // A near miss: a UTS namespace of its own (task 1 passes), still called vlab (task 2 fails).
  await typeLine(page, "unshare -u sh -c 'sleep 100000' &");
  await expect.poll(() => first.getAttribute('data-result'), { timeout: 60_000 }).toBe('passed');
  expect(await second.getAttribute('data-result')).toBe('failed');
  await second.locator('[data-action="hint"]').click();
  await second.locator('details.vx-evidence summary').click();
  await page.getByRole('button', { name: s.solution, exact: true }).click();
  await expect.poll(() => page.locator('[data-solution]').isVisible()).toBe(true);
  await axeInBothSchemes(page, 'en-exercise');
  expect(problems).toEqual(clean);
}, 150_000);

test('ja widgets mid-interaction: the behaviour simulator stepped and played, image layers built and checked', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  const SIM = '[data-widget="behaviour-simulator"]';
  await page.goto(`${origin}/compare/`, { waitUntil: 'networkidle' });
  await page.waitForSelector(`${SIM}[data-loaded]`);
  await page.locator(`${SIM} [data-action="forward"]`).click();
  const play = page.locator(`${SIM} [data-action="play"]`);
  await play.click();
  expect(await page.locator(SIM).getAttribute('data-playing')).toBe('true');
  await expect
    .poll(() => page.locator(`${SIM} [data-step]`).getAttribute('data-step'), { timeout: 5_000 })
    .toBe('2');
  // Paused for axe: a step changing under it would be read half-way.
  await play.click();
  await axeInBothSchemes(page, 'ja-simulator-played', [SIM]);
  await buildImageLayers(page, '');
  await axeInBothSchemes(page, 'ja-image-layers-built', ['vlab-exercise']);
  expect(problems).toEqual(clean);
}, 60_000);

/** On the image-layers exercise page: Build, then Check (the widget's own results and the exercise's). */
async function buildImageLayers(page: Page, prefix: string): Promise<void> {
  const root = page.locator('[data-widget="image-layers"]');
  await page.goto(`${origin}${prefix}/exercises/layer-order/`, { waitUntil: 'networkidle' });
  await root.scrollIntoViewIfNeeded();
  await expect.poll(() => root.getAttribute('data-ready')).toBe('');
  await root.locator('[data-action="build"]').click();
  await expect.poll(() => root.locator('tr[data-step-line]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
  await page.getByRole('button', { name: labStrings[prefix ? 'en' : 'ja'].check, exact: true }).click();
  await expect.poll(() => page.locator('[data-task]').first().getAttribute('data-result')).not.toBe('todo');
}

test('en with prefers-reduced-motion: nothing moves (playground, notice, dock, every widget); axe on /try/ docked and image layers', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.setViewportSize({ width: 1280, height: 640 });
  const still = async (where: string) =>
    expect([where, await motionOn(page)]).toEqual([where, { animations: [], declared: [], smooth: [] }]);

  // The check can fail: without the preference, Starlight's sidebar caret and Expressive Code's copy button move.
  await page.goto(`${origin}/en/try/`, { waitUntil: 'networkidle' });
  const unreduced = (await motionOn(page)).declared.join(' ');
  expect(unreduced).toMatch(/\.caret/);
  expect(unreduced).toMatch(/button \(opacity, background, border-color 0\.2s\)/);
  await page.emulateMedia({ reducedMotion: 'reduce' });

  // The playground: the last block's Run starts (restores) the machine and docks the terminal; the "restored"
  // notice shows, then goes after that command.
  const playground = page.locator('linux-playground').first();
  const run = page.locator('.expressive-code .lp-run').last();
  await run.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await run.hover();
  await run.click();
  await page.waitForSelector(ready, { timeout: 30_000 });
  expect(await playground.getAttribute('data-docked')).toBe('');
  // xterm's cursor does not blink.
  expect(await playground.locator('.xterm-cursor-blink').count()).toBe(0);
  await page.locator('.expressive-code .copy button').first().hover();
  await playground.locator('.xterm').hover();
  await page.mouse.wheel(0, -200);
  await still('/en/try/ docked');
  await expect.poll(() => playground.locator('.lp-note').isVisible(), { timeout: 15_000 }).toBe(false);
  const map = page.locator('[data-widget="namespace-map"]');
  await map.evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await expect.poll(() => map.getAttribute('data-status'), { timeout: 20_000 }).toBe('live');
  await still('/en/try/ notice gone, namespace map live');
  // The rest of the page is as pages.test.ts checks it.
  await axeInBothSchemes(page, 'en-try-docked', [
    'linux-playground',
    '[data-widget="namespace-map"]',
    '.expressive-code figure[data-ran]',
  ]);

  await buildImageLayers(page, '/en');
  await still('/en/exercises/layer-order/');
  await axeInBothSchemes(page, 'en-image-layers-built', ['vlab-exercise']);

  // Every other widget, one interaction each (the simulator plays: its steps change, nothing slides).
  const widgets: [path: string, act: () => Promise<unknown>][] = [
    [
      '/en/compare/',
      async () => {
        await page.waitForSelector('[data-widget="behaviour-simulator"][data-loaded]');
        await page.locator('[data-action="play"]').click();
        await expect
          .poll(() => page.locator('[data-step]').getAttribute('data-step'), { timeout: 5_000 })
          .toBe('1');
      },
    ],
    ['/en/exercises/ring-traps/', () => page.locator('[data-action="play"]').click()],
    ['/en/exercises/holiday-autoscaling/', () => page.locator('[data-param]').first().press('ArrowUp')],
    ['/en/exercises/raid-survival/', () => page.locator('button[data-disk]').first().click()],
    ['/en/exercises/vlan-segments/', () => page.locator('[data-action="ping"]').click()],
    ['/en/exercises/own-and-rent/', () => page.locator('[data-param]').first().press('ArrowUp')],
    [
      '/en/chapters/containers/',
      async () => {
        // Its view loads as it nears the viewport.
        await page.locator('[data-widget="architecture-explorer"]').scrollIntoViewIfNeeded();
        await page.locator('button[data-layer]').first().click();
      },
    ],
  ];
  for (const [path, act] of widgets) {
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await act();
    // A sidebar group opened (Starlight turns its caret).
    await page.locator('#starlight__sidebar details summary').first().click();
    await still(path);
  }
  // Going to the next page while a widget exercise still imports its checks aborts those imports: not a fault.
  problems.failedRequests = problems.failedRequests.filter(
    (request) => !request.endsWith('(net::ERR_ABORTED)'),
  );
  expect(problems).toEqual(clean);
}, 150_000);
