// The cloud chapter in the browser, in both languages: it loads from our origin only with no console errors, its two
// figures are titled in the page's language, both behaviour simulators (start and consolidation) load their scenario
// when scrolled to, the cluster simulator draws its two days, the supervisor script, the playground and both
// exercises are on the page, axe finds nothing, the JS before use stays within the 60 KB gz budget, and screenshots
// in light and dark are written for a person to look at.
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
    '/chapters/cloud/',
    'Compute Engine の 1 台のホストで動くもの',
    'コントロールループ：望ましい状態に実際の状態を近づける',
  ],
  [
    'en',
    '/en/chapters/cloud/',
    'What runs on one Compute Engine host',
    'A control loop: bring the actual state to the desired state',
  ],
] as const;

test.each(pages)(
  '%s: figures, simulators, the supervisor script and both exercises are there, with no console errors and no axe violations',
  async (_lang, path, stackTitle, loopTitle) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + path, { waitUntil: 'networkidle' });

    expect(await page.locator('figure.vl-figure svg > title').allTextContents()).toEqual([
      stackTitle,
      loopTitle,
    ]);
    expect(await page.locator('[data-figure="fig-cloud-stack"] svg desc').textContent()).toMatch(
      /kvm-intel\.ko/,
    );

    const sims = page.locator(SIM);
    expect(await sims.count()).toBe(2);
    for (const [i, scenario] of ['start', 'consolidation'].entries()) {
      const sim = sims.nth(i);
      await sim.scrollIntoViewIfNeeded();
      await expect.poll(() => sim.getAttribute('data-loaded'), { timeout: 20_000 }).toBe(scenario);
    }

    expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
    const script = page.locator('[data-widget="container-script"][data-script-id="supervisor"]');
    expect(await script.count()).toBe(1);
    expect(await script.locator('pre code').textContent()).toContain('cgroup.kill');
    const cluster = page.locator('cluster-simulator[data-widget="cluster-simulator"]').first();
    await cluster.scrollIntoViewIfNeeded();
    await expect.poll(() => cluster.getAttribute('data-dropped'), { timeout: 30_000 }).not.toBeNull();
    expect(await page.locator('vlab-exercise[data-exercise="replica-supervisor"]').count()).toBe(1);
    expect(await page.locator('vlab-exercise[data-exercise="holiday-autoscaling"]').count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  },
  120_000,
);

test.each(pages)('%s: JS before use stays within the 60 KB gz page budget', async (lang, path) => {
  const { gzBytes, urls } = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
  console.log(`cloud (${lang}) JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(gzBytes).toBeLessThan(60_000);
});

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
      for (const sim of await page.locator(`${SIM}, [data-widget="cluster-simulator"]`).all()) {
        await sim.scrollIntoViewIfNeeded();
        await expect
          .poll(() => sim.evaluate((e) => e.dataset.loaded ?? e.dataset.dropped ?? null), { timeout: 30_000 })
          .not.toBeNull();
      }
      // The cluster simulator's charts draw when they first come into view.
      for (const chart of await page.locator('cluster-simulator figure.vc-chart').all()) {
        await chart.scrollIntoViewIfNeeded();
        await expect.poll(() => chart.getAttribute('data-drawn'), { timeout: 20_000 }).not.toBeNull();
      }
      await screenshotInParts(page, `${screenshots}cloud-${lang}-${scheme}`);
      for (const figure of ['fig-cloud-stack', 'fig-control-loop'])
        await page
          .locator(`[data-figure="${figure}"]`)
          .screenshot({ path: `${screenshots}cloud-${lang}-${scheme}-${figure}.png` });
      await page.close();
    }
}, 600_000);
