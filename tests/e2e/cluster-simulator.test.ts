// The cluster simulator on the page of its widget exercise (holiday-autoscaling), in real Chromium: the target
// utilization changed with the keyboard changes the plotted numbers and the spoken summary, the exercise's tasks
// pass when nothing is dropped within the budget, the Cluster Autoscaler switched off makes pods pend, axe
// clean, no console error (a CSP violation is one), no third-party request, the learner's state kept over a
// reload, and neither the checks nor the charting library loaded before use; screenshots
// in ja/en, light/dark, at 1280 and 360 px.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const PATH = '/exercises/holiday-autoscaling/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);

async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

async function open(page: Page, path: string): Promise<Locator> {
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const root = page.locator('[data-widget="cluster-simulator"]');
  await root.scrollIntoViewIfNeeded();
  await poll(() => root.getAttribute('data-ready')).toBe('');
  await page.locator('body').focus();
  return root;
}

const stateOf = async (root: Locator) => JSON.parse((await root.getAttribute('data-state')) ?? '{}');
/** The peak day's cell of a summary row, as a number. */
const peakCell = async (root: Locator, row: string) =>
  Number(
    ((await root.locator(`tr[data-row="${row}"] td[data-day="2"]`).textContent()) ?? '').replace(
      /[^\d.]/g,
      '',
    ),
  );

test('the exercise by keyboard: lower the HPA target until nothing is dropped; the state survives a reload', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, PATH);
    expect(await page.locator('[data-playground]').count()).toBe(0);

    // The defaults: a 70 % target drops requests when sales open.
    const droppedAt70 = Number(await root.getAttribute('data-dropped'));
    expect(droppedAt70).toBeGreaterThan(100_000);
    expect(await peakCell(root, 'dropped')).toBe(droppedAt70);
    expect(await root.locator('[data-verdict]').textContent()).toContain('Pod が足りずに要求を落としました');
    const nodeHoursAt70 = Number(await root.getAttribute('data-node-hours'));
    const tableAt70 = await root.locator('.vc-table').first().textContent();

    // 50 %, typed with the keyboard: nothing dropped, more node-hours, the chart's numbers change.
    const target = root.locator('[data-param="targetUtilization"]');
    await tabTo(page, target);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    await poll(async () => (await stateOf(root)).targetUtilization).toBe(50);
    expect(await root.getAttribute('data-dropped')).toBe('0');
    expect(Number(await root.getAttribute('data-node-hours'))).toBeGreaterThan(nodeHoursAt70);
    expect(await root.locator('.vc-table').first().textContent()).not.toBe(tableAt70);
    expect(await root.locator('[data-verdict]').textContent()).toContain(
      '要求を落とすことはありませんでした',
    );
    await poll(() => task(page, 'no-drops').getAttribute('data-result')).toBe('passed');
    await poll(() => task(page, 'within-budget').getAttribute('data-result')).toBe('passed');

    // The Cluster Autoscaler off (Space on its checkbox): pods pend on the peak day and requests are dropped.
    await tabTo(page, root.locator('[data-param="clusterAutoscaler"]'));
    await page.keyboard.press('Space');
    expect((await stateOf(root)).clusterAutoscaler).toBe(false);
    await poll(async () => Number(await root.getAttribute('data-dropped'))).toBeGreaterThan(1_000_000);
    // The HPA sees only its saturated pods (the CPU limit is the request), so it asks for 28 where 14 fit.
    expect(await peakCell(root, 'maxPending')).toBe(14);
    expect(await root.locator('[data-param="maxNodes"]').isDisabled()).toBe(true);
    await page.keyboard.press('Space');
    await poll(() => root.getAttribute('data-dropped')).toBe('0');

    // Where everything runs: just after the failure, one node VM is failed and its 7 pods are stranded on it;
    // the slider moves by the keyboard and the spoken summary follows.
    await tabTo(page, root.locator('[data-jump="failure"]'));
    await page.keyboard.press('Enter');
    expect(await root.getAttribute('data-layout-time')).toBe(String(32.5 * 3600));
    expect(await root.locator('.cs-vm[data-phase="failed"]').count()).toBe(1);
    expect(await root.locator('.cs-vm[data-phase="failed"] .cs-pod-stranded').count()).toBe(7);
    expect(await root.locator('[data-layout-summary]').textContent()).toContain('停止 1');
    await tabTo(page, root.locator('[data-layout-time]'));
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    expect(await root.getAttribute('data-layout-time')).toBe(String(33.5 * 3600));
    // An hour later the pods were evicted and replaced, and auto-repair has recreated the VM.
    expect(await root.locator('.cs-vm[data-phase="failed"]').count()).toBe(0);
    expect(await root.locator('.cs-vm .cs-pod-stranded').count()).toBe(0);

    // The failure is reported in words: which node, which host, how many pods, when repaired.
    expect(await root.locator('[data-failure]').textContent()).toMatch(
      /2 日目 08:30 にノード \d+（物理ホスト \d+）/,
    );

    expect(await axeViolations(page)).toEqual([]);
    await page.reload({ waitUntil: 'networkidle' });
    const again = await open(page, PATH);
    expect((await stateOf(again)).targetUtilization).toBe(50);
    expect(await again.getAttribute('data-dropped')).toBe('0');
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('the exercise page loads only a small script before use, within the 60 KB gz budget', async () => {
  const { gzBytes, urls } = await pageJs(browser.context, `${origin}${PATH}`, `${projectRoot}dist/_astro`);
  const names = urls.map((url) => new URL(url).pathname.split('/').pop() ?? '');
  console.log(`holiday-autoscaling page JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(names.filter((name) => /^(widget-models|checks|draw)\./.test(name))).toEqual([]);
  expect(gzBytes).toBeLessThan(60_000);
});

test('screenshots: ja/en, light/dark, 1280 and 360 px; nothing wider than the page', async () => {
  const page = await browser.context.newPage();
  try {
    for (const lang of ['ja', 'en'] as const)
      for (const scheme of ['light', 'dark'] as const)
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          const root = await open(page, `${lang === 'en' ? '/en' : ''}${PATH}`);
          // The charts draw once on screen: bring each into view.
          for (const chart of await root.locator('.vc-chart').all()) {
            await chart.scrollIntoViewIfNeeded();
            await poll(() => chart.getAttribute('data-drawn')).toBe('');
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          if (lang === 'en')
            expect(await root.locator('[data-verdict]').textContent()).toContain(
              'were dropped for want of pods',
            );
          await page.screenshot({
            path: `${screenshots}cluster-simulator-${lang}-${scheme}-${width}.png`,
            fullPage: true,
          });
          // The hosts → VMs → pods layout just after the failure, at full size.
          await root.locator('[data-jump="failure"]').click();
          await root.locator('.cs-layout').screenshot({
            path: `${screenshots}cluster-simulator-layout-${lang}-${scheme}-${width}.png`,
          });
          if (width === 1280 && scheme === 'light') {
            // Every fixed number with its source or assumption.
            const sources = root.locator('.vw-sources');
            await sources.locator('summary').click();
            expect(await sources.locator('li').count()).toBeGreaterThan(20);
            expect(await sources.locator('a[href^="https://"]').count()).toBeGreaterThan(10);
            await sources.screenshot({ path: `${screenshots}cluster-simulator-sources-${lang}.png` });
          }
        }
  } finally {
    await page.close();
  }
}, 300_000);
