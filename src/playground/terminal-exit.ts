// The way out of the terminal for keyboard users. xterm takes every key, Tab included (the shell completes with
// it), so Tab alone can never leave the terminal: that would be a keyboard trap (WCAG 2.1.2). As in CodeMirror's
// editor, Escape followed by Tab (or Shift+Tab) moves focus out instead. Escape itself is held back
// for a moment: if Tab follows, the guest never sees it (a lone ESC would make the shell read the next key typed,
// after the learner comes back, as Meta+key); if anything else follows, or nothing does, it is sent as usual,
// so vi and less get their Escape. The playground's toolbar says how to leave (strings.terminalExit).

/** How long a held Escape waits for the Tab that leaves; after that it goes to the guest. */
export const ESCAPE_HOLD_MS = 1_000;

/** The parts of a KeyboardEvent that decide what a key does here. */
export interface KeyPress {
  type: string;
  key: string;
  shiftKey?: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

export interface TerminalExit {
  /**
   * xterm's custom key handler: false means xterm must not handle the event (Escape is held, or Tab leaves and
   * the browser moves focus as for any other element).
   */
  onKey(event: KeyPress): boolean;
  /** Sends a held Escape now (the terminal lost focus another way). */
  flush(): void;
  /** Drops a held Escape (the terminal is going away). */
  dispose(): void;
}

export function createTerminalExit(
  send: (data: string) => void,
  timers: {
    set(callback: () => void, ms: number): unknown;
    clear(handle: unknown): void;
  } = {
    set: (callback, ms) => setTimeout(callback, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): TerminalExit {
  let held: unknown;
  const flush = () => {
    if (held === undefined) return;
    timers.clear(held);
    held = undefined;
    send('\x1b');
  };
  return {
    flush,
    dispose() {
      timers.clear(held);
      held = undefined;
    },
    onKey(event) {
      if (event.type !== 'keydown' || event.isComposing) return true;
      const modified = event.ctrlKey || event.altKey || event.metaKey;
      if (event.key === 'Tab' && held !== undefined && !modified) {
        timers.clear(held);
        held = undefined;
        return false;
      }
      if (event.key === 'Escape' && !modified && !event.shiftKey) {
        // Escape, Escape: the first one goes, the second waits in its place.
        flush();
        held = timers.set(flush, ESCAPE_HOLD_MS);
        return false;
      }
      // Shift pressed on the way to Shift+Tab must not give the held Escape away.
      if (!MODIFIERS.has(event.key)) flush();
      return true;
    },
  };
}
