import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';

// The page checks above pass only if these guards can fail: prove it on fixtures that misbehave.
const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('a request to a third-party origin is caught (and blocked)', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/__e2e__/third-party.html`);
  await page.waitForLoadState('networkidle');
  expect(problems.foreignRequests).toEqual(['https://analytics.example.com/pixel.gif']);
  await page.close();
});

test('a console error and a missing local file are caught', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/__e2e__/console-error.html`);
  await page.waitForLoadState('networkidle');
  expect(problems.consoleErrors.join('\n')).toContain('fixture: something broke');
  await page.goto(`${origin}/no-such-page/`);
  expect(problems.failedRequests.join('\n')).toContain('/no-such-page/ (HTTP 404)');
  await page.close();
});
