import { pluginFramesTexts } from 'astro-expressive-code';
import { describe, expect, test } from 'vitest';
import { sttyCommand } from '../../../src/playground/guest-size.ts';
import { arrow, withCtrl } from '../../../src/playground/key-bar.ts';
import { playgroundStrings } from '../../../src/playground/strings.ts';
import { englishFrameTexts, restoreEnglishFrameTexts } from '../../../src/site/expressive-code-texts.ts';

describe('the touch key bar', () => {
  test('Ctrl with a letter sends the control character a terminal would, in either case', () => {
    expect(withCtrl('c')).toBe('\x03');
    expect(withCtrl('C')).toBe('\x03');
    expect(withCtrl('d')).toBe('\x04');
    expect(withCtrl('z')).toBe('\x1a');
    expect(withCtrl('[')).toBe('\x1b');
    expect(withCtrl('\\')).toBe('\x1c');
    expect(withCtrl(' ')).toBe('\x00');
    expect(withCtrl('?')).toBe('\x7f');
  });

  test('Ctrl leaves what has no control form (and multi-byte input such as an arrow) as it is', () => {
    expect(withCtrl('|')).toBe('|');
    expect(withCtrl('1')).toBe('1');
    expect(withCtrl('\x1b[A')).toBe('\x1b[A');
    expect(withCtrl('ls')).toBe('ls');
  });

  test('arrows follow the cursor-key mode (ESC [ for the shell, ESC O for less and vi)', () => {
    expect(arrow('A', false)).toBe('\x1b[A');
    expect(arrow('D', true)).toBe('\x1bOD');
  });

  test('every key has an accessible name in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const s = playgroundStrings[lang];
      for (const key of [s.keysLabel, s.keyCtrl, s.keyUp, s.keyDown, s.keyLeft, s.keyRight, s.keyPipe]) {
        expect(key.trim()).not.toBe('');
      }
    }
    expect(playgroundStrings.ja.keyUp).not.toBe(playgroundStrings.en.keyUp);
  });
});

describe('the guest terminal size', () => {
  test('stty sets the console tty to the terminal size, clamped to what a tty accepts', () => {
    expect(sttyCommand(24, 38)).toBe('stty -F /dev/ttyS0 rows 24 cols 38');
    expect(sttyCommand(0, 12.7)).toBe('stty -F /dev/ttyS0 rows 1 cols 12');
    expect(sttyCommand(5000, 80)).toBe('stty -F /dev/ttyS0 rows 999 cols 80');
  });
});

describe("Expressive Code's frame texts", () => {
  test('English pages get English texts even after Starlight filled "en" with its Japanese fallback', () => {
    // What Starlight does for a site whose default locale is Japanese (its English set has no such keys).
    pluginFramesTexts.overrideTexts('en', {
      copyButtonTooltip: 'クリップボードにコピー',
      copyButtonCopied: 'コピーしました！',
      terminalWindowFallbackTitle: 'ターミナルウィンドウ',
    });
    pluginFramesTexts.overrideTexts('ja', { copyButtonTooltip: 'クリップボードにコピー' });
    expect(pluginFramesTexts.get('en').copyButtonTooltip).toBe('クリップボードにコピー');
    restoreEnglishFrameTexts();
    expect(pluginFramesTexts.get('en')).toMatchObject(englishFrameTexts);
    expect(pluginFramesTexts.get('ja').copyButtonTooltip).toBe('クリップボードにコピー');
  });
});
