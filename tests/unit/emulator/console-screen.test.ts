import { describe, expect, it } from 'vitest';
import { ConsoleScreen, SCREEN_CHARS, screenToKeep } from '../../../src/emulator/console-screen.ts';
import { cleanScreen } from '../../../src/guest/saved-state.ts';

const PROMPT = 'root@vlab:~# ';
const QUERY = '\u001b[6n';

describe('screenToKeep', () => {
  it('drops the cursor-position queries ash sends after each prompt, so a replay does not answer them', () => {
    expect(screenToKeep(`${PROMPT}${QUERY}ls\r\nfile\r\n${PROMPT}${QUERY}`)).toBe(
      `${PROMPT}ls\r\nfile\r\n${PROMPT}`,
    );
  });

  it('keeps short text whole', () => {
    expect(screenToKeep('a\r\nb')).toBe('a\r\nb');
  });

  it('cuts long text to its end, starting at a line start', () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}`);
    const kept = screenToKeep(lines.join('\r\n'));
    expect(kept.length).toBeLessThanOrEqual(SCREEN_CHARS);
    expect(kept.endsWith(lines.at(-1) as string)).toBe(true);
    expect(lines).toContain(kept.split('\r\n')[0]);
  });
});

describe('ConsoleScreen', () => {
  it('keeps what arrives, in order, bounded', () => {
    const screen = new ConsoleScreen();
    for (let i = 0; i < 5_000; i++) screen.append(`out ${i}\r\n`);
    screen.append(PROMPT);
    expect(screen.text.length).toBeLessThanOrEqual(SCREEN_CHARS);
    expect(screen.text.endsWith(`out 4999\r\n${PROMPT}`)).toBe(true);
    screen.clear();
    expect(screen.text).toBe('');
  });
});

describe('cleanScreen (what the clean guest shows when restored)', () => {
  it("starts at the shell's banner, leaving out the kernel's boot warnings", () => {
    const console = `MPTABLE: no processors registered!\r\nBusyBox v1.35.0 built-in shell (ash)\r\n\r\n${PROMPT}${QUERY}`;
    expect(cleanScreen(console)).toBe(`BusyBox v1.35.0 built-in shell (ash)\r\n\r\n${PROMPT}`);
  });

  it('keeps everything when there is no banner', () => {
    expect(cleanScreen(`boot\r\n${PROMPT}`)).toBe(`boot\r\n${PROMPT}`);
  });
});
