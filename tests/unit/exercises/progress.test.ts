// Progress: sticky passes, help tracking, a lossless export/import round trip, and corrupt data reported
// as a typed error instead of a crash.
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exerciseStatus,
  exportProgress,
  importProgress,
  loadProgress,
  mergeProgress,
  PROGRESS_KEY,
  ProgressError,
  recordCheck,
  recordHints,
  recordSolutionShown,
  type StringStorage,
  saveProgress,
} from '../../../src/exercises/progress.ts';

const t1 = new Date('2026-01-01T10:00:00.000Z');
const t2 = new Date('2026-01-02T10:00:00.000Z');
const tasks = ['a', 'b'];

function mapStorage(): StringStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (key) => data.get(key) ?? null, set: (key, value) => void data.set(key, value) };
}

describe('progress model', () => {
  it('passes a task on its first passing check and keeps the first time, even if a later check fails', () => {
    let p = recordCheck(
      emptyProgress(),
      'ex',
      [
        { taskId: 'a', passed: true },
        { taskId: 'b', passed: false },
      ],
      t1,
    );
    expect(exerciseStatus(p, 'ex', tasks)).toBe('todo');
    p = recordCheck(
      p,
      'ex',
      [
        { taskId: 'a', passed: false },
        { taskId: 'b', passed: true },
      ],
      t2,
    );
    expect(p.exercises.ex?.tasks.a).toEqual({ status: 'passed', passedAt: t1.toISOString(), usedHints: 0 });
    expect(p.exercises.ex?.tasks.b?.passedAt).toBe(t2.toISOString());
    expect(p.exercises.ex?.attempts).toBe(2);
    expect(exerciseStatus(p, 'ex', tasks)).toBe('passed');
  });

  it('with together, records passes only from a run in which every task passed (a split over time does not pass)', () => {
    const half = (a: boolean) => [
      { taskId: 'a', passed: a },
      { taskId: 'b', passed: !a },
    ];
    let p = recordCheck(emptyProgress(), 'ex', half(true), t1, { together: true });
    p = recordCheck(p, 'ex', half(false), t2, { together: true });
    expect(p.exercises.ex?.tasks).toEqual({});
    expect(p.exercises.ex?.attempts).toBe(2);
    expect(exerciseStatus(p, 'ex', tasks)).toBe('todo');
    const both = [
      { taskId: 'a', passed: true },
      { taskId: 'b', passed: true },
    ];
    p = recordCheck(p, 'ex', both, t2, { together: true });
    expect(exerciseStatus(p, 'ex', tasks)).toBe('passed');
    expect(p.exercises.ex?.tasks.a?.passedAt).toBe(t2.toISOString());
  });

  it('marks an exercise solved with help once the solution was shown, and never lowers the hint count', () => {
    let p = recordHints(emptyProgress(), 'ex', 'a', 2);
    p = recordHints(p, 'ex', 'a', 1);
    expect(p.exercises.ex?.tasks.a?.usedHints).toBe(2);
    p = recordSolutionShown(p, 'ex');
    p = recordCheck(
      p,
      'ex',
      tasks.map((taskId) => ({ taskId, passed: true })),
      t1,
    );
    expect(exerciseStatus(p, 'ex', tasks)).toBe('passed-with-help');
  });

  it('does not change the progress it was given', () => {
    const before = emptyProgress();
    recordCheck(before, 'ex', [{ taskId: 'a', passed: true }], t1);
    expect(before.exercises).toEqual({});
  });

  it('merges two browsers: passed wins with the earliest time, help used anywhere counts', () => {
    const a = recordCheck(emptyProgress(), 'ex', [{ taskId: 'a', passed: true }], t2);
    const b = recordSolutionShown(
      recordCheck(recordHints(emptyProgress(), 'ex', 'a', 1), 'ex', [{ taskId: 'a', passed: true }], t1),
      'ex',
    );
    const merged = mergeProgress(a, b);
    expect(merged.exercises.ex).toEqual({
      tasks: { a: { status: 'passed', passedAt: t1.toISOString(), usedHints: 1 } },
      usedSolution: true,
      attempts: 2,
    });
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const p = recordHints(
      recordCheck(emptyProgress(), 'ex', [{ taskId: 'a', passed: true }], t1),
      'ex',
      'b',
      1,
    );
    const back = importProgress(exportProgress(p));
    expect(back).toEqual({ ok: true, progress: p });
  });

  it.each([
    ['not JSON', '{"format": "vlab-progress", ', 'not-json'],
    ['another kind of file', '{"format": "vlab-report", "version": 1, "exercises": {}}', 'invalid'],
    [
      'a wrong type deep inside',
      '{"format":"vlab-progress","version":1,"exercises":{"ex":{"tasks":{"a":{"status":"done","usedHints":0}},"usedSolution":false,"attempts":1}}}',
      'invalid',
    ],
    ['null', 'null', 'invalid'],
    ['too large', `"${'x'.repeat(1_000_001)}"`, 'too-large'],
  ] as const)('refuses %s with a typed error', (_, json, reason) => {
    const result = importProgress(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ProgressError);
    expect(result.error.reason).toBe(reason);
  });

  it('says which field is wrong', () => {
    const result = importProgress(
      '{"format":"vlab-progress","version":1,"exercises":{"ex":{"tasks":{"a":{"status":"done","usedHints":0}},"usedSolution":false,"attempts":1}}}',
    );
    expect(result.ok ? [] : result.error.problems).toEqual([
      'progress: exercises.ex.tasks.a.status: Received "done" / Expected one of "todo", "passed"',
    ]);
  });
});

describe('storage', () => {
  it('starts empty, saves, and loads back', () => {
    const storage = mapStorage();
    expect(loadProgress(storage)).toEqual({ ok: true, progress: emptyProgress() });
    const p = recordCheck(emptyProgress(), 'ex', [{ taskId: 'a', passed: true }], t1);
    saveProgress(storage, p);
    expect(loadProgress(storage)).toEqual({ ok: true, progress: p });
  });

  it('reports corrupt stored data and leaves it in place for the learner to export', () => {
    const storage = mapStorage();
    storage.set(PROGRESS_KEY, '{"format":"vlab-progress","version":1,"exercises":');
    const result = loadProgress(storage);
    expect(result.ok).toBe(false);
    expect(storage.data.get(PROGRESS_KEY)).toBe('{"format":"vlab-progress","version":1,"exercises":');
  });
});
