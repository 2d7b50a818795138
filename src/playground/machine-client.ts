// The page's handle on the one machine it runs: a Web Worker that owns the emulator. Every playground on
// the page shares it (getMachine), so a file made in one terminal is there in the next. Which saved machine
// that is (its slot: the chapters', or a link exercise's own) is the page's to say (machine-slot.ts).

import wasmUrl from 'v86/build/v86.wasm?url';
import type { RunResult } from '../emulator/command-runner.ts';
import type {
  FromWorker,
  MachineErrorCode,
  MachineNotice,
  MachineStatus,
  RestoredFrom,
  SaveMark,
  SaveReport,
  ToWorker,
} from '../emulator/worker-protocol.ts';
import { SETUP_TIMEOUT_MS } from '../exercises/limits.ts';
import { endsAnAction, InputJournal, type JournalEntry, resume } from './input-journal.ts';
import {
  CHAPTERS_SLOT,
  isLinkSlot,
  journalKey,
  LINK_PREFIX,
  lockName,
  recordKey,
  rememberLinkSlot,
} from './machine-slot.ts';
import { endsWithPrompt, linesIn, replayChunks, SettleWatch } from './replay.ts';
import { runSetupScript, type SetupOutcome } from './setup-outcome.ts';
import { TabLock } from './tab-lock.ts';

/**
 * Why the page's machine is not running: the worker's reasons, plus `hung` (the watchdog), `elsewhere` (another
 * tab runs the learner's machine) and `moved` (this tab handed it to another one).
 */
export type PlaygroundErrorCode = MachineErrorCode | 'hung' | 'elsewhere' | 'moved';

export interface MachineEvents {
  status: { status: MachineStatus; error?: { code: PlaygroundErrorCode; message: string } };
  progress: { done: number; total: number };
  output: string;
  notice: MachineNotice;
  saved: number;
  /** Every save's outcome and cost (see SaveReport). */
  'save-report': SaveReport;
  /** Saving fails because the browser's storage is full (`quota`), or that problem is over (null). */
  'save-problem': 'quota' | null;
  /** The learner pressed Enter in a terminal (or a Run button typed a command): exercises check after it. */
  command: undefined;
  /**
   * A setup script started running, or how it went (its exit code, a timeout or why it could not run, and its
   * output): an exercise shows its own setup's failure (setup-problem.ts). The last one per script is kept
   * (`setupOutcome`) for an element that subscribes later.
   */
  setup: SetupOutcome;
}

type Listener<T> = (payload: T) => void;

/** How often a ready machine is asked to answer on the program channel, and how long it may take. */
const WATCHDOG_EVERY_MS = 5_000;
const WATCHDOG_TIMEOUT_MS = 8_000;
/** How long a tab asked to hand the machine over may spend saving it first. */
const HAND_OVER_SAVE_MS = 5_000;
/** Console output kept for a terminal that attaches later (the second playground on a page). */
const REPLAY_CHARS = 64_000;
/**
 * When the machine is saved: as soon as a command's prompt is back (or SAVE_AFTER_ENTER_MS after Enter when it
 * does not come back: an interactive program, a long command; the prompt still saves again when it comes), every
 * SAVE_EVERY_MS, and when the page is hidden or left. What is typed in between is kept by the input journal.
 */
const SAVE_AFTER_ENTER_MS = 2_000;
const SAVE_EVERY_MS = 60_000;
/** While journaled input is typed again: how long a quiet console counts as "done", and the longest wait. */
const REPLAY_QUIET_MS = 700;
const REPLAY_MAX_WAIT_MS = 15_000;

export class MachineClient {
  #worker: Worker | null = null;
  /** A worker made ahead of Start by prewarm(): its thread is up, but it has fetched nothing of the guest. */
  #spare: { worker: Worker; failed: boolean } | null = null;
  #listeners = new Map<keyof MachineEvents, Set<Listener<never>>>();
  #nextId = 1;
  #pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  #watchdog: ReturnType<typeof setInterval> | undefined;
  #replay = '';
  #setups = new Set<string>();
  /** Each setup script's last outcome (setup-outcome.ts), kept across starts until it runs again. */
  #setupOutcomes = new Map<string, SetupOutcome>();
  #notices: MachineNotice[] = [];
  status: MachineEvents['status'] = { status: 'downloading' };
  /** The worker's start-up timings of the last start (see worker.ts), for the benchmark. */
  timings: Record<string, number> = {};
  /** Whether start() was ever called: a second playground on the page must not start a second guest. */
  started = false;
  /** Which saved machine this is (machine-slot.ts): where it is saved, its journal, its tab lock. */
  readonly slot: string;
  readonly #lock: TabLock;
  /** Counts start() calls, so a start overtaken by another (a quick Retry) does not launch a second worker. */
  #generation = 0;
  /** Whether this tab got the machine's lock, for the current start. */
  #lockAnswer: Promise<boolean> = Promise.resolve(false);
  /** What the worker restored, from its `ready`. */
  #restored: RestoredFrom = { kind: 'clean' };
  readonly #journal: InputJournal;
  /** Input sent before the journal began (keys typed while the machine was still coming up). */
  #early: string[] = [];
  /** A save waiting to start, and the one running: a save asked for meanwhile joins the waiting one. */
  #queuedSave: Promise<void> | null = null;
  #runningSave: Promise<void> | null = null;
  /** Journaled input being typed again: saves wait for it (their mark must not cover input not yet sent). */
  #replaying: Promise<void> | null = null;
  #replayWatch: SettleWatch | null = null;
  /** After Enter: waiting for the prompt, and the fallback save. */
  #promptTail: string | null = null;
  #afterEnter: ReturnType<typeof setTimeout> | undefined;
  #periodic: ReturnType<typeof setInterval> | undefined;
  /** No automatic saves: storage is full (until the learner chooses), or the learner chose to go on unsaved. */
  #savesPaused = false;
  /** Why saving stopped, for a panel that attaches later. */
  saveProblem: 'quota' | null = null;
  /** Lines typed again at the last start (the `replayed` notice says how many). */
  replayedLines = 0;
  /** The last save's report (for the benchmark and tests). */
  lastSave: SaveReport | null = null;

  constructor(slot = CHAPTERS_SLOT) {
    this.slot = slot;
    this.#lock = new TabLock(lockName(slot));
    this.#journal = new InputJournal(localStorageOrNull(), journalKey(slot));
    // Another tab asked for the machine: save it, stop it here, and say where it went. A guest too stuck to save
    // within HAND_OVER_SAVE_MS is let go unsaved rather than leaving the other tab waiting for good.
    this.#lock.onRequested(async () => {
      await Promise.race([
        this.save().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, HAND_OVER_SAVE_MS)),
      ]);
      this.#stopWorker();
      this.#setStatus({
        status: 'error',
        error: { code: 'moved', message: 'the machine moved to another tab' },
      });
    });
    if (typeof document === 'object') {
      // Leaving (reload, a link, closing the tab) or hiding the page: start a save at once. It may not finish
      // before the page is gone; the input journal covers that.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') void this.#autoSave();
      });
      addEventListener('pagehide', () => void this.#autoSave());
    }
  }

  on<K extends keyof MachineEvents>(event: K, listener: Listener<MachineEvents[K]>): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as Listener<never>);
    this.#listeners.set(event, set);
    return () => set.delete(listener as Listener<never>);
  }

  /** The notices of the current start, for a panel that attaches after they came. */
  get notices(): readonly MachineNotice[] {
    return this.#notices;
  }

  /** How `script` (a setup added with addSetup) went the last time it ran, or that it is running now. */
  setupOutcome(script: string): SetupOutcome | undefined {
    return this.#setupOutcomes.get(script);
  }

  /** Everything the console printed so far (bounded), for a terminal that attaches late. */
  get replay(): string {
    return this.#replay;
  }

  /**
   * Starts (or restarts after an error) the worker and the guest in it. `fresh` throws away the learner's
   * saved machine first, so the clean guest starts.
   */
  start({ fresh = false }: { fresh?: boolean } = {}): void {
    this.#stopWorker();
    this.started = true;
    this.#replay = '';
    this.#notices = [];
    this.#early = [];
    this.replayedLines = 0;
    this.#savesPaused = false;
    this.#setSaveProblem(null);
    // A reset starts a new machine: the old one's journaled input must never be typed into it.
    if (fresh) this.#journal.clear();
    else this.#journal.detach();
    if (typeof WebAssembly !== 'object') {
      this.#setStatus({
        status: 'error',
        error: { code: 'no-wasm', message: 'WebAssembly is not available' },
      });
      return;
    }
    this.#setStatus({ status: 'downloading' });
    const generation = ++this.#generation;
    // The worker starts at once; the lock is asked for meanwhile (under load its answer takes ~60 ms). Nothing
    // is saved before this tab holds it (save() checks), so a tab that loses simply stops its worker.
    this.#launch(fresh);
    this.#lockAnswer = this.#lock.acquire();
    void this.#lockAnswer.then((mine) => {
      if (mine || generation !== this.#generation) return;
      this.#stopWorker();
      this.#replay = '';
      this.#setStatus({
        status: 'error',
        error: { code: 'elsewhere', message: 'the machine is running in another tab' },
      });
    });
  }

  /** Asks the tab that runs the learner's machine to hand it over (it saves first), then starts it here. */
  async takeOver(): Promise<void> {
    this.#setStatus({ status: 'starting' });
    await this.#lock.takeOver();
    this.start();
  }

  #launch(fresh: boolean): void {
    // A spare whose script failed to load is dropped for a new try (its error fired before we listened).
    if (this.#spare?.failed) this.#spare.worker.terminate();
    const worker = (this.#spare?.failed ? null : this.#spare?.worker) ?? newWorker();
    this.#spare = null;
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail('crashed', event.message || 'the emulator worker stopped');
    });
    this.#worker = worker;
    // A link exercise's machine: this one is kept, with the few link machines started before it; older ones
    // go (machine-slot.ts). The chapters' page never touches link machines.
    const link = isLinkSlot(this.slot);
    this.#post({
      type: 'start',
      fresh,
      record: recordKey(this.slot),
      ...(link
        ? { prune: { prefix: LINK_PREFIX, keep: rememberLinkSlot(localStorageOrNull(), this.slot) } }
        : {}),
      files: guestFiles(),
      cleanScreen: guestScreen(),
      promptNow: this.#setups.size === 0,
      guestUrl: new URL('/guest/', location.href).href,
      wasmUrl: new URL(wasmUrl, location.href).href,
    });
  }

  /**
   * Starts the worker's thread ahead of time (a playground came into view, the pointer is on Start), so
   * Start does not wait the 50–100 ms a module worker takes to come up. The worker only loads its own small
   * script (~6 KB); v86, its wasm and the guest are fetched on start().
   */
  prewarm(): void {
    if (this.#worker || this.#spare || typeof Worker !== 'function' || typeof WebAssembly !== 'object')
      return;
    const spare = { worker: newWorker(), failed: false };
    spare.worker.addEventListener('error', () => {
      spare.failed = true;
    });
    this.#spare = spare;
  }

  /**
   * Keystrokes from the learner's terminal; Enter also announces a `command` and saves the machine once it
   * has settled. Written to the input journal first, synchronously, so a page left right after keeps them.
   */
  sendInput(data: string): void {
    const seq = this.#journal.active ? this.#journal.append(data) : undefined;
    if (!this.#journal.active && this.#worker) this.#early.push(data);
    this.#post(seq === undefined ? { type: 'input', data } : { type: 'input', data, seq });
    if (endsAnAction(data)) this.#saveWhenSettled();
    if (data.includes('\r')) this.#emit('command', undefined);
  }

  /** Saves when the prompt is back, or SAVE_AFTER_ENTER_MS after Enter at the latest. */
  #saveWhenSettled(): void {
    this.#promptTail = '';
    clearTimeout(this.#afterEnter);
    this.#afterEnter = setTimeout(() => void this.#autoSave(), SAVE_AFTER_ENTER_MS);
  }

  /** Runs a command on the program channel (never in the learner's terminal). */
  run(command: string, timeoutMs = 10_000): Promise<RunResult> {
    return this.#request((id) => ({ type: 'run', id, command, timeoutMs })) as Promise<RunResult>;
  }

  /**
   * Saves the machine to the browser's storage now (everything typed so far is in it once this resolves,
   * unless storage refused: see `saveProblem`). Saves run one at a time; asked for while one runs, the next
   * one starts when it ends, and every caller meanwhile waits for that one.
   */
  save(): Promise<void> {
    // Only the tab that holds the machine's lock may save it (see tab-lock.ts).
    if (this.status.status !== 'ready' || !this.#lock.held) return Promise.resolve();
    this.#queuedSave ??= (async () => {
      await this.#runningSave?.catch(() => undefined);
      await this.#replaying;
      this.#queuedSave = null;
      const running = this.#saveOnce();
      this.#runningSave = running;
      try {
        await running;
      } finally {
        if (this.#runningSave === running) this.#runningSave = null;
      }
    })();
    return this.#queuedSave;
  }

  /** Storage was full: the learner freed space elsewhere and asks to save again. */
  retrySave(): Promise<void> {
    this.#savesPaused = false;
    return this.save();
  }

  /**
   * Storage was full: forgets what this site keeps besides the running machine (the cached clean guest, ~9 MB,
   * downloaded again when needed, and the machine saved earlier, which the running one replaces), then saves.
   */
  async freeSpaceAndSave(): Promise<void> {
    if (this.#worker) await this.#request((id) => ({ type: 'free-space', id }));
    await this.retrySave();
  }

  /** Storage was full and the learner goes on without saving (until the next start of the machine). */
  keepUnsaved(): void {
    this.#savesPaused = true;
    this.#setSaveProblem(null);
  }

  /** A save the page makes by itself (settled command, timer, page hidden): none while saves are paused. */
  #autoSave(): Promise<void> {
    clearTimeout(this.#afterEnter);
    return this.#savesPaused ? Promise.resolve() : this.save().catch(() => undefined);
  }

  async #saveOnce(): Promise<void> {
    const mark: SaveMark = this.#journal.takeMark() ?? { machine: '', seq: 0 };
    const reply = (await this.#request((id) => ({ type: 'save', id, mark }))) as { save?: SaveReport };
    const report = reply?.save;
    if (!report) return;
    this.lastSave = report;
    if (report.outcome === 'saved') {
      // The worker's mark: it also counts input the guest read while the save was dropping caches.
      this.#journal.saved(report.mark);
      this.#setSaveProblem(null);
    } else if (report.outcome === 'quota') {
      // Saving again after every command would fail the same way and pause the guest each time.
      this.#savesPaused = true;
      this.#setSaveProblem('quota');
    }
    this.#emit('save-report', report);
  }

  #setSaveProblem(problem: 'quota' | null): void {
    if (this.saveProblem === problem) return;
    this.saveProblem = problem;
    this.#emit('save-problem', problem);
  }

  /**
   * Throws the learner's machine away and starts the clean guest. A new worker does it, so this also
   * recovers from a hung guest or a crashed worker.
   */
  reset(): void {
    this.start({ fresh: true });
  }

  dispose(): void {
    this.#stopWorker();
    this.#spare?.worker.terminate();
    this.#spare = null;
    this.#listeners.clear();
  }

  #request(make: (id: number) => ToWorker): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (!this.#worker) {
        reject(new Error('the machine is not running'));
        return;
      }
      this.#pending.set(id, { resolve, reject });
      this.#post(make(id));
    });
  }

  #post(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'status':
        if (message.status === 'ready') {
          this.timings = message.timings ?? {};
          this.#restored = message.restored ?? { kind: 'clean' };
          this.timings.pageGotReady = performance.timeOrigin + performance.now();
          void this.#becomeReady();
        } else
          this.#setStatus(
            message.error ? { status: message.status, error: message.error } : { status: message.status },
          );
        break;
      case 'progress':
        this.#emit('progress', { done: message.done, total: message.total });
        break;
      case 'output':
        this.#replay = (this.#replay + message.text).slice(-REPLAY_CHARS);
        this.#replayWatch?.output(message.text);
        if (this.#promptTail !== null) {
          this.#promptTail = (this.#promptTail + message.text).slice(-200);
          if (endsWithPrompt(this.#promptTail)) {
            // The command settled: save now (Enter → saved is what the learner can lose).
            this.#promptTail = null;
            void this.#autoSave();
          }
        }
        this.#emit('output', message.text);
        break;
      case 'notice':
        this.#notices.push(message.notice);
        this.#emit('notice', message.notice);
        break;
      case 'saved':
        this.#emit('saved', message.at);
        break;
      case 'reply': {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (!pending) break;
        if (message.ok) pending.resolve(message.save ? { save: message.save } : message.result);
        else {
          const { name, message: text, output } = message.error;
          // `partialOutput`, as on the emulator's CommandTimeoutError, so the check runner keeps the evidence.
          pending.reject(
            Object.assign(new Error(text), { name }, output !== undefined ? { partialOutput: output } : {}),
          );
        }
        break;
      }
    }
  }

  /**
   * Adds a playground's setup script: run on the program channel each time the machine becomes ready, before
   * the learner gets the prompt (so scripts must be safe to run twice). Runs at once if the machine is ready.
   */
  async addSetup(script: string): Promise<void> {
    if (!script.trim() || this.#setups.has(script)) return;
    this.#setups.add(script);
    if (this.status.status === 'ready') await this.#runSetup(script);
  }

  async #becomeReady(): Promise<void> {
    const generation = this.#generation;
    for (const script of this.#setups) await this.#runSetup(script);
    // Only the tab that runs the learner's machine keeps its journal (the lock answers within ~60 ms).
    const replay = (await this.#lockAnswer) && generation === this.#generation ? this.#resumeJournal() : [];
    if (generation !== this.#generation) return;
    this.#setStatus({ status: 'ready' });
    this.#startWatchdog();
    clearInterval(this.#periodic);
    this.#periodic = setInterval(() => void this.#autoSave(), SAVE_EVERY_MS);
    // Without setup scripts the worker showed the prompt as soon as the guest was back (promptNow);
    // otherwise it is shown now, after they ran, so the learner does not type before the lesson is set up.
    if (this.#setups.size > 0) this.#post({ type: 'prompt' });
    if (replay.length > 0) {
      this.#replaying = this.#typeAgain(replay);
      await this.#replaying;
      this.#replaying = null;
      void this.#autoSave();
    }
  }

  /**
   * Picks up the input journal for the machine just restored: returns the input it does not hold yet (typed
   * before the last page was left, after its last completed save), and journals from here on.
   */
  #resumeJournal(): JournalEntry[] {
    const { replay, journal } = resume(this.#journal.read(), this.#restored, baseKeyOf(guestFiles()), newId);
    this.#journal.begin(journal, this.#restored.kind === 'saved' ? this.#restored.mark : undefined);
    for (const data of this.#early) this.#journal.append(data);
    this.#early = [];
    return replay;
  }

  /** Types journaled input into the console again, waiting where the learner had waited (replay.ts). */
  async #typeAgain(entries: JournalEntry[]): Promise<void> {
    const input = entries.map((e) => e.data).join('');
    for (const chunk of replayChunks(input)) {
      const watch = chunk.settle ? new SettleWatch(REPLAY_QUIET_MS, REPLAY_MAX_WAIT_MS) : null;
      this.#replayWatch = watch;
      this.#post({ type: 'input', data: chunk.data });
      await watch?.settled;
      this.#replayWatch = null;
      if (!this.#worker || this.status.status !== 'ready') return;
    }
    this.replayedLines = linesIn(input);
    // Only half a line typed again (nothing run): not worth a notice.
    if (this.replayedLines === 0) return;
    this.#notices.push('replayed');
    this.#emit('notice', 'replayed');
    this.#emit('command', undefined);
  }

  /** Runs one setup script, says how it went (`setup`), and logs a failure to the console as well. */
  async #runSetup(script: string): Promise<void> {
    const generation = this.#generation;
    this.#setSetupOutcome({ script, status: 'running' });
    const outcome = await runSetupScript(
      (command, timeoutMs) => this.run(command, timeoutMs),
      script,
      SETUP_TIMEOUT_MS,
    );
    // The machine was restarted or handed to another tab meanwhile, or it stopped (the playground says why):
    // that is no failure of the script, which runs again when a machine is ready.
    if (generation !== this.#generation || !this.#worker || this.status.status === 'error') return;
    this.#setSetupOutcome(outcome);
    if (outcome.status === 'failed')
      console.error(`setup script exited ${outcome.exitCode}:\n${outcome.output}`);
    else if (outcome.status === 'timeout')
      console.error(`setup script did not finish within ${outcome.timeoutMs} ms:\n${outcome.output}`);
    else if (outcome.status === 'error') console.error(`setup script could not run: ${outcome.reason}`);
  }

  #setSetupOutcome(outcome: SetupOutcome): void {
    this.#setupOutcomes.set(outcome.script, outcome);
    this.#emit('setup', outcome);
  }

  #startWatchdog(): void {
    clearInterval(this.#watchdog);
    let missed = 0;
    this.#watchdog = setInterval(async () => {
      if (this.status.status !== 'ready' || document.visibilityState !== 'visible') return;
      try {
        await this.run('true', WATCHDOG_TIMEOUT_MS);
        missed = 0;
      } catch {
        missed += 1;
        if (missed >= 2) this.#fail('hung', 'the guest did not answer on its program channel');
      }
    }, WATCHDOG_EVERY_MS);
  }

  #fail(code: PlaygroundErrorCode, message: string): void {
    clearInterval(this.#watchdog);
    for (const pending of this.#pending.values()) pending.reject(new Error(message));
    this.#pending.clear();
    this.#setStatus({ status: 'error', error: { code, message } });
  }

  #setStatus(status: MachineEvents['status']): void {
    this.status = status;
    this.#emit('status', status);
  }

  #emit<K extends keyof MachineEvents>(event: K, payload: MachineEvents[K]): void {
    for (const listener of this.#listeners.get(event) ?? [])
      (listener as Listener<MachineEvents[K]>)(payload);
  }

  #stopWorker(): void {
    clearInterval(this.#watchdog);
    clearInterval(this.#periodic);
    clearTimeout(this.#afterEnter);
    this.#promptTail = null;
    this.#replayWatch?.cancel();
    // Another tab or a new start takes over the journal; what is stored stays for it.
    this.#journal.detach();
    this.#worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(new Error('the machine was restarted'));
    this.#pending.clear();
  }
}

export function newWorker(): Worker {
  return new Worker(new URL('../emulator/worker.ts', import.meta.url), { type: 'module' });
}

/** The guest's files with their sha256, rendered into the page by <LinuxPlayground> at build time. */
export function guestFiles(): Record<string, { sha256: string }> {
  const json = document.querySelector<HTMLElement>('[data-guest-files]')?.dataset.guestFiles;
  return json ? (JSON.parse(json) as Record<string, { sha256: string }>) : {};
}

/**
 * The clean guest's saved console screen, rendered next to the files (see console-screen.ts). As JSON: an
 * HTML attribute would turn its "\r\n" line ends into "\n".
 */
export function guestScreen(): string {
  const json = document.querySelector<HTMLElement>('[data-guest-screen]')?.dataset.guestScreen;
  return json ? (JSON.parse(json) as string) : '';
}

/** The clean guest's identity: a journal written for another guest version is never replayed. */
function baseKeyOf(files: Record<string, { sha256: string }>): string {
  return files['state.bin.zst']?.sha256 ?? '';
}

function newId(): string {
  return typeof crypto === 'object' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** localStorage, or null where it is missing or refused (some private modes throw on access). */
function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'object' ? localStorage : null;
  } catch {
    return null;
  }
}

let shared: MachineClient | undefined;

/** The page's one machine, created on first use, for the page's slot (pageMachineSlot). */
export function getMachine(): MachineClient {
  shared ??= new MachineClient(pageMachineSlot());
  return shared;
}

/**
 * The slot of this page's machine: on a page whose playground is a link exercise's (`data-machine="link"`,
 * /custom-exercise/), the slot its page names in `data-machine-slot` once the link is decoded; elsewhere the
 * chapters'. Throws while a link exercise's slot is not known: that page must never fall back to the
 * chapters' machine.
 */
export function pageMachineSlot(): string {
  const link =
    typeof document === 'object'
      ? document.querySelector<HTMLElement>('linux-playground[data-machine="link"]')
      : null;
  if (!link) return CHAPTERS_SLOT;
  const slot = link.dataset.machineSlot ?? '';
  if (!isLinkSlot(slot))
    throw new Error("this page's machine is a link exercise's, and its slot is not known yet");
  return slot;
}
