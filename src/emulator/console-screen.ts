// What a restored machine's terminal shows first: the text its console printed before the state was saved.
// A restored guest prints nothing until something makes its shell print again, so a fresh terminal would stay
// empty. Showing what the console had printed (the learner's own scrollback, or for the clean guest its banner
// and prompt) makes the terminal look as it did when the machine was saved, with no keystroke sent to the guest.

/** How much console text is kept with a saved machine (and replayed into the terminal). */
export const SCREEN_CHARS = 16_000;

/** The cursor-position query busybox ash sends after each prompt (ESC [ 6 n). */
const CURSOR_QUERY = '\u001b[6n';

/**
 * The part of `text` worth showing again: its last SCREEN_CHARS characters from a line start, without
 * cursor-position queries (replayed, the terminal would answer them and type the answer into the guest).
 */
export function screenToKeep(text: string): string {
  let kept = text.replaceAll(CURSOR_QUERY, '');
  if (kept.length > SCREEN_CHARS) {
    kept = kept.slice(-SCREEN_CHARS);
    const lineStart = kept.indexOf('\n');
    if (lineStart >= 0) kept = kept.slice(lineStart + 1);
  }
  return kept;
}

/** Console text as it arrives, bounded: what screenToKeep is later cut from. */
export class ConsoleScreen {
  #text = '';

  append(text: string): void {
    this.#text += text;
    if (this.#text.length > 2 * SCREEN_CHARS) this.#text = this.#text.slice(-SCREEN_CHARS - 1_000);
  }

  clear(): void {
    this.#text = '';
  }

  get text(): string {
    return screenToKeep(this.#text);
  }
}
