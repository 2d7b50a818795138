import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere. Never a browser downloaded by a tool. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling Google's hosts, which this machine
// (and a privacy-minded user) never reaches; they are not requests of our pages.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=ja-JP',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh profile each time, so no test sees another's storage or cache. Service workers are blocked unless
 * asked for (tests/e2e/offline.test.ts): once the site's worker (src/offline/) controls a page it answers the
 * page's requests from its cache, and Playwright's page.route cannot see those.
 */
export async function launchBrowser({
  serviceWorkers = 'block',
}: {
  serviceWorkers?: 'allow' | 'block';
} = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'vlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    serviceWorkers,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Everything that went wrong on a page: each list must stay empty on every page we ship. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * Watches a page: console errors, uncaught exceptions, failed requests, and any request to an origin other
 * than `origin`. Foreign requests are recorded and aborted, so the check also holds on a machine with network.
 */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.message} @ ${page.url()}`));
  page.on('requestfailed', (request) => {
    if (!isForeign(request.url(), origin)) {
      problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isForeign(response.url(), origin)) {
      problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
    }
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (isForeign(url, origin)) {
      problems.foreignRequests.push(url);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });
  return problems;
}

function isForeign(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  return new URL(url).origin !== origin;
}
