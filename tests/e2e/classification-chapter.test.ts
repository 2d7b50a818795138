// The classification chapter in the browser, in both languages: it loads from our origin only with no console
// errors, its four stack figures are titled in the page's language, both behaviour simulators (io and
// consolidation) load their scenario when scrolled to, the widget exercise checks the simulator's state, axe finds
// nothing, the JS before use stays within the 60 KB gz budget, and screenshots in light and dark are written for
// a person to look at.
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
  ['ja', '/chapters/classification/', '完全仮想化の構成', 'ハードウェア支援による仮想化の構成（Intel VT-x）'],
  [
    'en',
    '/en/chapters/classification/',
    'Full virtualization',
    'Hardware-assisted virtualization (Intel VT-x)',
  ],
] as const;

test.each(pages)(
  '%s: figures, simulators and exercises work, with no console errors and no axe violations',
  async (_lang, path, fullTitle, hwTitle) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    const titles = await page.locator('figure.vl-figure svg > title').allTextContents();
    expect(titles).toHaveLength(4);
    expect(titles[0]).toBe(fullTitle);
    expect(titles[2]).toBe(hwTitle);
    expect(await page.locator('[data-figure="fig-virt-hw"] svg desc').textContent()).toMatch(/ring 0/);

    // The two simulators in the text (the exercise renders a third, locked to its scenario).
    const chapterSims = page.locator(`${SIM}:not(vlab-exercise ${SIM})`);
    expect(await chapterSims.count()).toBe(2);
    for (const [i, scenario] of ['io', 'consolidation'].entries()) {
      const sim = chapterSims.nth(i);
      await sim.scrollIntoViewIfNeeded();
      await expect.poll(() => sim.getAttribute('data-loaded'), { timeout: 20_000 }).toBe(scenario);
    }

    expect(await page.locator('vlab-exercise').count()).toBe(2);
    const widgetExercise = page.locator('vlab-exercise[data-exercise="synthetic-devices"]');
    await widgetExercise.scrollIntoViewIfNeeded();
    await expect
      .poll(() => widgetExercise.locator(SIM).getAttribute('data-loaded'), { timeout: 20_000 })
      .toBe('io');
    await widgetExercise.locator('[data-action="check"]').click();
    // The initial state (full emulation, overlay) fails both tasks.
    await expect
      .poll(() => widgetExercise.locator('[data-task="vm-synthetic"]').getAttribute('data-result'), {
        timeout: 20_000,
      })
      .toBe('failed');
    expect(await widgetExercise.locator('[data-task="container-volume"]').getAttribute('data-result')).toBe(
      'failed',
    );

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`classification (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
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
        for (const figure of await page.locator(`${SIM} figure.vc-chart`).all())
          await figure.scrollIntoViewIfNeeded();
        await screenshotInParts(page, `${screenshots}classification-${lang}-${scheme}`);
        for (const kind of ['full', 'para', 'hw', 'os'])
          await page
            .locator(`[data-figure="fig-virt-${kind}"]`)
            .screenshot({ path: `${screenshots}classification-${lang}-${scheme}-${kind}.png` });
        await page.close();
      }
  },
  600_000,
);

test('a reader who jumps to the playground keeps their place while the simulators above it draw', async () => {
  // Without src/components/widgets/keep-place.ts the consolidation simulator just above grows by ~2,600 px as it
  // draws and pushes the playground off screen (Chromium's scroll anchoring did not catch it here).
  await expectPlaygroundKeepsPlace(
    browser.context,
    `${origin}/chapters/classification/`,
    `${SIM}[data-loaded]`,
  );
});
