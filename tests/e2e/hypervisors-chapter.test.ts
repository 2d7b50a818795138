// The hypervisors chapter in the browser, in both languages: it loads from our origin only with no console errors,
// its two figures are titled in the page's language, both behaviour simulators (exploit and noisy-neighbour) load
// their scenario when scrolled to, the Linux exercise is on the page, axe finds nothing, the JS before use stays
// within the 60 KB gz budget, and screenshots in light and dark are written for a person to look at.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { expectPlaygroundKeepsPlace, screenshotInParts } from './support/chapter.ts';
import { pageJs } from './support/page-js.ts';
import { screenshotTest } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const SIM = '[data-widget="behaviour-simulator"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const pages = [
  [
    'ja',
    '/chapters/hypervisors/',
    'タイプ 1 とタイプ 2 のハイパーバイザー',
    '3 つの実行シナリオでのリングの使い方',
  ],
  [
    'en',
    '/en/chapters/hypervisors/',
    'Type 1 and type 2 hypervisors',
    'Rings in the three execution scenarios',
  ],
] as const;

test.each(pages)(
  '%s: figures, simulators and the exercise are there, with no console errors and no axe violations',
  async (_lang, path, typesTitle, ringsTitle) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    expect(await page.locator('figure.vl-figure svg > title').allTextContents()).toEqual([
      typesTitle,
      ringsTitle,
    ]);
    expect(await page.locator('[data-figure="fig-ring-scenarios"] svg desc').textContent()).toMatch(
      /VMX non-root/,
    );

    const sims = page.locator(SIM);
    expect(await sims.count()).toBe(2);
    for (const [i, scenario] of ['exploit', 'noisy-neighbour'].entries()) {
      const sim = sims.nth(i);
      await sim.scrollIntoViewIfNeeded();
      await expect.poll(() => sim.getAttribute('data-loaded'), { timeout: 20_000 }).toBe(scenario);
    }

    expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
    expect(await page.locator('vlab-exercise[data-exercise="kvm-capable"]').count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`hypervisors (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(gzBytes).toBeLessThan(60_000);
});

screenshotTest(
  'screenshots: ja/en, light/dark, with the figures and simulators drawn',
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
        for (const sim of await page.locator(SIM).all()) {
          await sim.scrollIntoViewIfNeeded();
          await expect.poll(() => sim.getAttribute('data-loaded'), { timeout: 20_000 }).not.toBeNull();
        }
        await screenshotInParts(page, `${screenshots}hypervisors-${lang}-${scheme}`);
        for (const figure of ['fig-hypervisor-types', 'fig-ring-scenarios'])
          await page
            .locator(`[data-figure="${figure}"]`)
            .screenshot({ path: `${screenshots}hypervisors-${lang}-${scheme}-${figure}.png` });
        await page.close();
      }
  },
  600_000,
);

test('a reader who jumps to the playground keeps their place while the ring simulator above it draws', async () => {
  await expectPlaygroundKeepsPlace(
    browser.context,
    `${origin}/chapters/hypervisors/`,
    'ring-simulator[data-storage-key="rings-chapter3"][data-ready]',
  );
});
