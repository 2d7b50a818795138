// The exercise format: the seed exercises load, and malformed folders fail naming the file, the field,
// what was received and what was expected.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExerciseLoadError, loadExercises } from '../../../src/exercises/load.ts';
import { fakeModels } from './support/fake-widget-model.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const base = 'tests/unit/exercises/fixtures';

function problemsOf(dir: string): readonly string[] {
  try {
    loadExercises(new URL(`${dir}/`, fixtures), { widgetModels: fakeModels });
  } catch (error) {
    if (error instanceof ExerciseLoadError) return error.problems;
    throw error;
  }
  throw new Error(`${dir} loaded without problems`);
}

describe('loadExercises', () => {
  it('loads the seed exercises with their instructions in both languages', () => {
    const exercises = loadExercises();
    // The guest's exercises (04 onward) come and go with the guest; the three seeds stay.
    expect(exercises.map((e) => e.folder)).toEqual(
      expect.arrayContaining(['01-pid-namespace', '02-memory-oom', '03-overlay-mount']),
    );
    for (const exercise of exercises) {
      expect(exercise.instructions.ja).toMatch(/[ぁ-ん]/);
      expect(exercise.instructions.en).not.toMatch(/[ぁ-ん]/);
      for (const task of exercise.tasks) expect(task.hints.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('loads valid fixtures of both kinds and attaches folder and instructions', () => {
    const [linux, widget] = loadExercises(new URL('valid/', fixtures), { widgetModels: fakeModels });
    expect(linux?.folder).toBe('01-good');
    expect(linux?.instructions).toEqual({ ja: '説明です。', en: 'Instructions.' });
    expect(widget?.kind === 'widget' && [widget.widget, widget.tasks[0]?.check, widget.initial]).toEqual([
      'test-rack',
      'fitsAll',
      { scenario: 'rack', params: { hosts: 1, vms: 4 } },
    ]);
  });

  it('names file, field, received and expected for a missing check', () => {
    expect(problemsOf('missing-check')).toEqual([
      `${base}/missing-check/03-oom/exercise.yaml: tasks[0].check: Received undefined / Expected a shell script (string)`,
    ]);
  });

  it('lists the allowed kinds for an unknown kind', () => {
    expect(problemsOf('bad-kind')).toEqual([
      `${base}/bad-kind/01-kind/exercise.yaml: kind: Received "cgroups-v1" / Expected one of "linux", "widget"`,
    ]);
  });

  it('reports every problem of a file at once: misspelt field, unknown chapter, out-of-range difficulty', () => {
    const problems = problemsOf('typo-field');
    const file = `${base}/typo-field/01-typo/exercise.yaml`;
    expect(problems).toContain(`${file}: difficulty: Received 5 / Expected a difficulty of 1, 2 or 3`);
    expect(problems).toContain(
      `${file}: tasks[0]: Received unknown field "chek" / Expected only the documented fields (check the spelling)`,
    );
    expect(problems).toContain(
      `${file}: tasks[0].check: Received undefined / Expected a shell script (string)`,
    );
    expect(problems.find((p) => p.startsWith(`${file}: chapter:`))).toMatch(
      /Received "kernel" \/ Expected one of "why-virtualization", .*"cloud"/,
    );
  });

  it('refuses an id that differs from the folder name, and a missing instruction file', () => {
    expect(problemsOf('wrong-id')).toEqual([
      `${base}/wrong-id/01-foo/instructions.en.md: Received no file / Expected the English instructions (Markdown)`,
      `${base}/wrong-id/01-foo/exercise.yaml: id: Received "bar" / Expected "foo" (the folder name without its number)`,
    ]);
  });

  it('refuses a near miss that names a task the exercise does not have, listing the ones it has', () => {
    expect(problemsOf('near-miss-unknown-task')).toEqual([
      `${base}/near-miss-unknown-task/01-miss/exercise.yaml: nearMisses[0].fails[1]: Received "onyl" / Expected one of the exercise's task ids: "only"`,
    ]);
  });

  it('names the field of a malformed near miss', () => {
    const root = mkdtempSync(join(tmpdir(), 'vlab-exercises-'));
    try {
      const folder = join(root, '01-miss');
      mkdirSync(folder);
      const good = new URL('near-miss-unknown-task/01-miss/', fixtures);
      for (const file of ['exercise.yaml', 'instructions.ja.md', 'instructions.en.md']) {
        const text = readFileSync(new URL(file, good), 'utf8');
        writeFileSync(join(folder, file), text.replace('fails: [only, onyl]', 'fails: []'));
      }
      expect(() => loadExercises(root)).toThrow(
        `${folder}/exercise.yaml: nearMisses[0].fails: Received a list of 0 items / Expected at least one task id`,
      );
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('reports invalid YAML with its position', () => {
    // Made at run time: a broken YAML file in the repository would fail Biome's own YAML check.
    const root = mkdtempSync(join(tmpdir(), 'vlab-exercises-'));
    try {
      mkdirSync(join(root, '01-broken'));
      writeFileSync(join(root, '01-broken/exercise.yaml'), 'id: broken\ntitle: { ja: [unclosed\n');
      expect(() => loadExercises(root)).toThrow(
        `${root}/01-broken/exercise.yaml: Received invalid YAML at line 3, column 1 / Expected a YAML document (unexpected end of the stream within a flow collection)`,
      );
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});
