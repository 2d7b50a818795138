// The emulator's Web Worker: one guest per worker, driven by the page through worker-protocol.ts.
// It downloads v86 and the guest (with progress), restores the learner's saved machine when there is one,
// and keeps it in IndexedDB when asked. Running here keeps the page responsive while the guest is busy.
/// <reference lib="webworker" />
import type { GuestAssets } from './assets.ts';
import { ConsoleScreen, screenToKeep } from './console-screen.ts';
import { compileWasm, download } from './download.ts';
import type { Guest, SaveStateTimings } from './guest.ts';
import { fetchLazyFile } from './lazy-file-cache.ts';
import { isMachineRecord, SavedMachineStore } from './saved-machine-store.ts';
import type { FromWorker, SaveMark, SaveReport, ToWorker } from './worker-protocol.ts';
import { unzstd } from './zstd.ts';

declare const self: DedicatedWorkerGlobalScope;

/** The guest's files and their sha256, as in public/guest/manifest.json (passed in by the page). */
type GuestFiles = Record<string, { sha256: string }>;

const STATE_FILE = 'state.bin.zst';
let guest: Guest | null = null;
let store: SavedMachineStore | null = null;
let baseKey = '';
/** Which saved machine this worker runs (its IndexedDB key: `current`, or a link exercise's `link:<id>`). */
let record = 'current';
/** A throwaway guest (the editor's try): never saved, whatever its record. */
let scratch = false;
/** Everything sent to the page's terminal since this start, kept with a saved machine. */
const screen = new ConsoleScreen();
/**
 * The restored machine's screen from when it was saved, until it is shown; null when there is none (then an
 * Enter on the console makes the shell print a fresh prompt).
 */
let savedScreen: string | null = null;

const post = (message: FromWorker) => self.postMessage(message);
const postOutput = (text: string) => {
  screen.append(text);
  post({ type: 'output', text });
};

/**
 * Takes back the screen of a machine that did not come back (its state would not restore), before the next
 * one's is shown: "ESC c" resets the terminal, in the page and for a terminal that replays output later.
 */
function forgetScreen(): void {
  savedScreen = null;
  if (screen.text === '') return;
  screen.clear();
  post({ type: 'output', text: '\u001bc' });
}

/** Shows the learner a prompt (the `prompt` message): the saved screen if it is still unshown, else Enter. */
function showPrompt(): void {
  if (savedScreen === null) {
    guest?.sendConsoleInput('\r');
    return;
  }
  postOutput(savedScreen);
  savedScreen = null;
}
/** When each start-up step ended (ms since the epoch, comparable with the page's clock). */
let timings: Record<string, number> = {};
const mark = (step: string) => {
  timings[step] = performance.timeOrigin + performance.now();
  performance.mark(step);
};

function versioned(guestUrl: string, file: string, files: GuestFiles): string {
  // The content hash in the URL lets the browser (or a CDN) cache the file for good.
  const sha = files[file]?.sha256.slice(0, 16) ?? 'unversioned';
  return new URL(`${file}?v=${sha}`, guestUrl).href;
}

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  timings = {};
  mark('workerStarted');
  screen.clear();
  savedScreen = null;
  // The emulator code (v86, ~330 KB) is parsed while the guest downloads, not before: this worker's own
  // script stays small so it starts answering at once.
  const guestModule = import('./guest.ts').then((module) => {
    mark('v86Imported');
    return module;
  });
  post({ type: 'status', status: 'downloading' });
  baseKey = message.files[STATE_FILE]?.sha256 ?? '';
  if (!isMachineRecord(message.record)) {
    post({
      type: 'status',
      status: 'error',
      error: { code: 'start-failed', message: `no saved machine can be named ${message.record}` },
    });
    return;
  }
  record = message.record;
  scratch = message.scratch ?? false;
  let total = 0;
  let done = 0;
  const onSize = (bytes: number) => {
    total += bytes;
  };
  const onBytes = (bytes: number) => {
    done += bytes;
    post({ type: 'progress', done, total: Math.max(total, done) });
  };
  let downloadError: unknown = null;
  try {
    // Everything at once: the wasm compiles while storage is asked for a saved machine (or the unpacked clean
    // state kept from an earlier visit) and, failing both, the clean state downloads; the emulator is set up
    // while the state is still on its way (Guest.restore).
    const compiled = compileWasm(message.wasmUrl, onSize, onBytes).then((module) => {
      mark('wasmCompiled');
      return module;
    });
    const stored = loadStored(message.fresh, message.scratch ?? false, message.prune);
    let packed: Promise<ArrayBuffer> | null = null;
    const fetchPacked = () =>
      (packed ??= download(versioned(message.guestUrl, STATE_FILE, message.files), onSize, onBytes).catch(
        (error: unknown) => {
          downloadError = error;
          throw error;
        },
      ));
    void stored.then((s) => {
      if (!s.machine && !s.clean) fetchPacked().catch(() => undefined);
    });
    const module = await compiled;
    const { Guest: GuestClass } = await guestModule;
    mark('compiled');
    post({ type: 'status', status: 'starting' });
    let unpacked: ArrayBuffer | null = null;
    // v86 could unpack the state itself, but in a second worker that compiles its wasm again: see zstd.ts.
    const fromNetwork = async () => (unpacked = unzstd(module, await fetchPacked()));
    // Tried in order until one restores: the learner's machine, the cached clean guest, the downloaded one.
    // `screen`: what its console showed when it was saved (shown instead of asking the shell for a prompt).
    type Source = {
      kind: 'saved' | 'cached' | 'network';
      state: () => Promise<ArrayBuffer>;
      screen: string | undefined;
      mark?: SaveMark | undefined;
    };
    const sources = stored.then(({ machine, clean }): Source[] => [
      ...(machine
        ? [
            {
              kind: 'saved' as const,
              state: async () => machine.state,
              screen: machine.screen,
              mark: machine.mark,
            },
          ]
        : []),
      ...(clean ? [{ kind: 'cached' as const, state: async () => clean, screen: message.cleanScreen }] : []),
      { kind: 'network', state: fromNetwork, screen: message.cleanScreen },
    ]);
    let restoredFrom: Source['kind'] | null = null;
    let restoredMark: SaveMark | undefined;
    for (let i = 0; restoredFrom === null && i < (i === 0 ? 1 : (await sources).length); i++) {
      // The first emulator is set up while storage is still being read (the state arrives as a promise).
      const source = sources.then((list) => list[i] as Source);
      try {
        await startGuest(
          GuestClass,
          message,
          module,
          source.then((s) => s.state()),
          () =>
            void source.then((s) => {
              // Its screen is shown now, while the machine is being restored: painting it (xterm measures
              // each new character) then overlaps the restore instead of the guest's first answer. Keys
              // typed meanwhile wait in the serial port. With setup scripts, it is shown after they ran.
              savedScreen = s.screen || null;
              if (message.promptNow) showPrompt();
            }),
        );
        restoredFrom = (await source).kind;
        restoredMark = (await source).mark;
      } catch (error) {
        if (downloadError) throw downloadError;
        forgetScreen();
        const { kind } = await source;
        if (kind === 'saved') {
          // The learner's saved machine would not come back: say so, forget it, and start the clean guest.
          await store?.clear(record);
          post({ type: 'notice', notice: 'saved-corrupt' });
        } else if (kind === 'cached') await store?.clearClean();
        else console.warn('clean state did not restore; cold booting', error);
      }
    }
    // Not even the clean state would restore (a bad deploy?): boot the kernel instead (~3 s).
    if (!restoredFrom) await startGuest(GuestClass, message, module, null, () => {});
    if (restoredFrom === 'saved') post({ type: 'notice', notice: 'restored-saved' });
    mark('restored');
    post({
      type: 'status',
      status: 'ready',
      timings,
      restored:
        restoredFrom === 'saved'
          ? restoredMark
            ? { kind: 'saved', mark: restoredMark }
            : { kind: 'saved' }
          : { kind: 'clean' },
    });
    // Keep the unpacked clean guest for the next visit, now that the learner has their prompt.
    if (restoredFrom === 'network' && unpacked) void store?.saveClean(baseKey, unpacked);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const code = error === downloadError ? 'download-failed' : 'start-failed';
    post({ type: 'status', status: 'error', error: { code, message: text } });
  }
}

/**
 * From storage: the learner's machine and the unpacked clean guest, each null when absent (or made from
 * another guest version, or no storage at all).
 */
async function loadStored(
  fresh: boolean,
  scratch: boolean,
  prune: Extract<ToWorker, { type: 'start' }>['prune'],
): Promise<{
  machine: { state: ArrayBuffer; screen?: string; mark?: SaveMark } | null;
  clean: ArrayBuffer | null;
}> {
  store = await SavedMachineStore.open();
  mark('storeOpened');
  if (!store) {
    post({ type: 'notice', notice: 'not-persistent' });
    return { machine: null, clean: null };
  }
  // A scratch guest starts clean and leaves the learner's machines alone.
  if (scratch) return { machine: null, clean: await store.loadClean(baseKey) };
  if (prune) await store.prune(prune.prefix, prune.keep);
  if (fresh) await store.clear(record);
  const [saved, clean] = await Promise.all([store.load(record, baseKey), store.loadClean(baseKey)]);
  mark('storageRead');
  if ('stale' in saved && saved.stale) post({ type: 'notice', notice: 'saved-corrupt' });
  return { machine: 'machine' in saved ? saved.machine : null, clean };
}

/**
 * Restores a new guest from `state` (calling `onStateLoaded` once the state is at hand), or
 * cold-boots it when `state` is null (BIOS and kernel downloaded then).
 */
async function startGuest(
  GuestClass: typeof Guest,
  message: Extract<ToWorker, { type: 'start' }>,
  module: WebAssembly.Module,
  state: Promise<ArrayBuffer> | null,
  onStateLoaded: () => void,
): Promise<void> {
  const fetchFile = async (file: string) => {
    const response = await fetch(versioned(message.guestUrl, file, message.files));
    if (!response.ok) throw new Error(`${file} answered ${response.status}`);
    return response.arrayBuffer();
  };
  const assets: GuestAssets = {
    wasm: async () => module,
    state: () => state ?? Promise.reject(new Error('no state')),
    bios: () => fetchFile('seabios.bin'),
    kernel: () => fetchFile('bzImage'),
    lazyIndex: async () => JSON.parse(new TextDecoder().decode(await fetchFile('lazy.json'))) as unknown,
    // Fetched when the guest first reads one of the tree's files, never on start (lazy-files.ts).
    lazyFile: (key) => fetchLazyFile(new URL(`lazy/${key}`, message.guestUrl).href),
  };
  await guest?.dispose();
  const current = new GuestClass({
    assets,
    coldBootFallback: false,
    onStep: (step) => {
      mark(step);
      if (step === 'stateLoaded') onStateLoaded();
    },
  });
  guest = current;
  current.onConsoleOutput(postOutput);
  current.on('error', (error) => {
    if (current.status === 'crashed') {
      post({ type: 'status', status: 'error', error: { code: 'crashed', message: error.message } });
    }
  });
  if (state) await current.restore();
  else await current.coldBoot();
}

/** Saves run one at a time: two at once would pause and serialise the same emulator twice. */
let saving: Promise<unknown> = Promise.resolve();
/**
 * Console input that came while the guest's CPU was stopped for a save, held until the state is taken, and the
 * journal entry of the last input the guest got: a save's mark says which journaled input its state holds.
 * Input is held only while the CPU stands still anyway (serialising); during the save's drop_caches it goes
 * through, and the mark is taken just before the pause, once the guest has had the CPU to read it.
 */
let heldInput: { data: string; seq: number | undefined }[] | null = null;
let deliveredSeq = 0;

function sendInput(data: string, seq: number | undefined): void {
  if (heldInput) {
    heldInput.push({ data, seq });
    return;
  }
  guest?.sendConsoleInput(data);
  if (seq !== undefined) deliveredSeq = Math.max(deliveredSeq, seq);
}

async function save(id: number, mark: SaveMark): Promise<void> {
  if (guest?.status !== 'ready' || scratch) {
    post({
      type: 'reply',
      id,
      ok: false,
      error: {
        name: 'GuestError',
        message: scratch ? 'a scratch guest is never saved' : 'the machine is not ready',
      },
    });
    return;
  }
  const began = performance.now();
  const steps: SaveStateTimings = {};
  let pausedSeq = 0;
  let state: ArrayBuffer;
  try {
    state = await guest.saveState(steps, () => {
      pausedSeq = deliveredSeq;
      heldInput = [];
    });
  } finally {
    const held = heldInput ?? [];
    heldInput = null;
    for (const { data, seq } of held) sendInput(data, seq);
  }
  const stamped: SaveMark = { machine: mark.machine, seq: Math.max(mark.seq, pausedSeq) };
  const savedAt = Date.now();
  // A screen not shown yet (setup scripts still running) goes first, where the page will show it.
  const shown = savedScreen === null ? screen.text : screenToKeep(savedScreen + screen.text);
  const storing = performance.now();
  const outcome = store
    ? await store.save(record, { baseKey, savedAt, state, screen: shown, mark: stamped })
    : 'unavailable';
  const report: SaveReport = {
    outcome,
    at: savedAt,
    dropCachesMs: steps.dropCachesMs ?? 0,
    pausedMs: steps.pausedMs ?? 0,
    serialiseMs: steps.serialiseMs ?? 0,
    compressMs: 0,
    storeMs: performance.now() - storing,
    totalMs: performance.now() - began,
    bytes: state.byteLength,
    mark: stamped,
  };
  if (outcome === 'saved') post({ type: 'saved', at: savedAt });
  else if (outcome === 'unavailable' && store) {
    // Storage revoked mid-session: from now on, say that work will not be kept. (A full quota is the page's
    // to handle: it tells the learner and offers a way out, and the store stays for the next try.)
    store = null;
    post({ type: 'notice', notice: 'not-persistent' });
  }
  post({ type: 'reply', id, ok: true, save: report });
}

/**
 * Makes room after a full quota: the cached clean guest (downloaded again if needed) and this machine's old
 * save (the running machine replaces it). Another slot's machine is never touched.
 */
async function freeSpace(id: number): Promise<void> {
  await store?.clearClean();
  await store?.clear(record);
  post({ type: 'reply', id, ok: true });
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      void start(message);
      break;
    case 'input':
      sendInput(message.data, message.seq);
      break;
    case 'prompt':
      showPrompt();
      break;
    case 'run':
      if (!guest) {
        post({
          type: 'reply',
          id: message.id,
          ok: false,
          error: { name: 'GuestError', message: 'no machine' },
        });
        break;
      }
      guest.run(message.command, { timeoutMs: message.timeoutMs }).then(
        (result) => post({ type: 'reply', id: message.id, ok: true, result }),
        (error: Error & { partialOutput?: string }) =>
          post({
            type: 'reply',
            id: message.id,
            ok: false,
            error: {
              name: error.name,
              message: error.message,
              // A timed-out command's output so far (CommandTimeoutError): the evidence a check had seen.
              ...(error.partialOutput !== undefined ? { output: error.partialOutput } : {}),
            },
          }),
      );
      break;
    case 'save':
      saving = saving.then(() =>
        save(message.id, message.mark).catch((error: Error) =>
          post({
            type: 'reply',
            id: message.id,
            ok: false,
            error: { name: error.name, message: error.message },
          }),
        ),
      );
      break;
    case 'free-space':
      saving = saving.then(() => freeSpace(message.id));
      break;
  }
});
