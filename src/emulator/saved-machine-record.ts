// The shape of the learner's saved machine as IndexedDB holds it (saved-machine-store.ts). What comes back
// from storage is checked before use: a record from an older version, another guest or a damaged profile may
// hold anything, and a record that fails here is deleted and reported as corrupt. Pure: no IndexedDB.
import type { SaveMark } from './worker-protocol.ts';

/**
 * State bytes are stored as a Blob: the browser then reads the ~9 MB back off this worker's thread (an
 * ArrayBuffer value is deserialized on it, while the emulator is being set up there). Records from before
 * hold an ArrayBuffer; both are read.
 */
export type StoredBytes = Blob | ArrayBuffer;

export interface StoredMachine {
  /** Identifies the clean guest this machine grew from; a different guest cannot restore it. */
  baseKey: string;
  savedAt: number;
  state: StoredBytes;
  /** What the console had shown when it was saved (console-screen.ts); absent in records from before it. */
  screen?: string;
  /** Lineage and input-journal position (input-journal.ts); absent in records from before it. */
  mark?: SaveMark;
}

/** True only for a record of the right shape; never throws, whatever storage returned. */
export function isStoredMachine(value: unknown): value is StoredMachine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof StoredMachine, unknown>>;
  const mark = v.mark as Partial<Record<keyof SaveMark, unknown>> | null | undefined;
  return (
    typeof v.baseKey === 'string' &&
    typeof v.savedAt === 'number' &&
    (v.state instanceof ArrayBuffer || v.state instanceof Blob) &&
    (v.screen === undefined || typeof v.screen === 'string') &&
    (mark === undefined ||
      (typeof mark === 'object' &&
        mark !== null &&
        typeof mark.machine === 'string' &&
        Number.isSafeInteger(mark.seq)))
  );
}
