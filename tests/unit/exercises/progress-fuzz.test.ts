// Progress comes back from outside: a file the learner imports on /progress/, and localStorage (written by
// this site, but also by older versions of it, extensions, or a hand edit). Whatever it holds: no throw, a
// refusal names each problem, what is accepted fits the schema, merging it keeps the schema, the sidebar's
// lenient reading and the summaries never throw, and nothing reaches Object.prototype.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { parseCheckRuns } from '../../../src/exercises/check-runs.ts';
import { passedExerciseIds } from '../../../src/exercises/lenient-progress.ts';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  mergeProgress,
  PROGRESS_KEY,
  type Progress,
  progressSchema,
  recordCheck,
  recordHints,
} from '../../../src/exercises/progress.ts';
import { buildReport, verifyReport } from '../../../src/exercises/report.ts';
import { summarizeChapters, summarizeExercise } from '../../../src/exercises/summary.ts';
import {
  arbitraryJsonText,
  deepJsonText,
  expectClearProblems,
  expectNoPrototypePollution,
  expectPlainData,
  hostileString,
  mutatedJsonText,
  runs,
} from '../support/hostile.ts';

const outlines = [
  { id: 'pid-namespace', chapter: 'containers', taskIds: ['own-pid-namespace', 'sleep-is-pid-1'] },
  { id: 'memory-oom', chapter: 'containers', taskIds: ['memory-limit'] },
  { id: 'constructor', chapter: 'x', taskIds: ['to-string', 'constructor'] },
];

const sample: Progress = {
  format: 'vlab-progress',
  version: 1,
  exercises: {
    'pid-namespace': {
      tasks: {
        'own-pid-namespace': { status: 'passed', passedAt: '2026-11-20T10:00:00.000Z', usedHints: 1 },
        'sleep-is-pid-1': { status: 'todo', usedHints: 0 },
      },
      usedSolution: false,
      attempts: 3,
    },
  },
};

const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const anyId = fc.oneof(
  fc.constantFrom('pid-namespace', 'memory-oom', 'constructor', 'to-string', 'has-own-property', 'a'),
  fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
);
const validProgress: fc.Arbitrary<Progress> = fc.record({
  format: fc.constant('vlab-progress' as const),
  version: fc.constant(1 as const),
  exercises: fc.dictionary(
    anyId,
    fc.record({
      tasks: fc.dictionary(
        anyId,
        fc.oneof(
          fc.record({ status: fc.constant('todo' as const), usedHints: fc.nat({ max: 20 }) }),
          fc.record({
            status: fc.constant('passed' as const),
            passedAt: iso,
            usedHints: fc.nat({ max: 20 }),
          }),
        ),
        { maxKeys: 4 },
      ),
      usedSolution: fc.boolean(),
      attempts: fc.nat({ max: 1_000_000 }),
    }),
    { maxKeys: 4 },
  ),
});

/** What the learner's browser may hold under `vlab:progress`, or what a progress file may contain. */
const hostileProgressText = fc.oneof(
  hostileString,
  arbitraryJsonText,
  mutatedJsonText(sample),
  validProgress.chain((progress) => mutatedJsonText(progress)),
  validProgress.map((progress) => JSON.stringify(progress)),
);

function importsSafely(text: string): Progress | undefined {
  const result = importProgress(text);
  if (!result.ok) {
    expect(['too-large', 'not-json', 'invalid']).toContain(result.error.reason);
    expectClearProblems(result.error.problems);
    return undefined;
  }
  expect(progressSchema.safeParse(result.progress).success).toBe(true);
  expectPlainData(result.progress);
  return result.progress;
}

afterEach(expectNoPrototypePollution);

describe('importing progress', () => {
  test('exported progress imports back unchanged', () => {
    fc.assert(
      fc.property(validProgress, (progress) => {
        expect(importProgress(exportProgress(progress))).toEqual({ ok: true, progress });
      }),
      runs(2_000),
    );
  });

  test('any text: an accepted progress fits the schema, a refused one says why; never a throw', () => {
    fc.assert(
      fc.property(hostileProgressText, (text) => void importsSafely(text)),
      runs(4_000),
    );
  });

  test('deep nesting and huge files are refused without a stack overflow', () => {
    fc.assert(
      fc.property(deepJsonText, (text) => void importsSafely(text)),
      runs(200),
    );
    const huge = `{"format":"vlab-progress","version":1,"exercises":{},"x":"${'a'.repeat(1_000_001)}"}`;
    expect(importProgress(huge)).toMatchObject({ ok: false, error: { reason: 'too-large' } });
  });

  test('whatever is imported merges into any stored progress without breaking the schema', () => {
    fc.assert(
      fc.property(validProgress, hostileProgressText, (stored, text) => {
        const imported = importsSafely(text);
        if (!imported) return;
        const merged = mergeProgress(stored, imported);
        expect(progressSchema.safeParse(merged).success).toBe(true);
        // Nothing that passed on either side is lost.
        for (const [id, exercise] of Object.entries(imported.exercises))
          for (const [taskId, task] of Object.entries(exercise.tasks))
            if (task.status === 'passed') expect(merged.exercises[id]?.tasks[taskId]?.status).toBe('passed');
      }),
      runs(2_000),
    );
  });

  test('any importable progress makes a report that verifies (bug: more than 20 hints made it throw)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileProgressText, async (text) => {
        const progress = importsSafely(text);
        if (!progress) return;
        const report = await buildReport({
          learner: 'Aki',
          assignment: null,
          exercises: outlines,
          progress,
          checks: {},
          now: new Date('2026-12-01T00:00:00Z'),
        });
        expect(await verifyReport(JSON.stringify(report))).toMatchObject({ ok: true, intact: true });
      }),
      runs(1_000),
    );
    const tooMany = JSON.stringify(sample).replace('"usedHints":1', '"usedHints":21');
    expect(importProgress(tooMany)).toMatchObject({
      ok: false,
      error: {
        problems: [
          'progress: exercises.pid-namespace.tasks.own-pid-namespace.usedHints: Received 21 / Expected at most 20 hints',
        ],
      },
    });
  });

  test('an exercise or task id that names an Object.prototype member merges like any other (bug)', () => {
    // mergeProgress read progress.exercises.constructor (the Object function) as the stored exercise:
    // attempts became NaN, saved as null, and the learner's stored progress was corrupt from then on.
    const text = JSON.stringify({
      format: 'vlab-progress',
      version: 1,
      exercises: {
        constructor: {
          tasks: { 'to-string': { status: 'passed', passedAt: '2026-11-20T10:00:00.000Z', usedHints: 0 } },
          usedSolution: false,
          attempts: 2,
        },
      },
    });
    const imported = importsSafely(text) as Progress;
    const merged = mergeProgress(emptyProgress(), imported);
    expect(merged).toEqual(imported);
    expect(
      recordCheck(emptyProgress(), 'constructor', [{ taskId: 'to-string', passed: true }], new Date()),
    ).toMatchObject({ exercises: { constructor: { attempts: 1 } } });
    expect(recordHints(emptyProgress(), 'constructor', 'constructor', 2).exercises).toEqual({
      constructor: {
        tasks: { constructor: { status: 'todo', usedHints: 2 } },
        usedSolution: false,
        attempts: 0,
      },
    });
  });

  test('a __proto__ exercise or task id is refused by name, not silently dropped (bug)', () => {
    const text = `{"format":"vlab-progress","version":1,"exercises":{"__proto__":{"tasks":{},"usedSolution":false,"attempts":1}}}`;
    const result = importProgress(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.problems).toEqual([
      'progress: exercises.__proto__: Received "__proto__" / Expected an exercise id in kebab-case',
    ]);
    const nested = `{"format":"vlab-progress","version":1,"exercises":{"a":{"tasks":{"__proto__":{"status":"passed","usedHints":0}},"usedSolution":false,"attempts":1}}}`;
    expect(importProgress(nested)).toMatchObject({
      ok: false,
      error: {
        problems: [
          'progress: exercises.a.tasks.__proto__: Received "__proto__" / Expected a task id in kebab-case',
        ],
      },
    });
  });

  test('stored progress: missing is empty, anything else is read like an imported file', () => {
    fc.assert(
      fc.property(fc.option(hostileProgressText), (stored) => {
        const result = loadProgress({ get: (key) => (key === PROGRESS_KEY ? stored : null), set: () => {} });
        if (stored === null) expect(result).toEqual({ ok: true, progress: emptyProgress() });
        else expect(result).toEqual(importProgress(stored));
      }),
      runs(2_000),
    );
  });
});

describe('reading stored progress and check runs for the pages', () => {
  test("the sidebar's lenient reading never throws and only names known exercises", () => {
    fc.assert(
      fc.property(fc.option(hostileProgressText), (raw) => {
        const passed = passedExerciseIds(raw, outlines);
        for (const id of passed) expect(outlines.map((o) => o.id)).toContain(id);
      }),
      runs(5_000),
    );
  });

  test('summaries of any importable progress are counts within bounds', () => {
    fc.assert(
      fc.property(hostileProgressText, (text) => {
        const progress = importsSafely(text);
        if (!progress) return;
        for (const outline of outlines) {
          const summary = summarizeExercise(progress, outline);
          expect(summary.passedTasks).toBeLessThanOrEqual(summary.totalTasks);
          expect(Number.isSafeInteger(summary.hintsUsed) && Number.isSafeInteger(summary.attempts)).toBe(
            true,
          );
        }
        for (const chapter of summarizeChapters(progress, outlines))
          expect(chapter.passed).toBeLessThanOrEqual(chapter.total);
      }),
      runs(2_000),
    );
  });

  const storedRun = fc.record(
    {
      at: fc.oneof(iso, hostileString, fc.constant('+275760-09-13T00:00:00.000Z'), fc.integer()),
      results: fc.oneof(
        fc.array(
          fc.record(
            {
              taskId: fc.oneof(anyId, hostileString),
              status: fc.oneof(fc.constantFrom('passed', 'failed', 'error'), hostileString),
              passed: fc.oneof(fc.boolean(), fc.constant('yes')),
              evidence: fc.oneof(
                fc.string(),
                fc.string({ minLength: 4_001, maxLength: 4_100 }),
                fc.integer(),
              ),
              durationMs: fc.oneof(fc.nat(), fc.double(), fc.constant(-1)),
              error: fc.option(fc.string(), { nil: undefined }),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    },
    { requiredKeys: [] },
  );
  const storedRunsText = fc.oneof(
    hostileString,
    arbitraryJsonText,
    fc
      .dictionary(fc.oneof(anyId, fc.constantFrom('__proto__', 'constructor')), storedRun)
      .map((runs) => JSON.stringify(runs)),
    fc.dictionary(anyId, storedRun).chain((value) => mutatedJsonText(value)),
  );

  test('stored check runs: whatever is stored, a report built from them is valid and verifies (bug)', async () => {
    // readCheckRuns took any array as results: a stored result the report schema refuses (a wrong status, a
    // fractional duration, long evidence) made buildReport throw, and "Make report" did nothing.
    await fc.assert(
      fc.asyncProperty(storedRunsText, validProgress, async (raw, progress) => {
        const checks = parseCheckRuns(raw);
        expectPlainData(checks);
        const report = await buildReport({
          learner: 'Aki',
          assignment: null,
          exercises: outlines,
          progress,
          checks,
          now: new Date('2026-12-01T00:00:00Z'),
        });
        const verified = await verifyReport(JSON.stringify(report));
        expect(verified).toMatchObject({ ok: true, intact: true });
      }),
      runs(1_000),
    );
  });

  test('stored check runs: a well-formed run reads back as it was stored', () => {
    const stored = {
      'pid-namespace': {
        at: '2026-11-30T09:00:00.000Z',
        results: [
          { taskId: 'own-pid-namespace', status: 'passed', passed: true, evidence: 'ok', durationMs: 120 },
        ],
      },
    };
    expect(parseCheckRuns(JSON.stringify(stored))).toEqual({
      'pid-namespace': { at: new Date('2026-11-30T09:00:00.000Z'), results: stored['pid-namespace'].results },
    });
    expect(parseCheckRuns(null)).toEqual({});
  });
});
