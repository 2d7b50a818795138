import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';
import { builtPages, screenshotName } from './support/site-pages.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const pages = builtPages();
/**
 * The dark scheme changes only colours (Starlight's and ours, through custom properties), so each page is loaded
 * once: every WCAG A/AA rule in the light scheme, then, after switching to dark on the same load, the rules that
 * read colours. Loading each page twice and running every rule twice was a third of this file's time on CI.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
// The dark pass leaves out the linux exercise pages after the first (per language) unless screenshots are taken: they
// are one component with different text and no widget of their own (widget exercises are all kept, each widget has
// its own colours), and 54 more colour passes are about a minute of CI's 30.
const linuxIds = new Set(
  loadExercises().flatMap((exercise) => (exercise.kind === 'linux' ? [exercise.id] : [])),
);
const firstLinuxId = [...linuxIds].sort()[0];
const inDark = (path: string) => {
  const id = /^\/(?:en\/)?exercises\/([^/]+)\/$/.exec(path)?.[1];
  return takeScreenshots || id === undefined || !linuxIds.has(id) || id === firstLinuxId;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

test('the build has the home and about pages in both languages', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/about/', '/en/', '/en/about/']));
  // The dark pass leaves out only linux exercise pages, and keeps one of them in each language.
  const left = pages.filter((path) => !inDark(path));
  expect(left.every((path) => /^\/(en\/)?exercises\/[^/]+\/$/.test(path))).toBe(true);
  expect(pages.filter(inDark)).toEqual(
    expect.arrayContaining([`/exercises/${firstLinuxId}/`, `/en/exercises/${firstLinuxId}/`]),
  );
});

test.each(pages)('%s loads cleanly, only from our origin, with no axe violations', async (path) => {
  const page = await browser.context.newPage();
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    const problems = await watchPage(page, origin);
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    // A chapter is 15–25,000 px tall and its own e2e test screenshots it whole, in parts: here its top is enough
    // (a full-page capture of every chapter in both schemes was a large part of this file's time).
    const fullPage = !/^\/(en\/)?chapters\//.test(path);
    for (const scheme of inDark(path) ? (['light', 'dark'] as const) : (['light'] as const)) {
      if (scheme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
      // Starlight follows the system's scheme while the reader has picked none.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 10_000 })
        .toBe(scheme);
      const rules = scheme === 'dark' ? COLOUR_RULES : undefined;
      expect([scheme, await axeViolations(page, { rules })]).toEqual([scheme, []]);
      await shoot(page, { path: `${screenshots}${screenshotName(path)}-${scheme}.png`, fullPage });
    }
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
      foreignRequests: [],
    });
  } finally {
    await page.close();
  }
});
