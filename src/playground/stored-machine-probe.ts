// What Start will do, asked of this browser before the learner clicks, so the idle playground can say it:
// restore the learner's machine, boot the clean guest kept from an earlier visit, or download the guest.
// Reads the records the emulator worker keeps (src/emulator/saved-machine-store.ts: database `vlab-machine`,
// store `machine`, the page's machine's record (`current`, or a link exercise's `link:<id>`: machine-slot.ts)
// and `clean`, each with the `baseKey` of the guest it belongs to) without reading their bytes. Any failure answers `download`, which is what a start without storage does.

export type StartSource = 'saved' | 'cached' | 'download';

const DB_NAME = 'vlab-machine';
const STORE = 'machine';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The `baseKey` a stored record carries, or undefined. Only the key is read: the state is a Blob handle. */
async function keyOf(store: IDBObjectStore, record: string): Promise<unknown> {
  const value = (await request(store.get(record))) as { baseKey?: unknown } | undefined;
  return value?.baseKey;
}

/** `record`: the page's machine's record (machine-slot.ts recordKey). */
export async function probeStartSource(baseKey: string, record: string): Promise<StartSource> {
  try {
    if (!baseKey || typeof indexedDB === 'undefined') return 'download';
    // Never create the database here: on a first visit there is nothing to find.
    if (typeof indexedDB.databases === 'function') {
      const names = (await indexedDB.databases()).map((db) => db.name);
      if (!names.includes(DB_NAME)) return 'download';
    }
    const open = indexedDB.open(DB_NAME, 1);
    // The same upgrade as the worker's, should the database be new after all (it then finds it ready).
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    const db = await request(open);
    try {
      const store = db.transaction(STORE).objectStore(STORE);
      const [current, clean] = await Promise.all([keyOf(store, record), keyOf(store, 'clean')]);
      if (current === baseKey) return 'saved';
      if (clean === baseKey) return 'cached';
      return 'download';
    } finally {
      db.close();
    }
  } catch {
    return 'download';
  }
}
