// Completion reports and the roster: the digest catches edits, hostile files are refused with a reason, and
// the CSV is safe to open in a spreadsheet.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/exercises/canonical-json.ts';
import type { TaskCheckResult } from '../../../src/exercises/check-runner.ts';
import {
  emptyProgress,
  recordCheck,
  recordHints,
  recordSolutionShown,
} from '../../../src/exercises/progress.ts';
import { buildReport, MAX_REPORT_BYTES, type Report, verifyReport } from '../../../src/exercises/report.ts';
import { csvCell, rosterRows, sortRows, toCsv } from '../../../src/exercises/roster.ts';

const checkedAt = new Date('2026-11-26T09:00:00.000Z');
const result = (taskId: string, passed: boolean): TaskCheckResult => ({
  taskId,
  status: passed ? 'passed' : 'failed',
  passed,
  evidence: passed ? 'memory.events: oom_kill 1' : 'oom_kill 0',
  durationMs: 120,
});

async function reportFor(
  learner: string,
  options: { help?: boolean; passB?: boolean } = {},
): Promise<Report> {
  const results = [result('limit-set', true), result('oom-killed', options.passB ?? true)];
  let progress = recordCheck(emptyProgress(), 'memory-oom', results, checkedAt);
  if (options.help)
    progress = recordSolutionShown(recordHints(progress, 'memory-oom', 'oom-killed', 2), 'memory-oom');
  return buildReport({
    learner,
    assignment: null,
    exercises: [
      { id: 'memory-oom', taskIds: ['limit-set', 'oom-killed'] },
      { id: 'overlay-mount', taskIds: ['merged-view'] },
    ],
    progress,
    checks: { 'memory-oom': { at: checkedAt, results } },
    now: new Date('2026-11-26T09:05:00.000Z'),
  });
}

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});

describe('completion reports', () => {
  it('carries per task the result, evidence, times and help used', async () => {
    const report = await reportFor('山田 花子', { help: true });
    expect(report.exercises[0]?.tasks[1]).toEqual({
      taskId: 'oom-killed',
      result: 'passed',
      evidence: 'memory.events: oom_kill 1',
      checkedAt: checkedAt.toISOString(),
      durationMs: 120,
      passedAt: checkedAt.toISOString(),
      hintsUsed: 2,
      solutionUsed: true,
    });
    expect(report.exercises[1]?.tasks[0]).toMatchObject({
      result: 'not-checked',
      passedAt: null,
      checkedAt: null,
    });
    expect(report.digest.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an untouched report, also after re-serialising with other key order and spacing', async () => {
    const report = await reportFor('Ada');
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(report).reverse()), null, 2);
    expect(await verifyReport(reordered)).toEqual({ ok: true, report, intact: true });
  });

  it('flags an edited report as not intact', async () => {
    const report = await reportFor('Ada', { passB: false });
    const edited = JSON.parse(JSON.stringify(report)) as Report;
    const task = edited.exercises[0]?.tasks[1];
    if (!task) throw new Error('fixture has no second task');
    task.result = 'passed';
    task.passedAt = checkedAt.toISOString();
    const verified = await verifyReport(JSON.stringify(edited));
    expect(verified.ok && verified.intact).toBe(false);
  });

  it.each([
    ['not JSON', '<html><script>alert(1)</script></html>', 'not-json'],
    ['too large', `{"x":"${'a'.repeat(MAX_REPORT_BYTES)}"}`, 'too-large'],
    ['a progress file', '{"format":"vlab-progress","version":1,"exercises":{}}', 'invalid'],
  ] as const)('refuses %s', async (_, json, reason) => {
    const verified = await verifyReport(json);
    expect(verified.ok ? 'ok' : verified.reason).toBe(reason);
  });

  it('names the fields of a malformed report', async () => {
    const report = await reportFor('Ada');
    const broken = { ...report, learner: '', extra: '<b>x</b>', digest: { algorithm: 'MD5', value: 'abc' } };
    const verified = await verifyReport(JSON.stringify(broken));
    expect(verified.ok ? [] : verified.problems).toEqual([
      'report: learner: Received "" / Expected a learner name that is not empty',
      'report: digest.algorithm: Received "MD5" / Expected "SHA-256"',
      'report: digest.value: Received "abc" / Expected 64 lowercase hex digits',
      'report: (root): Received unknown field "extra" / Expected only the documented fields (check the spelling)',
    ]);
  });
});

describe('roster', () => {
  it('has one row per learner and task, with pass, time, help and integrity', async () => {
    const rows = rosterRows([
      { report: await reportFor('Ada'), intact: true },
      { report: await reportFor('Bob', { help: true, passB: false }), intact: false },
    ]);
    expect(rows.map((r) => [r.learner, r.taskId, r.passed, r.withHelp, r.intact])).toEqual([
      ['Ada', 'limit-set', true, false, true],
      ['Ada', 'oom-killed', true, false, true],
      ['Ada', 'merged-view', false, false, true],
      ['Bob', 'limit-set', true, true, false],
      ['Bob', 'oom-killed', false, true, false],
      // The solution shown was memory-oom's: it does not count as help on another exercise.
      ['Bob', 'merged-view', false, false, false],
    ]);
  });

  it('sorts by a column either way, stably, with never-passed last', async () => {
    const rows = rosterRows([
      { report: await reportFor('Bob'), intact: true },
      { report: await reportFor('Ada', { passB: false }), intact: true },
    ]);
    expect(
      sortRows(rows, 'learner')
        .map((r) => `${r.learner}/${r.taskId}`)
        .slice(0, 2),
    ).toEqual(['Ada/limit-set', 'Ada/oom-killed']);
    expect(sortRows(rows, 'learner', 'desc')[0]?.learner).toBe('Bob');
    const byTime = sortRows(rows, 'passedAt', 'desc');
    expect(byTime.slice(-3).map((r) => r.passedAt)).toEqual([null, null, null]);
  });

  it('escapes CSV and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('writes a header and one CRLF line per row, with a BOM for spreadsheets', async () => {
    const csv = toCsv(rosterRows([{ report: await reportFor('=cmd|calc'), intact: true }]));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFlearner,assignment,exerciseId,contentDigest,taskId,passed,passedAt,withHelp,hintsUsed,solutionUsed,intact,versionProblem,generatedAt',
    );
    expect(lines[1]).toBe(
      "'=cmd|calc,,memory-oom,,limit-set,true,2026-11-26T09:00:00.000Z,false,0,false,true,,2026-11-26T09:05:00.000Z",
    );
    expect(lines).toHaveLength(5);
  });
});
