// The esxi chapter in the browser, in both languages: it loads from our origin only with no console errors, its
// two figures are titled in the page's language, the three behaviour simulators (stateless-rebuild, host-failure,
// patching) load their scenario when scrolled to, both exercises are on the page, axe finds nothing, the JS before
// use stays within the 60 KB gz budget, and screenshots in light and dark are written for a person to look at.
// The host profile script runs on the page's own machine and prints the host it rebuilt.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { screenshotInParts } from './support/chapter.ts';
import { pageJs } from './support/page-js.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
// The chapter's own simulators, not the one inside the live-migration exercise.
const SIM = '[data-widget="behaviour-simulator"]:not(vlab-exercise [data-widget="behaviour-simulator"])';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const pages = [
  ['ja', '/chapters/esxi/', 'ESXi と KVM の構成', 'ステートレスなホストの起動と、このページでの再現'],
  [
    'en',
    '/en/chapters/esxi/',
    'How ESXi and KVM are built',
    'How a stateless host boots, and the toy on this page',
  ],
] as const;

test.each(pages)(
  '%s: figures, simulators, the script and both exercises are there, with no console errors and no axe violations',
  async (_lang, path, architectureTitle, statelessTitle) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    expect(await page.locator('figure.vl-figure svg > title').allTextContents()).toEqual([
      architectureTitle,
      statelessTitle,
    ]);
    const sims = page.locator(SIM);
    expect(await sims.count()).toBe(3);
    for (const [i, scenario] of ['stateless-rebuild', 'host-failure', 'patching'].entries()) {
      const sim = sims.nth(i);
      await sim.scrollIntoViewIfNeeded();
      await expect.poll(() => sim.getAttribute('data-loaded'), { timeout: 20_000 }).toBe(scenario);
    }
    expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
    expect(
      await page.locator('[data-widget="container-script"][data-script-id="host-profile"]').count(),
    ).toBe(1);
    for (const id of ['host-profile', 'live-migration'])
      expect(await page.locator(`vlab-exercise[data-exercise="${id}"]`).count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`esxi (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(gzBytes).toBeLessThan(60_000);
});

test('the host profile script rebuilds the host on the page machine, twice with the same result', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/chapters/esxi/`, { waitUntil: 'networkidle' });
    const script = page.locator('[data-widget="container-script"]');
    await script.scrollIntoViewIfNeeded();
    const applied = 'applied: esx-lab-01, br0 192.168.50.10/24, pool-web memory.max 67108864';
    for (let run = 0; run < 2; run++) {
      await script.getByRole('button', { name: 'ゲストで実行' }).click();
      await page.waitForSelector('[data-widget="container-script"][data-run="done"]', { timeout: 90_000 });
      expect((await script.locator('.cs-out').textContent())?.trim()).toBe(applied);
    }
    expect(problems).toEqual(clean);
    await script.screenshot({ path: `${screenshots}esxi-script-ja.png` });
  } finally {
    await close();
  }
}, 240_000);

test('screenshots: ja/en, light/dark, with the figures and simulators drawn', async () => {
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
      await screenshotInParts(page, `${screenshots}esxi-${lang}-${scheme}`);
      for (const figure of ['fig-esxi-vs-kvm', 'fig-stateless-host'])
        await page
          .locator(`[data-figure="${figure}"]`)
          .screenshot({ path: `${screenshots}esxi-${lang}-${scheme}-${figure}.png` });
      await page.close();
    }
}, 600_000);
