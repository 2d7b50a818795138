import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { builtPages, screenshotName } from './support/site-pages.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const pages = builtPages();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

test('the build has the home and about pages in both languages', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/about/', '/en/', '/en/about/']));
});

describe.each(['light', 'dark'] as const)('every page in %s mode', (scheme) => {
  test.each(pages)('%s loads cleanly, only from our origin, with no axe violations', async (path) => {
    const page = await browser.context.newPage();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      const problems = await watchPage(page, origin);
      const response = await page.goto(origin + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      expect(problems).toEqual({
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        foreignRequests: [],
      });
      expect(await axeViolations(page)).toEqual([]);
      // A chapter is 15–25,000 px tall and its own e2e test screenshots it whole, in parts: here its top is enough
      // (a full-page capture of every chapter in both schemes was a large part of this file's time).
      const chapter = /^\/(en\/)?chapters\//.test(path);
      await page.screenshot({
        path: `${screenshots}${screenshotName(path)}-${scheme}.png`,
        fullPage: !chapter,
      });
    } finally {
      await page.close();
    }
  });
});
