// A learner without a mouse: where focus is, whether it can be seen, and Tab until it gets somewhere.
// Used by tests/e2e/a11y-running.test.ts; nothing here clicks or calls focus().
import type { Page } from 'playwright-core';

export interface FocusStop {
  /** A short description of the focused element (tag, classes, name), for failure messages. */
  what: string;
  /** The element matched `selector` (when one was given). */
  matches: boolean;
  /** Inside a <linux-playground>'s terminal (xterm's textarea). */
  inTerminal: boolean;
  /** Why focus cannot be seen here, or '' when it can. */
  problem: string;
}

/**
 * Where focus is and whether a sighted keyboard user can see it: an outline or a box-shadow on the element
 * (on the terminal's box for xterm's hidden textarea), inside the window, and not covered by anything (the
 * docked terminal, the sticky header) at the centre of its visible part (WCAG 2.4.7, 2.4.11).
 */
export function focusStop(page: Page, selector = ':not(*)'): Promise<FocusStop> {
  return page.evaluate((wanted) => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement)
      return { what: 'body', matches: false, inTerminal: false, problem: 'focus is on the page itself' };
    const terminal = active.closest('.lp-terminal');
    const shown = (terminal ?? active) as HTMLElement;
    const name = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 40);
    const what = `${active.tagName.toLowerCase()}.${[...active.classList].join('.')} "${name}"`;
    const css = getComputedStyle(shown);
    const outline = css.outlineStyle !== 'none' && Number.parseFloat(css.outlineWidth) > 0;
    const shadow = css.boxShadow !== 'none' && css.boxShadow !== '';
    const box = shown.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, innerHeight);
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, innerWidth);
    let problem = '';
    if (!outline && !shadow) problem = 'no outline or box-shadow';
    else if (box.width === 0 || box.height === 0) problem = 'has no size';
    else if (bottom <= top || right <= left) problem = `outside the window (top ${Math.round(box.top)})`;
    else {
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (!hit || !(shown.contains(hit) || hit.contains(shown)))
        problem = `covered by ${hit?.tagName.toLowerCase()}.${[...(hit?.classList ?? [])].join('.')}`;
    }
    return { what, matches: active.matches(wanted), inTerminal: terminal !== null, problem };
  }, selector);
}

/**
 * Presses Tab (or Shift+Tab) until focus is on an element matching `selector`, checking at every stop that focus
 * can be seen and that it moves on (an element that keeps it for five presses is a trap). Returns the stops passed through.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { backwards = false, limit = 250 } = {},
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  let previous = '';
  let repeats = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const stop = await focusStop(page, selector);
    const here = await page.evaluate(() => {
      const active = document.activeElement;
      // A path through the DOM names the element exactly (two Run buttons have the same text).
      const path: number[] = [];
      for (let node: Element | null = active; node?.parentElement; node = node.parentElement)
        path.push([...node.parentElement.children].indexOf(node));
      return path.join('/');
    });
    if (stop.problem) throw new Error(`focus cannot be seen on ${stop.what}: ${stop.problem}`);
    // A date field keeps focus for four presses (year, month, day, its calendar button); more is a trap.
    repeats = here === previous ? repeats + 1 : 0;
    if (repeats >= 4) throw new Error(`focus is trapped on ${stop.what}`);
    previous = here;
    stops.push(stop);
    if (stop.matches) return stops;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}
