// The host side of the program channel on the guest's second serial port (ttyS1).
// Guest side and protocol: src/guest/tools/agent.c and src/guest/README.md.
// Pure code (no v86, no DOM, no Node APIs) so it is unit-tested byte by byte.

const RECORD_SEPARATOR = 0x1e;
const NEWLINE = 0x0a;
const encoder = new TextEncoder();

export type ChannelStatus = number | 'timeout';

export type ChannelEvent =
  | { type: 'ready' }
  | { type: 'begin'; id: string }
  | { type: 'data'; id: string; bytes: Uint8Array }
  | { type: 'end'; id: string; status: ChannelStatus };

/** Bytes to send for running `command` under `sh -c` with id `id`. */
export function encodeRun(id: string, timeoutMs: number, command: string): Uint8Array {
  return encoder.encode(
    `RUN ${id} ${Math.max(0, Math.round(timeoutMs))} ${toBase64(encoder.encode(command))}\n`,
  );
}

/** Bytes that ask the agent to kill the process group of a running command. */
export function encodeCancel(id: string): Uint8Array {
  return encoder.encode(`CANCEL ${id}\n`);
}

/** Bytes that set the guest's wall clock (CLOCK_REALTIME) to `unixMs`. */
export function encodeClock(id: string, unixMs: number): Uint8Array {
  return encoder.encode(`CLOCK ${id} ${Math.round(unixMs)}\n`);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Turns the byte stream from ttyS1 into events. Output inside a frame is passed through untouched;
 * a frame ends only at the exact bytes `\x1eVLAB-END <its id> `, which a command cannot know in
 * advance, so no output can end a frame early.
 */
export class ProgramChannelReader {
  readonly #listener: (event: ChannelEvent) => void;
  /** A control line after \x1e, outside a frame. */
  #line: number[] | null = null;
  #frameId: string | null = null;
  #endMarker = new Uint8Array(0);
  #matched = 0;
  #status: number[] | null = null;
  #data: number[] = [];

  constructor(listener: (event: ChannelEvent) => void) {
    this.#listener = listener;
  }

  push(byte: number): void {
    if (this.#frameId === null) this.#outsideFrame(byte);
    else this.#insideFrame(this.#frameId, byte);
  }

  pushAll(bytes: Iterable<number>): void {
    for (const byte of bytes) this.push(byte);
  }

  /** Emits the output collected so far as one `data` event (call after each batch of bytes). */
  flush(): void {
    if (this.#frameId === null || this.#data.length === 0) return;
    const bytes = Uint8Array.from(this.#data);
    this.#data = [];
    this.#listener({ type: 'data', id: this.#frameId, bytes });
  }

  #outsideFrame(byte: number): void {
    if (byte === RECORD_SEPARATOR) {
      this.#line = [];
      return;
    }
    if (this.#line === null) return; // Noise between frames (none is expected) is dropped.
    if (byte !== NEWLINE) {
      this.#line.push(byte);
      return;
    }
    const line = String.fromCharCode(...this.#line);
    this.#line = null;
    if (line === 'VLAB-READY') {
      this.#listener({ type: 'ready' });
    } else if (line.startsWith('VLAB-BEGIN ')) {
      const id = line.slice('VLAB-BEGIN '.length);
      this.#frameId = id;
      this.#endMarker = encoder.encode(`\x1eVLAB-END ${id} `);
      this.#matched = 0;
      this.#status = null;
      this.#listener({ type: 'begin', id });
    }
  }

  #insideFrame(id: string, byte: number): void {
    if (this.#status !== null) {
      if (byte !== NEWLINE) {
        this.#status.push(byte);
        return;
      }
      const text = String.fromCharCode(...this.#status);
      this.flush();
      this.#frameId = null;
      this.#status = null;
      this.#listener({ type: 'end', id, status: text === 'timeout' ? 'timeout' : Number.parseInt(text, 10) });
      return;
    }
    if (byte === this.#endMarker[this.#matched]) {
      this.#matched++;
      if (this.#matched === this.#endMarker.length) this.#status = [];
      return;
    }
    // Not the marker after all: what looked like its start was output. The marker's only \x1e is
    // its first byte, so the current byte can only restart a match, never continue one.
    for (let i = 0; i < this.#matched; i++) this.#data.push(this.#endMarker[i] ?? 0);
    this.#matched = 0;
    if (byte === RECORD_SEPARATOR) this.#matched = 1;
    else this.#data.push(byte);
  }
}
