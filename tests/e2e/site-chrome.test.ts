import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';

const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('the theme picker switches to dark mode and the choice survives a reload', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${origin}/about/`);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  expect(await theme()).toBe('light');
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  expect(await theme()).toBe('dark');
  await page.reload();
  expect(await theme()).toBe('dark');
  expect(problems.consoleErrors).toEqual([]);
  await page.close();
});

test('the language picker moves between the Japanese and English version of a page', async () => {
  const page = await browser.context.newPage();
  await watchPage(page, origin);
  await page.goto(`${origin}/about/`);
  expect(await page.getAttribute('html', 'lang')).toBe('ja');
  await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
  await page.waitForURL(`${origin}/en/about/`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await expect.poll(() => page.locator('h1').first().textContent()).toBe('About this site');
  await page.close();
});

test('the sidebar lists the About page in each language, linking within that language', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/en/about/`);
  const link = page.locator('nav.sidebar a[href="/en/about/"]').first();
  expect(await link.textContent()).toContain('About this site');
  await page.goto(`${origin}/about/`);
  expect(await page.locator('nav.sidebar a[href="/about/"]').first().textContent()).toContain(
    'このサイトについて',
  );
  await page.close();
});

test('every page ships a strict Content-Security-Policy', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/`);
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  await page.close();
});
