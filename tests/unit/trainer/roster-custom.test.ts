// The roster titles a trainer's own exercise from the report's link (review 7), but only a version whose
// content matches the digest the report names for it.
import { expect, test } from 'vitest';
import { customExerciseDigest, forLink } from '../../../src/exercises/custom-exercise.ts';
import { buildReport } from '../../../src/exercises/report.ts';
import { customVersions, versionKey } from '../../../src/trainer/roster-files.ts';
import { customExercise } from '../exercises/support/custom-fixture.ts';

const now = new Date('2026-12-02T09:00:00.000Z');
const linked = forLink(customExercise);

async function reportWith(contentDigest: string, custom = linked) {
  return buildReport({
    learner: 'L',
    assignment: {
      title: 'W',
      note: '',
      due: null,
      exercises: [custom.id],
      created: now.toISOString(),
      custom: [custom],
    },
    exercises: [{ id: custom.id, taskIds: ['file-exists'], contentDigest }],
    progress: { format: 'vlab-progress', version: 1, exercises: {} },
    checks: {},
    now,
  });
}

test("a report's own exercise is found by id and digest, with its titles", async () => {
  const digest = await customExerciseDigest(customExercise);
  const versions = await customVersions([{ report: await reportWith(digest) }]);
  expect(versions.get(versionKey('hello-file', digest))?.title.en).toBe('Create /root/hello');
});

test('an exercise whose content does not match the digest the report names gives no title', async () => {
  const digest = await customExerciseDigest(customExercise);
  const edited = { ...linked, title: { ja: '別の題', en: 'Another title' } };
  const versions = await customVersions([{ report: await reportWith(digest, edited) }]);
  expect([...versions.keys()]).toEqual([]);
});
