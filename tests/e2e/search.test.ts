import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';

const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test.each([
  {
    lang: 'ja',
    start: '/',
    query: 'ライセンス',
    expected: '/about/',
    message: /「ライセンス」の検索結果：\d+ 件/,
  },
  {
    lang: 'en',
    start: '/en/',
    query: 'licences',
    expected: '/en/about/',
    message: /\d+ results? for licences/,
  },
])(
  'Pagefind search in $lang finds $expected, in that language',
  async ({ start, query, expected, message }) => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(origin + start);
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('site-search dialog input.pagefind-ui__search-input');
    await input.fill(query);
    const firstResult = page.locator('site-search dialog .pagefind-ui__result-link').first();
    await expect.poll(() => firstResult.getAttribute('href'), { timeout: 10_000 }).toBe(expected);
    // The dialog's own words follow the page's language (content/i18n/ja.json for Japanese).
    expect(await page.locator('site-search dialog .pagefind-ui__message').textContent()).toMatch(message);
    await firstResult.click();
    await page.waitForURL(origin + expected);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  },
);
