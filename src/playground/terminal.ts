// One xterm.js terminal in a playground: sized to its box, coloured like the page (light or dark), with an
// optional screen-reader mode and, on touch screens, a bar of the keys a touch keyboard lacks (key-bar.ts).
// Loaded only when the learner starts a playground.
import { FitAddon } from '@xterm/addon-fit';
import { type ITheme, Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { createKeyBar } from './key-bar.ts';
import type { PlaygroundStrings } from './strings.ts';
import { createTerminalExit } from './terminal-exit.ts';

export interface TerminalPanel {
  terminal: Terminal;
  /** What the learner typed, in the terminal or on the key bar (with its sticky Ctrl applied). */
  onInput(listener: (data: string) => void): void;
  setScreenReaderMode(on: boolean): void;
  dispose(): void;
}

/** Colours from the playground's CSS custom properties, which follow Starlight's data-theme. */
function themeFrom(element: HTMLElement): ITheme {
  const css = getComputedStyle(element);
  const value = (name: string) => css.getPropertyValue(name).trim();
  return {
    background: value('--lp-term-bg'),
    foreground: value('--lp-term-fg'),
    cursor: value('--lp-term-fg'),
    cursorAccent: value('--lp-term-bg'),
    selectionBackground: value('--lp-term-selection'),
  };
}

/** A blinking cursor is motion: readers who asked for less get a steady one (and the change is followed). */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

export function createTerminalPanel(
  host: HTMLElement,
  strings: PlaygroundStrings,
  exitHintId: string,
): TerminalPanel {
  const terminal = new Terminal({
    convertEol: false,
    cursorBlink: !reducedMotion.matches,
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK JP', monospace",
    fontSize: 14,
    scrollback: 5000,
    theme: themeFrom(host),
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  terminal.textarea?.setAttribute('aria-label', strings.terminalLabel);
  // Screen readers say how to leave when the terminal takes focus; the toolbar shows the same text.
  terminal.textarea?.setAttribute('aria-describedby', exitHintId);
  fit.fit();

  const listeners = new Set<(data: string) => void>();
  const emit = (data: string) => {
    for (const listener of listeners) listener(data);
  };
  const keys = createKeyBar(strings, emit, () => terminal.modes.applicationCursorKeysMode);
  host.after(keys.element);
  const typed = terminal.onData((data) => emit(keys.transform(data)));
  // Escape, then Tab: out of the terminal (terminal-exit.ts).
  const exit = createTerminalExit(emit);
  terminal.attachCustomKeyEventHandler((event) => exit.onKey(event));
  terminal.textarea?.addEventListener('blur', exit.flush);
  const followMotion = () => {
    terminal.options.cursorBlink = !reducedMotion.matches;
  };
  reducedMotion.addEventListener('change', followMotion);

  // Refit when the box changes size (window resize, sidebar toggle, font load, docking). xterm pauses while off
  // screen, and a resize it took then (a started playground scrolled away, then docked by a Run) left its view on
  // old lines: the docked terminal showed neither the command nor its output. So the fit waits until the terminal
  // is on screen, and a terminal that showed its latest line when it went shows it again when it comes back.
  let onScreen = false;
  let fitPending = false;
  let atBottom = true;
  const resize = new ResizeObserver(() => {
    if (onScreen) fit.fit();
    else fitPending = true;
  });
  const visibility = new IntersectionObserver((entries) => {
    onScreen = entries.at(-1)?.isIntersecting ?? false;
    const buffer = terminal.buffer.active;
    if (!onScreen) {
      atBottom = buffer.viewportY >= buffer.baseY;
      return;
    }
    if (fitPending) fit.fit();
    fitPending = false;
    if (atBottom) terminal.scrollToBottom();
  });
  visibility.observe(host);
  resize.observe(host);
  // Starlight switches theme by changing <html data-theme>; follow it.
  const themeWatch = new MutationObserver(() => {
    terminal.options.theme = themeFrom(host);
  });
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    terminal,
    onInput(listener) {
      listeners.add(listener);
    },
    setScreenReaderMode(on) {
      terminal.options.screenReaderMode = on;
    },
    dispose() {
      exit.dispose();
      reducedMotion.removeEventListener('change', followMotion);
      resize.disconnect();
      visibility.disconnect();
      themeWatch.disconnect();
      typed.dispose();
      keys.element.remove();
      terminal.dispose();
    },
  };
}
