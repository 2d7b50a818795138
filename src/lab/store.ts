// The learner's progress and latest check results in this browser, shared by <Exercise>, /progress/,
// the assignment view and the report. localStorage, because it is synchronous and small; when it is
// unavailable (private mode, blocked, full) everything still works for this page and `persistent` says so.
// Every change is announced on `window` ('vlab:progress') and across tabs (the 'storage' event).
import { parseCheckRuns } from '../exercises/check-runs.ts';
import {
  emptyProgress,
  loadProgress,
  PROGRESS_KEY,
  type Progress,
  type ProgressError,
  type StringStorage,
  saveProgress,
} from '../exercises/progress.ts';
import type { CheckRun } from '../exercises/report.ts';

export const CHECKS_KEY = 'vlab:checks';
export const CHANGE_EVENT = 'vlab:progress';

let memory: Map<string, string> | undefined;

/** localStorage if it works, else a per-page map (so the page still works, but nothing is kept). */
function storage(): { store: StringStorage; persistent: boolean } {
  try {
    const probe = '__vlab_probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return {
      store: { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) },
      persistent: true,
    };
  } catch {
    memory ??= new Map();
    const map = memory;
    return {
      store: { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v) },
      persistent: false,
    };
  }
}

export interface ProgressSnapshot {
  progress: Progress;
  /** Saved progress was unreadable; `progress` is empty and the learner must be told (export is impossible). */
  corrupt: ProgressError | null;
  /** False when nothing will survive a reload. */
  persistent: boolean;
}

export function readProgress(): ProgressSnapshot {
  const { store, persistent } = storage();
  const result = loadProgress(store);
  return result.ok
    ? { progress: result.progress, corrupt: null, persistent }
    : { progress: emptyProgress(), corrupt: result.error, persistent };
}

/**
 * Applies `change` to the stored progress and announces it. A write that fails (quota) keeps the page's
 * copy and returns `persistent: false`. Corrupt stored progress is replaced only when `change` is applied,
 * i.e. by the learner's own action after they were told.
 */
export function updateProgress(change: (progress: Progress) => Progress): ProgressSnapshot {
  const before = readProgress();
  const progress = change(before.progress);
  let persistent = before.persistent;
  try {
    saveProgress(storage().store, progress);
  } catch {
    persistent = false;
  }
  announce();
  return { progress, corrupt: null, persistent };
}

/** The latest check run per exercise id (for reports: evidence and time). Unreadable data counts as none. */
export function readCheckRuns(): Record<string, CheckRun> {
  return parseCheckRuns(storage().store.get(CHECKS_KEY));
}

export function recordCheckRun(exerciseId: string, run: CheckRun): void {
  const { store } = storage();
  const runs = Object.fromEntries(
    Object.entries(readCheckRuns()).map(([id, r]) => [id, { at: r.at.toISOString(), results: r.results }]),
  );
  runs[exerciseId] = { at: run.at.toISOString(), results: [...run.results] };
  try {
    store.set(CHECKS_KEY, JSON.stringify(runs));
  } catch {
    // Full: the report will say "not checked" for this run; progress itself is stored separately.
  }
  announce();
}

/** Removes everything this site stores about exercises (progress and check runs). */
export function clearLabData(): void {
  const { store } = storage();
  try {
    store.set(PROGRESS_KEY, JSON.stringify(emptyProgress()));
    store.set(CHECKS_KEY, '{}');
  } catch {
    // Nothing stored, nothing to clear.
  }
  announce();
}

function announce(): void {
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT));
}

/** Calls `listener` on every change, in this tab or another. Returns the unsubscribe function. */
export function onLabChange(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY || event.key === CHECKS_KEY) listener();
  };
  window.addEventListener(CHANGE_EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored progress text as it is, for the learner to download when it cannot be read. */
export function readRawProgress(): string | null {
  return storage().store.get(PROGRESS_KEY);
}
