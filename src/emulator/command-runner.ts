// Runs programs in the guest over the program channel (ttyS1), one at a time, and turns frames
// into results. It knows nothing about v86: the Guest feeds it bytes and gives it a send function.
import { CommandTimeoutError } from './errors.ts';
import {
  type ChannelEvent,
  encodeCancel,
  encodeClock,
  encodeRun,
  ProgramChannelReader,
} from './program-channel.ts';

export interface RunOptions {
  /** The guest kills the command's process group after this long. Default 10 s. */
  timeoutMs?: number;
}

export interface RunResult {
  /** stdout and stderr, interleaved as the command wrote them, decoded as UTF-8. */
  output: string;
  exitCode: number;
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** After the guest's own deadline, how long to wait before sending CANCEL, then before giving up. */
const CANCEL_AFTER_MS = 1_000;
const GIVE_UP_AFTER_MS = 5_000;

interface Pending {
  id: string;
  command: string;
  timeoutMs: number;
  started: number;
  decoder: TextDecoder;
  output: string;
  timers: ReturnType<typeof setTimeout>[];
  resolve: (result: RunResult) => void;
  reject: (error: Error) => void;
}

export class CommandRunner {
  readonly #send: (bytes: Uint8Array) => void;
  readonly #reader = new ProgramChannelReader((event) => this.#onEvent(event));
  /** Random per runner, so an id from an older guest (before a restore) never matches. */
  readonly #nonce = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  #counter = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #pending: Pending | null = null;
  #failure: Error | null = null;
  #flushScheduled = false;
  #readyWaiters: (() => void)[] = [];

  constructor(send: (bytes: Uint8Array) => void) {
    this.#send = send;
  }

  /** One byte from ttyS1. Output is handed on in batches, once per task. */
  push(byte: number): void {
    this.#reader.push(byte);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(() => {
      this.#flushScheduled = false;
      this.#reader.flush();
    });
  }

  /** Resolves at the agent's ready marker (printed once, when the guest's init is done). */
  waitForReady(): Promise<void> {
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  run(command: string, options: RunOptions = {}): Promise<RunResult> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return this.#enqueue((id) => ({ bytes: encodeRun(id, timeoutMs, command), command, timeoutMs }));
  }

  /** Sets the guest's wall clock; after a restore it still shows the time the state was saved. */
  async setClock(unixMs: number): Promise<void> {
    await this.#enqueue((id) => ({ bytes: encodeClock(id, unixMs), command: '(set clock)', timeoutMs: 0 }));
  }

  /** Rejects the running command and every later one with `error` (the guest is gone). */
  fail(error: Error): void {
    this.#failure ??= error;
    const pending = this.#pending;
    if (pending) this.#settle(pending, () => pending.reject(error));
  }

  #enqueue(
    make: (id: string) => { bytes: Uint8Array; command: string; timeoutMs: number },
  ): Promise<RunResult> {
    const result = this.#queue.then(() => this.#start(make));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #start(
    make: (id: string) => { bytes: Uint8Array; command: string; timeoutMs: number },
  ): Promise<RunResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = `${this.#nonce}-${++this.#counter}`;
    const { bytes, command, timeoutMs } = make(id);
    return new Promise<RunResult>((resolve, reject) => {
      const pending: Pending = {
        id,
        command,
        timeoutMs,
        started: performance.now(),
        decoder: new TextDecoder('utf-8'),
        output: '',
        timers: [],
        resolve,
        reject,
      };
      const deadline = Math.max(timeoutMs, 0);
      // The agent enforces timeoutMs itself; these only matter if it cannot (guest wedged).
      pending.timers.push(setTimeout(() => this.#send(encodeCancel(id)), deadline + CANCEL_AFTER_MS));
      pending.timers.push(
        setTimeout(() => {
          const error = new CommandTimeoutError(
            command,
            deadline + GIVE_UP_AFTER_MS,
            pending.output,
            'guest-unresponsive',
          );
          this.#settle(pending, () => reject(error));
        }, deadline + GIVE_UP_AFTER_MS),
      );
      this.#pending = pending;
      this.#send(bytes);
    });
  }

  #settle(pending: Pending, settle: () => void): void {
    for (const timer of pending.timers) clearTimeout(timer);
    if (this.#pending === pending) this.#pending = null;
    settle();
  }

  #onEvent(event: ChannelEvent): void {
    if (event.type === 'ready') {
      for (const resolve of this.#readyWaiters.splice(0)) resolve();
      return;
    }
    const pending = this.#pending;
    // Frames of a command we gave up on are read and dropped.
    if (!pending || event.id !== pending.id) return;
    if (event.type === 'data') {
      pending.output += pending.decoder.decode(event.bytes, { stream: true });
    } else if (event.type === 'end') {
      pending.output += pending.decoder.decode();
      const durationMs = performance.now() - pending.started;
      if (event.status === 'timeout') {
        const error = new CommandTimeoutError(pending.command, pending.timeoutMs, pending.output);
        this.#settle(pending, () => pending.reject(error));
      } else {
        const result = { output: pending.output, exitCode: event.status, durationMs };
        this.#settle(pending, () => pending.resolve(result));
      }
    }
  }
}
