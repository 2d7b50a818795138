// What moves on a page, for the reduced-motion checks of tests/e2e/a11y-running.test.ts.
import type { Page } from 'playwright-core';

export interface Motion {
  /** Running or pending animations and transitions (document.getAnimations()) longer than 10 ms. */
  animations: string[];
  /** Elements (and ::before/::after) whose computed transition or animation lasts longer than 10 ms. */
  declared: string[];
  /** Elements that scroll smoothly (computed scroll-behavior: smooth). */
  smooth: string[];
}

/** Everything on the page that would move: should be empty under prefers-reduced-motion: reduce. */
export function motionOn(page: Page): Promise<Motion> {
  return page.evaluate(() => {
    const name = (element: Element, pseudo = '') =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList]
        .slice(0, 3)
        .map((c) => `.${c}`)
        .join('')}${pseudo}`;
    const seconds = (list: string) =>
      Math.max(
        0,
        ...list.split(',').map((value) => {
          const n = Number.parseFloat(value);
          return value.trim().endsWith('ms') ? n / 1000 : n;
        }),
      );
    const animations = document
      .getAnimations()
      .filter((animation) => {
        const timing = animation.effect?.getComputedTiming();
        const length = Number(timing?.activeDuration ?? 0);
        return animation.playState !== 'finished' && (!Number.isFinite(length) || length > 10);
      })
      .map((animation) => {
        const target = (animation.effect as KeyframeEffect | null)?.target;
        const kind =
          (animation as CSSAnimation).animationName ??
          (animation as CSSTransition).transitionProperty ??
          'script';
        return `${kind} on ${target ? name(target) : '?'}`;
      });
    const declared: string[] = [];
    const smooth: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of ['', '::before', '::after']) {
        const css = getComputedStyle(element, pseudo || null);
        if (pseudo && css.content === 'none') continue;
        const transition = seconds(css.transitionDuration) + seconds(css.transitionDelay);
        const animation =
          css.animationName !== 'none' ? seconds(css.animationDuration) + seconds(css.animationDelay) : 0;
        if (transition > 0.01 || animation > 0.01)
          declared.push(`${name(element, pseudo)} (${css.transitionProperty} ${css.transitionDuration})`);
        if (!pseudo && css.scrollBehavior === 'smooth') smooth.push(name(element));
      }
    }
    return { animations, declared: [...new Set(declared)], smooth };
  });
}
