// The ring and trap simulator on the page of its widget exercise (ring-traps), in real Chromium: the sequence
// typed and the scenario chosen with the keyboard only, checked automatically after each change, stepped one
// instruction at a time, a preset loaded, an unreadable line named, axe clean, no console error (a CSP
// violation is one), no third-party request, the page's JS before use within the budget, the learner's state
// kept over a reload; screenshots in ja/en, light/dark, at 1280 and 360 px.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const solution = 'kernel: pushf\nkernel: cli\nkernel: mov cr3, eax\nkernel: popf\nkernel: hlt';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);

async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

async function open(page: Page, path: string): Promise<Locator> {
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const root = page.locator('[data-widget="ring-simulator"]');
  await root.scrollIntoViewIfNeeded();
  await poll(() => root.getAttribute('data-ready')).toBe('');
  await page.locator('body').focus();
  return root;
}

const stateOf = async (root: Locator) => JSON.parse((await root.getAttribute('data-state')) ?? '{}');
const count = (root: Locator, name: string) => root.locator(`[data-count="${name}"]`).textContent();

test('the exercise by keyboard: type the sequence, switch to VT-x, step through it; the state survives a reload', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/exercises/ring-traps/');
    expect(await page.locator('[data-playground]').count()).toBe(0);
    expect(await root.getAttribute('data-scenario')).toBe('software');
    // The start: a system call round trip, every step shown; it goes through the VMM.
    expect(await root.getAttribute('data-cursor')).toBe('4');
    expect(await count(root, 'vmmTraps')).toBe('1');

    const program = root.locator('[data-control="program"]');
    await tabTo(page, program);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(solution);
    await poll(async () => (await stateOf(root)).program).toBe(solution);
    await poll(() => task(page, 'silent-if').getAttribute('data-result')).toBe('passed');
    await poll(() => task(page, 'one-exit').getAttribute('data-result')).toBe('passed');
    // Shown with binary translation (the start's setting): no silent error, five translated instructions.
    expect(await count(root, 'silent')).toBe('0');
    expect(await root.locator('tr[data-step][data-outcome="translated"]').count()).toBe(5);

    // Binary translation off: the popf goes silently wrong.
    await tabTo(page, root.locator('[data-control="bt"]'), true);
    await page.keyboard.press('Space');
    expect((await stateOf(root)).bt).toBe(false);
    expect(await root.locator('tr[data-step="3"]').getAttribute('data-outcome')).toBe('silent');
    expect(await root.locator('tr[data-step="0"]').getAttribute('data-ring')).toBe('1');

    // The scenario radios: Tab reaches the checked one, ArrowDown moves to VT-x.
    await tabTo(page, root.locator('[data-scenario-option="software"]'), true);
    await page.keyboard.press('ArrowDown');
    expect(await root.getAttribute('data-scenario')).toBe('vtx');
    expect(await count(root, 'exits')).toBe('1');
    expect(await root.locator('tr[data-step="4"]').getAttribute('data-outcome')).toBe('exit');
    expect(await root.locator('tr[data-step="0"]').getAttribute('data-ring')).toBe('0');
    expect(await root.locator('tr[data-step="0"]').getAttribute('data-mode')).toBe('non-root');

    // Back to the start, then one step: one row, marked as the current step, and the ring map points at it.
    await tabTo(page, root.locator('[data-action="reset"]'));
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('data-cursor')).toBe('0');
    await tabTo(page, root.locator('[data-action="step"]'), true);
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('data-cursor')).toBe('1');
    expect(await root.locator('tr[aria-current="step"]').getAttribute('data-step')).toBe('0');
    expect(await root.locator('td[data-here="true"]').getAttribute('data-mode')).toBe('non-root');
    expect(await count(root, 'steps')).toBe('1');
    await tabTo(page, root.locator('[data-action="run-all"]'));
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('data-cursor')).toBe('5');
    await root.screenshot({ path: `${screenshots}ring-simulator-vtx-ja.png` });

    // A cost's badge opens to its reason.
    const badge = root.locator('tr[data-step="0"] [data-provenance]').first();
    await tabTo(page, badge.locator('summary'));
    await page.keyboard.press('Enter');
    expect(await badge.getAttribute('open')).toBe('');
    await poll(() => page.locator('[data-exercise="ring-traps"]').getAttribute('data-status')).toBe('passed');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload({ waitUntil: 'networkidle' });
    await poll(() => root.getAttribute('data-ready')).toBe('');
    const kept = await stateOf(root);
    expect([kept.scenario, kept.bt, kept.program]).toEqual(['vtx', false, solution]);
    expect(await root.locator('[data-control="program"]').inputValue()).toBe(solution);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('a preset loads, an unreadable line is named, and Play runs to the end (English page)', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/en/exercises/ring-traps/');
    await tabTo(page, root.locator('[data-control="preset"]'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await root.locator('[data-control="preset"]').inputValue()).toBe('popf');
    await tabTo(page, root.locator('[data-action="load-preset"]'));
    await page.keyboard.press('Enter');
    expect((await stateOf(root)).program).toContain('kernel: popf');
    // Binary translation is on in the exercise's start: translated, no silent error.
    expect(await count(root, 'silent')).toBe('0');
    expect(await count(root, 'translated')).toBe('4 instructions, 1 block(s)');

    await root.evaluate((el) =>
      (el as HTMLElement & { setState(s: unknown): void }).setState({
        scenario: 'software',
        bt: false,
        umip: false,
        vmcs: { ept: true, hltExiting: true, descriptorTableExiting: false, rdtscExiting: false },
        program: 'kernel: cli\nkernel: frobnicate\nkernel: popf',
      }),
    );
    expect(await root.getAttribute('data-errors')).toBe('1');
    expect(await root.locator('[data-error-line="2"]').textContent()).toContain('frobnicate');
    expect(await count(root, 'silent')).toBe('1');

    await tabTo(page, root.locator('[data-action="play"]'));
    await page.keyboard.press('Enter');
    await poll(() => root.getAttribute('data-playing')).toBe('false');
    expect(await root.getAttribute('data-cursor')).toBe('2');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('the exercise page loads only a small script before use, within the 60 KB gz budget', async () => {
  const { gzBytes, urls } = await pageJs(
    browser.context,
    `${origin}/exercises/ring-traps/`,
    `${projectRoot}dist/_astro`,
  );
  const names = urls.map((url) => new URL(url).pathname.split('/').pop() ?? '');
  console.log(`ring-traps page JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(names.filter((name) => /^(widget-models|checks|draw)\./.test(name))).toEqual([]);
  expect(gzBytes).toBeLessThan(60_000);
});

test('nothing is wider than a 360 px screen, ja/en (VLAB_SCREENSHOTS=1: also light/dark, 1280 px, screenshots)', async () => {
  const page = await browser.context.newPage();
  try {
    for (const lang of ['ja', 'en'] as const)
      for (const scheme of takeScreenshots ? (['light', 'dark'] as const) : (['light'] as const))
        for (const width of takeScreenshots ? [1280, 360] : [360]) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          const root = await open(page, `${lang === 'en' ? '/en' : ''}/exercises/ring-traps/`);
          // Nothing may be wider than the page (the steps table scrolls inside its own box).
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          if (width === 360) {
            // A phone's view of the controls and of the steps table, readable at full size.
            await root.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
            await shoot(page, { path: `${screenshots}ring-simulator-${lang}-${scheme}-360-top.png` });
            await root.locator('.rs-steps-box').scrollIntoViewIfNeeded();
            await shoot(page, { path: `${screenshots}ring-simulator-${lang}-${scheme}-360-steps.png` });
          }
          await shoot(page, {
            path: `${screenshots}ring-simulator-${lang}-${scheme}-${width}.png`,
            fullPage: true,
          });
        }
  } finally {
    await page.close();
  }
}, 300_000);
