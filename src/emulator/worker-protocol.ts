// Messages between a page and the emulator's Web Worker (src/emulator/worker.ts). Both sides import
// only these types, so a change to the protocol fails the type check on both ends.
import type { RunResult } from './command-runner.ts';

/** What the page asks the worker to do. Requests with an `id` get exactly one `reply`. */
export type ToWorker =
  /**
   * `fresh`: forget the learner's saved machine and start the clean guest. `files`: the guest's files with
   * their sha256 (from public/guest/manifest.json at build time). `cleanScreen`: what the clean guest's
   * console showed when its state was saved (from the manifest too). `promptNow`: no setup script will run,
   * so the worker may show the prompt as soon as the guest is back; otherwise the page sends `prompt` later.
   */
  | {
      type: 'start';
      fresh: boolean;
      guestUrl: string;
      wasmUrl: string;
      files: Record<string, { sha256: string }>;
      cleanScreen: string;
      promptNow: boolean;
    }
  /**
   * Show the learner a prompt: the restored machine's saved screen the first time (console-screen.ts), else
   * an Enter typed on the console so the shell prints a fresh one.
   */
  | { type: 'prompt' }
  | { type: 'input'; data: string }
  | { type: 'run'; id: number; command: string; timeoutMs: number }
  | { type: 'save'; id: number };

export type MachineStatus = 'downloading' | 'starting' | 'ready' | 'error';

/** Why the machine is in `error`, so the page can say it and offer the right way out. */
export type MachineErrorCode = 'download-failed' | 'crashed' | 'no-wasm' | 'start-failed';

/** Things the learner should be told once, not errors. */
export type MachineNotice =
  | 'restored-saved' // their machine from last time is back
  | 'saved-corrupt' // their saved machine could not be restored; a fresh one started
  | 'not-persistent'; // storage is unavailable or full: work will not survive a reload

export type FromWorker =
  | {
      type: 'status';
      status: MachineStatus;
      error?: { code: MachineErrorCode; message: string };
      /** With `ready`: when each start-up step ended, in ms since the epoch (for the benchmark). */
      timings?: Record<string, number>;
    }
  | { type: 'progress'; done: number; total: number }
  | { type: 'output'; text: string }
  | { type: 'notice'; notice: MachineNotice }
  | { type: 'saved'; at: number }
  | { type: 'reply'; id: number; ok: true; result?: RunResult }
  | { type: 'reply'; id: number; ok: false; error: { name: string; message: string; output?: string } };
