import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { playgroundStrings } from '../../src/playground/strings.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, chromiumPath, launchBrowser, watchPage } from './support/browser.ts';
import { terminalText, waitForTerminal } from './support/playground.ts';
import { screenshotTest, shoot } from './support/screenshots.ts';

// Issue 18, parts 3 and 4: a terminal that stays with the reader (Run docks it instead of scrolling the page),
// Expressive Code in the page's language, notices that fade, an idle text that says what Start will do, a
// guest terminal size that follows the element, and a key bar on touch screens.
const origin = inject('origin');
const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const en = playgroundStrings.en;
// A late block of the kernel-features chapter, ~6,000 px below its playground: prints the hostname, and grep
// complains about a file that exists only after an earlier step.
const lateBlock = 'hostname; grep oom_kill /sys/fs/cgroup/box/memory.events';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());
afterEach(async () => {
  await Promise.all(browser.context.pages().map((page) => page.close()));
});

test("Expressive Code's copy button and terminal frame speak the page's language", () => {
  const page = (path: string) => readFileSync(`${root}dist/${path}/index.html`, 'utf8');
  const english = page('en/chapters/kernel-features');
  const japanese = page('chapters/kernel-features');
  expect(english).toContain('title="Copy to clipboard"');
  expect(english).not.toMatch(/クリップボード|ターミナルウィンドウ|コピーしました/);
  expect(japanese).toContain('title="クリップボードにコピー"');
  expect(japanese).not.toContain('Copy to clipboard');
});

/** Scrolls a block into the middle of the window, as a reader who got there would have it. */
async function scrollTo(page: Page, text: string) {
  const figure = page.locator('.expressive-code figure', { hasText: text }).first();
  await figure.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  return figure;
}

test('Run far down the chapter docks the terminal where the reader is, and the block shows it ran', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/en/chapters/kernel-features/`);
  const playground = page.locator('[data-playground="linux"]').first();
  // A first start downloads the packed clean state and v86's wasm.
  const firstStart =
    JSON.parse(readFileSync(`${root}public/guest/manifest.json`, 'utf8')).files['state.bin.zst'].bytes +
    statSync(`${root}node_modules/v86/build/v86.wasm`).size;
  const hint = `Boots Linux inside your browser (downloads about ${(firstStart / 1e6).toFixed(1)} MB).`;
  await expect.poll(() => playground.locator('.lp-status').textContent()).toBe(hint);

  const figure = await scrollTo(page, lateBlock);
  const before = (await figure.boundingBox())?.y ?? 0;
  const playgroundTop = await playground.evaluate((element) => element.getBoundingClientRect().top);
  expect(playgroundTop).toBeLessThan(-3_000);
  const run = figure.getByRole('button', { name: en.runLabel });
  await run.click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await waitForTerminal(page, /No such file or\s*directory/);
  await expect
    .poll(() => figure.locator('.lp-run').getAttribute('data-run'), { timeout: 5_000 })
    .toBe('done');
  expect(await figure.locator('.lp-run').textContent()).toBe(en.runAgain);
  expect(await figure.locator('.lp-run').getAttribute('aria-label')).toBe(en.ranLabel);
  // The block stayed where the reader had it (widgets above it changed as the machine started); the
  // playground sits at the bottom of the window, in full.
  expect(Math.abs(((await figure.boundingBox())?.y ?? 0) - before)).toBeLessThan(2);
  expect(await playground.getAttribute('data-docked')).toBe('');
  const dock = await playground.boundingBox();
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(Math.round((dock?.y ?? 0) + (dock?.height ?? 0))).toBe(viewport.height);
  expect(dock?.height ?? 0).toBeLessThan(viewport.height * 0.75);
  // No key bar on a fine pointer.
  expect(await playground.locator('.lp-keys').isVisible()).toBe(false);
  // The guest was told the terminal's size.
  await expect.poll(() => playground.getAttribute('data-guest-size')).toMatch(/^\d+x\d+$/);

  // The docked terminal, its handle and its buttons pass axe.
  expect(await axeViolations(page)).toEqual([]);

  // The last line of the page can still be scrolled above the dock.
  const room = await page.evaluate(() => getComputedStyle(document.body).paddingBottom);
  expect(Number.parseFloat(room)).toBeGreaterThanOrEqual((dock?.height ?? 0) - 1);

  // Resizable from the keyboard, collapsible, and it goes back into the page.
  const handle = playground.getByRole('separator', { name: en.dockResize });
  const height = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBe(height + 32);
  await playground.getByRole('button', { name: en.dockCollapse }).click();
  expect(await playground.locator('.lp-terminal').isVisible()).toBe(false);
  await playground.getByRole('button', { name: en.dockExpand }).click();
  expect(await playground.locator('.lp-terminal').isVisible()).toBe(true);
  const scrollBeforeUndock = await page.evaluate(() => window.scrollY);
  await playground.getByRole('button', { name: en.dockUndock }).click();
  expect(await playground.getAttribute('data-docked')).toBeNull();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrollBeforeUndock)).toBeLessThan(2);
  expect((await playground.boundingBox())?.y ?? 0).toBeLessThan(-3_000);

  // Stale news fades: this machine was started from the network, so there is nothing to say; after a save,
  // the idle text of the next visit says Start restores it, and the "restored" notice goes after a command.
  await expect.poll(() => playground.getAttribute('data-saved-at'), { timeout: 15_000 }).toMatch(/^\d+$/);
  await page.reload();
  await expect.poll(() => playground.locator('.lp-status').textContent()).toBe(en.startHintRestore);
  await playground.scrollIntoViewIfNeeded();
  await playground.getByRole('button', { name: en.start, exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  const note = playground.locator('.lp-note');
  await expect.poll(() => note.textContent()).toBe(en.restoredSaved);
  await page.keyboard.type('true');
  await page.keyboard.press('Enter');
  await expect.poll(() => note.isVisible(), { timeout: 5_000 }).toBe(false);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  // Two starts (from the network, then restored): 20 s on a quiet machine, much more on a busy one.
}, 150_000);

test('on a phone: the guest believes the size it is shown, and the key bar types what a touch keyboard lacks', async () => {
  const phone = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const context = await phone.newContext({
      viewport: { width: 412, height: 860 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/en/try/`);
    const playground = page.locator('[data-playground="linux"]').first();
    await playground.getByRole('button', { name: en.start, exact: true }).click();
    await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
    await waitForTerminal(page, /#[\s\u00a0]*$/);
    await expect
      .poll(() => playground.getAttribute('data-guest-size'), { timeout: 10_000 })
      .toMatch(/^\d+x\d+$/);
    const [rows, cols] = ((await playground.getAttribute('data-guest-size')) ?? '').split('x').map(Number);
    // What fits 412 px at 14 px type (the guest believed 80 before).
    expect(cols).toBeLessThan(60);
    const keys = playground.getByRole('toolbar', { name: en.keysLabel });
    expect(await keys.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const textarea = playground.locator('.xterm-helper-textarea');
    await textarea.focus();
    await page.keyboard.type('stty size; echo a ');
    await keys.getByRole('button', { name: en.keyPipe }).tap();
    await page.keyboard.type(' tr a b');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, new RegExp(`^${rows} ${cols}\\s*$[\\s\\S]*^b\\s*$`, 'm'));
    // Sticky Ctrl: Ctrl then c interrupts what is being typed.
    await page.keyboard.type('sleep 30');
    await keys.getByRole('button', { name: en.keyCtrl }).tap();
    expect(await keys.getByRole('button', { name: en.keyCtrl }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('c');
    await waitForTerminal(page, /sleep 30\^C/);
    expect(await keys.getByRole('button', { name: en.keyCtrl }).getAttribute('aria-pressed')).toBe('false');
    // Up arrow brings the last command back.
    await keys.getByRole('button', { name: en.keyUp }).tap();
    await expect.poll(() => terminalText(page)).toMatch(/# stty size; echo a \| tr a b\s*$/);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  } finally {
    await phone.close();
  }
}, 120_000);

screenshotTest(
  'screenshots: a chapter with the docked terminal, ja/en, light/dark, 1280 and 412 px',
  async () => {
    const shots = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox'],
    });
    try {
      for (const width of [1280, 412]) {
        const context = await shots.newContext({
          viewport: { width, height: 860 },
          hasTouch: width < 500,
          isMobile: width < 500,
        });
        for (const lang of ['ja', 'en'] as const) {
          for (const theme of ['light', 'dark']) {
            const page = await context.newPage();
            await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
            await page.goto(`${origin}${lang === 'en' ? '/en' : ''}/chapters/kernel-features/`);
            const figure = await scrollTo(page, lateBlock);
            await figure.locator('.lp-run').click();
            await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
            // At 412 px the line wraps between words.
            await waitForTerminal(page, /No such file or\s*directory/, 45_000);
            await page.waitForTimeout(300);
            await shoot(page, { path: `${screenshots}terminal-dock-${lang}-${theme}-${width}.png` });
            await page.close();
          }
        }
        await context.close();
      }
    } finally {
      await shots.close();
    }
  },
  300_000,
);
