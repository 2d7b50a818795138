// Screenshots are for a person to look at (the bar: look at what you build), not assertions. The tests that only
// take them, and the captures in tests/e2e/pages.test.ts, run when VLAB_SCREENSHOTS=1, as `npm run test:screenshots`
// sets it; CI (`npm run test:e2e`) skips them, which keeps it within its 30 minutes.
import { test } from 'vitest';

export const takeScreenshots = process.env.VLAB_SCREENSHOTS === '1';

/** `test` for a test that only writes screenshots; skipped unless VLAB_SCREENSHOTS=1. */
export const screenshotTest = takeScreenshots ? test : test.skip;

/** Writes a screenshot of a page or locator when VLAB_SCREENSHOTS=1; does nothing otherwise. */
export async function shoot(
  target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> },
  options: { path: string; fullPage?: boolean },
): Promise<void> {
  if (takeScreenshots) await target.screenshot(options);
}
