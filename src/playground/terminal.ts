// One xterm.js terminal in a playground: sized to its box, coloured like the page (light or dark), with an
// optional screen-reader mode. Loaded only when the learner starts a playground.
import { FitAddon } from '@xterm/addon-fit';
import { type ITheme, Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

export interface TerminalPanel {
  terminal: Terminal;
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

export function createTerminalPanel(host: HTMLElement, label: string): TerminalPanel {
  const terminal = new Terminal({
    convertEol: false,
    cursorBlink: true,
    fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK JP', monospace",
    fontSize: 14,
    scrollback: 5000,
    theme: themeFrom(host),
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);
  terminal.textarea?.setAttribute('aria-label', label);
  fit.fit();

  // Refit when the box changes size (window resize, sidebar toggle, font load).
  const resize = new ResizeObserver(() => fit.fit());
  resize.observe(host);
  // Starlight switches theme by changing <html data-theme>; follow it.
  const themeWatch = new MutationObserver(() => {
    terminal.options.theme = themeFrom(host);
  });
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    terminal,
    setScreenReaderMode(on) {
      terminal.options.screenReaderMode = on;
    },
    dispose() {
      resize.disconnect();
      themeWatch.disconnect();
      terminal.dispose();
    },
  };
}
