// The docker chapter in the browser, in both languages: it loads from our origin only with no console errors, its
// three figures are titled in the page's language, the layers widget draws, the Linux playground and the three
// exercises are on the page, axe finds
// nothing, the JS before use stays within the 60 KB gz budget, and screenshots in light and dark are written for a
// person to look at.
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
const FIGURES = ['fig-image-layers', 'fig-image-container', 'fig-registry'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const pages = [
  [
    'ja',
    '/chapters/docker/',
    [
      'イメージ：読み取り専用のレイヤーの積み重ね',
      'イメージからコンテナへ',
      'レジストリによるイメージの配布',
    ],
  ],
  [
    'en',
    '/en/chapters/docker/',
    [
      'An image: a stack of read-only layers',
      'From an image to containers',
      'Distributing an image through a registry',
    ],
  ],
] as const;

test.each(pages)(
  '%s: figures, the layers widget, the playground and the three exercises are there, with no console errors and no axe violations',
  async (_lang, path, titles) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    expect(await page.locator('figure.vl-figure svg > title').allTextContents()).toEqual([...titles]);
    expect(await page.locator('[data-figure="fig-image-container"] svg desc').textContent()).toMatch(
      /(コピーアップ|copy-up).*(ホワイトアウト|whiteout)/,
    );
    const widget = page.locator('image-layers[data-widget="image-layers"]').first();
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 20_000 }).not.toBeNull();
    expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
    for (const id of ['layer-order', 'container-whiteout', 'commit-layer'])
      expect(await page.locator(`vlab-exercise[data-exercise="${id}"]`).count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`docker (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(gzBytes).toBeLessThan(60_000);
});

screenshotTest(
  'screenshots: ja/en, light/dark, with the figures drawn',
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
        for (const widget of await page.locator('image-layers[data-widget="image-layers"]').all()) {
          await widget.scrollIntoViewIfNeeded();
          await expect.poll(() => widget.getAttribute('data-ready'), { timeout: 20_000 }).not.toBeNull();
        }
        await screenshotInParts(page, `${screenshots}docker-${lang}-${scheme}`);
        for (const figure of FIGURES)
          await page
            .locator(`[data-figure="${figure}"]`)
            .screenshot({ path: `${screenshots}docker-${lang}-${scheme}-${figure}.png` });
        await page.close();
      }
  },
  600_000,
);
