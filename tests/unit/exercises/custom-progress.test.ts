// A custom exercise's progress belongs to its version, not to its id (review finding 1): two links whose
// exercises share an id but differ in content keep apart, and a report pairs a digest only with passes earned
// on that version. The editor's template gives each new exercise an id of its own.
import { describe, expect, it } from 'vitest';
import {
  checkCustomExercise,
  customExerciseDigest,
  customProgressId,
  MAX_CUSTOM_ID_CHARS,
} from '../../../src/exercises/custom-exercise.ts';
import { importExercise } from '../../../src/exercises/exercise-files.ts';
import { emptyProgress, progressSchema, recordCheck } from '../../../src/exercises/progress.ts';
import { buildReport } from '../../../src/exercises/report.ts';
import { kebabPattern } from '../../../src/schemas/fields.ts';
import { assignmentProgress, customCatalog } from '../../../src/trainer/catalog.ts';
import {
  templateInstructions,
  templateYamlWithId,
  uniqueTemplateId,
} from '../../../src/trainer/editor/template.ts';
import { customExercise } from './support/custom-fixture.ts';

const v1 = customExercise;
const v2 = {
  ...customExercise,
  tasks: [{ ...customExercise.tasks[0], check: 'grep -q hello /root/hello' }],
} as typeof customExercise;
const passed = [
  { taskId: 'file-exists', passed: true, status: 'passed' as const, evidence: 'found', durationMs: 5 },
];
const at = new Date('2026-12-01T10:00:00Z');

describe('progress keyed by version', () => {
  it('is c<12 hex digits>-<id>: kebab-case, at most 60 characters for the longest custom id', async () => {
    const digest = await customExerciseDigest(v1);
    expect(customProgressId('hello-file', digest)).toBe(`c${digest.slice(0, 12)}-hello-file`);
    const longest = customProgressId('a'.repeat(MAX_CUSTOM_ID_CHARS), digest);
    expect(longest).toMatch(kebabPattern);
    expect(longest.length).toBeLessThanOrEqual(60);
    // The stored progress accepts it as an exercise id.
    const progress = recordCheck(emptyProgress(), longest, passed, at, { together: false });
    expect(progressSchema.safeParse(progress).success).toBe(true);
  });

  it('refuses a custom id too long to key its progress, naming the limit', () => {
    const result = checkCustomExercise({ ...v1, id: 'a'.repeat(MAX_CUSTOM_ID_CHARS + 1) }, 'x');
    expect(result).toEqual({
      ok: false,
      problems: [
        `x: id: Received an id of ${MAX_CUSTOM_ID_CHARS + 1} characters / Expected at most ${MAX_CUSTOM_ID_CHARS} characters for an exercise of your own`,
      ],
    });
  });

  it('a pass on one version is not shown or reported for another version with the same id', async () => {
    const [d1, d2] = await Promise.all([customExerciseDigest(v1), customExerciseDigest(v2)]);
    expect(d1).not.toBe(d2);
    // The learner passed v1 (its <vlab-exercise> records under its version's key).
    const progress = recordCheck(emptyProgress(), customProgressId(v1.id, d1), passed, at, {
      together: false,
    });
    const checks = { [customProgressId(v1.id, d1)]: { at, results: passed } };
    const [entry1] = customCatalog([v1], [d1], 'en', (slug) => slug);
    const [entry2] = customCatalog([v2], [d2], 'en', (slug) => slug);
    if (!entry1 || !entry2) throw new Error('no catalog entries');
    expect(assignmentProgress([entry1], [v1.id], progress)[0]?.status).toBe('passed');
    expect(assignmentProgress([entry2], [v2.id], progress)[0]?.status).toBe('todo');
    const report = (entry: typeof entry1, digest: string) =>
      buildReport({
        learner: 'L',
        assignment: null,
        exercises: [
          { id: v1.id, taskIds: ['file-exists'], contentDigest: digest, progressId: entry.progressId ?? '' },
        ],
        progress,
        checks,
        now: new Date('2026-12-02T10:00:00Z'),
      });
    const first = (await report(entry1, d1)).exercises[0]?.tasks[0];
    expect([first?.result, first?.passedAt]).toEqual(['passed', at.toISOString()]);
    const second = (await report(entry2, d2)).exercises[0]?.tasks[0];
    expect([second?.result, second?.passedAt]).toEqual(['not-checked', null]);
  });
});

describe("the editor's template", () => {
  it('gets an id of its own per new exercise, and stays a valid exercise with it', () => {
    const a = uniqueTemplateId(new Uint8Array([0, 1, 2, 255]));
    const b = uniqueTemplateId(new Uint8Array([9, 8, 7, 6]));
    expect(a).toBe('my-exercise-000102ff');
    expect(b).not.toBe(a);
    const result = importExercise({
      'exercise.yaml': templateYamlWithId(a),
      'instructions.ja.md': templateInstructions.ja,
      'instructions.en.md': templateInstructions.en,
    });
    expect(result.ok && result.exercise.id).toBe(a);
  });
});
