// The guests of the exercise editor's try (try-exercise.ts): each records every command run on it, in the order
// they started, and all of them stop with the try's AbortSignal: Stop disposes every guest still alive at once,
// fails the command under way there and then (a hung check does not keep the try waiting), refuses every
// command asked for after it, and gives up a guest still starting (disposing of it when it comes up).
import type { DisposableRunner } from './verify-exercise.ts';

export interface Recorded {
  command: string;
  exitCode: number | null;
  output: string;
  durationMs: number;
  /** `during`: Stop came while it ran; `refused`: it was asked for after Stop and did not run. */
  stopped?: 'during' | 'refused';
}

/** Thrown into the proof's steps after Stop; the proof reports it like any failure, and the try ignores it. */
export class TryStoppedError extends Error {
  override name = 'TryStoppedError';
  constructor() {
    super('stopped');
  }
}

/** `promise`, or a TryStoppedError as soon as `signal` aborts. */
export function untilStopped<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new TryStoppedError());
  let onAbort = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new TryStoppedError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, stopped]).finally(() => signal.removeEventListener('abort', onAbort));
}

function recording(
  guest: DisposableRunner,
  record: Recorded[],
  now: () => number,
  signal: AbortSignal | undefined,
): DisposableRunner['run'] {
  return async (command, options) => {
    const entry: Recorded = { command, exitCode: null, output: '', durationMs: 0 };
    record.push(entry);
    if (signal?.aborted) {
      entry.stopped = 'refused';
      throw new TryStoppedError();
    }
    const started = now();
    try {
      const result = await untilStopped(guest.run(command, options), signal);
      entry.exitCode = result.exitCode;
      entry.output = result.output;
      return result;
    } catch (error) {
      if (signal?.aborted) entry.stopped = 'during';
      // A timeout or a lost guest: exitCode stays null.
      else entry.output = (error as { partialOutput?: string }).partialOutput ?? '';
      throw error;
    } finally {
      entry.durationMs = Math.round(now() - started);
    }
  };
}

export interface TryGuests {
  /** A new guest recording into `record`; `beforeDispose` runs on it (unless stopped) before it goes. */
  starter(
    record: Recorded[],
    beforeDispose?: (guest: DisposableRunner) => Promise<void>,
  ): () => Promise<DisposableRunner>;
  /** The try is over: Stop no longer concerns these guests. */
  release(): void;
}

export function tryGuests(
  startGuest: (signal?: AbortSignal) => Promise<DisposableRunner>,
  signal: AbortSignal | undefined,
  now: () => number,
): TryGuests {
  // Stop disposes every guest still alive at once; the proof's own dispose later finds it done.
  const alive = new Set<() => Promise<void>>();
  const disposeAll = () => {
    for (const dispose of alive) void dispose().catch(() => {});
  };
  signal?.addEventListener('abort', disposeAll, { once: true });
  return {
    release: () => signal?.removeEventListener('abort', disposeAll),
    starter: (record, beforeDispose) => async () => {
      if (signal?.aborted) throw new TryStoppedError();
      const starting = startGuest(signal);
      let guest: DisposableRunner;
      try {
        guest = await untilStopped(starting, signal);
      } catch (error) {
        // Stopped while it started: it goes as soon as it is up.
        if (signal?.aborted) void starting.then((late) => late.dispose()).catch(() => {});
        throw error;
      }
      let disposing: Promise<void> | undefined;
      const dispose = () => {
        disposing ??= guest.dispose();
        return disposing;
      };
      alive.add(dispose);
      return {
        run: recording(guest, record, now, signal),
        dispose: async () => {
          try {
            if (beforeDispose && !signal?.aborted) await beforeDispose(guest).catch(() => {});
          } finally {
            alive.delete(dispose);
            await dispose();
          }
        },
      };
    },
  };
}
