// When has a command the learner typed finished? The terminal cannot know for sure, so it watches the
// console: after Enter, the first prompt the shell prints again (`…# ` or `…$ ` at the end of the output)
// settles it. Output that stays quiet for `quietMs` also reports it settled (a foreground program waiting
// for input, a slow command), but keeps waiting for the prompt, which reports once more: a command that is
// quiet for a while and then changes things (memhog, OOM-killed seconds later) is still seen. `maxMs`
// bounds the wait for a command that keeps printing or never gives the prompt back.

export interface SettleOptions {
  quietMs?: number;
  maxMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A shell prompt at the very end of the output: `root@vlab:~# ` (ash's PS1 `\u@\h:\w\$ `). */
const PROMPT_AT_END = /[#$] $/;
/** ANSI escape sequences (colour, cursor, bracketed paste) that may follow the prompt. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point.
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

export class CommandSettler {
  readonly #onSettled: () => void;
  readonly #quietMs: number;
  readonly #maxMs: number;
  readonly #set: (callback: () => void, ms: number) => unknown;
  readonly #clear: (handle: unknown) => void;
  #quietTimer: unknown;
  #maxTimer: unknown;
  #tail = '';
  #waiting = false;

  constructor(onSettled: () => void, options: SettleOptions = {}) {
    this.#onSettled = onSettled;
    this.#quietMs = options.quietMs ?? 1_000;
    this.#maxMs = options.maxMs ?? 60_000;
    this.#set = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.#clear = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** The learner pressed Enter. A second Enter before the first settled just keeps waiting. */
  command(): void {
    this.#tail = '';
    if (!this.#waiting) {
      this.#waiting = true;
      this.#maxTimer = this.#set(() => this.dispose(), this.#maxMs);
    }
    this.#armQuiet();
  }

  /** Console output, as it arrives. */
  output(text: string): void {
    if (!this.#waiting) return;
    this.#tail = (this.#tail + text).slice(-200);
    if (PROMPT_AT_END.test(this.#tail.replace(ESCAPES, ''))) this.#settle();
    else this.#armQuiet();
  }

  dispose(): void {
    this.#clear(this.#quietTimer);
    this.#clear(this.#maxTimer);
    this.#waiting = false;
  }

  #armQuiet(): void {
    this.#clear(this.#quietTimer);
    this.#quietTimer = this.#set(() => {
      if (this.#waiting) this.#onSettled();
    }, this.#quietMs);
  }

  #settle(): void {
    if (!this.#waiting) return;
    this.dispose();
    this.#onSettled();
  }
}
