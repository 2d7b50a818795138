// Chapter 1's widgets (RAID array, VLAN switch, capacity planner) on the pages of their widget exercises, in
// real Chromium: worked with the keyboard only, checked automatically after each change, axe clean, no console
// error (a CSP violation is one), no third-party request, the page's JS before use within the budget, the
// learner's state kept over a reload, the solution loaded into the widget; screenshots in ja/en, light/dark,
// at 1280 and 360 px.
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

async function typeInto(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

async function open(page: Page, path: string, widget: string): Promise<Locator> {
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const root = page.locator(`[data-widget="${widget}"]`);
  await root.scrollIntoViewIfNeeded();
  await poll(() => root.getAttribute('data-ready')).toBe('');
  await page.locator('body').focus();
  return root;
}

const stateOf = async (root: Locator) => JSON.parse((await root.getAttribute('data-state')) ?? '{}');

test('RAID: RAID 6 on six disks and two failed disks pass by keyboard; the state survives a reload', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/exercises/raid-survival/', 'raid-array');
    expect(await page.locator('[data-playground]').count()).toBe(0);
    expect(await root.getAttribute('data-status')).toBe('optimal');
    expect(await root.locator('[data-fact="usable"]').textContent()).toContain('20 TB');

    // RAID 5 (the start) is one option above RAID 6: ArrowDown on the focused select picks it.
    await tabTo(page, root.locator('[data-control="level"]'));
    await page.keyboard.press('ArrowDown');
    await poll(() => root.locator('[data-fact="usable"]').textContent()).toContain('16 TB');
    await poll(() => task(page, 'most-space').getAttribute('data-result')).toBe('passed');
    expect(await task(page, 'two-failed').getAttribute('data-result')).toBe('failed');

    // Fail disks 1 and 4 with Enter and Space.
    await tabTo(page, root.locator('button[data-disk="0"]'));
    await page.keyboard.press('Enter');
    await tabTo(page, root.locator('button[data-disk="3"]'));
    await page.keyboard.press('Space');
    expect(await root.locator('button[data-disk="3"]').getAttribute('aria-pressed')).toBe('true');
    expect(await root.getAttribute('data-status')).toBe('degraded');
    await poll(() => page.locator('[data-exercise="raid-survival"]').getAttribute('data-status')).toBe(
      'passed',
    );

    // A third failure stops the array and shows lost blocks.
    await tabTo(page, root.locator('button[data-disk="5"]'));
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('data-status')).toBe('failed');
    expect(await root.locator('[data-fact="lost"]').textContent()).toMatch(/D\d/);
    // The task keeps its earned pass, and says its check fails now.
    await poll(() => task(page, 'two-failed').getAttribute('data-now')).toBe('failed');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload({ waitUntil: 'networkidle' });
    expect(await stateOf(root)).toEqual({ level: 6, disks: 6, diskTB: 4, failed: [0, 3, 5] });
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('RAID 10 survives a pair in different mirrors and fails on a mirror pair; the solution loads into the widget', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/en/exercises/raid-survival/', 'raid-array');
    await root.evaluate((el) =>
      (el as HTMLElement & { setState(s: unknown): void }).setState({
        level: 10,
        disks: 6,
        diskTB: 4,
        failed: [0, 2],
      }),
    );
    expect(await root.getAttribute('data-status')).toBe('degraded');
    await root.evaluate((el) =>
      (el as HTMLElement & { setState(s: unknown): void }).setState({
        level: 10,
        disks: 6,
        diskTB: 4,
        failed: [0, 1],
      }),
    );
    expect(await root.getAttribute('data-status')).toBe('failed');

    // Check once, then show the solution and load its state.
    const exercise = page.locator('[data-exercise="raid-survival"]');
    await tabTo(page, exercise.getByRole('button', { name: 'Check', exact: true }));
    await page.keyboard.press('Enter');
    await poll(() => task(page, 'any-two').getAttribute('data-result')).toBe('failed');
    page.once('dialog', (dialog) => void dialog.accept());
    await tabTo(page, exercise.getByRole('button', { name: 'Show the solution' }));
    await page.keyboard.press('Enter');
    const load = exercise.locator('[data-action="solution-state"]');
    await tabTo(page, load);
    await page.keyboard.press('Enter');
    expect(await stateOf(root)).toEqual({ level: 6, disks: 6, diskTB: 4, failed: [0, 3] });
    expect(await root.getAttribute('data-status')).toBe('degraded');
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('VLAN: accounting in VLAN 20 over a trunk, by keyboard; ping shows the tagged path and the drop', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/en/exercises/vlan-segments/', 'vlan-switch');
    const cell = (from: string, to: string) => root.locator(`td[data-from="${from}"][data-to="${to}"]`);
    expect(await cell('acct-1', 'acct-3').getAttribute('data-reach')).toBe('false');

    for (const id of ['acct-1', 'acct-2', 'acct-3'])
      await typeInto(page, root.locator(`input[data-host="${id}"]`), '20');
    expect(await cell('acct-1', 'web-1').getAttribute('data-reach')).toBe('false');
    await poll(() => task(page, 'accounting-separated').getAttribute('data-result')).toBe('passed');

    // A VLAN ID of 4095 is refused and the field keeps its value.
    await typeInto(page, root.locator('input[data-host="web-1"]'), '4095');
    expect(await root.locator('.vs-problem').textContent()).toContain('4095');
    expect((await stateOf(root)).vlans['web-1']).toBe(1);

    // The trunk: Tab reaches the checked radio ("Unplugged"); the arrow keys move up to "Trunk".
    await tabTo(page, root.locator('[data-uplink-mode="none"]'));
    await page.keyboard.press('ArrowUp');
    expect((await stateOf(root)).uplink).toEqual({ mode: 'access', vlan: 1 });
    await page.keyboard.press('ArrowUp');
    expect((await stateOf(root)).uplink).toEqual({ mode: 'trunk', allowed: [1, 20] });
    await tabTo(page, root.locator('[data-allowed="20"]'));
    await page.keyboard.press('Space');
    expect((await stateOf(root)).uplink).toEqual({ mode: 'trunk', allowed: [1] });
    await page.keyboard.press('Space');
    await poll(() => page.locator('[data-exercise="vlan-segments"]').getAttribute('data-status')).toBe(
      'passed',
    );

    // Ping acct-3 from acct-1: tagged VID 20 on the trunk.
    await tabTo(page, root.locator('[data-ping="from"]'));
    await page.keyboard.type('acct-1');
    await tabTo(page, root.locator('[data-ping="to"]'));
    await page.keyboard.type('acct-3');
    await tabTo(page, root.locator('[data-action="ping"]'));
    await page.keyboard.press('Enter');
    const result = root.locator('.vs-result');
    expect(await result.getAttribute('data-delivered')).toBe('true');
    expect(await result.textContent()).toContain('VID 20');
    // To a web server: dropped, with the reason.
    await tabTo(page, root.locator('[data-ping="to"]'), true);
    await page.keyboard.type('web-1');
    await tabTo(page, root.locator('[data-action="ping"]'));
    await page.keyboard.press('Enter');
    expect(await result.getAttribute('data-delivered')).toBe('false');
    expect(await result.textContent()).toContain('router');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('capacity: the cheapest number of owned servers passes by keyboard; charts draw under the CSP', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/exercises/own-and-rent/', 'capacity-planner');
    const cost = (plan: string) => root.locator(`[data-row="cost"] [data-plan="${plan}"]`).textContent();
    expect(await cost('peak')).toBe('$644,736');
    expect(await cost('elastic')).toBe('$166,569');

    await typeInto(page, root.locator('[data-param="ownedServers"]'), '8');
    await poll(() => task(page, 'hybrid-cheapest').getAttribute('data-result')).toBe('failed');
    expect(await task(page, 'hybrid-cheaper').getAttribute('data-result')).toBe('passed');
    await typeInto(page, root.locator('[data-param="ownedServers"]'), '16');
    await poll(() => page.locator('[data-exercise="own-and-rent"]').getAttribute('data-status')).toBe(
      'passed',
    );
    expect(await cost('elastic')).toBe('$126,629');

    // Every chart draws once on screen; its table is one button away.
    for (const chart of await root.locator('.vc-chart').all()) {
      await chart.scrollIntoViewIfNeeded();
      await poll(() => chart.getAttribute('data-drawn')).toBe('');
    }
    const toggle = root.locator('.vc-toggle').first();
    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    expect(await root.locator('.vc-table').first().locator('tbody tr').count()).toBe(12);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('each exercise page loads only a small script before use, within the 60 KB gz budget', async () => {
  for (const id of ['raid-survival', 'vlan-segments', 'own-and-rent']) {
    const { gzBytes, urls } = await pageJs(
      browser.context,
      `${origin}/exercises/${id}/`,
      `${projectRoot}dist/_astro`,
    );
    const names = urls.map((url) => new URL(url).pathname.split('/').pop() ?? '');
    console.log(`${id} page JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
    // No behaviour simulator scenario, no checks registry, no charting library before a chart is on screen.
    expect(names.filter((name) => /^(widget-models|checks|draw)\./.test(name))).toEqual([]);
    expect(gzBytes).toBeLessThan(60_000);
  }
});

test('nothing is wider than a 360 px screen, ja/en (VLAB_SCREENSHOTS=1: also light/dark, 1280 px, screenshots)', async () => {
  const pages = [
    ['raid-survival', 'raid-array'],
    ['vlan-segments', 'vlan-switch'],
    ['own-and-rent', 'capacity-planner'],
  ] as const;
  const page = await browser.context.newPage();
  try {
    for (const [id, widget] of pages)
      for (const lang of ['ja', 'en'] as const)
        for (const scheme of takeScreenshots ? (['light', 'dark'] as const) : (['light'] as const))
          for (const width of takeScreenshots ? [1280, 360] : [360]) {
            await page.setViewportSize({ width, height: 900 });
            await page.emulateMedia({ colorScheme: scheme });
            const root = await open(page, `${lang === 'en' ? '/en' : ''}/exercises/${id}/`, widget);
            for (const chart of await root.locator('.vc-chart').all()) {
              await chart.scrollIntoViewIfNeeded();
              await poll(() => chart.getAttribute('data-drawn')).toBe('');
            }
            // Nothing may be wider than the page (a drawing scrolls inside its own box).
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
              width,
            );
            await shoot(page, {
              path: `${screenshots}${widget}-${lang}-${scheme}-${width}.png`,
              fullPage: true,
            });
          }
  } finally {
    await page.close();
  }
}, 300_000);
