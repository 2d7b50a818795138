// The kernel-features chapter in the browser, end to end: one machine shared by the playground, the namespace
// map, the container script and nine exercises (each registering its hidden setup). Running the script makes the
// container-by-hand exercise pass, and the map shows the container's new PID namespace.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, inject, test } from 'vitest';
import { launchBrowser, watchPage } from './support/browser.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };

test.each([
  ['ja', '/chapters/kernel-features/', 'ゲストで実行'],
  ['en', '/en/chapters/kernel-features/', 'Run in the guest'],
] as const)(
  '%s: the container script passes the container-by-hand exercise, and the map sees it',
  async (lang, path, runLabel) => {
    const { context, close } = await launchBrowser();
    try {
      const page = await context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      expect(await page.locator('vlab-exercise').count()).toBe(9);

      const script = page.locator('[data-widget="container-script"]');
      await script.scrollIntoViewIfNeeded();
      await script.getByRole('button', { name: runLabel }).click();
      await page.waitForSelector('[data-widget="container-script"][data-run="done"]', { timeout: 90_000 });
      const out = (await script.locator('.cs-out').textContent()) ?? '';
      expect(out).toContain('capabilities: 0x0000000000000400=cap_net_bind_service');
      expect(out).toContain('seccomp: 2 (2 = filter)');

      const exercise = page.locator('vlab-exercise[data-exercise="container-by-hand"]');
      await exercise.scrollIntoViewIfNeeded();
      await exercise.locator('[data-action="check"]').click();
      await expect.poll(() => exercise.getAttribute('data-status'), { timeout: 60_000 }).toBe('passed');

      const map = page.locator('[data-widget="namespace-map"]');
      await map.scrollIntoViewIfNeeded();
      await page.waitForSelector('[data-widget="namespace-map"][data-status="live"]', { timeout: 20_000 });
      await expect
        .poll(() => map.locator('tbody tr:not([data-host])').count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(problems).toEqual(clean);
      mkdirSync(screenshots, { recursive: true });
      await script.screenshot({ path: `${screenshots}kernel-features-script-${lang}.png` });
      await exercise.screenshot({ path: `${screenshots}kernel-features-exercise-${lang}.png` });
      await map.screenshot({ path: `${screenshots}kernel-features-map-${lang}.png` });
    } finally {
      await close();
    }
  },
  240_000,
);
