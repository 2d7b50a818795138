// The authoring guide's promise: a trainer who copies its worked example gets an exercise the loader accepts,
// and a mistake gets exactly the message the guide shows. The real-guest half is tests/vm/authoring-example.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ExerciseLoadError, loadExercises } from '../../src/exercises/load.ts';
import { chapterSlugs } from '../../src/site/chapters.ts';
import { exampleFiles, guideText, writeExample } from './authoring-example.ts';

const folder = '04-learner-file';
const contentExercises = fileURLToPath(new URL('../../content/exercises/', import.meta.url));

test('both guides carry the same three files of one exercise folder', () => {
  const ja = exampleFiles('ja');
  expect(Object.keys(ja).sort()).toEqual(
    ['exercise.yaml', 'instructions.en.md', 'instructions.ja.md'].map((file) => `${folder}/${file}`),
  );
  expect(exampleFiles('en')).toEqual(ja);
});

describe.each(['ja', 'en'] as const)('the %s guide', (lang) => {
  test('its example loads as a linux exercise with tasks, hints and both instructions', () => {
    const exercises = loadExercises(writeExample(lang));
    expect(exercises).toHaveLength(1);
    const [exercise] = exercises;
    if (exercise?.kind !== 'linux') throw new Error('expected a linux exercise');
    expect(exercise.id).toBe('learner-file');
    expect(exercise.folder).toBe(folder);
    expect(chapterSlugs).toContain(exercise.chapter);
    expect(exercise.tasks.map((task) => task.id)).toEqual(['file-with-hello', 'owned-by-learner']);
    expect(exercise.instructions.ja).toContain('/srv/jail/notes.txt');
    expect(exercise.instructions.en).toContain('/srv/jail/notes.txt');
    // The guide says checks inspect state: no check may read shell history.
    for (const task of exercise.tasks) expect(task.check).not.toMatch(/history|\.ash_history/);
  });

  test('the malformed example gives exactly the lines the guide shows', () => {
    const root = writeExample(lang, (path, text) =>
      path.endsWith('exercise.yaml')
        ? text.replace('difficulty: 1', 'difficulty: 4').replace('estimatedMinutes:', 'estimatedMinute:')
        : text,
    );
    let error: unknown;
    try {
      loadExercises(root);
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ExerciseLoadError)) throw new Error('the malformed example was accepted');
    // In a trainer's checkout the paths are shown relative to the repository.
    const asShown = error.message.replaceAll(`${root}/`, 'content/exercises/');
    expect(asShown.split('\n')).toHaveLength(4);
    expect(guideText(lang)).toContain(asShown);
  });
});

test('the example stays in the guide: content/exercises/ belongs to the chapters', () => {
  expect(existsSync(`${contentExercises}${folder}`)).toBe(false);
  expect(readdirSync(contentExercises).some((name) => name.endsWith('-learner-file'))).toBe(false);
});
