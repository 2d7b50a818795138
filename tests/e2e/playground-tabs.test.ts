import { expect, inject, test } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startPlayground, terminalText, typeLine, waitForTerminal } from './support/playground.ts';

// Two tabs of one browser share the learner's saved machine. If both ran it, each would save over the other's
// work. The machine runs in one tab at a time; another tab can ask for it, and gets it with the work saved.
const origin = inject('origin');

test('a second tab is told the machine runs elsewhere, and "Use it here" brings it over with its files', async () => {
  const { context, close } = await launchBrowser();
  try {
    const first = await context.newPage();
    await first.goto(`${origin}/try/`);
    await startPlayground(first);
    await typeLine(first, 'echo written-in-the-first-tab > /root/tabs.txt');

    const second = await context.newPage();
    await second.goto(`${origin}/en/try/`);
    await second.getByRole('button', { name: 'Start', exact: true }).click();
    const secondRoot = second.locator('[data-playground="linux"]');
    await expect.poll(() => secondRoot.getAttribute('data-status')).toBe('error');
    expect(await second.locator('.lp-status').textContent()).toContain('running in another tab');
    // Nothing else to do there: no Retry, no Reset, just the way to bring the machine over.
    expect(await second.getByRole('button', { name: 'Retry' }).isHidden()).toBe(true);
    expect(await second.getByRole('button', { name: 'Reset machine' }).isHidden()).toBe(true);

    await second.getByRole('button', { name: 'Use it here' }).click();
    await second.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
    // The first tab saved before letting go (its Enter was less than the 2 s save delay ago).
    await expect
      .poll(() => first.locator('[data-playground="linux"]').getAttribute('data-status'))
      .toBe('error');
    expect(await first.locator('.lp-status').textContent()).toContain('別のタブに移りました');
    await waitForTerminal(second, '# echo written-in-the-first-tab > /root/tabs.txt');
    await typeLine(second, 'cat /root/tabs.txt');
    await waitForTerminal(second, /cat \/root\/tabs.txt\s+written-in-the-first-tab/);
    await typeLine(second, 'echo and-in-the-second > /root/tabs2.txt');

    // And back again.
    await first.getByRole('button', { name: 'このタブで使う' }).click();
    await first.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
    await expect.poll(() => secondRoot.getAttribute('data-status')).toBe('error');
    expect(await second.locator('.lp-status').textContent()).toContain('moved to another tab');
    await typeLine(first, 'cat /root/tabs2.txt');
    await waitForTerminal(first, /cat \/root\/tabs2.txt\s+and-in-the-second/);
    expect(await terminalText(first)).not.toContain('running in another tab');
  } finally {
    await close();
  }
});
