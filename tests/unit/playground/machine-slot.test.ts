import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { customProgressId } from '../../../src/exercises/custom-exercise.ts';
import { InputJournal, JOURNAL_KEY } from '../../../src/playground/input-journal.ts';
import {
  CHAPTERS_SLOT,
  isLinkSlot,
  journalKey,
  LINK_PREFIX,
  linkSlot,
  lockName,
  MAX_LINK_MACHINES,
  parseRecentLinks,
  RECENT_LINKS_KEY,
  recordKey,
  rememberLinkSlot,
  startLinkSlot,
} from '../../../src/playground/machine-slot.ts';
import { arbitraryJsonText, hostileString, runs } from '../support/hostile.ts';

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

const digestA = 'a'.repeat(64);
const digestB = `b${'0'.repeat(63)}`;
const slotOf = (id: string, digest = digestA) => linkSlot(customProgressId(id, digest));

describe("a link exercise's machine slot", () => {
  test('is one per exercise version: the key its progress is kept under', () => {
    expect(slotOf('hello-file')).toBe(`link:c${'a'.repeat(12)}-hello-file`);
    // The same id in another version (a fixed check, another author's exercise) gets a machine of its own.
    expect(slotOf('hello-file', digestB)).not.toBe(slotOf('hello-file'));
    expect(slotOf('other')).not.toBe(slotOf('hello-file'));
    expect(isLinkSlot(slotOf('hello-file'))).toBe(true);
  });

  test("never names the chapters' machine, the cached clean guest, or anything but a progress id", () => {
    for (const bad of ['', 'chapters', 'current', 'clean', 'hello-file', `c${'a'.repeat(12)}-Hello`, 'c12-x'])
      expect(() => linkSlot(bad)).toThrow(/progress id/);
    expect(() => linkSlot(`c${'a'.repeat(12)}-../current`)).toThrow();
    expect(() => linkSlot(`c${'a'.repeat(12)}-${'x'.repeat(48)}`)).toThrow();
    // The longest custom id (46 characters) still makes a slot.
    expect(isLinkSlot(slotOf('x'.repeat(46)))).toBe(true);
    expect(isLinkSlot(CHAPTERS_SLOT)).toBe(false);
  });

  test("the chapters' machine keeps the names it always had; a link slot's names are all its own", () => {
    expect([recordKey(CHAPTERS_SLOT), journalKey(CHAPTERS_SLOT), lockName(CHAPTERS_SLOT)]).toEqual([
      'current',
      JOURNAL_KEY,
      'vlab-machine',
    ]);
    const slot = slotOf('hello-file');
    expect(recordKey(slot)).toBe(slot);
    expect(recordKey(slot)).not.toBe('clean');
    expect(recordKey(slot).startsWith(LINK_PREFIX)).toBe(true);
    expect(journalKey(slot)).toBe(`vlab:machine-journal:${slot}`);
    expect(lockName(slot)).toBe(`vlab-machine:${slot}`);
  });

  test(`keeps the ${MAX_LINK_MACHINES} most recently started, newest first, each once`, () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => slotOf(id)) as [string, string, string, string];
    let recent: string[] = [];
    for (const slot of [a, b, c]) recent = startLinkSlot(recent, slot);
    expect(recent).toEqual([c, b, a]);
    expect(startLinkSlot(recent, a)).toEqual([a, c, b]);
    expect(startLinkSlot(recent, d)).toEqual([d, c, b]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(a, b, c, d), { maxLength: 30 }), (starts) => {
        let list: string[] = [];
        for (const slot of starts) list = startLinkSlot(list, slot);
        expect(list.length).toBeLessThanOrEqual(MAX_LINK_MACHINES);
        expect(new Set(list).size).toBe(list.length);
        if (starts.length > 0) expect(list[0]).toBe(starts.at(-1));
      }),
      runs(500),
    );
  });

  test("starting one records it and deletes the journals of link machines no longer kept, nothing else's", () => {
    const storage = memoryStorage();
    storage.setItem(JOURNAL_KEY, 'chapters-journal');
    storage.setItem('vlab:progress', 'progress');
    const slots = ['a', 'b', 'c', 'd'].map((id) => slotOf(id));
    for (const slot of slots) {
      expect(rememberLinkSlot(storage, slot)[0]).toBe(slot);
      storage.setItem(journalKey(slot), `journal of ${slot}`);
    }
    const [a, b, c, d] = slots as [string, string, string, string];
    // A fifth start: the oldest kept (b) goes, with its journal; a's went at the fourth.
    const e = slotOf('e');
    expect(rememberLinkSlot(storage, e)).toEqual([e, d, c]);
    expect(parseRecentLinks(storage.getItem(RECENT_LINKS_KEY))).toEqual([e, d, c]);
    expect(storage.getItem(journalKey(a))).toBeNull();
    expect(storage.getItem(journalKey(b))).toBeNull();
    expect(storage.getItem(journalKey(c))).toBe(`journal of ${c}`);
    expect(storage.getItem(journalKey(d))).toBe(`journal of ${d}`);
    expect(storage.getItem(JOURNAL_KEY)).toBe('chapters-journal');
    expect(storage.getItem('vlab:progress')).toBe('progress');
  });

  test('without usable storage, only the machine starting now is kept', () => {
    const slot = slotOf('a');
    expect(rememberLinkSlot(null, slot)).toEqual([slot]);
    const refusing = memoryStorage();
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(rememberLinkSlot(refusing, slot)).toEqual([slot]);
    // Full: what could be read still decides, so a full localStorage does not throw the other machines away.
    const full = memoryStorage();
    const older = slotOf('older');
    full.setItem(RECENT_LINKS_KEY, JSON.stringify([older]));
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(rememberLinkSlot(full, slot)).toEqual([slot, older]);
  });

  test('the stored list is read as hostile: only link slots, each once, at most the maximum', () => {
    const slot = slotOf('a');
    expect(parseRecentLinks(JSON.stringify(['current', 'clean', slot, slot, 7, null]))).toEqual([slot]);
    expect(parseRecentLinks('{"0":"x"}')).toEqual([]);
    fc.assert(
      fc.property(fc.oneof(hostileString, arbitraryJsonText, fc.constant(null)), (text) => {
        const list = parseRecentLinks(text);
        expect(list.length).toBeLessThanOrEqual(MAX_LINK_MACHINES);
        expect(new Set(list).size).toBe(list.length);
        for (const item of list) expect(isLinkSlot(item)).toBe(true);
      }),
      runs(3_000),
    );
  });

  test("a link machine's input journal is written under its own key, never the chapters'", () => {
    const storage = memoryStorage();
    storage.setItem(JOURNAL_KEY, 'chapters-journal');
    const slot = slotOf('a');
    const journal = new InputJournal(storage, journalKey(slot));
    journal.begin({ v: 1, baseKey: 'base', machine: 'm', fromClean: true, broken: false, entries: [] });
    journal.append('echo hi\r');
    expect(journal.read()?.entries.map((entry) => entry.data)).toEqual(['echo hi\r']);
    expect(storage.getItem(JOURNAL_KEY)).toBe('chapters-journal');
    journal.clear();
    expect(storage.getItem(journalKey(slot))).toBeNull();
    expect(storage.getItem(JOURNAL_KEY)).toBe('chapters-journal');
  });
});
