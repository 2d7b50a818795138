// Keys a touch keyboard lacks, for the terminal on phones and tablets: Ctrl (sticky: it applies to the next
// key typed), Esc, Tab, the arrows, |, ~ and /. Shown only where the primary pointer is coarse (CSS). The
// buttons never take focus from the terminal, so the on-screen keyboard stays open.
import type { PlaygroundStrings } from './strings.ts';

/** What Ctrl plus one typed character sends, as a terminal would: Ctrl-C is \x03, Ctrl-[ is Esc. */
export function withCtrl(data: string): string {
  if (data.length !== 1) return data;
  const code = data.toUpperCase().charCodeAt(0);
  if (code >= 0x40 && code <= 0x5f) return String.fromCharCode(code & 0x1f); // @ A–Z [ \ ] ^ _
  if (data === ' ') return '\x00';
  if (data === '?') return '\x7f';
  return data;
}

/** The bytes of an arrow key: the application cursor mode (less, vi, top) wants ESC O, the shell ESC [. */
export function arrow(key: 'A' | 'B' | 'C' | 'D', applicationCursor: boolean): string {
  return `\x1b${applicationCursor ? 'O' : '['}${key}`;
}

export interface KeyBar {
  element: HTMLElement;
  /** Applies a pending Ctrl to what the terminal typed (and releases it). */
  transform(data: string): string;
}

export function createKeyBar(
  strings: PlaygroundStrings,
  send: (data: string) => void,
  applicationCursor: () => boolean,
): KeyBar {
  const bar = document.createElement('div');
  bar.className = 'lp-keys';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', strings.keysLabel);
  let ctrl = false;
  const keys: [text: string, label: string, data: () => string][] = [
    ['Esc', strings.keyEsc, () => '\x1b'],
    ['Tab', strings.keyTab, () => '\t'],
    ['←', strings.keyLeft, () => arrow('D', applicationCursor())],
    ['↑', strings.keyUp, () => arrow('A', applicationCursor())],
    ['↓', strings.keyDown, () => arrow('B', applicationCursor())],
    ['→', strings.keyRight, () => arrow('C', applicationCursor())],
    ['|', strings.keyPipe, () => '|'],
    ['~', strings.keyTilde, () => '~'],
    ['/', strings.keySlash, () => '/'],
  ];
  const make = (text: string, label: string) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label !== text) b.setAttribute('aria-label', label);
    // Keep focus (and the on-screen keyboard) in the terminal.
    b.addEventListener('pointerdown', (event) => event.preventDefault());
    bar.append(b);
    return b;
  };
  const ctrlButton = make('Ctrl', strings.keyCtrl);
  ctrlButton.dataset.key = 'ctrl';
  const setCtrl = (on: boolean) => {
    ctrl = on;
    ctrlButton.setAttribute('aria-pressed', String(on));
  };
  setCtrl(false);
  ctrlButton.addEventListener('click', () => setCtrl(!ctrl));
  for (const [text, label, data] of keys) {
    const b = make(text, label);
    b.addEventListener('click', () => {
      const bytes = data();
      // Ctrl with a one-character key (Ctrl-/ is not a thing here): applied; with Esc, Tab, arrows: dropped.
      send(ctrl ? withCtrl(bytes) : bytes);
      setCtrl(false);
    });
  }
  return {
    element: bar,
    transform(data) {
      if (!ctrl) return data;
      setCtrl(false);
      return withCtrl(data);
    },
  };
}
