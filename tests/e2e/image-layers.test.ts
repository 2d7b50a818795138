// The "Dockerfile → layers" widget on the page of its widget exercise (layer-order), in real Chromium: the
// model loads only on first use; the Dockerfile edited, rebuilt, and the cache misses start at the changed
// line; the exercise solved by typing; a code change rebuilds only the last layer; a container: a lower file
// deleted (a .wh. whiteout, gone from the merged view), another copied up, committed, removed; a pull with
// layers transferred and already present, by digest; an error shown at its line, also in the code editor;
// axe clean, no console error (a CSP violation is one), no third-party request, the page's JS before use
// within the budget, the state kept over a reload; screenshots in ja/en, light/dark, at 1280 and 360 px.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, type PageProblems, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';
import { shoot, takeScreenshots } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const solution =
  'FROM alpine:3.20\nRUN apk add --no-cache python3\nWORKDIR /app\nCOPY . .\nCMD ["python3", "app.py"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
const task = (page: Page, id: string) => page.locator(`[data-task="${id}"]`);

async function open(page: Page, path: string): Promise<Locator> {
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const root = page.locator('[data-widget="image-layers"]');
  await root.scrollIntoViewIfNeeded();
  await poll(() => root.getAttribute('data-ready')).toBe('');
  return root;
}

const stateOf = async (root: Locator) => JSON.parse((await root.getAttribute('data-state')) ?? '{}');
const steps = (root: Locator) =>
  root
    .locator('tr[data-step-line]')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.getAttribute('data-step-line')}:${r.getAttribute('data-kind')}:${r.getAttribute('data-cache')}`,
      ),
    );

async function replaceText(page: Page, box: Locator, text: string): Promise<void> {
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function press(root: Locator, action: string): Promise<void> {
  const button = root.locator(`[data-action="${action}"]`);
  await button.focus();
  await button.press('Enter');
}

test('rebuild after a changed line, solve the exercise, a container with a whiteout, a pull; the state survives a reload', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/exercises/layer-order/');
    // The model is not loaded before the learner uses the widget.
    expect(await root.getAttribute('data-model')).toBeNull();

    await press(root, 'build');
    await poll(() => root.getAttribute('data-model')).toBe('ready');
    await poll(() => steps(root)).toEqual([
      '1:base:none',
      '2:layer:miss',
      '3:layer:miss',
      '4:layer:miss',
      '5:metadata:none',
    ]);
    expect(await root.locator('[data-live]').textContent()).toContain('app:v1 をビルドしました');

    // Line 3 changed (copy the whole context): line 2 comes from the cache, line 3 and every later step run.
    const dockerfile = root.locator('[data-control="dockerfile"]');
    const start = await dockerfile.inputValue();
    await replaceText(page, dockerfile, start.replace('COPY app.py .', 'COPY . .'));
    await press(root, 'build');
    await poll(() => steps(root)).toEqual([
      '1:base:none',
      '2:layer:hit',
      '3:layer:miss',
      '4:layer:miss',
      '5:metadata:none',
    ]);
    await poll(() => task(page, 'complete').getAttribute('data-result')).toBe('passed');
    expect(await task(page, 'last-layer-only').getAttribute('data-result')).toBe('failed');

    // The solution: install first, copy last. Then a change to app.py misses only at the COPY.
    await replaceText(page, dockerfile, solution);
    await poll(async () => (await stateOf(root)).dockerfile).toBe(solution);
    await poll(() => task(page, 'last-layer-only').getAttribute('data-result')).toBe('passed');
    await poll(() => page.locator('[data-exercise="layer-order"]').getAttribute('data-status')).toBe(
      'passed',
    );
    await press(root, 'build');
    await poll(() => steps(root)).toEqual([
      '1:base:none',
      '2:layer:miss',
      '3:layer:miss',
      '4:layer:miss',
      '5:metadata:none',
    ]);
    const app = root.locator('[data-control="context-content"]');
    expect(await root.locator('[data-control="context-file"]').inputValue()).toBe('app.py');
    await app.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('print("v2")\n');
    await press(root, 'build');
    await poll(() => steps(root)).toEqual([
      '1:base:none',
      '2:layer:hit',
      '3:layer:hit',
      '4:layer:miss',
      '5:metadata:none',
    ]);

    // A container: delete a file of the image (a whiteout, the lower layer untouched), change another (copy-up).
    await press(root, 'create');
    await poll(() => root.getAttribute('data-container')).toBe('c1');
    await replaceText(page, root.locator('[data-control="path"]'), '/app/app.py');
    await press(root, 'delete');
    const whiteout = root.locator('li[data-upper-kind="whiteout"][data-path="/app/.wh.app.py"]');
    await poll(() => whiteout.count()).toBe(1);
    expect(await root.locator('li[data-change="D"]').textContent()).toBe('D /app/app.py');
    expect(await root.locator('[data-merged] li[data-path="/app/app.py"]').count()).toBe(0);
    expect(await root.locator('[data-live]').textContent()).toContain('ホワイトアウト');
    await replaceText(page, root.locator('[data-control="path"]'), '/etc/motd');
    await replaceText(page, root.locator('[data-control="content"]'), 'changed in c1\n');
    await press(root, 'write');
    await poll(() =>
      root.locator('[data-merged] li[data-path="/etc/motd"]').getAttribute('data-from-upper'),
    ).toBe('true');
    expect(await root.locator('li[data-upper-kind="file"][data-path="/etc/motd"]').count()).toBe(1);
    await press(root, 'commit');
    await poll(() => root.locator('tr[data-image="app:committed"]').count()).toBe(1);

    // A pull: nginx:1.27-alpine shares alpine's layer with what is here; that layer is not transferred.
    const pullRef = root.locator('[data-control="pull-ref"]');
    await pullRef.selectOption('nginx:1.27-alpine');
    await press(root, 'pull');
    await poll(() => root.locator('tr[data-transfer]').count()).toBeGreaterThan(1);
    expect(await root.locator('tr[data-transfer="present"]').count()).toBe(1);
    expect(await root.locator('tr[data-transfer="transferred"]').count()).toBeGreaterThan(0);
    expect(
      Number(
        await root.locator('tr[data-image="nginx:1.27-alpine"] [data-shared]').getAttribute('data-shared'),
      ),
    ).toBeGreaterThan(0);
    await press(root, 'pull');
    await poll(() => root.locator('tr[data-transfer="transferred"]').count()).toBe(0);
    await root.screenshot({ path: `${screenshots}image-layers-worked-ja.png` });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload({ waitUntil: 'networkidle' });
    await poll(() => root.getAttribute('data-ready')).toBe('');
    const kept = await stateOf(root);
    expect(kept.dockerfile).toBe(solution);
    expect(Object.keys(kept.host.containers)).toEqual(['c1']);
    expect(await root.locator('[data-control="dockerfile"]').inputValue()).toBe(solution);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('an error is shown at its line, in the text box and in the code editor (English page)', async () => {
  const { context, close } = await launchBrowser();
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const root = await open(page, '/en/exercises/layer-order/');
    await replaceText(
      page,
      root.locator('[data-control="dockerfile"]'),
      'FROM alpine:3.20\nRUN frobnicate\n',
    );
    await poll(() => root.locator('[data-error-line="2"]').textContent()).toContain('Line 2');
    await press(root, 'build');
    await poll(() => root.locator('[data-live]').textContent()).toContain('Line 2');
    expect(await root.locator('tr[data-step-line]').count()).toBe(0);

    await press(root, 'monaco');
    await poll(() => root.getAttribute('data-editor')).toBe('monaco');
    await poll(() => root.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    // Typing in Monaco reaches the state.
    await root.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(solution);
    await poll(async () => (await stateOf(root)).dockerfile).toBe(solution);
    await poll(() => root.locator('[data-error-line]').count()).toBe(0);
    await press(root, 'build');
    await poll(() => root.locator('tr[data-step-line]').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
  } finally {
    await close();
  }
});

test('the exercise page loads only a small script before use, within the 60 KB gz budget', async () => {
  const { gzBytes, urls } = await pageJs(
    browser.context,
    `${origin}/exercises/layer-order/`,
    `${projectRoot}dist/_astro`,
  );
  const names = urls.map((url) => new URL(url).pathname.split('/').pop() ?? '');
  console.log(`layer-order page JS before use: ${urls.length} files, ${gzBytes} bytes gz`);
  expect(
    names.filter((name) => /^(widget-models|checks|monaco-editor|dockerfile-editor|editor)\./.test(name)),
  ).toEqual([]);
  // The model's chunk (its name is the bundler's choice) is the one with dockerfile-ast's parser in it.
  const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
  expect(urls.filter((_, i) => bodies[i]?.includes('getInstructions'))).toEqual([]);
  expect(gzBytes).toBeLessThan(60_000);
});

test('nothing is wider than a 360 px screen, ja/en (VLAB_SCREENSHOTS=1: also light/dark, 1280 px, screenshots)', async () => {
  const page = await browser.context.newPage();
  try {
    for (const lang of ['ja', 'en'] as const)
      for (const scheme of takeScreenshots ? (['light', 'dark'] as const) : (['light'] as const))
        for (const width of takeScreenshots ? [1280, 360] : [360]) {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme: scheme });
          const root = await open(page, `${lang === 'en' ? '/en' : ''}/exercises/layer-order/`);
          await press(root, 'build');
          await poll(() => root.locator('tr[data-step-line]').count()).toBe(5);
          await press(root, 'create');
          await poll(() => root.getAttribute('data-container')).not.toBe('');
          await root.locator('[data-control="path"]').fill('/etc/motd');
          await press(root, 'delete');
          await poll(() => root.locator('li[data-upper-kind="whiteout"]').count()).toBe(1);
          await root.locator('[data-control="pull-ref"]').selectOption('nginx:1.27-alpine');
          await press(root, 'pull');
          await poll(() => root.locator('tr[data-transfer]').count()).toBeGreaterThan(1);
          // Nothing may be wider than the page (tables scroll inside their own box).
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          if (width === 360) {
            await root.locator('[data-steps]').scrollIntoViewIfNeeded();
            await shoot(page, { path: `${screenshots}image-layers-${lang}-${scheme}-360-steps.png` });
            await root.locator('[data-upper]').scrollIntoViewIfNeeded();
            await shoot(page, { path: `${screenshots}image-layers-${lang}-${scheme}-360-container.png` });
          }
          await shoot(page, {
            path: `${screenshots}image-layers-${lang}-${scheme}-${width}.png`,
            fullPage: true,
          });
        }
  } finally {
    await page.close();
  }
}, 300_000);
