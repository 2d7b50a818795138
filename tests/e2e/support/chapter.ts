// Shared by the chapter e2e tests (tests/e2e/<chapter>-chapter.test.ts): screenshots of a whole chapter in parts,
// and the check that a reader who jumps to the playground keeps their place while widgets above it draw.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Screenshots of the whole page from the top, in parts of 1600 px (a chapter is taller than image tools open),
 * written as `<prefix>-part01.png`, `-part02.png`…
 */
export async function screenshotInParts(page: Page, prefix: string): Promise<void> {
  await page.evaluate(() => scrollTo(0, 0));
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  // The height is read again before each part: a widget that finishes drawing (or folds) while the parts are
  // taken changes it, and a clip beyond the page's end fails ("Clipped area is either empty or outside").
  for (
    let y = 0, part = 1, height = await pageHeight();
    y < height;
    y += 1600, part++, height = await pageHeight()
  )
    await page.screenshot({
      path: `${prefix}-part${String(part).padStart(2, '0')}.png`,
      fullPage: true,
      clip: { x: 0, y, width: 1280, height: Math.min(1600, height - y) },
    });
}

/**
 * Opens `url` at 1280 and 412 px wide, jumps to the playground as a Run button or a link does, waits for
 * `drawn` (a selector that matches once the widget nearest above has drawn; none when nothing is close enough
 * to draw) and expects the playground not to have moved (src/components/widgets/keep-place.ts).
 */
export async function expectPlaygroundKeepsPlace(
  context: BrowserContext,
  url: string,
  drawn?: string,
): Promise<void> {
  for (const width of [1280, 412]) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url, { waitUntil: 'networkidle' });
    // What the reader sees is what a frame shows: the ResizeObserver that keeps the place runs before each frame
    // is painted, and a starved renderer may not have drawn one yet, so positions are read after two frames.
    const top = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                resolve(
                  document.querySelector('[data-playground]')?.getBoundingClientRect().top ?? Number.NaN,
                ),
              ),
            ),
          ),
      );
    // Measured in the same task as the jump, before any widget can have drawn.
    const before = await page.evaluate(() => {
      const playground = document.querySelector('[data-playground]');
      playground?.scrollIntoView();
      return playground?.getBoundingClientRect().top ?? Number.NaN;
    });
    if (drawn) await page.waitForSelector(drawn, { state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(1000);
    await expect
      .poll(async () => Math.abs((await top()) - before), { timeout: 10_000 })
      .toBeLessThanOrEqual(2);
    await page.close();
  }
}
