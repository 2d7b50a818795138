// A chosen or dropped folder gives the editor one exercise's files, or a clear refusal: a folder with two
// exercises (or content/exercises/ itself) would mix their files (review 15).
import { expect, test } from 'vitest';
import { MAX_FILE_BYTES, readExerciseFiles } from '../../../src/trainer/editor/folder-files.ts';

const file = (name: string, text: string) => new File([text], name);

test("one exercise's folder: its three files, by name, others ignored", async () => {
  const read = await readExerciseFiles([
    file('exercise.yaml', 'id: a'),
    file('instructions.ja.md', '説明'),
    file('README.md', 'not read'),
  ]);
  expect(read).toEqual({
    ok: true,
    files: { 'exercise.yaml': 'id: a', 'instructions.ja.md': '説明' },
    names: ['exercise.yaml', 'instructions.ja.md'],
  });
});

test('a folder with two exercise.yaml (or two of an instruction file) is refused, saying which and how many', async () => {
  expect(
    await readExerciseFiles([
      file('exercise.yaml', 'id: a'),
      file('instructions.ja.md', 'a'),
      file('exercise.yaml', 'id: b'),
      file('instructions.ja.md', 'b'),
      file('exercise.yaml', 'id: c'),
    ]),
  ).toEqual({ ok: false, reason: 'several', name: 'exercise.yaml', count: 3 });
  expect(
    await readExerciseFiles([
      file('exercise.yaml', 'id: a'),
      file('instructions.en.md', 'a'),
      file('instructions.en.md', 'b'),
    ]),
  ).toEqual({ ok: false, reason: 'several', name: 'instructions.en.md', count: 2 });
});

test('no exercise.yaml, or a file too large to be one, is refused as before', async () => {
  expect(await readExerciseFiles([file('instructions.ja.md', 'a')])).toEqual({
    ok: false,
    reason: 'no-yaml',
  });
  expect(await readExerciseFiles([file('exercise.yaml', 'x'.repeat(MAX_FILE_BYTES + 1))])).toEqual({
    ok: false,
    reason: 'too-large',
    name: 'exercise.yaml',
  });
});
