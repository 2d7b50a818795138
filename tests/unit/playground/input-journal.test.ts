import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import type { SaveMark } from '../../../src/emulator/worker-protocol.ts';
import type { Restored } from '../../../src/playground/input-journal.ts';
import {
  InputJournal,
  JOURNAL_KEY,
  type JournalRecord,
  MAX_CHARS,
  parseJournal,
  resume,
  typedPart,
} from '../../../src/playground/input-journal.ts';
import { endsWithPrompt, linesIn, replayChunks, SettleWatch } from '../../../src/playground/replay.ts';

/** A Storage in memory (localStorage's interface). */
function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

const BASE = 'base-sha';
let ids = 0;
const newId = () => `id-${++ids}`;

/** Restored from a saved machine with `mark` (none: a record from before marks). */
function saved(mark: SaveMark | null | undefined): Restored {
  return mark ? { kind: 'saved', mark } : { kind: 'saved' };
}

/** A page's life: a journal resumed after `restored`, as machine-client.ts does. */
function startPage(storage: Storage, restored: Parameters<typeof resume>[1]) {
  const journal = new InputJournal(storage);
  const { replay, journal: record } = resume(journal.read(), restored, BASE, newId);
  journal.begin(record, restored.kind === 'saved' ? restored.mark : undefined);
  return { journal, replay: replay.map((e) => e.data).join('') };
}

describe('the input journal', () => {
  test('a fresh machine left before its first save gets its input back, once', () => {
    const storage = memoryStorage();
    const first = startPage(storage, { kind: 'clean' });
    expect(first.replay).toBe('');
    first.journal.append('echo hi > /root/note');
    first.journal.append('\r');
    // The page is gone before any save completed: the next start is from the clean guest again.
    const second = startPage(storage, { kind: 'clean' });
    expect(second.replay).toBe('echo hi > /root/note\r');
    // Left again at once: still there (nothing saved it yet).
    expect(startPage(storage, { kind: 'clean' }).replay).toBe('echo hi > /root/note\r');
  });

  test('input a completed save holds is never typed again; input after its mark is', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('echo one > /root/a\r');
    const mark = page.journal.takeMark();
    expect(mark).not.toBeNull();
    page.journal.append('echo two > /root/b\r');
    page.journal.saved(mark as NonNullable<typeof mark>);
    // Restored from that save: only the second command is missing from it.
    expect(startPage(storage, saved(mark)).replay).toBe('echo two > /root/b\r');
  });

  test('a save that committed but whose page died before it heard back: its mark still tells', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('touch /root/x\r');
    const mark = page.journal.takeMark() ?? undefined;
    // No saved() call: the page was gone. The stored state carries the mark.
    expect(startPage(storage, saved(mark)).replay).toBe('');
  });

  test('a line typed on both sides of a save mark is split at it', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('ec');
    const mark = page.journal.takeMark() ?? undefined;
    page.journal.append('ho hi\r');
    expect(startPage(storage, saved(mark)).replay).toBe('ho hi\r');
  });

  test('another lineage, a saved machine without a mark, or another guest version replay nothing', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('rm -rf /root/*\r');
    const mark = page.journal.takeMark();
    page.journal.append('echo after\r');
    const stored = page.journal.read();
    expect(resume(stored, { kind: 'saved', mark: { machine: 'other', seq: 0 } }, BASE, newId).replay).toEqual(
      [],
    );
    expect(resume(stored, { kind: 'saved' }, BASE, newId).replay).toEqual([]);
    expect(resume(stored, saved(mark), 'new-guest', newId).replay).toEqual([]);
    // A lineage that had completed a save does not apply to a clean guest (its saved machine was lost).
    page.journal.saved(mark as NonNullable<typeof mark>);
    expect(resume(page.journal.read(), { kind: 'clean' }, BASE, newId).replay).toEqual([]);
  });

  test('a reset (clear) forgets the journal', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('echo x\r');
    page.journal.clear();
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
    expect(startPage(storage, { kind: 'clean' }).replay).toBe('');
  });

  test("the terminal's own answers (cursor position, attributes, focus) are not journaled", () => {
    expect(typedPart('\x1b[24;15Rls\r\x1b[?1;2c\x1b[I')).toBe('ls\r');
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append('\x1b[3;17R');
    page.journal.append('pwd\r');
    expect(startPage(storage, { kind: 'clean' }).replay).toBe('pwd\r');
  });

  test('a half-typed last line is typed again too, so the command line is as the learner left it', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    for (const key of ['sleep 100\r', '\x03', 'ec', 'x', '\x7f']) page.journal.append(key);
    expect(startPage(storage, { kind: 'clean' }).replay).toBe('sleep 100\r\x03ecx\x7f');
  });

  test('past MAX_CHARS the journal is broken (nothing replayed) until everything is saved', () => {
    const storage = memoryStorage();
    const page = startPage(storage, { kind: 'clean' });
    page.journal.append(`echo ${'x'.repeat(MAX_CHARS)}\r`);
    page.journal.append('echo later\r');
    expect(startPage(memoryStorageFrom(storage), { kind: 'clean' }).replay).toBe('');
    const mark = page.journal.takeMark();
    page.journal.saved(mark as NonNullable<typeof mark>);
    page.journal.append('echo whole-again\r');
    expect(startPage(storage, saved(mark)).replay).toBe('echo whole-again\r');
  });

  test('storage that throws (private mode, full) only turns the journal off', () => {
    const throwing = memoryStorage();
    throwing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    throwing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const journal = new InputJournal(throwing);
    expect(journal.read()).toBeNull();
    const { journal: record } = resume(null, { kind: 'clean' }, BASE, newId);
    journal.begin(record);
    expect(() => journal.append('ls\r')).not.toThrow();
  });

  test('anything stored that is not a journal is ignored, never thrown (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const parsed = parseJournal(text);
          if (parsed) expect(parsed.v).toBe(1);
          expect(() => resume(parsed, { kind: 'clean' }, BASE, newId)).not.toThrow();
        },
      ),
      { numRuns: 2_000 },
    );
    const valid: JournalRecord = {
      v: 1,
      baseKey: BASE,
      machine: 'm',
      fromClean: true,
      broken: false,
      entries: [],
    };
    expect(parseJournal(JSON.stringify(valid))).toEqual(valid);
    expect(
      parseJournal(
        JSON.stringify({
          ...valid,
          entries: [
            { seq: 2, data: 'a' },
            { seq: 1, data: 'b' },
          ],
        }),
      ),
    ).toBe(null);
  });
});

/** A copy of a storage's contents (another page reading it). */
function memoryStorageFrom(storage: Storage): Storage {
  const copy = memoryStorage();
  const value = storage.getItem(JOURNAL_KEY);
  if (value !== null) copy.setItem(JOURNAL_KEY, value);
  return copy;
}

describe('typing journaled input again', () => {
  test('chunks end after Enter and Ctrl-C/D/Z, where the learner had waited', () => {
    expect(replayChunks('sleep 100\r\x03echo x\rcat > f\rline\r\x04')).toEqual([
      { data: 'sleep 100\r', settle: true },
      { data: '\x03', settle: true },
      { data: 'echo x\r', settle: true },
      { data: 'cat > f\r', settle: true },
      { data: 'line\r', settle: true },
      { data: '\x04', settle: true },
    ]);
    expect(replayChunks('vi f\r\x1b:wq')).toEqual([
      { data: 'vi f\r', settle: true },
      { data: '\x1b:wq', settle: false },
    ]);
    expect(linesIn('a\rb\r\x03')).toBe(2);
  });

  test("the shell's prompt is recognised at the end of the output, through escape sequences", () => {
    expect(endsWithPrompt('hi\r\nroot@vlab:~# ')).toBe(true);
    expect(endsWithPrompt('root@vlab:~# \x1b[6n')).toBe(true);
    expect(endsWithPrompt('user@vlab:/tmp$ ')).toBe(true);
    expect(endsWithPrompt('hi\r\n')).toBe(false);
    expect(endsWithPrompt('root@vlab:~# ls')).toBe(false);
  });

  test('a replayed chunk has settled at the prompt, after a quiet console, or at the latest after maxMs', async () => {
    vi.useFakeTimers();
    try {
      const settledAt = async (watch: SettleWatch) => {
        let done = false;
        void watch.settled.then(() => {
          done = true;
        });
        return () => Promise.resolve().then(() => done);
      };
      // The prompt comes back: settled at once.
      const prompt = new SettleWatch(700, 15_000);
      const promptDone = await settledAt(prompt);
      prompt.output('hi\r\n');
      vi.advanceTimersByTime(500);
      expect(await promptDone()).toBe(false);
      prompt.output('root@vlab:~# ');
      expect(await promptDone()).toBe(true);
      // A program that keeps printing without a prompt (top): settled only at maxMs.
      const busy = new SettleWatch(700, 3_000);
      const busyDone = await settledAt(busy);
      for (let t = 0; t < 2_500; t += 500) {
        busy.output('tick\r\n');
        vi.advanceTimersByTime(500);
      }
      busy.output('tick\r\n');
      vi.advanceTimersByTime(499);
      expect(await busyDone()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(await busyDone()).toBe(true);
      // Quiet (a program waiting for input, `sleep`): settled after quietMs.
      const quiet = new SettleWatch(700, 15_000);
      const quietDone = await settledAt(quiet);
      vi.advanceTimersByTime(699);
      expect(await quietDone()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(await quietDone()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
