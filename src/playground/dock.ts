// Docks a playground to the bottom of the window, so a Run button far down a chapter shows its command's
// output where the reader is instead of scrolling the page to the playground. Loaded on the first Run whose
// playground is off screen.
//
// The element itself moves (position: fixed), so its xterm keeps running; a placeholder of its height keeps
// its place in the page, which therefore does not move. While docked, the page gets as much room at its end
// as the dock takes (`--lp-dock-space` on <html>), so every line of text can still be scrolled above it. The
// dock can be resized (drag the handle, or focus it and use the arrow keys, Page Up/Down, Home/End),
// collapsed to its toolbar, and put back into the page; scrolling back to the playground's place puts it
// back too.
import type { PlaygroundStrings } from './strings.ts';

const MIN_HEIGHT = 96;
const STEP = 32;

export interface PlaygroundDock {
  readonly docked: boolean;
  dock(): void;
  undock(): void;
}

/**
 * Whether the element's terminal is on show and entirely inside the viewport. An idle playground has no
 * terminal yet: it docks too, since opening it in place would push the page below it down by its height.
 */
export function fullyVisible(root: HTMLElement): boolean {
  const box = (root.querySelector<HTMLElement>('.lp-terminal') ?? root).getBoundingClientRect();
  const whole = root.getBoundingClientRect();
  return whole.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}

function button(className: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `vl-button ${className}`;
  b.textContent = text;
  return b;
}

export function createDock(root: HTMLElement, strings: PlaygroundStrings): PlaygroundDock {
  const bar = root.querySelector<HTMLElement>('.lp-bar') as HTMLElement;
  const terminal = root.querySelector<HTMLElement>('.lp-terminal') as HTMLElement;
  const html = document.documentElement;
  const inPageHeight = root.style.getPropertyValue('--lp-height');
  let placeholder: HTMLElement | null = null;
  let height = 0;

  // The handle sits above the toolbar; collapse and put-back at its end. All hidden until docked (CSS).
  const handle = document.createElement('div');
  handle.className = 'lp-dock-handle';
  handle.tabIndex = 0;
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'horizontal');
  handle.setAttribute('aria-label', strings.dockResize);
  const collapse = button('lp-dock-collapse', strings.dockCollapse);
  collapse.setAttribute('aria-expanded', 'true');
  const undock = button('lp-dock-undock', strings.dockUndock);
  root.prepend(handle);
  bar.append(collapse, undock);

  const maxHeight = () => Math.max(MIN_HEIGHT, Math.round(window.innerHeight * 0.7));
  const setHeight = (px: number) => {
    height = Math.round(Math.min(maxHeight(), Math.max(MIN_HEIGHT, px)));
    root.style.setProperty('--lp-height', `${height}px`);
    handle.setAttribute('aria-valuemin', String(MIN_HEIGHT));
    handle.setAttribute('aria-valuemax', String(maxHeight()));
    handle.setAttribute('aria-valuenow', String(height));
    handle.setAttribute('aria-valuetext', `${height} px`);
  };
  // The room the page keeps at its end for the dock, following its height (resize, collapse, toolbar wrap).
  const space = new ResizeObserver(() => {
    if (placeholder) html.style.setProperty('--lp-dock-space', `${root.offsetHeight}px`);
  });

  const setCollapsed = (collapsed: boolean) => {
    if (collapsed) root.dataset.collapsed = '';
    else delete root.dataset.collapsed;
    collapse.textContent = collapsed ? strings.dockExpand : strings.dockCollapse;
    collapse.setAttribute('aria-expanded', String(!collapsed));
  };

  // Scrolling back to where the playground lives puts it back there: the placeholder has its height, so
  // nothing on the page moves.
  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!placeholder) return;
      const box = placeholder.getBoundingClientRect();
      if (box.top >= 0 && box.bottom <= window.innerHeight - root.offsetHeight) api.undock();
    });
  };

  const api: PlaygroundDock = {
    get docked() {
      return placeholder !== null;
    },
    dock() {
      setCollapsed(false);
      if (placeholder) return;
      placeholder = document.createElement('div');
      placeholder.className = 'lp-dock-placeholder';
      const style = getComputedStyle(root);
      placeholder.style.height = `${root.offsetHeight}px`;
      placeholder.style.marginBlock = `${style.marginTop} ${style.marginBottom}`;
      root.before(placeholder);
      root.dataset.docked = '';
      root.setAttribute('role', 'region');
      root.setAttribute('aria-label', strings.dockRegion);
      html.dataset.lpDock = '';
      // A third of the window at first: the block that was run stays in sight above it on most screens.
      setHeight(height || Math.min(terminal.offsetHeight || 352, window.innerHeight * 0.3));
      // At once (the observer would set it before the next frame): the focused element is brought above the dock
      // just below, with the room and the scroll padding this sets.
      html.style.setProperty('--lp-dock-space', `${root.offsetHeight}px`);
      space.observe(root);
      window.addEventListener('scroll', onScroll, { passive: true });
      // A keyboard user's focus (the Run button just pressed) must not end up behind the dock (WCAG 2.4.11).
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && !root.contains(focused) && focused.matches(':focus-visible')) {
        const box = focused.getBoundingClientRect();
        if (box.bottom > window.innerHeight - root.offsetHeight)
          focused.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      }
    },
    undock() {
      if (!placeholder) return;
      window.removeEventListener('scroll', onScroll);
      space.disconnect();
      placeholder.remove();
      placeholder = null;
      delete root.dataset.docked;
      root.removeAttribute('role');
      root.removeAttribute('aria-label');
      setCollapsed(false);
      root.style.setProperty('--lp-height', inPageHeight);
      delete html.dataset.lpDock;
      html.style.removeProperty('--lp-dock-space');
    },
  };

  collapse.addEventListener('click', () => setCollapsed(root.dataset.collapsed === undefined));
  undock.addEventListener('click', () => api.undock());
  handle.addEventListener('keydown', (event) => {
    const change: Record<string, number> = {
      ArrowUp: STEP,
      ArrowDown: -STEP,
      PageUp: STEP * 4,
      PageDown: -STEP * 4,
      Home: Number.POSITIVE_INFINITY,
      End: Number.NEGATIVE_INFINITY,
    };
    const delta = change[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    setCollapsed(false);
    setHeight(height + delta);
  });
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    setCollapsed(false);
    const startY = event.clientY;
    const startHeight = height;
    const move = (e: PointerEvent) => setHeight(startHeight + (startY - e.clientY));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });
  window.addEventListener('resize', () => {
    if (placeholder) setHeight(height);
  });
  return api;
}
