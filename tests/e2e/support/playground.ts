import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The terminal's visible text (xterm renders rows as DOM; writes land asynchronously, so poll this). */
export function terminalText(page: Page, index = 0): Promise<string> {
  // innerText, not textContent: xterm's rows are <div>s, and only innerText puts line breaks between them.
  // biome-ignore lint/performance/useDomNodeTextContent: see above.
  return page.locator('[data-playground="linux"] .xterm-rows').nth(index).innerText();
}

/** Waits until the terminal shows `text` (xterm writes are asynchronous). */
export async function waitForTerminal(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await expect
    .poll(() => terminalText(page), { timeout, interval: 100 })
    .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}

/** Presses the playground's Start button (its accessible name is 起動 / Start) and waits for the prompt. */
export async function startPlayground(page: Page, name: '起動' | 'Start' = '起動'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForSelector('[data-playground="linux"][data-status="ready"]', { timeout: 30_000 });
  await waitForTerminal(page, /#[\s\u00a0]*$/);
}

/** Types a line into the focused terminal, as a learner would. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('[data-playground="linux"] .xterm-helper-textarea').first().focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
