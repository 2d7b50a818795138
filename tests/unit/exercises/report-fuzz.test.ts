// Report files come to the trainer's roster from learners: damaged, edited or made up. Whatever a file
// holds, readReportFile answers (never throws), a refusal names each problem, an accepted report fits the
// schema, a report that is not byte-for-byte what buildReport made is never called intact, and the roster's
// CSV never starts a cell with a spreadsheet formula.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../../src/exercises/canonical-json.ts';
import {
  buildReport,
  MAX_REPORT_BYTES,
  type Report,
  reportSchema,
  verifyReport,
} from '../../../src/exercises/report.ts';
import { csvCell, rosterRows, toCsv } from '../../../src/exercises/roster.ts';
import { type RosterFile, readReportFile } from '../../../src/trainer/roster-files.ts';
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

const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);

/** What buildReport takes, from any learner name, tasks, progress and check results. */
const reportInput = fc
  .record({
    learner: fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .filter((name) => name.trim() !== '' && name.trim().length <= 100),
    exercises: fc.uniqueArray(
      fc.record({ id: kebab, taskIds: fc.uniqueArray(kebab, { minLength: 1, maxLength: 3 }) }),
      { selector: (e) => e.id, maxLength: 3 },
    ),
    hints: fc.nat({ max: 20 }),
    solution: fc.boolean(),
    passedAt: fc.option(iso, { nil: undefined }),
    evidence: fc.string({ unit: 'grapheme', maxLength: 200 }),
    status: fc.constantFrom('passed', 'failed', 'error') as fc.Arbitrary<'passed' | 'failed' | 'error'>,
    now: iso,
  })
  .map((input) => ({
    learner: input.learner,
    assignment: null,
    exercises: input.exercises,
    progress: {
      format: 'vlab-progress' as const,
      version: 1 as const,
      exercises: Object.fromEntries(
        input.exercises.map((e) => [
          e.id,
          {
            tasks: Object.fromEntries(
              e.taskIds.map((t) => [
                t,
                input.passedAt
                  ? { status: 'passed' as const, passedAt: input.passedAt, usedHints: input.hints }
                  : { status: 'todo' as const, usedHints: input.hints },
              ]),
            ),
            usedSolution: input.solution,
            attempts: 1,
          },
        ]),
      ),
    },
    checks: Object.fromEntries(
      input.exercises.map((e) => [
        e.id,
        {
          at: new Date(input.now),
          results: e.taskIds.map((taskId) => ({
            taskId,
            status: input.status,
            passed: input.status === 'passed',
            evidence: input.evidence,
            durationMs: 42,
          })),
        },
      ]),
    ),
    now: new Date(input.now),
  }));

// buildReport is async: make the reports once (from a fixed seed), then fuzz their JSON.
const samples: Report[] = [];
async function sampleReports(): Promise<Report[]> {
  if (samples.length === 0)
    samples.push(...(await Promise.all(fc.sample(reportInput, { numRuns: 60, seed: 7 }).map(buildReport))));
  return samples;
}

async function verifiesSafely(text: string): Promise<Awaited<ReturnType<typeof verifyReport>>> {
  const verified = await verifyReport(text);
  if (verified.ok) {
    expect(reportSchema.safeParse(verified.report).success).toBe(true);
    expectPlainData(verified.report);
  } else {
    expect(['too-large', 'not-json', 'invalid']).toContain(verified.reason);
    expectClearProblems(verified.problems);
  }
  return verified;
}

afterEach(expectNoPrototypePollution);

describe('verifyReport on hostile files', () => {
  test('every report buildReport makes verifies as intact and reads back the same', async () => {
    for (const report of await sampleReports()) {
      for (const text of [JSON.stringify(report), `${JSON.stringify(report, null, 2)}\n`]) {
        expect(await verifyReport(text)).toEqual({ ok: true, report, intact: true });
      }
    }
  });

  test('any text never throws: refused with reasons, or a report that fits the schema', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, arbitraryJsonText), async (text) => {
        await verifiesSafely(text);
      }),
      runs(4_000),
    );
  });

  test('a changed report (wrong types, removed fields, proto keys, huge numbers, cuts) is never intact', async () => {
    const reports = await sampleReports();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reports).chain((report) => fc.tuple(fc.constant(report), mutatedJsonText(report))),
        async ([report, text]) => {
          const verified = await verifiesSafely(text);
          // Intact only if the content is the same (a mutation that changed nothing, e.g. 1 → 1.0).
          if (verified.ok && verified.intact)
            expect(canonicalJson(verified.report)).toBe(canonicalJson(report));
        },
      ),
      runs(3_000),
    );
  });

  test('deeply nested JSON is refused without a stack overflow', async () => {
    await fc.assert(
      fc.asyncProperty(deepJsonText, async (text) => {
        expect((await verifiesSafely(text)).ok).toBe(false);
      }),
      runs(200),
    );
  });
});

describe('readReportFile on whatever is dropped on the roster', () => {
  const states = ['ok', 'tampered', 'refused', 'duplicate'];

  test('any file (size, contents, a read that fails) gets a verdict, never a throw', async () => {
    const reports = await sampleReports();
    const contents = fc.oneof(
      hostileString.map((text) => ({ text, fails: false })),
      fc.constantFrom(...reports).map((r) => ({ text: JSON.stringify(r), fails: false })),
      fc.constantFrom(...reports).chain((r) => mutatedJsonText(r).map((text) => ({ text, fails: false }))),
      fc.constant({ text: '', fails: true }),
    );
    await fc.assert(
      fc.asyncProperty(
        hostileString,
        contents,
        fc.oneof(fc.constant(undefined), fc.nat({ max: MAX_REPORT_BYTES * 4 })),
        async (name, { text, fails }, claimedSize) => {
          const loaded: RosterFile[] = reports.slice(0, 3).map((report, i) => ({
            name: `r${i}.json`,
            state: 'ok',
            report,
          }));
          let read = false;
          const verdict = await readReportFile(
            {
              name,
              size: claimedSize ?? new TextEncoder().encode(text).length,
              text: async () => {
                read = true;
                if (fails) throw new DOMException('The file could not be read', 'NotReadableError');
                return text;
              },
            },
            loaded,
          );
          expect(states).toContain(verdict.state);
          expect(verdict.name).toBe(name);
          if (verdict.state === 'refused') expectClearProblems(verdict.problems);
          // A file claimed to be over the limit is never read into memory.
          if ((claimedSize ?? 0) > MAX_REPORT_BYTES)
            expect([read, verdict.state]).toEqual([false, 'refused']);
          if (verdict.state === 'ok' || verdict.state === 'tampered') {
            // Any accepted report makes roster rows and CSV (whose cells csvCell defuses, below).
            const rows = rosterRows([{ report: verdict.report, intact: verdict.state === 'ok' }]);
            expect(toCsv(rows).startsWith('\uFEFFlearner,')).toBe(true);
          }
        },
      ),
      runs(2_000),
    );
  });

  test('a CSV cell is the text itself, quoted and defused as needed: never a formula', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'binary' })), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
        expect(unquoted === text || unquoted === `'${text}`).toBe(true);
        if (/[",\r\n]/.test(unquoted)) expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      }),
      runs(5_000),
    );
  });
});
