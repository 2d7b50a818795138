// The learner's console on ttyS0: turns the byte stream into text and watches it for a kernel
// panic, which the kernel prints on the console (console=ttyS0) and then hangs (panic=0).
// https://www.kernel.org/doc/html/v6.1/admin-guide/bug-hunting.html

const PANIC = 'Kernel panic - not syncing:';
const TAIL_CHARS = 4096;

export class ConsoleStream {
  readonly #decoder = new TextDecoder('utf-8');
  readonly #onText: (text: string) => void;
  readonly #onPanic: (line: string, tail: string) => void;
  #pending: number[] = [];
  #tail = '';
  #panicked = false;

  constructor(onText: (text: string) => void, onPanic: (line: string, tail: string) => void) {
    this.#onText = onText;
    this.#onPanic = onPanic;
  }

  push(byte: number): void {
    this.#pending.push(byte);
  }

  /** Decodes what arrived since the last flush and reports it (call once per batch of bytes). */
  flush(): void {
    if (this.#pending.length === 0) return;
    const text = this.#decoder.decode(Uint8Array.from(this.#pending), { stream: true });
    this.#pending = [];
    if (!text) return;
    this.#tail = (this.#tail + text).slice(-TAIL_CHARS);
    this.#onText(text);
    this.#checkPanic();
  }

  /** The last few KB of console text, for error reports. */
  get tail(): string {
    return this.#tail;
  }

  #checkPanic(): void {
    if (this.#panicked) return;
    const start = this.#tail.indexOf(PANIC);
    if (start < 0) return;
    // Wait for the end of the line, so the report names the reason ("Attempted to kill init!", ...).
    const end = this.#tail.indexOf('\n', start);
    if (end < 0) return;
    this.#panicked = true;
    this.#onPanic(this.#tail.slice(start, end).trim(), this.#tail);
  }
}
