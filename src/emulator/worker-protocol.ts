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
   * `scratch`: a throwaway clean guest (the exercise editor's try): the learner's saved machine is neither
   * restored nor cleared, and the page never asks a scratch guest to save.
   * `record`: which saved machine this is, as its IndexedDB key (`current`: the chapters'; `link:<id>`: a link
   * exercise's own, src/playground/machine-slot.ts); `fresh` clears, and saves write, only this one.
   * `prune`: before anything is read, delete every saved machine whose key starts with `prefix` and is not in
   * `keep` (the link exercises' machines beyond the most recent few).
   */
  | {
      type: 'start';
      fresh: boolean;
      scratch?: boolean;
      record: string;
      prune?: { prefix: string; keep: string[] };
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
  /** Console input; `seq`: its input-journal entry (input-journal.ts), when the page journals it. */
  | { type: 'input'; data: string; seq?: number }
  | { type: 'run'; id: number; command: string; timeoutMs: number }
  /**
   * Save the machine now. `mark`: the machine's lineage and the last input-journal entry (input-journal.ts) sent
   * before this message, stored with the state so a later start knows which journaled input it already holds.
   * Answered with a `reply` carrying `save`.
   */
  | { type: 'save'; id: number; mark: SaveMark }
  /** Make room after a full quota: forget the cached clean guest and the old saved machine (not the running one). */
  | { type: 'free-space'; id: number };

/** Which machine a saved state belongs to and how much of the input journal it includes. */
export interface SaveMark {
  /** Random id of the machine's lineage, new at each clean start. */
  machine: string;
  /** The last journal entry included (0: none). */
  seq: number;
}

/** How a save went. `quota`: the browser's storage is full; `unavailable`: storage refused for another reason. */
export type SaveOutcome = 'saved' | 'quota' | 'unavailable';

/** What one save cost (worker side), for the page and the benchmark. */
export interface SaveReport {
  outcome: SaveOutcome;
  /** When the state was taken (ms since the epoch). */
  at: number;
  /** `echo 1 > drop_caches` in the guest before the pause. */
  dropCachesMs: number;
  /** The guest's CPU stopped: waiting for 9p requests in flight plus serialising. */
  pausedMs: number;
  /** v86's save_state alone (inside the pause). */
  serialiseMs: number;
  /** Compressing the state: 0, states are stored as they are (see saved-machine-store.ts). */
  compressMs: number;
  /** Writing to IndexedDB until its transaction completed. */
  storeMs: number;
  /** Everything, from the request to the committed transaction. */
  totalMs: number;
  /** Size of the state stored. */
  bytes: number;
  /**
   * The mark stored with the state: the request's, with `seq` raised to the last journaled input the guest had
   * received before its CPU stopped (input that came while the guest was dropping caches is in the state too).
   */
  mark: SaveMark;
}

/** What a start restored: the learner's saved machine (with its mark, absent in records from before) or a clean guest. */
export type RestoredFrom = { kind: 'saved'; mark?: SaveMark } | { kind: 'clean' };

export type MachineStatus = 'downloading' | 'starting' | 'ready' | 'error';

/** Why the machine is in `error`, so the page can say it and offer the right way out. */
export type MachineErrorCode = 'download-failed' | 'crashed' | 'no-wasm' | 'start-failed';

/** Things the learner should be told once, not errors. */
export type MachineNotice =
  | 'restored-saved' // their machine from last time is back
  | 'saved-corrupt' // their saved machine could not be restored; a fresh one started
  | 'not-persistent' // storage is unavailable or full: work will not survive a reload
  | 'replayed'; // (the page's own) input typed just before the last page was left was typed again

export type FromWorker =
  | {
      type: 'status';
      status: MachineStatus;
      error?: { code: MachineErrorCode; message: string };
      /** With `ready`: when each start-up step ended, in ms since the epoch (for the benchmark). */
      timings?: Record<string, number>;
      /** With `ready`: what was restored. */
      restored?: RestoredFrom;
    }
  | { type: 'progress'; done: number; total: number }
  | { type: 'output'; text: string }
  | { type: 'notice'; notice: MachineNotice }
  | { type: 'saved'; at: number }
  | { type: 'reply'; id: number; ok: true; result?: RunResult; save?: SaveReport }
  | { type: 'reply'; id: number; ok: false; error: { name: string; message: string; output?: string } };
