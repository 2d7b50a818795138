import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { startPlayground, terminalText, typeLine, waitForTerminal } from './support/playground.ts';
import { screenshotTest } from './support/screenshots.ts';

// The Linux playground against the real guest, in real Chromium. Each test gets a fresh profile where it
// matters (storage), so tests do not see each other's machines.
const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());
// A test that fails part-way must not leave its page open: the machine runs in one tab at a time, so a page
// left behind would make every later test see "running in another tab".
afterEach(async () => {
  await Promise.all(browser.context.pages().map((page) => page.close()));
});

test('Start gives a prompt on the real guest, and a PID namespace shows PID 1, from our origin only', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await page.goto(`${origin}/try/`);
  const root = page.locator('[data-playground="linux"]');
  expect(await root.getAttribute('data-status')).toBe('idle');
  await startPlayground(page);
  // The restored guest's console as it was saved (the shell's banner and prompt), each line from column 0.
  expect(await terminalText(page)).toMatch(/^ {2}Virtualization Lab \/ 仮想化ラボ$[\s\S]*^root@vlab:~# *$/m);
  await typeLine(page, 'unshare -p -f --mount-proc ps');
  // procps ps: PID TTY TIME CMD (TTY is ttyS0 on the console, ? over the program channel).
  // TIME is the CPU time ps has used so far: 00:00:01 on a slow machine, so any value is accepted.
  await waitForTerminal(page, /PID\s+TTY\s+TIME\s+CMD\s+1 \S+\s+\d\d:\d\d:\d\d ps/);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
  expect(await axeViolations(page)).toEqual([]);
  await page.close();
});

test('nothing of v86, the guest or xterm is downloaded before Start', async () => {
  const page = await browser.context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto(`${origin}/try/`);
  await page.waitForLoadState('networkidle');
  expect(urls.filter((url) => /wasm|\/guest\/|attach|xterm|v86|\/guest-/.test(url))).toEqual([]);
  // The worker's thread may come up before Start (MachineClient.prewarm), with its own small script only:
  // v86 and the guest code are separate chunks it imports on start.
  const workers = urls.filter((url) => url.includes('worker'));
  expect(workers.length).toBeLessThanOrEqual(1);
  for (const url of workers) {
    const body = await (await fetch(url)).text();
    expect(body.length).toBeLessThan(12_000);
    expect(body).not.toContain('restore_state');
  }
  await page.close();
});

test('a file survives a reload, and Reset machine (after confirmation) removes it', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  await page.goto(`${origin}/try/`);
  await startPlayground(page);
  const savedBefore = await page.locator('[data-playground="linux"]').getAttribute('data-saved-at');
  await typeLine(page, 'echo kept-across-reloads > /root/note.txt');
  // The machine is saved shortly after the learner presses Enter; wait for that signal, then reload.
  await expect
    .poll(() => page.locator('[data-playground="linux"]').getAttribute('data-saved-at'), { timeout: 15_000 })
    .not.toBe(savedBefore);
  await page.reload();
  await startPlayground(page);
  await expect.poll(() => page.locator('.lp-note').textContent()).toContain('前回のマシンを復元しました');
  // The terminal shows what it showed when the machine was saved, the learner's last command included.
  expect(await terminalText(page)).toContain('# echo kept-across-reloads > /root/note.txt');
  await typeLine(page, 'cat /root/note.txt');
  await waitForTerminal(page, /cat \/root\/note.txt\s+kept-across-reloads/);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'マシンをリセット' }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await waitForTerminal(page, /#[\s\u00a0]*$/);
  await typeLine(page, 'cat /root/note.txt');
  await waitForTerminal(page, /No such file or directory/);
  await close();
});

test('a Run button on a shell code block types its command into the playground (starting it)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/en/try/`);
  const run = page.getByRole('button', { name: 'Run this command in the playground' });
  expect(await run.count()).toBe(3);
  await run.nth(2).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await waitForTerminal(page, /cat \/proc\/self\/cgroup\s+0::\//);
  await page.close();
});

test('keystrokes are echoed and the page stays responsive while the guest is busy', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/try/`);
  await startPlayground(page);
  await typeLine(page, "sh -c 'while :; do :; done' &");
  await typeLine(page, 'echo still-responsive');
  await waitForTerminal(page, /^still-responsive$/m);
  // The emulator runs in a worker: the page keeps painting while the guest spins. Frames are counted over
  // three seconds rather than timed one by one, so a few slow frames on a loaded 2-core machine (another lane's
  // emulator busy on the other core) do not fail it; an emulator on the page's thread would paint a few frames at most.
  const framesInThreeSeconds = await page.evaluate(async () => {
    let frames = 0;
    const end = performance.now() + 3000;
    while (performance.now() < end) {
      await new Promise(requestAnimationFrame);
      frames += 1;
    }
    return frames;
  });
  expect(framesInThreeSeconds).toBeGreaterThanOrEqual(30);
  await page.close();
});

test('a failed download says so and Retry recovers', async () => {
  // A fresh profile: nothing cached, no saved machine, so the guest must really be downloaded.
  const fresh = await launchBrowser();
  const page = await fresh.context.newPage();
  let failNext = true;
  await page.route('**/guest/state.bin.zst*', async (route) => {
    if (failNext) {
      failNext = false;
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.goto(`${origin}/try/`);
  await page.getByRole('button', { name: '起動', exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="error"]');
  expect(await page.locator('.lp-status').textContent()).toContain('ダウンロードに失敗しました');
  await page.screenshot({ path: `${screenshots}playground-error-ja-light.png` });
  await page.getByRole('button', { name: '再試行' }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await fresh.close();
});

test('a crashed emulator worker says so and offers Reset, which recovers', async () => {
  const page = await browser.context.newPage();
  // Every load of the worker fails until Reset: the one made ahead of Start and the one Start makes.
  let breakWorker = true;
  await page.route(/\/_astro\/worker-[^/]+\.js$/, async (route) => {
    if (breakWorker) {
      await route.fulfill({
        contentType: 'text/javascript',
        body: 'throw new Error("simulated worker crash");',
      });
    } else {
      await route.continue();
    }
  });
  await page.goto(`${origin}/en/try/`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="error"]');
  expect(await page.locator('.lp-status').textContent()).toContain('The emulator stopped');
  breakWorker = false;
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset machine' }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await page.close();
});

test('without WebAssembly the playground explains why it cannot start', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    // biome-ignore lint/suspicious/noExplicitAny: simulating a browser without WebAssembly.
    delete (globalThis as any).WebAssembly;
  });
  await page.goto(`${origin}/en/try/`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="error"]');
  expect(await page.locator('.lp-status').textContent()).toContain('does not support WebAssembly');
  await page.close();
});

screenshotTest.each([
  ['ja', '/try/', '起動'],
  ['en', '/en/try/', 'Start'],
] as const)('screenshots of the %s playground, idle and ready, light and dark', async (lang, path, start) => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(origin + path);
    const playground = page.locator('[data-playground="linux"]');
    await playground.screenshot({ path: `${screenshots}playground-idle-${lang}-${scheme}.png` });
    await startPlayground(page, start);
    await typeLine(page, 'uname -a');
    await waitForTerminal(page, /Linux vlab/);
    await playground.screenshot({ path: `${screenshots}playground-ready-${lang}-${scheme}.png` });
    expect(await terminalText(page)).toContain('i686');
    await page.close();
  }
});

test('a corrupt saved machine is reported and a fresh one starts instead', async () => {
  const fresh = await launchBrowser();
  const page = await fresh.context.newPage();
  await page.goto(`${origin}/en/try/`);
  // Plant a saved machine for the current guest whose bytes are garbage, where the worker keeps it.
  const baseKey = JSON.parse(
    (await page.locator('[data-guest-files]').getAttribute('data-guest-files')) ?? '{}',
  )['state.bin.zst'].sha256;
  await page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('vlab-machine', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('machine');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const garbage = new Uint8Array(4096).map((_, i) => (i * 31) & 255).buffer;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('machine', 'readwrite');
      const screen = 'OLD-SCREEN-OF-A-BROKEN-MACHINE\r\nroot@vlab:~# ';
      tx.objectStore('machine').put({ baseKey: key, savedAt: Date.now(), state: garbage, screen }, 'current');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, baseKey);
  await startPlayground(page, 'Start');
  await expect.poll(() => page.locator('.lp-note').textContent()).toContain('could not be restored');
  // The broken machine's screen was taken back: only the clean guest's banner shows, once.
  const text = await terminalText(page);
  expect(text).not.toContain('OLD-SCREEN-OF-A-BROKEN-MACHINE');
  expect(text.match(/Virtualization Lab \/ 仮想化ラボ/g)).toHaveLength(1);
  await typeLine(page, 'echo fresh-machine-works');
  await waitForTerminal(page, /^fresh-machine-works$/m);
  await fresh.close();
});
