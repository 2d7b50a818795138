import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { labStrings } from '../../src/lab/strings.ts';
import { playgroundStrings } from '../../src/playground/strings.ts';
import { trainerStrings } from '../../src/trainer/strings.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { focusStop, tabTo } from './support/keyboard.ts';
import { motionOn } from './support/motion.ts';
import { terminalText, typeLine, waitForTerminal } from './support/playground.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';

// Issue 18, item 6: accessibility where the page-by-page pass (pages.test.ts, nothing started) cannot reach.
// 1. A keyboard-only walkthrough: playground, terminal and its way out, a Run button, an exercise's check and hint,
//    the trainer's link, the behaviour simulator. 2. axe (WCAG 2.2 A/AA) on running states in both languages and
//    both colour schemes. 3. prefers-reduced-motion: nothing moves. The tests share one browser so that only the
//    first starts the guest from the network; the others restore the machine it saved (each also works alone).
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

/** Starlight's skip link is the first stop of every page; following it starts Tab at the page's title. */
async function skipToContent(page: Page): Promise<void> {
  await tabTo(page, 'a.sl-skip-link', { limit: 1 });
  await page.keyboard.press('Enter');
}

/** axe in the light scheme, then in the dark one (Starlight follows the system's scheme while none is picked). */
async function axeInBothSchemes(page: Page, shot: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    expect([shot, scheme, await axeViolations(page, { wcag22: true })]).toEqual([shot, scheme, []]);
    await shoot(page, { path: `${screenshots}a11y-${shot}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Screenshots of what focus looks like here, light and dark (only with VLAB_SCREENSHOTS=1). */
async function shootFocus(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    await shoot(page, { path: `${screenshots}a11y-focus-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('keyboard only: Start, a command, out of the terminal, Run, an exercise checked and a hint, a trainer link, the simulator', async () => {
  const ja = playgroundStrings.ja;
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);

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
  const out = await focusStop(page);
  expect(out).toMatchObject({ inTerminal: false, problem: '' });
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

  // The first Run below the playground (through the terminal once more: Esc, Tab).
  await page.keyboard.press('Tab');
  expect(await focusStop(page)).toMatchObject({ inTerminal: true });
  await page.keyboard.press('Escape');
  const toRun = await tabTo(page, '.expressive-code .lp-run');
  await page.keyboard.press('Enter');
  const run = page.locator('.expressive-code .lp-run').first();
  await expect.poll(() => run.getAttribute('data-run'), { timeout: 15_000 }).toBe('done');
  await waitForTerminal(page, /README/);
  // A keyboard's Run leaves focus on the button, so the learner keeps their place.
  expect(await focusStop(page, '.expressive-code .lp-run')).toMatchObject({ matches: true, problem: '' });
  expect(await run.getAttribute('aria-label')).toBe(ja.ranLabel);
  await shootFocus(page, 'run');

  // An exercise: Check, and the result is announced; then a hint.
  const s = labStrings.ja;
  await page.goto(`${origin}/exercises/pid-namespace/`, { waitUntil: 'networkidle' });
  await skipToContent(page);
  const toCheck = await tabTo(page, '[data-action="check"]');
  await page.keyboard.press('Enter');
  const announced = page.locator('[data-progress]');
  expect(await announced.getAttribute('aria-live')).toBe('polite');
  await expect
    .poll(() => announced.textContent(), { timeout: 30_000 })
    .toBe(s.summary.replace('{passed}', '0').replace('{total}', '2'));
  expect(await page.locator('[data-task="sleep-in-new-namespace"]').getAttribute('data-result')).toBe(
    'failed',
  );
  expect(await focusStop(page, '[data-action="check"]')).toMatchObject({ matches: true, problem: '' });
  await tabTo(page, '[data-action="hint"]', { backwards: true });
  await page.keyboard.press('Enter');
  const hint = page.locator('[data-task="sleep-is-pid-1"] [data-hint="1"]');
  expect(await hint.isVisible()).toBe(true);
  expect((await focusStop(page)).problem).toBe('');
  await shootFocus(page, 'hint');

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
  expect(await page.locator('[data-message]').textContent()).toBe(t.linkMade.replace('{n}', '1'));
  await tabTo(page, '[data-link]');
  await tabTo(page, '[data-action="copy"]');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('[data-copy-status]').textContent())
    .toMatch(new RegExp(`^(${t.copied}|${t.copyFailed})$`));
  await shootFocus(page, 'trainer');

  // The behaviour simulator (English): another scenario, a step, a changed condition.
  const SIM = '[data-widget="behaviour-simulator"]';
  await page.goto(`${origin}/en/compare/`, { waitUntil: 'networkidle' });
  await page.waitForSelector(`${SIM}[data-loaded]`);
  const first = await page.locator(SIM).getAttribute('data-loaded');
  await skipToContent(page);
  await tabTo(page, 'select.bs-scenario');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator(SIM).getAttribute('data-loaded')).not.toBe(first);
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

  console.log(
    `keyboard walkthrough: ${toStart.length} stops to Start, ${toRun.length} from the terminal to Run, ` +
      `${toCheck.length} to an exercise's Check`,
  );
  expect(problems).toEqual(clean);
  await page.close();
}, 150_000);

describe.each([
  {
    lang: 'ja',
    prefix: '',
    exercise: 'pid-namespace',
    start: '起動',
    solve: 'unshare -p -f --mount-proc sleep 100000 &',
  },
  {
    lang: 'en',
    prefix: '/en',
    exercise: 'uts-hostname',
    start: 'Start',
    solve: "unshare -u sh -c 'hostname web1; exec sleep 100000' &",
  },
])('$lang: axe on running states, light and dark', ({ lang, prefix, exercise, start, solve }) => {
  const p = playgroundStrings[lang as 'ja' | 'en'];
  const s = labStrings[lang as 'ja' | 'en'];

  test('a linux exercise: started playground after a command, a failed check with a hint, then passed with the solution', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${origin}${prefix}/exercises/${exercise}/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: start, exact: true }).click();
    await page.waitForSelector(ready, { timeout: 30_000 });
    await typeLine(page, 'echo ran-$((2+3))');
    await waitForTerminal(page, /^ran-5$/m);
    await page.getByRole('button', { name: s.check, exact: true }).click();
    const firstTask = page.locator('[data-task]').first();
    await expect.poll(() => firstTask.getAttribute('data-result'), { timeout: 30_000 }).toBe('failed');
    await firstTask.locator('[data-action="hint"]').click();
    await firstTask.locator('details.vx-evidence summary').click();
    await axeInBothSchemes(page, `${lang}-exercise-failed`);

    await typeLine(page, solve);
    await expect
      .poll(() => page.locator(`[data-exercise="${exercise}"]`).getAttribute('data-status'), {
        timeout: 30_000,
      })
      .toBe('passed');
    await page.getByRole('button', { name: s.solution, exact: true }).click();
    await expect.poll(() => page.locator('[data-solution]').isVisible()).toBe(true);
    await axeInBothSchemes(page, `${lang}-exercise-passed`);
    expect(await terminalText(page)).toContain('ran-5');
    expect(problems).toEqual(clean);
    await page.close();
  }, 90_000);

  test('/try/: the "restored" notice, then the docked terminal after a far Run with the namespace map live', async () => {
    const page = await browser.context.newPage();
    // Short, so that the last block's Run docks the terminal.
    await page.setViewportSize({ width: 1280, height: 640 });
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}${prefix}/try/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: start, exact: true }).click();
    await page.waitForSelector(ready, { timeout: 30_000 });
    // The machine the earlier tests saved was restored, and the playground says so until the next command (or
    // for 8 s: axe runs at once).
    const playground = page.locator('linux-playground').first();
    await expect.poll(() => playground.locator('.lp-note').textContent()).toBe(p.restoredSaved);
    await axeInBothSchemes(page, `${lang}-try-restored`);

    const run = page.locator('.expressive-code .lp-run').last();
    await run.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await run.click();
    await expect.poll(() => run.getAttribute('data-run'), { timeout: 15_000 }).toBe('done');
    expect(await playground.getAttribute('data-docked')).toBe('');
    const map = page.locator('[data-widget="namespace-map"]');
    await map.evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await expect.poll(() => map.getAttribute('data-status'), { timeout: 20_000 }).toBe('live');
    await axeInBothSchemes(page, `${lang}-try-docked`);
    expect(problems).toEqual(clean);
    await page.close();
  }, 90_000);

  test('widgets mid-interaction: the behaviour simulator stepped and playing, image layers built', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    const SIM = '[data-widget="behaviour-simulator"]';
    await page.goto(`${origin}${prefix}/compare/`, { waitUntil: 'networkidle' });
    await page.waitForSelector(`${SIM}[data-loaded]`);
    await page.locator(`${SIM} [data-action="forward"]`).click();
    const play = page.locator(`${SIM} [data-action="play"]`);
    await play.click();
    expect(await page.locator(SIM).getAttribute('data-playing')).toBe('true');
    await expect.poll(() => page.locator(`${SIM} [data-step]`).getAttribute('data-step')).toBe('2');
    // Paused for axe: a step changing under it would be read half-way.
    await play.click();
    await axeInBothSchemes(page, `${lang}-simulator-played`);

    const root = page.locator('[data-widget="image-layers"]');
    await page.goto(`${origin}${prefix}/exercises/layer-order/`, { waitUntil: 'networkidle' });
    await root.scrollIntoViewIfNeeded();
    await expect.poll(() => root.getAttribute('data-ready')).toBe('');
    await root.locator('[data-action="build"]').click();
    await expect
      .poll(() => root.locator('tr[data-step-line]').count(), { timeout: 15_000 })
      .toBeGreaterThan(1);
    await page.getByRole('button', { name: s.check, exact: true }).click();
    await expect.poll(() => page.locator('[data-task]').first().getAttribute('data-result')).not.toBe('todo');
    await axeInBothSchemes(page, `${lang}-image-layers-built`);
    expect(problems).toEqual(clean);
    await page.close();
  }, 60_000);
});

test('prefers-reduced-motion: nothing moves in the playground, its notices and dock, or any widget', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 640 });
  const still = async (where: string) =>
    expect([where, await motionOn(page)]).toEqual([where, { animations: [], declared: [], smooth: [] }]);

  // The playground: started (a restored machine's notice), a command, a far Run that docks it, the notice gone.
  await page.goto(`${origin}/en/try/`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForSelector(ready, { timeout: 30_000 });
  const playground = page.locator('linux-playground').first();
  expect(await playground.locator('.lp-note').isVisible()).toBe(true);
  // xterm's cursor does not blink.
  expect(await playground.locator('.xterm-cursor-blink').count()).toBe(0);
  await still('/en/try/ started');
  const run = page.locator('.expressive-code .lp-run').last();
  await run.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await run.hover();
  await run.click();
  await expect.poll(() => playground.getAttribute('data-docked')).toBe('');
  await page.locator('.expressive-code .copy button').first().hover();
  await playground.locator('.xterm').hover();
  await page.mouse.wheel(0, -200);
  await still('/en/try/ docked');
  await expect.poll(() => playground.locator('.lp-note').isVisible(), { timeout: 10_000 }).toBe(false);
  await still('/en/try/ notice gone');

  // Every widget, one interaction each (the simulator plays: its steps change, nothing slides).
  const widgets: [path: string, act: (page: Page) => Promise<void>][] = [
    [
      '/en/compare/',
      async () => {
        await page.locator('[data-action="play"]').click();
        await expect
          .poll(() => page.locator('[data-step]').getAttribute('data-step'), { timeout: 5_000 })
          .toBe('1');
      },
    ],
    [
      '/en/exercises/layer-order/',
      async () => {
        await page.locator('[data-widget="image-layers"] [data-action="build"]').click();
        await page.waitForSelector('tr[data-step-line]', { timeout: 15_000 });
      },
    ],
    ['/en/exercises/ring-traps/', async () => page.locator('[data-action="play"]').click()],
    ['/en/exercises/holiday-autoscaling/', async () => page.locator('[data-param]').first().press('ArrowUp')],
    ['/en/exercises/raid-survival/', async () => page.locator('button[data-disk]').first().click()],
    ['/en/exercises/vlan-segments/', async () => page.locator('[data-action="ping"]').click()],
    ['/en/exercises/own-and-rent/', async () => page.locator('[data-param]').first().press('ArrowUp')],
    ['/en/chapters/containers/', async () => page.locator('button[data-layer]').first().click()],
  ];
  for (const [path, act] of widgets) {
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    await page.locator('[data-widget]').first().scrollIntoViewIfNeeded();
    await act(page);
    // A sidebar group opened and closed (Starlight turns its caret).
    await page.locator('#starlight__sidebar details summary').first().click();
    await still(path);
  }
  expect(problems).toEqual(clean);
  await page.close();
}, 120_000);
