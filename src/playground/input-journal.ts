// The input journal: what the learner typed into the console since the machine was last saved, kept in
// localStorage synchronously at each keystroke. A save runs in the emulator's worker and commits an IndexedDB
// transaction; both die with the page, so a reader who runs a command and reloads (or follows a link) at once
// would lose it. The journal survives that: the next start restores the last saved machine and types the
// journaled input into it again (replay.ts).
//
// Which input a saved state already holds is told by its mark (worker-protocol.ts SaveMark): the id of the
// machine's lineage (new at each clean start) and the sequence number of the last journal entry sent before
// the save. Entries up to the mark are dropped once that save has completed; a start replays only entries
// after the mark of the state it restored, and only for the same lineage, so nothing runs twice.
// A journal that grew past MAX_CHARS (saves failing for a long time) is marked broken: replaying its tail
// without its head would be wrong, so nothing is replayed until a save completes again.
// Everything read back is treated as hostile (another version of the site, a hand-edited value): anything
// that does not parse is ignored, never thrown.

import type { SaveMark } from '../emulator/worker-protocol.ts';

/** The chapters' machine's journal; a link exercise's machine has its own (machine-slot.ts journalKey). */
export const JOURNAL_KEY = 'vlab:machine-journal';
/** Input kept at most (characters); past it the journal is broken until the next completed save. */
export const MAX_CHARS = 16_000;
/** Entries kept at most (one per keystroke or paste). */
export const MAX_ENTRIES = 4_000;

export interface JournalEntry {
  seq: number;
  data: string;
}

export interface JournalRecord {
  v: 1;
  /** The clean guest this machine grew from (state.bin.zst's sha256): another guest cannot take its input. */
  baseKey: string;
  /** The lineage (SaveMark.machine). */
  machine: string;
  /** True while no save of this lineage has completed: its entries apply to the clean guest. */
  fromClean: boolean;
  /** Input was dropped (MAX_CHARS): replay nothing. */
  broken: boolean;
  entries: JournalEntry[];
}

/**
 * Answers the terminal sends by itself (cursor position reports to busybox ash's ESC[6n after each prompt,
 * device attributes, focus in/out): replayed later they would land in the shell as typed text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point.
const TERMINAL_REPORTS = /\x1b\[\d+;\d+R|\x1b\[[?>][\d;]*c|\x1b\[[IO]/g;

/** `data` without the terminal's own reports: what the learner typed. */
export function typedPart(data: string): string {
  return data.replace(TERMINAL_REPORTS, '');
}

/** Parses a stored journal; null for anything that is not one. */
export function parseJournal(text: string | null): JournalRecord | null {
  if (!text || text.length > 4 * MAX_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = value as Partial<JournalRecord> | null;
  if (
    !v ||
    typeof v !== 'object' ||
    v.v !== 1 ||
    typeof v.baseKey !== 'string' ||
    typeof v.machine !== 'string' ||
    typeof v.fromClean !== 'boolean' ||
    typeof v.broken !== 'boolean' ||
    !Array.isArray(v.entries)
  )
    return null;
  let last = 0;
  for (const entry of v.entries as unknown[]) {
    const e = entry as Partial<JournalEntry> | null;
    if (!e || typeof e !== 'object' || typeof e.data !== 'string' || !Number.isSafeInteger(e.seq))
      return null;
    // Sequence numbers only grow.
    if ((e.seq as number) <= last) return null;
    last = e.seq as number;
  }
  return {
    v: 1,
    baseKey: v.baseKey,
    machine: v.machine,
    fromClean: v.fromClean,
    broken: v.broken,
    entries: (v.entries as JournalEntry[]).map(({ seq, data }) => ({ seq, data })),
  };
}

/** Keys that end what the learner did: Enter, Ctrl-C, Ctrl-D, Ctrl-Z. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control keys are the point.
const ENDS_AN_ACTION = /[\r\x03\x04\x1a]/;

/** Whether `data` holds a key that ends an action (the machine then has something to settle). */
export function endsAnAction(data: string): boolean {
  return ENDS_AN_ACTION.test(data);
}

/** What a start restored, as the journal needs it. */
export type Restored = { kind: 'saved'; mark?: SaveMark } | { kind: 'clean' };

/**
 * Given the stored journal and what was restored: the input to type again, and the journal to go on with
 * (same lineage and sequence numbers, so a save that completes later drops exactly what it covers).
 */
export function resume(
  stored: JournalRecord | null,
  restored: Restored,
  baseKey: string,
  newId: () => string,
): { replay: JournalEntry[]; journal: JournalRecord } {
  const usable = stored && !stored.broken && stored.baseKey === baseKey ? stored : null;
  if (restored.kind === 'saved') {
    const mark = restored.mark;
    const replay =
      mark && usable && usable.machine === mark.machine ? usable.entries.filter((e) => e.seq > mark.seq) : [];
    return {
      replay,
      journal: {
        v: 1,
        baseKey,
        machine: mark?.machine ?? newId(),
        fromClean: false,
        broken: false,
        entries: replay,
      },
    };
  }
  // A clean guest: only a lineage that never completed a save started from one.
  const replay = usable?.fromClean ? usable.entries : [];
  return {
    replay,
    journal: {
      v: 1,
      baseKey,
      machine: usable?.fromClean ? usable.machine : newId(),
      fromClean: true,
      broken: false,
      entries: replay,
    },
  };
}

/** The journal of the running machine, written through to storage at every change. */
export class InputJournal {
  readonly #storage: Storage | null;
  readonly #key: string;
  #record: JournalRecord | null = null;
  #lastSeq = 0;

  /** `key`: where in `storage` this machine's journal lives. */
  constructor(storage: Storage | null, key = JOURNAL_KEY) {
    this.#storage = storage;
    this.#key = key;
  }

  /** The stored journal, as the last page left it. */
  read(): JournalRecord | null {
    try {
      return parseJournal(this.#storage?.getItem(this.#key) ?? null);
    } catch {
      return null;
    }
  }

  /** Goes on with `record` (from resume()); `mark`: the restored state's, so new entries number after it. */
  begin(record: JournalRecord, mark?: SaveMark): void {
    this.#record = record;
    this.#lastSeq = Math.max(
      mark && mark.machine === record.machine ? mark.seq : 0,
      record.entries.at(-1)?.seq ?? 0,
    );
    this.#write();
  }

  /** No machine to journal for (a reset, another tab took it): forgets the stored journal too. */
  clear(): void {
    this.#record = null;
    try {
      this.#storage?.removeItem(this.#key);
    } catch {
      // Nothing stored.
    }
  }

  /** Stops journaling here, leaving what is stored (for the next start, or the tab that took the machine). */
  detach(): void {
    this.#record = null;
  }

  /** Whether input is being journaled (begin() was called). */
  get active(): boolean {
    return this.#record !== null;
  }

  /** The mark for a save about to be asked for: everything journaled so far. */
  takeMark(): SaveMark | null {
    if (!this.#record) return null;
    return { machine: this.#record.machine, seq: this.#lastSeq };
  }

  /**
   * Appends typed input (the terminal's own reports left out) and returns its entry's seq, which travels with
   * the input to the worker (a save's mark may fall between any two keystrokes, so each is its own entry).
   */
  append(data: string): number | undefined {
    const record = this.#record;
    const typed = typedPart(data);
    if (!record || typed === '') return undefined;
    this.#lastSeq += 1;
    if (record.broken) return this.#lastSeq;
    record.entries.push({ seq: this.#lastSeq, data: typed });
    if (
      record.entries.length > MAX_ENTRIES ||
      record.entries.reduce((n, e) => n + e.data.length, 0) > MAX_CHARS
    ) {
      record.broken = true;
      record.entries = [];
    }
    this.#write();
    return this.#lastSeq;
  }

  /** A save with `mark` completed: its input is in the stored state. */
  saved(mark: SaveMark): void {
    const record = this.#record;
    if (!record || record.machine !== mark.machine) return;
    record.entries = record.entries.filter((e) => e.seq > mark.seq);
    record.fromClean = false;
    // A broken journal is whole again once everything typed before the break is saved.
    if (record.broken && mark.seq === this.#lastSeq) record.broken = false;
    this.#write();
  }

  #write(): void {
    if (!this.#record) return;
    try {
      this.#storage?.setItem(this.#key, JSON.stringify(this.#record));
    } catch {
      // localStorage full or refused: the journal is a safety net, the saves still run.
    }
  }
}
