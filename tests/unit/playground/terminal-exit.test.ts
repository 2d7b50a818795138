import { describe, expect, test } from 'vitest';
import { playgroundStrings } from '../../../src/playground/strings.ts';
import { createTerminalExit, ESCAPE_HOLD_MS, type KeyPress } from '../../../src/playground/terminal-exit.ts';

/** A terminal-exit with a hand-driven clock: `tick(ms)` fires what is due. */
function setUp() {
  const sent: string[] = [];
  let now = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  let next = 0;
  const exit = createTerminalExit((data) => sent.push(data), {
    set(callback, ms) {
      due.set(++next, { at: now + ms, callback });
      return next;
    },
    clear(handle) {
      due.delete(handle as number);
    },
  });
  const tick = (ms: number) => {
    now += ms;
    for (const [handle, timer] of [...due]) {
      if (timer.at <= now) {
        due.delete(handle);
        timer.callback();
      }
    }
  };
  return { exit, sent, tick };
}

const key = (k: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  type: 'keydown',
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...extra,
});

describe('leaving the terminal from the keyboard', () => {
  test('Tab alone stays with the shell (completion); Escape then Tab leaves, and the guest never sees the Escape', () => {
    const { exit, sent, tick } = setUp();
    expect(exit.onKey(key('Tab'))).toBe(true);
    expect(exit.onKey(key('Escape'))).toBe(false);
    expect(exit.onKey(key('Tab'))).toBe(false);
    tick(ESCAPE_HOLD_MS * 2);
    expect(sent).toEqual([]);
    // Back in the terminal, Tab completes again.
    expect(exit.onKey(key('Tab'))).toBe(true);
  });

  test('Escape, Shift, Shift+Tab leaves backwards: pressing Shift does not give the Escape away', () => {
    const { exit, sent } = setUp();
    exit.onKey(key('Escape'));
    expect(exit.onKey(key('Shift', { shiftKey: true }))).toBe(true);
    expect(exit.onKey(key('Tab', { shiftKey: true }))).toBe(false);
    expect(sent).toEqual([]);
  });

  test('Escape followed by another key, or by nothing, reaches the guest (vi and less need it), before that key', () => {
    const { exit, sent, tick } = setUp();
    exit.onKey(key('Escape'));
    expect(sent).toEqual([]);
    expect(exit.onKey(key(':'))).toBe(true);
    expect(sent).toEqual(['\x1b']);
    exit.onKey(key('Escape'));
    tick(ESCAPE_HOLD_MS - 1);
    expect(sent).toEqual(['\x1b']);
    tick(1);
    expect(sent).toEqual(['\x1b', '\x1b']);
    // Too late for Tab to leave: it completes.
    expect(exit.onKey(key('Tab'))).toBe(true);
  });

  test('Escape Escape sends the first; Ctrl+Tab or Alt+Escape are not the way out; blur sends a held Escape', () => {
    const { exit, sent } = setUp();
    exit.onKey(key('Escape'));
    exit.onKey(key('Escape'));
    expect(sent).toEqual(['\x1b']);
    expect(exit.onKey(key('Tab', { ctrlKey: true }))).toBe(true);
    expect(sent).toEqual(['\x1b', '\x1b']);
    expect(exit.onKey(key('Escape', { altKey: true }))).toBe(true);
    exit.onKey(key('Escape'));
    exit.flush();
    expect(sent).toEqual(['\x1b', '\x1b', '\x1b']);
    exit.onKey(key('Escape'));
    exit.dispose();
    exit.flush();
    expect(sent).toHaveLength(3);
  });

  test('key-up events and IME composition pass through untouched', () => {
    const { exit, sent } = setUp();
    expect(exit.onKey({ ...key('Escape'), type: 'keyup' })).toBe(true);
    expect(exit.onKey(key('Escape', { isComposing: true }))).toBe(true);
    expect(sent).toEqual([]);
  });

  test('the toolbar says how to leave, in both languages', () => {
    expect(playgroundStrings.ja.terminalExit).toMatch(/Esc.*Tab/);
    expect(playgroundStrings.en.terminalExit).toMatch(/Esc.*Tab/);
  });
});
