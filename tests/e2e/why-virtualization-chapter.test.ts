// The why-virtualization chapter in the browser, in both languages: no console errors or foreign requests, axe
// clean in light and dark mode (its three widgets drawn), its four figures drawn with their titles, the JS before anything starts within
// the page budget; the first command of "try it" runs on the real guest through its Run button, and the
// bridge-ping exercise, checked on that fresh machine, does not pass. Screenshots ja/en × light/dark.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';
import { waitForTerminal } from './support/playground.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const pages = [
  ['ja', '/chapters/why-virtualization/', '起動'],
  ['en', '/en/chapters/why-virtualization/', 'Start'],
] as const;
const figureTitles = {
  ja: [
    'ピークに合わせた台数と、負荷に合わせて増減する容量',
    '3 台の物理サーバーを 1 台のホストの仮想マシンにまとめる',
    'ホストが故障したとき、仮想マシンとコンテナはどう移るか',
    'ストレージの仮想化（RAID と LUN）とネットワークの仮想化（VLAN）',
  ],
  en: [
    'A fleet sized for the peak, and capacity that follows the load',
    'Three physical servers consolidated into virtual machines on one host',
    'How virtual machines and containers move when a host fails',
    'Storage virtualization (RAID and LUNs) and network virtualization (VLANs)',
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

test.each(pages)(
  '%s: loads cleanly, figures titled, axe clean (dark mode: pages.test.ts; VLAB_SCREENSHOTS=1: both, screenshots)',
  async (lang, path) => {
    for (const scheme of takeScreenshots ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await browser.context.newPage();
      try {
        await page.emulateMedia({ colorScheme: scheme });
        const problems = await watchPage(page, origin);
        await page.goto(origin + path, { waitUntil: 'networkidle' });
        const titles = await page.locator('.vl-figure svg > title').allTextContents();
        expect(titles).toEqual(figureTitles[lang]);
        for (const svg of await page.locator('.vl-figure svg').all()) {
          const box = await svg.boundingBox();
          expect(box?.height ?? 0).toBeGreaterThan(150);
        }
        expect(await page.locator('[data-playground="linux"]').count()).toBe(1);
        const exercises = await page
          .locator('vlab-exercise')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.exercise));
        expect(exercises).toEqual(['bridge-ping', 'own-and-rent', 'raid-survival', 'vlan-segments']);
        // The chapter's own widgets (the widget exercises render their own copies), each scrolled into view so
        // that its view loads and axe sees it drawn.
        for (const name of ['capacity-planner', 'raid-array', 'vlan-switch']) {
          const widget = page.locator(`[data-widget="${name}"]:not(vlab-exercise [data-widget])`);
          expect(await widget.count()).toBe(1);
          await widget.scrollIntoViewIfNeeded();
          await expect
            .poll(() => widget.locator('button, input, select').count(), { timeout: 30_000 })
            .toBeGreaterThan(0);
        }
        await page.waitForLoadState('networkidle');
        expect(problems).toEqual(clean);
        expect(await axeViolations(page)).toEqual([]);
        await shoot(page, {
          path: `${screenshots}why-virtualization-${lang}-${scheme}.png`,
          fullPage: true,
        });
      } finally {
        await page.close();
      }
    }
  },
);

test.each(pages)(
  '%s: JS before anything starts stays within the 60 KB gz page budget',
  async (_lang, path) => {
    const js = await pageJs(browser.context, origin + path, `${projectRoot}dist/_astro`);
    console.log(`${path}: ${js.gzBytes} bytes gz before any start (+${js.searchUiGzBytes} search UI)`);
    expect(js.gzBytes).toBeLessThan(60_000);
  },
);

test.each(pages)(
  '%s: the first command runs on the real guest, and bridge-ping does not pass on a fresh machine',
  async (_lang, path, start) => {
    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      // The widgets above the playground draw themselves as they near the viewport and push it down; xterm only
      // renders while on screen, so bring the terminal back into view before reading it.
      const playground = page.locator('[data-playground="linux"]');
      await playground.scrollIntoViewIfNeeded();
      await page.getByRole('button', { name: start, exact: true }).click();
      await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 60_000 });
      await playground.scrollIntoViewIfNeeded();
      await waitForTerminal(page, /#[\s\u00a0]*$/, 30_000);
      const first = page.locator('.lp-run').first();
      await first.scrollIntoViewIfNeeded();
      await first.click();
      await playground.scrollIntoViewIfNeeded();
      // ip netns list prints the two namespaces, one a line, sorted: db then web.
      await waitForTerminal(page, /ip netns list\s+db\s+web\s/, 120_000);
      const exercise = page.locator('vlab-exercise[data-exercise="bridge-ping"]');
      await exercise.scrollIntoViewIfNeeded();
      await exercise.locator('[data-action="check"]').click();
      await expect
        .poll(() => exercise.locator('[data-task="cables"]').getAttribute('data-result'), {
          timeout: 120_000,
        })
        .toBe('failed');
      expect(await exercise.getAttribute('data-status')).toBe('todo');
      expect(problems).toEqual(clean);
    } finally {
      await close();
    }
  },
  300_000,
);
