// The one narrow door to the emulator: a real Linux guest in v86, restored from the saved state
// (or cold-booted), with the learner's console on ttyS0 and a program channel on ttyS1.
// Runs unchanged in Node and in a browser Web Worker: no DOM, no Node APIs (assets are injected).
import { V86 } from 'v86';
import type { GuestAssets } from './assets.ts';
import { CommandRunner, type RunOptions, type RunResult } from './command-runner.ts';
import { ConsoleStream } from './console-stream.ts';
import { GuestCrashedError, GuestError } from './errors.ts';
import { type LazyFileStats, LazyFiles } from './lazy-files.ts';
import { emulatorOptions } from './state-key.ts';
import { type Disposable, TypedEvents } from './typed-events.ts';
import {
  catchEmulatorExceptions,
  loadFileIndex,
  ninePRequestsInFlight,
  paceInThisThread,
  settleWithin,
  skipZeroingFreshRam,
  useFileStorage,
  zstdDecoderOf,
} from './v86-internals.ts';

export type GuestStatus = 'new' | 'starting' | 'ready' | 'crashed' | 'disposed';

export interface StartResult {
  mode: 'restored' | 'booted';
  /** From the call to restore()/coldBoot() until the program channel answered. */
  ms: number;
  /** Why restore() cold-booted instead (the state was missing, corrupt or did not answer). */
  fallbackReason?: GuestError;
}

export interface GuestEventMap {
  ready: StartResult;
  /** Text the guest printed on the learner's console (ttyS0). */
  output: string;
  error: GuestError;
  exit: { reason: 'disposed' | 'kernel-panic' | 'emulator-exception' };
}

/** What saveState() spent, filled in when asked (for the save benchmark). */
export interface SaveStateTimings {
  dropCachesMs?: number;
  /** The CPU stopped: the wait for 9p requests in flight plus serialising. */
  pausedMs?: number;
  serialiseMs?: number;
}

export interface GuestOptions {
  assets: GuestAssets;
  /** How long a cold boot may take before it counts as failed. Default 60 s. */
  bootTimeoutMs?: number;
  /** Called with each new v86 instance before it starts: a seam for tests and diagnostics only. */
  onEmulatorCreated?: (emulator: V86) => void;
  /**
   * Whether restore() cold-boots by itself when the state cannot be restored (default true). The browser
   * worker turns it off to choose for itself: report a failed download, or try the clean state first.
   */
  coldBootFallback?: boolean;
  /**
   * Called as restore() passes each step (`stateLoaded`, `emulatorCreated`, `stateRestored`: the guest runs
   * again but has not answered yet): for benchmarks, and to show the learner the terminal at once.
   */
  onStep?: (step: 'stateLoaded' | 'emulatorCreated' | 'stateRestored') => void;
}

/** How long a restored guest has to answer its first command before the state counts as broken. */
const RESTORE_ANSWER_MS = 10_000;
const DESTROY_WAIT_MS = 2_000;
/** How long saveState() waits for the guest's file reads in flight (lazy-files.ts) before it gives up. */
const SAVE_SETTLE_MS = 5_000;
const encoder = new TextEncoder();

export class Guest implements Disposable {
  readonly #events = new TypedEvents<GuestEventMap>();
  readonly #options: GuestOptions;
  #status: GuestStatus = 'new';
  #emulator: V86 | null = null;
  #runner: CommandRunner | null = null;
  #console: ConsoleStream | null = null;
  #lazyFiles: LazyFiles | null = null;

  constructor(options: GuestOptions) {
    this.#options = options;
  }

  get status(): GuestStatus {
    return this.#status;
  }

  on<K extends keyof GuestEventMap>(event: K, listener: (payload: GuestEventMap[K]) => void): Disposable {
    return this.#events.on(event, listener);
  }

  /**
   * Files of the lazily served tree (the Debian tools, the OCI image) fetched by this machine so far: each
   * at most once, on the guest's first read of it.
   */
  get lazyFileStats(): LazyFileStats {
    return this.#lazyFiles?.stats ?? { files: 0, bytes: 0 };
  }

  onConsoleOutput(listener: (text: string) => void): Disposable {
    return this.#events.on('output', listener);
  }

  /** Types into the learner's console, as keystrokes (e.g. "ls\r", or "\x03" for Ctrl-C). */
  sendConsoleInput(data: string | Uint8Array): void {
    this.#emulator?.serial_send_bytes(0, typeof data === 'string' ? encoder.encode(data) : data);
  }

  /**
   * Starts from the saved state, with the guest clock set to now. If the state cannot be had,
   * does not restore, or the restored guest does not answer, reports an `error` event
   * (code `state-unavailable`) and cold-boots instead.
   */
  async restore(): Promise<StartResult> {
    const started = performance.now();
    this.#begin();
    try {
      // Setting up the emulator (~50–100 ms) overlaps with getting the state (download, unpacking).
      // Both are awaited even when one fails, so no half-made emulator outlives the catch below.
      const step = this.#options.onStep;
      const [state, created] = await Promise.allSettled([
        this.#options.assets.state().then((buffer) => {
          step?.('stateLoaded');
          return buffer;
        }),
        this.#createEmulator({}).then((emulator) => {
          step?.('emulatorCreated');
          return emulator;
        }),
      ]);
      if (state.status === 'rejected') throw state.reason;
      if (created.status === 'rejected') throw created.reason;
      const emulator = created.value;
      // This emulator has never run, so its RAM is still all zero: restore need not zero it again.
      skipZeroingFreshRam(emulator);
      await emulator.restore_state(state.value);
      await emulator.run();
      step?.('stateRestored');
      await this.#withDeadline(
        this.#requireRunner().setClock(Date.now()),
        RESTORE_ANSWER_MS,
        'the restored guest',
      );
      return this.#ready({ mode: 'restored', ms: performance.now() - started });
    } catch (cause) {
      if (this.#status === 'disposed') throw new GuestError('disposed', 'guest was disposed while restoring');
      const reason = new GuestError(
        'state-unavailable',
        `saved state unusable (${cause instanceof Error ? cause.message : String(cause)}); cold booting instead`,
        { cause },
      );
      await this.#teardown();
      if (this.#options.coldBootFallback === false) throw reason;
      this.#events.emit('error', reason);
      const booted = await this.coldBoot();
      return { ...booted, ms: performance.now() - started, fallbackReason: reason };
    }
  }

  /** Boots BIOS and kernel from scratch and waits for the guest's ready marker (~3 s). */
  async coldBoot(): Promise<StartResult> {
    const started = performance.now();
    this.#begin();
    try {
      const assets = this.#options.assets;
      const [bios, kernel, index] = await Promise.all([assets.bios(), assets.kernel(), assets.lazyIndex()]);
      const emulator = await this.#createEmulator({ bios: { buffer: bios }, bzimage: { buffer: kernel } });
      loadFileIndex(emulator, index);
      const ready = this.#requireRunner().waitForReady();
      await emulator.run();
      await this.#withDeadline(ready, this.#options.bootTimeoutMs ?? 60_000, 'the cold boot', 'boot-timeout');
      return this.#ready({ mode: 'booted', ms: performance.now() - started });
    } catch (cause) {
      // Nothing left to fall back to: report, free the emulator, and leave the guest unusable.
      const error =
        cause instanceof GuestError
          ? cause
          : new GuestError(
              'boot-timeout',
              `cold boot failed: ${cause instanceof Error ? cause.message : String(cause)}`,
              { cause },
            );
      if (this.#status === 'starting') {
        this.#status = 'crashed';
        this.#events.emit('error', error);
        await this.#teardown();
      }
      throw error;
    }
  }

  /** Runs `command` with `sh -c` as root in the guest, on the program channel, never the console. */
  run(command: string, options?: RunOptions): Promise<RunResult> {
    if (!this.#runner || this.#status !== 'ready') {
      return Promise.reject(
        new GuestError(
          this.#status === 'disposed' ? 'disposed' : 'crashed',
          `guest is ${this.#status}, not ready`,
        ),
      );
    }
    return this.#runner.run(command, options);
  }

  /**
   * The emulator's full state, uncompressed (v86 format; restore() also accepts it zstd-compressed). First
   * the guest drops its clean page cache: with the Debian tools mounted `cache=loose`, their pages (clean
   * copies of files LazyFiles still holds) would otherwise go into every saved machine, several MB each.
   */
  async saveState(timings?: SaveStateTimings, beforePause?: () => void): Promise<ArrayBuffer> {
    if (!this.#emulator) throw new GuestError('crashed', 'no emulator to save');
    const began = performance.now();
    if (this.#status === 'ready') {
      // Freed pages are zeroed (init_on_free=1) and v86 leaves zero pages out of the state.
      await this.run('echo 1 > /proc/sys/vm/drop_caches', { timeoutMs: 2_000 }).catch(() => undefined);
    }
    // The caller's last look at a running guest (the worker notes which console input it has had by now).
    beforePause?.();
    const paused = performance.now();
    if (timings) timings.dropCachesMs = paused - began;
    const emulator = this.#emulator;
    if (!emulator) throw new GuestError('crashed', 'no emulator to save');
    // The CPU is paused so that no new 9p request starts, then the save waits for the ones in flight: a state
    // saved between v86 taking a request and answering it would come back with that process hung for good
    // (v86-internals.ts, ninePRequestsInFlight). A paused CPU costs the guest nothing but the pause.
    const wasRunning = emulator.is_running();
    await emulator.stop();
    try {
      const deadline = performance.now() + SAVE_SETTLE_MS;
      while (ninePRequestsInFlight(emulator) > 0) {
        if (performance.now() > deadline) {
          throw new GuestError(
            'save-busy',
            `not saved: the guest was still waiting for a file after ${SAVE_SETTLE_MS} ms (a state saved now would hang it)`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const serialising = performance.now();
      const state = await emulator.save_state();
      if (timings) timings.serialiseMs = performance.now() - serialising;
      return state;
    } finally {
      if (wasRunning && this.#emulator === emulator) await emulator.run();
      if (timings) timings.pausedMs = performance.now() - paused;
    }
  }

  async dispose(): Promise<void> {
    if (this.#status === 'disposed') return;
    this.#status = 'disposed';
    await this.#teardown();
    this.#events.emit('exit', { reason: 'disposed' });
    this.#events.clear();
  }

  #begin(): void {
    if (this.#status !== 'new' && this.#status !== 'starting') {
      throw new GuestError(
        'crashed',
        `restore()/coldBoot() called on a guest that is ${this.#status}; create a new Guest`,
      );
    }
    this.#status = 'starting';
  }

  #ready(result: StartResult): StartResult {
    this.#status = 'ready';
    this.#events.emit('ready', result);
    return result;
  }

  #requireRunner(): CommandRunner {
    if (!this.#runner) throw new GuestError('crashed', 'emulator is not running');
    return this.#runner;
  }

  async #createEmulator(images: {
    bios?: { buffer: ArrayBuffer };
    bzimage?: { buffer: ArrayBuffer };
  }): Promise<V86> {
    const module = await this.#options.assets.wasm();
    if (this.#status === 'disposed') throw new GuestError('disposed', 'guest was disposed while starting');
    const emulator = new V86({
      wasm_fn: async (imports) => (await WebAssembly.instantiate(module, imports)).exports,
      memory_size: emulatorOptions.memorySize,
      vga_memory_size: emulatorOptions.vgaMemorySize,
      uart1: emulatorOptions.uart1,
      acpi: emulatorOptions.acpi,
      // An empty 9p filesystem: coldBoot() loads the index, restore() gets it from the state, and the files'
      // bytes come from LazyFiles (useFileStorage below).
      ...(emulatorOptions.virtio9p ? { filesystem: {} } : {}),
      autostart: false,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      ...images,
    });
    this.#emulator = emulator;
    this.#options.onEmulatorCreated?.(emulator);
    const runner = new CommandRunner((bytes) => emulator.serial_send_bytes(1, bytes));
    const consoleStream = new ConsoleStream(
      (text) => this.#events.emit('output', text),
      (line, tail) =>
        this.#crash(new GuestCrashedError('kernel-panic', `guest kernel panicked: ${line}`, tail)),
    );
    this.#runner = runner;
    this.#console = consoleStream;
    let flushScheduled = false;
    emulator.add_listener('serial0-output-byte', (byte) => {
      consoleStream.push(byte);
      if (flushScheduled) return;
      flushScheduled = true;
      queueMicrotask(() => {
        flushScheduled = false;
        consoleStream.flush();
      });
    });
    emulator.add_listener('serial1-output-byte', (byte) => runner.push(byte));
    await new Promise<void>((resolve) => emulator.add_listener('emulator-loaded', () => resolve()));
    const lazyFiles = new LazyFiles((key) => this.#options.assets.lazyFile(key), zstdDecoderOf(emulator));
    useFileStorage(emulator, lazyFiles);
    this.#lazyFiles = lazyFiles;
    paceInThisThread(emulator);
    catchEmulatorExceptions(emulator, (cause) =>
      this.#crash(
        new GuestCrashedError(
          'emulator-exception',
          `emulator stopped on an exception: ${cause instanceof Error ? cause.message : String(cause)}`,
          this.#console?.tail ?? '',
          cause,
        ),
      ),
    );
    return emulator;
  }

  #crash(error: GuestCrashedError): void {
    if (this.#status === 'disposed' || this.#status === 'crashed') return;
    this.#status = 'crashed';
    this.#runner?.fail(error);
    this.#events.emit('error', error);
    this.#events.emit('exit', {
      reason: error.code === 'kernel-panic' ? 'kernel-panic' : 'emulator-exception',
    });
    // A panicked kernel spins forever: stop burning the host's CPU.
    void this.#emulator?.stop();
  }

  async #withDeadline<T>(
    promise: Promise<T>,
    ms: number,
    what: string,
    code: 'boot-timeout' | 'state-unavailable' = 'state-unavailable',
  ): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GuestError(code, `${what} did not answer within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([promise, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #teardown(): Promise<void> {
    const emulator = this.#emulator;
    this.#runner?.fail(new GuestError('disposed', 'guest was disposed'));
    this.#emulator = null;
    this.#runner = null;
    this.#console = null;
    this.#lazyFiles = null;
    // destroy() waits for the CPU loop to acknowledge a stop; never let a wedged emulator hang dispose().
    if (emulator) await settleWithin(emulator.destroy(), DESTROY_WAIT_MS);
  }
}
