// The roster titles a trainer's own exercise from the report's link (review 7), but only a version whose
// content matches the digest the report names for it; and it flags a version that needs a look: content that
// does not match the version its report names, and learners on different versions of one exercise id.
import { describe, expect, test } from 'vitest';
import { customExerciseDigest, forLink } from '../../../src/exercises/custom-exercise.ts';
import { buildReport } from '../../../src/exercises/report.ts';
import { noteIndex, rosterRows, toCsv, versionNotes } from '../../../src/exercises/roster.ts';
import { customVersions, versionKey } from '../../../src/trainer/roster-files.ts';
import { customExercise } from '../exercises/support/custom-fixture.ts';

const now = new Date('2026-12-02T09:00:00.000Z');
const linked = forLink(customExercise);
/** The same exercise with its check fixed: another version under the same id. */
const fixed = { ...linked, tasks: [{ ...linked.tasks[0], check: 'test -f /root/hello' }] } as typeof linked;

async function reportWith(contentDigest: string | undefined, custom = linked, learner = 'L') {
  return buildReport({
    learner,
    assignment: {
      title: 'W',
      note: '',
      due: null,
      exercises: [custom.id],
      created: now.toISOString(),
      custom: [custom],
    },
    exercises: [{ id: custom.id, taskIds: ['file-exists'], ...(contentDigest ? { contentDigest } : {}) }],
    progress: { format: 'vlab-progress', version: 1, exercises: {} },
    checks: {},
    now,
  });
}

test("a report's own exercise is found by id and digest, with its titles", async () => {
  const digest = await customExerciseDigest(customExercise);
  const { versions } = await customVersions([{ report: await reportWith(digest), intact: true }]);
  expect(versions.get(versionKey('hello-file', digest))?.title.en).toBe('Create /root/hello');
});

test('an exercise whose content does not match the digest the report names gives no title', async () => {
  const digest = await customExerciseDigest(customExercise);
  const edited = { ...linked, title: { ja: '別の題', en: 'Another title' } };
  const { versions } = await customVersions([{ report: await reportWith(digest, edited), intact: true }]);
  expect([...versions.keys()]).toEqual([]);
});

describe('versions that need a look', () => {
  test('one version of each exercise, content matching: no flag, no note', async () => {
    const digest = await customExerciseDigest(customExercise);
    const { inputs } = await customVersions([
      { report: await reportWith(digest, linked, 'Ada'), intact: true },
      { report: await reportWith(digest, linked, 'Bob'), intact: true },
    ]);
    const rows = rosterRows(inputs);
    expect(rows.map((row) => row.versionProblem)).toEqual([null, null]);
    expect(versionNotes(rows)).toEqual([]);
  });

  test('content that does not match the version its report names is flagged on its row', async () => {
    const digest = await customExerciseDigest(customExercise);
    const edited = { ...linked, title: { ja: '別の題', en: 'Another title' } };
    const { inputs } = await customVersions([
      { report: await reportWith(digest, linked, 'Ada'), intact: true },
      // Edited after it was made and digested again: intact, but its content is not the version it names.
      { report: await reportWith(digest, edited, 'Bob'), intact: true },
    ]);
    const rows = rosterRows(inputs);
    expect(rows.map((row) => [row.learner, row.versionProblem])).toEqual([
      ['Ada', null],
      ['Bob', 'content-mismatch'],
    ]);
    const notes = versionNotes(rows);
    expect(notes).toEqual([{ kind: 'content-mismatch', exerciseId: 'hello-file', learners: ['Bob'] }]);
    expect(rows.map((row) => noteIndex(notes, row))).toEqual([-1, 0]);
    // The CSV says it too.
    expect(toCsv(rows).split('\r\n')[2]).toContain(',content-mismatch,');
  });

  test('a version named without its content, or content without a version, is a mismatch too', async () => {
    const digest = await customExerciseDigest(customExercise);
    const noContent = await reportWith(digest);
    const withoutCustom = {
      ...noContent,
      assignment: noContent.assignment && { ...noContent.assignment, custom: [] },
    };
    const noVersion = await reportWith(undefined);
    const { inputs } = await customVersions([
      { report: withoutCustom, intact: false },
      { report: noVersion, intact: true },
    ]);
    expect(rosterRows(inputs).map((row) => row.versionProblem)).toEqual([
      'content-mismatch',
      'content-mismatch',
    ]);
  });

  test('learners on different versions of one exercise id are each flagged, with the versions listed', async () => {
    const [d1, d2] = await Promise.all([customExerciseDigest(linked), customExerciseDigest(fixed)]);
    const { inputs } = await customVersions([
      { report: await reportWith(d1, linked, 'Ada'), intact: true },
      { report: await reportWith(d2, fixed, 'Bob'), intact: true },
      { report: await reportWith(d2, fixed, 'Cy'), intact: true },
    ]);
    const rows = rosterRows(inputs);
    expect(rows.map((row) => row.versionProblem)).toEqual([
      'several-versions',
      'several-versions',
      'several-versions',
    ]);
    const notes = versionNotes(rows);
    expect(notes).toEqual([
      {
        kind: 'several-versions',
        exerciseId: 'hello-file',
        // Most learners first.
        versions: [
          { digest: d2, learners: ['Bob', 'Cy'] },
          { digest: d1, learners: ['Ada'] },
        ],
      },
    ]);
    expect(rows.every((row) => noteIndex(notes, row) === 0)).toBe(true);
  });

  test('without the carried digests (a caller that did not compute them) nothing is called a mismatch', async () => {
    const digest = await customExerciseDigest(customExercise);
    const rows = rosterRows([{ report: await reportWith(digest), intact: true }]);
    expect(rows[0]?.versionProblem).toBeNull();
  });
});
