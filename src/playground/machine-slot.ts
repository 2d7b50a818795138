// Which saved machine a page runs. The chapters (and /try/, the exercises' pages) share one: the learner's
// machine, kept under IndexedDB record `current`. An exercise that arrived in an assignment link is untrusted (its
// setup and checks run as root in the guest), so it runs on a machine of its own: one slot per exercise version
// (`link:<customProgressId>`, the key its progress is kept under too), started from the site's clean guest,
// saved and restored under that slot, with its own input journal and tab lock. The chapters' machine never sees
// a link's setup, and a link's machine never sees the chapters' work (or another link's).
//
// Slots are bounded: this browser keeps the machines of the MAX_LINK_MACHINES link exercises started most
// recently (a list in localStorage, RECENT_LINKS_KEY); starting another deletes the oldest one's saved machine
// (the emulator worker prunes IndexedDB, see worker-protocol.ts `prune`) and its journal. Its progress stays
// (it is in `vlab:progress`); only its machine starts fresh next time, with the setup run again.
// No DOM; storage only through the Storage passed in (rememberLinkSlot). The machine client applies it.
import { JOURNAL_KEY } from './input-journal.ts';

/** The chapters' machine (the learner's one saved machine before link exercises had their own). */
export const CHAPTERS_SLOT = 'chapters';
/** Every link exercise's slot starts with this (also its IndexedDB record key). */
export const LINK_PREFIX = 'link:';
/** Link exercises whose machines are kept at most (~10 MB each in IndexedDB). */
export const MAX_LINK_MACHINES = 3;
/** localStorage: the link slots started most recently, newest first (JSON array of strings). */
export const RECENT_LINKS_KEY = 'vlab:link-machines';

/** A custom exercise's progress id (custom-exercise.ts customProgressId): c<12 hex>-<kebab id>, ≤ 60 chars. */
const PROGRESS_ID = /^c[0-9a-f]{12}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isLinkSlot(slot: string): boolean {
  return (
    slot.startsWith(LINK_PREFIX) &&
    slot.length <= LINK_PREFIX.length + 60 &&
    PROGRESS_ID.test(slot.slice(LINK_PREFIX.length))
  );
}

/**
 * The slot of a link exercise, from its progress id (one per exercise version: a new version of the exercise
 * starts on a fresh machine, as its progress starts fresh). Throws on anything else: a slot must never be
 * made from text that could name the chapters' machine or the cached clean guest.
 */
export function linkSlot(progressId: string): string {
  const slot = `${LINK_PREFIX}${progressId}`;
  if (!isLinkSlot(slot))
    throw new Error(`not a custom exercise's progress id: ${JSON.stringify(progressId)}`);
  return slot;
}

/** Where a slot's machine is saved in IndexedDB (store `machine` of database `vlab-machine`). */
export function recordKey(slot: string): string {
  return slot === CHAPTERS_SLOT ? 'current' : slot;
}

/** The localStorage key of a slot's input journal (input-journal.ts). */
export function journalKey(slot: string): string {
  return slot === CHAPTERS_SLOT ? JOURNAL_KEY : `${JOURNAL_KEY}:${slot}`;
}

/** The Web Lock (and BroadcastChannel) that lets one tab at a time run a slot's machine (tab-lock.ts). */
export function lockName(slot: string): string {
  return slot === CHAPTERS_SLOT ? 'vlab-machine' : `vlab-machine:${slot}`;
}

/** The stored list of recent link slots, read as hostile: anything that is not a list of link slots is ignored. */
export function parseRecentLinks(text: string | null): string[] {
  if (!text || text.length > 10_000) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const slots: string[] = [];
  for (const item of value) {
    if (typeof item === 'string' && isLinkSlot(item) && !slots.includes(item)) slots.push(item);
    if (slots.length === MAX_LINK_MACHINES) break;
  }
  return slots;
}

/**
 * `slot` starts now: it goes first in the list of recent link slots, which keeps at most `max`. Every link slot
 * not in the returned list loses its saved machine and journal (the machine client and the worker see to it).
 */
export function startLinkSlot(recent: readonly string[], slot: string, max = MAX_LINK_MACHINES): string[] {
  return [slot, ...recent.filter((s) => s !== slot)].slice(0, max);
}

/**
 * Records in `storage` (localStorage) that the link slot `slot` starts now, deletes the input journals of link
 * slots no longer kept, and returns the slots to keep (the worker deletes every other link exercise's saved
 * machine). Storage that refuses (private mode, full) keeps only `slot`.
 */
export function rememberLinkSlot(storage: Storage | null, slot: string): string[] {
  let keep = [slot];
  try {
    if (!storage) return keep;
    keep = startLinkSlot(parseRecentLinks(storage.getItem(RECENT_LINKS_KEY)), slot);
    storage.setItem(RECENT_LINKS_KEY, JSON.stringify(keep));
    const journals = `${JOURNAL_KEY}:${LINK_PREFIX}`;
    const kept = new Set(keep.map(journalKey));
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(journals) && !kept.has(key)) stale.push(key);
    }
    for (const key of stale) storage.removeItem(key);
  } catch {
    // Storage refused (private mode, full): what could be read decides, and stale journals wait for next time.
  }
  return keep;
}
