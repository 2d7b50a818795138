// The authoring guide's promise: a trainer who copies its worked example gets an exercise the loader accepts,
// and a mistake gets exactly the message the guide shows. The real-guest half is tests/vm/authoring-example.test.ts.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ExerciseLoadError, loadExercises } from '../../src/exercises/load.ts';
import { verifyWidgetExercise } from '../../src/exercises/verify-widget.ts';
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

describe.each(['ja', 'en'] as const)('the %s guide on widget exercises', (lang) => {
  const folder = '11-exploit-containment';
  const real = `${contentExercises}${folder}/exercise.yaml`;
  /** The body of the guide's code block with this exact title. */
  const block = (title: string) => {
    const body = guideText(lang).split(`\`\`\`yaml title="${title}"\n`)[1]?.split('\n```')[0];
    if (body === undefined) throw new Error(`no block titled ${title} in the ${lang} guide`);
    return body;
  };

  test('its excerpt is taken line for line from a content exercise that verifies', () => {
    const excerpt = block(
      lang === 'ja'
        ? 'exercise.yaml（ウィジェットの演習の一部）'
        : 'exercise.yaml (part of a widget exercise)',
    );
    const lines = new Set(readFileSync(real, 'utf8').split('\n'));
    for (const line of excerpt.split('\n').filter((l) => l.trim() !== ''))
      expect([line, lines.has(line)]).toEqual([line, true]);
    const [exercise] = loadExercises(contentExercises).filter((e) => e.folder === folder);
    if (exercise?.kind !== 'widget') throw new Error(`${folder} is not a widget exercise`);
    expect(verifyWidgetExercise(exercise).ok).toBe(true);
  });

  test('its mistake gives exactly the lines the guide shows', () => {
    const root = mkdtempSync(join(tmpdir(), 'vlab-authoring-widget-'));
    try {
      cpSync(`${contentExercises}${folder}`, join(root, folder), { recursive: true });
      const file = join(root, folder, 'exercise.yaml');
      const text = readFileSync(file, 'utf8');
      // The solution state is the one mapping indented by six spaces (near misses by ten).
      const solution = '\n      capabilities: sys-admin,\n';
      expect(text.split(solution)).toHaveLength(2);
      const typo = text.replace(solution, '\n      capabilities: sysadmin,\n');
      expect(typo).not.toBe(text);
      writeFileSync(file, typo);
      expect(() => loadExercises(root)).toThrow(ExerciseLoadError);
      try {
        loadExercises(root);
      } catch (error) {
        const asShown = (error as ExerciseLoadError).message.replaceAll(`${root}/`, 'content/exercises/');
        expect(asShown.split('\n')).toHaveLength(2);
        expect(guideText(lang)).toContain(asShown);
      }
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});
