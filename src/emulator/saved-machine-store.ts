// The learner's machines, kept in the browser's IndexedDB between visits: the chapters' one (record `current`,
// shared by every chapter, since the whole site shares one origin) and each link exercise's own (`link:<id>`,
// src/playground/machine-slot.ts), beside the cached clean guest (`clean`). Browser-only: used by the emulator
// worker.
// Anything can go wrong with browser storage (private mode, quota, a profile from an older version): every
// failure here becomes "not stored", never an exception the learner sees; a full quota is told apart
// (`quota`), so the page can offer a way out.
import { isStoredMachine, type StoredMachine } from './saved-machine-record.ts';
import type { SaveMark, SaveOutcome } from './worker-protocol.ts';

const DB_NAME = 'vlab-machine';
const STORE = 'machine';
/** The clean guest's state, unpacked: a warm start skips the download and the ~90 ms of unzstd. */
const CLEAN_RECORD = 'clean';

/** A record name a saved machine may take: never the cached clean guest's. */
export function isMachineRecord(record: string): boolean {
  return record !== CLEAN_RECORD && record.length > 0;
}

/** The bytes of a stored state, or null when they are missing or cannot be read back (a Blob's file gone). */
async function bytesOf(value: unknown): Promise<ArrayBuffer | null> {
  if (value instanceof ArrayBuffer) return value;
  if (value instanceof Blob) return value.arrayBuffer().catch(() => null);
  return null;
}

export interface SavedMachine {
  /** Identifies the clean guest this machine grew from; a different guest cannot restore it. */
  baseKey: string;
  savedAt: number;
  /** v86 state bytes, uncompressed. */
  state: ArrayBuffer;
  /** What the console had shown when it was saved (console-screen.ts); absent in records from before it. */
  screen?: string;
  /** Lineage and input-journal position (input-journal.ts); absent in records from before it. */
  mark?: SaveMark;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export class SavedMachineStore {
  readonly #db: IDBDatabase;

  private constructor(db: IDBDatabase) {
    this.#db = db;
  }

  /** Opens the store, or returns null when this browser offers no usable IndexedDB. */
  static async open(): Promise<SavedMachineStore | null> {
    try {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      return new SavedMachineStore(await request(open));
    } catch {
      return null;
    }
  }

  /**
   * The machine saved under `record` for `baseKey`. A record that is malformed or belongs to another guest is
   * deleted and reported as `stale`, so the caller can tell the learner.
   */
  async load(record: string, baseKey: string): Promise<{ machine: SavedMachine } | { stale: boolean }> {
    try {
      const value: unknown = await request(this.#db.transaction(STORE).objectStore(STORE).get(record));
      if (value === undefined) return { stale: false };
      if (isStoredMachine(value) && value.baseKey === baseKey) {
        const state = await bytesOf(value.state);
        if (state) return { machine: { ...value, state } };
      }
      await this.clear(record);
      return { stale: true };
    } catch {
      return { stale: false };
    }
  }

  /**
   * Stores the machine. Resolves once the transaction has committed (`saved`), or says why not: `quota` when
   * the browser's storage for this site is full, `unavailable` for anything else (private mode, revoked).
   */
  async save(record: string, machine: SavedMachine): Promise<SaveOutcome> {
    return this.#put(record, { ...machine, state: new Blob([machine.state]) } satisfies StoredMachine);
  }

  async #put(key: string, value: unknown): Promise<SaveOutcome> {
    try {
      // Once `complete` fires the browser holds the data: a page closed or navigated away right after keeps it.
      const tx = this.#db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(value, key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      return 'saved';
    } catch (error) {
      return isQuotaError(error) ? 'quota' : 'unavailable';
    }
  }

  /** The unpacked clean state stored by saveClean for this `baseKey`, or null. */
  async loadClean(baseKey: string): Promise<ArrayBuffer | null> {
    try {
      const value = (await request(this.#db.transaction(STORE).objectStore(STORE).get(CLEAN_RECORD))) as
        | { baseKey?: unknown; state?: unknown }
        | undefined;
      return value?.baseKey === baseKey ? await bytesOf(value.state) : null;
    } catch {
      return null;
    }
  }

  /** Keeps the unpacked clean state (one record: a new guest version replaces the old one). */
  async saveClean(baseKey: string, state: ArrayBuffer): Promise<boolean> {
    return (await this.#put(CLEAN_RECORD, { baseKey, state: new Blob([state]) })) === 'saved';
  }

  /** Forgets the cached clean state (it would not restore). */
  async clearClean(): Promise<void> {
    try {
      await request(this.#db.transaction(STORE, 'readwrite').objectStore(STORE).delete(CLEAN_RECORD));
    } catch {
      // Gone already.
    }
  }

  async clear(record: string): Promise<void> {
    try {
      await request(this.#db.transaction(STORE, 'readwrite').objectStore(STORE).delete(record));
    } catch {
      // Nothing stored, or storage gone: either way there is nothing left to restore.
    }
  }

  /** Deletes every saved machine whose key starts with `prefix`, except those in `keep`. */
  async prune(prefix: string, keep: readonly string[]): Promise<void> {
    if (prefix === '') return;
    try {
      const store = this.#db.transaction(STORE, 'readwrite').objectStore(STORE);
      // Keys only: the states are not read. `prefix` + U+FFFF bounds every key that starts with it.
      const keys = await request(store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
      await Promise.all(
        keys
          .filter((key) => typeof key === 'string' && !keep.includes(key))
          .map((key) => request(store.delete(key))),
      );
    } catch {
      // Storage gone: nothing to prune.
    }
  }
}

/** A full quota, as IndexedDB reports it (a DOMException named QuotaExceededError on the request or transaction). */
function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}
