// Typing journaled input (input-journal.ts) into a restored machine, and telling when a command has settled.
// Pure: the machine client supplies the clock and the console.
//
// The input is typed again in chunks that end where the learner had to wait for the machine: after Enter,
// Ctrl-C, Ctrl-D or Ctrl-Z. After each such chunk the replay waits until the shell's prompt is back or the
// console has been quiet for a moment, as the learner did; sent all at once, a Ctrl-C meant for a running
// command would reach the shell before the command started, and lines meant for an interactive program
// could be read by the shell. What replaying cannot give back, the playground's README section says.

/** A shell prompt at the very end of the output: `root@vlab:~# ` (ash's PS1 `\u@\h:\w\$ `). */
const PROMPT_AT_END = /[#$] $/;
/** ANSI escape sequences (colour, cursor, the cursor-position query ash sends after a prompt). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point.
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Whether console output ending in `tail` shows the shell's prompt, waiting for the next command. */
export function endsWithPrompt(tail: string): boolean {
  return PROMPT_AT_END.test(tail.replace(ESCAPES, ''));
}

export interface ReplayChunk {
  data: string;
  /** Wait for the prompt (or a quiet console) after sending it. */
  settle: boolean;
}

/**
 * Splits journaled input into chunks, each ending after Enter or Ctrl-C/D/Z; the last one may not (a line the
 * learner had begun typing: it goes back on the command line, unrun, as they left it).
 */
export function replayChunks(input: string): ReplayChunk[] {
  const chunks: ReplayChunk[] = [];
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i);
    if (c === '\r' || c === '\x03' || c === '\x04' || c === '\x1a') {
      chunks.push({ data: input.slice(start, i + 1), settle: true });
      start = i + 1;
    }
  }
  if (start < input.length) chunks.push({ data: input.slice(start), settle: false });
  return chunks;
}

/** How many lines (Enter presses) `input` holds: what the learner is told was typed again. */
export function linesIn(input: string): number {
  return input.split('\r').length - 1;
}

/**
 * Watches console output after input was sent: `settled` resolves when the prompt is back, or the output
 * stayed quiet for `quietMs`, or after `maxMs` at most.
 */
export class SettleWatch {
  #tail = '';
  #quiet: ReturnType<typeof setTimeout> | undefined;
  #max: ReturnType<typeof setTimeout> | undefined;
  #resolve: () => void = () => {};
  readonly settled: Promise<void>;

  constructor(
    readonly quietMs: number,
    maxMs: number,
  ) {
    this.settled = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    this.#max = setTimeout(() => this.#done(), maxMs);
    this.#armQuiet();
  }

  output(text: string): void {
    this.#tail = (this.#tail + text).slice(-200);
    if (endsWithPrompt(this.#tail)) this.#done();
    else this.#armQuiet();
  }

  cancel(): void {
    this.#done();
  }

  #armQuiet(): void {
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => this.#done(), this.quietMs);
  }

  #done(): void {
    clearTimeout(this.#quiet);
    clearTimeout(this.#max);
    this.#resolve();
  }
}
