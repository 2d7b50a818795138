// The containers chapter in the browser, in both languages: it loads from our origin only with no console errors,
// its architecture figure is titled in the page's language, it sits between hypervisors and kernel-features in
// the sidebar, both Linux exercises render and (ja) a Check on the real guest answers "failed" after the setup,
// axe finds nothing, the JS before use stays within the 60 KB gz budget, and screenshots in light and dark are
// written for a person to look at.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { screenshotInParts } from './support/chapter.ts';
import { pageJs } from './support/page-js.ts';
import { screenshotTest } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const pages = [
  ['ja', '/chapters/containers/', 'OS 仮想化のアーキテクチャ', '/chapters/'],
  ['en', '/en/chapters/containers/', 'The architecture of OS virtualization', '/en/chapters/'],
] as const;

test.each(pages)(
  '%s: figure, sidebar, playground and exercises render, with no console errors and no axe violations',
  async (_lang, path, figureTitle, chapters) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    const figure = page.locator('[data-figure="fig-environment-architecture"]');
    expect(await figure.locator('svg > title').textContent()).toBe(figureTitle);
    expect(await figure.locator('svg desc').textContent()).toMatch(/web.*db/s);

    const hrefs = await page
      .locator('nav.sidebar a[href*="/chapters/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const at = hrefs.indexOf(path);
    expect(at).toBeGreaterThan(0);
    expect(hrefs[at - 1]).toBe(`${chapters}hypervisors/`);
    expect(hrefs[at + 1]).toBe(`${chapters}kernel-features/`);

    // The architecture explorer: a click on the guest OS shows it copied per VM with the article as its source;
    // eight instances (the default) add 8 × (512 + 256) MiB of memory for the VMs.
    const explorer = page.locator('[data-widget="architecture-explorer"]');
    await explorer.scrollIntoViewIfNeeded();
    await explorer.locator('[data-layer="vm-guest-os"]').click();
    await expect
      .poll(() => explorer.getAttribute('data-state'))
      .toBe('{"instances":8,"layer":"vm-guest-os"}');
    expect(await explorer.locator('[data-layer="vm-guest-os"]').getAttribute('aria-pressed')).toBe('true');
    expect(await explorer.locator('[data-detail] [data-provenance="article"]').count()).toBe(2);
    expect(await explorer.locator('[data-total="vm"] td').first().textContent()).toBe('6 GiB');
    await explorer.locator('[data-layer="ct-kernel"]').click();
    expect(await explorer.locator('[data-layer="ct-kernel"]').getAttribute('data-scope')).toBe('shared');
    await explorer.locator('[data-control="instances"]').fill('1');
    await expect.poll(() => explorer.getAttribute('data-state')).toBe('{"instances":1,"layer":"ct-kernel"}');
    expect(await explorer.locator('[data-total="vm"] td').first().textContent()).toBe('768 MiB');
    expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
    const ids = await page
      .locator('vlab-exercise')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise')));
    expect(ids).toEqual(['two-inits', 'own-root']);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test('ja: Check starts the machine, runs the setup, and every own-root task fails on the fresh guest', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/chapters/containers/`, { waitUntil: 'networkidle' });
  const exercise = page.locator('vlab-exercise[data-exercise="own-root"]');
  await exercise.scrollIntoViewIfNeeded();
  await exercise.locator('[data-action="check"]').click();
  for (const task of ['own-hostname', 'image-root', 'host-unreachable'])
    await expect
      .poll(() => exercise.locator(`[data-task="${task}"]`).getAttribute('data-result'), { timeout: 120_000 })
      .toBe('failed');
  await exercise.screenshot({ path: `${screenshots}containers-exercise-own-root-ja.png` });
  expect(problems).toEqual(clean);
  await page.close();
}, 180_000);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`containers (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(gzBytes).toBeLessThan(60_000);
});

screenshotTest(
  'screenshots: ja/en, light/dark',
  async () => {
    for (const [lang, path] of pages)
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(origin + path, { waitUntil: 'networkidle' });
        await page.evaluate((s) => {
          document.documentElement.dataset.theme = s;
        }, scheme);
        const explorer = page.locator('[data-widget="architecture-explorer"]');
        await explorer.scrollIntoViewIfNeeded();
        await page.waitForSelector('[data-widget="architecture-explorer"][data-ready]');
        await explorer.locator('[data-layer="ct-environment"]').click();
        await explorer.screenshot({ path: `${screenshots}containers-${lang}-${scheme}-explorer.png` });
        await screenshotInParts(page, `${screenshots}containers-${lang}-${scheme}`);
        await page
          .locator('[data-figure="fig-environment-architecture"]')
          .screenshot({ path: `${screenshots}containers-${lang}-${scheme}-figure.png` });
        await page.close();
      }
  },
  300_000,
);
