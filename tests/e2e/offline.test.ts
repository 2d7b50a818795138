import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { writeOfflineSupport } from '../../src/offline/integration.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { startPlayground, typeLine, waitForTerminal } from './support/playground.ts';
import { screenshotTest, shoot } from './support/screenshots.ts';
import { startStaticServer } from './support/static-server.ts';

// Offline, in real Chromium: after one visit and "make available offline" on /try/, the network goes off and
// the site still works: a reload, a page in the other language, Pagefind's search, and an exercise passed on
// the real guest (its tools come from the lazily served tree). Then a new deployment is announced.
const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ serviceWorkers: 'allow' });
});
afterAll(() => browser?.close());
// A test that fails while offline must not leave the next one without a network.
afterEach(() => browser.context.setOffline(false));

test('after one visit and "make available offline", pages, search, the guest and an exercise work offline', async () => {
  const { context } = browser;
  const page = await context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/try/`);
  // The worker installs (every page and asset of the build) and takes the page over.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
  const saver = page.locator('[data-offline="saver"]');
  const button = saver.getByRole('button', { name: /^オフライン用に保存（\d+\.\d MB）$/ });
  const size = Number((await button.textContent())?.match(/(\d+\.\d) MB/)?.[1]);
  expect(size).toBeGreaterThan(10);
  await button.click();
  await expect.poll(() => saver.getAttribute('data-status'), { timeout: 40_000 }).toBe('saved');
  expect(await saver.locator('[role="status"]').textContent()).toContain('保存しました');

  await context.setOffline(true);
  // Nothing of the site is reachable now except through the service worker's caches.
  expect(
    await page.evaluate(() =>
      fetch('/guest/kernel.config').then(
        () => 'fetched',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await page.reload();
  await expect.poll(() => page.locator('h1').textContent()).toBe('Linux を試す');

  // A page in the other language, reached by its link in the language picker's target, and the search.
  await page.goto(`${origin}/en/`);
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('site-search dialog input.pagefind-ui__search-input').fill('licences');
  const firstResult = page.locator('site-search dialog .pagefind-ui__result-link').first();
  await expect.poll(() => firstResult.getAttribute('href'), { timeout: 10_000 }).toBe('/en/about/');
  await firstResult.click();
  await page.waitForURL(`${origin}/en/about/`);

  // An exercise page in English: the machine starts from the cached guest, the learner's command uses util-linux
  // from the lazily served tree, and the exercise passes.
  await page.goto(`${origin}/en/exercises/uts-hostname/`);
  await startPlayground(page, 'Start');
  await typeLine(page, "unshare -u sh -c 'hostname web1; exec sleep 100000' >/dev/null 2>&1 &");
  // The exercise checks after each command; this one returns once the namespace is there (however slow the
  // machine), so the check after it sees it.
  await typeLine(page, "until nsmap | grep -q ' web1 sleep$'; do sleep 0.2; done; echo web1-is-up");
  await waitForTerminal(page, /^web1-is-up$/m, 30_000);
  await expect
    .poll(() => page.locator('[data-exercise="uts-hostname"]').getAttribute('data-status'), {
      timeout: 20_000,
    })
    .toBe('passed');
  // The one request that had to fail: the probe above.
  problems.failedRequests = problems.failedRequests.filter((url) => !url.includes('/guest/kernel.config'));
  problems.consoleErrors = problems.consoleErrors.filter(
    (text) => !text.includes('ERR_INTERNET_DISCONNECTED'),
  );
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  await page.close();
  // ~55 s with the machine's load average at 15 (install 14 s, saving 24 MB 16 s, the exercise 17 s).
}, 150_000);

test('without "make available offline", a playground that started once starts again offline, with the tools it used', async () => {
  // Its own browser: nothing cached by the test above.
  const fresh = await launchBrowser({ serviceWorkers: 'allow' });
  try {
    const page = await fresh.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/en/try/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
    });
    await startPlayground(page, 'Start');
    // `unshare` is util-linux, served lazily from /guest/lazy/ and kept by the emulator.
    await typeLine(page, 'unshare --version; echo online-$((6*7))');
    await waitForTerminal(page, /^online-42$/m, 30_000);
    await page.waitForSelector('[data-playground="linux"][data-saved-at]', { timeout: 15_000 });

    await fresh.context.setOffline(true);
    await page.reload();
    await startPlayground(page, 'Start');
    await typeLine(page, 'unshare --version; echo offline-$((6*7))');
    await waitForTerminal(page, /unshare from util-linux[^\n]*\n[^\n]*offline-42/, 30_000);
    problems.consoleErrors = problems.consoleErrors.filter(
      (text) => !text.includes('ERR_INTERNET_DISCONNECTED'),
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await fresh.close();
  }
}, 120_000);

test('a new deployment is picked up: the reader is told, and Reload shows the new page', async () => {
  // A second site, hard-linked from dist/ (files are replaced, never written through), deployed again below.
  const site = mkdtempSync(join(tmpdir(), 'vlab-deploy-'));
  execFileSync('cp', ['-al', `${projectRoot}dist/.`, site]);
  const server = await startStaticServer(site);
  const page = await browser.context.newPage();
  try {
    const problems = await watchPage(page, server.origin);
    await page.goto(`${server.origin}/en/about/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
    });
    const heading = (await page.locator('h1').textContent()) ?? '';
    // The new deployment changes one page.
    const file = join(site, 'en', 'about', 'index.html');
    const html = readFileSync(file, 'utf8');
    rmSync(file);
    writeFileSync(file, html.replace(`>${heading}</h1>`, `>${heading} (new)</h1>`));
    await writeOfflineSupport(site);
    await page.reload();
    // Until the reader chooses, the page is the one they had.
    const banner = page.locator('[data-offline="update"]');
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await banner.textContent()).toContain('A new version of this site is available.');
    expect(await page.locator('h1').textContent()).toBe(heading);
    await shoot(page, { path: `${screenshots}offline-update-banner.png` });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(`${heading} (new)`);
    expect(await banner.count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await page.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}, 90_000);

screenshotTest(
  'screenshots: "make available offline" on /try/, ja/en, light/dark, idle and saving',
  async () => {
    mkdirSync(screenshots, { recursive: true });
    const page = await browser.context.newPage();
    for (const [lang, path] of [
      ['ja', '/try/'],
      ['en', '/en/try/'],
    ] as const)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(origin + path);
        const saver = page.locator('[data-offline="saver"]');
        await saver.scrollIntoViewIfNeeded();
        await saver.screenshot({ path: `${screenshots}offline-saver-${lang}-${scheme}.png` });
      }
    // Mid-way: the network slowed down so the bar is caught moving.
    await page.route('**/guest/lazy/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await route.continue();
    });
    await page.evaluate(async () => {
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await page.reload();
    const saver = page.locator('[data-offline="saver"]');
    await saver.getByRole('button').click();
    await expect.poll(() => saver.locator('progress').getAttribute('value')).not.toBe('0');
    await page.waitForTimeout(1500);
    await saver.screenshot({ path: `${screenshots}offline-saver-en-dark-saving.png` });
    await page.close();
  },
);
