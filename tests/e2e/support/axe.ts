import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in the page. The script is evaluated through the DevTools protocol,
 * so the page's Content-Security-Policy does not have to allow it. `wcag22`: WCAG 2.2's AA rules as well
 * (target-size), which the states of tests/e2e/a11y-running.test.ts are held to. `include`: only these parts of
 * the page (selectors; each must match), for a state that changed only them on a page checked whole elsewhere.
 * `rules`: only these rules (by id), e.g. those that read colours, for a page checked whole in another scheme.
 */
export async function axeViolations(
  page: Page,
  {
    wcag22 = false,
    include,
    rules,
  }: { wcag22?: boolean; include?: string[] | undefined; rules?: readonly string[] | undefined } = {},
): Promise<AxeViolation[]> {
  // Colours caught mid-transition (a theme switch fades some backgrounds over 0.2 s) are not the page's colours:
  // on a loaded machine axe read one half-way and reported a contrast failure. Let running transitions end first.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  // Expressive Code makes a code block that scrolls focusable (tabindex) 250 ms after layout, at idle time: on a
  // starved renderer axe ran first and reported scrollable-region-focusable. Wait (up to 3 s) for it to settle;
  // if it never does, axe reports the block as before.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.expressive-code pre')].every(
          (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
        ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  await page.evaluate(axeSource);
  const tags = wcag22 ? [...WCAG21, 'wcag22aa'] : WCAG21;
  return page.evaluate(
    async ({ values, include, rules }) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global by the line above.
      const axe = (window as any).axe;
      // Experimental rules stay off, as in axe's defaults (selecting by tag would switch them on).
      const experimental = axe
        .getRules(['experimental'])
        .map((r: { ruleId: string }) => [r.ruleId, { enabled: false }]);
      const result = await axe.run(
        include ? { include } : document,
        rules
          ? { runOnly: { type: 'rule', values: rules } }
          : { runOnly: { type: 'tag', values }, rules: Object.fromEntries(experimental) },
      );
      return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    { values: tags, include, rules },
  );
}
