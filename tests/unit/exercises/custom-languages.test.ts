// A trainer's own exercise may be written in Japanese, English or both (issue 19: instructions "ja and/or en").
// One language stays one language as written (files, links, the content digest); pages show it in either
// language with a note; every text follows the instructions' languages; the repository (content/exercises/)
// still needs both, which the editor is told as a warning, not a refusal.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../../src/exercises/assignment.ts';
import {
  type CustomExercise,
  checkCustomExercise,
  customExerciseDigest,
  forLink,
  type WrittenExercise,
} from '../../../src/exercises/custom-exercise.ts';
import { asWritten, inBothLanguages } from '../../../src/exercises/custom-languages.ts';
import { exportExercise, exportWarnings, importExercise } from '../../../src/exercises/exercise-files.ts';
import { loadExerciseFolder } from '../../../src/exercises/load.ts';
import { languageNote } from '../../../src/trainer/custom-exercise-view.ts';
import { customExercise } from './support/custom-fixture.ts';

const dump = (value: unknown, options: { lineWidth: number; noRefs: boolean }) => yaml.dump(value, options);

/** The fixture written in one language: every text keeps only `lang`. */
function onlyIn(lang: 'ja' | 'en'): WrittenExercise {
  const keep = (text: { ja: string; en: string }) => ({ [lang]: text[lang] });
  const { nearMisses = [], ...rest } = customExercise;
  return {
    ...rest,
    title: keep(customExercise.title),
    instructions: keep(customExercise.instructions),
    tasks: customExercise.tasks.map((task) => ({
      ...task,
      title: keep(task.title),
      pass: keep(task.pass),
      fail: keep(task.fail),
      hints: task.hints.map(keep),
    })),
    nearMisses: nearMisses.map((miss) => ({ ...miss, title: keep(miss.title) })),
  };
}

describe.each(['ja', 'en'] as const)('an exercise written in %s only', (lang) => {
  const other = lang === 'ja' ? 'en' : 'ja';
  const written = onlyIn(lang);

  it('is accepted, and shown in its language on either page, with onlyIn saying which', () => {
    const result = checkCustomExercise(written, 'x');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const shown = result.exercise;
    expect(shown.onlyIn).toBe(lang);
    expect(shown.title[other]).toBe(customExercise.title[lang]);
    expect(shown.instructions[other]).toBe(customExercise.instructions[lang]);
    expect(shown.tasks[0]?.hints[0]?.[other]).toBe(customExercise.tasks[0]?.hints[0]?.[lang]);
    expect(shown.nearMisses?.[0]?.title[other]).toBe(customExercise.nearMisses?.[0]?.title[lang]);
    // Back to what was written, exactly.
    expect(asWritten(shown)).toEqual(written);
  });

  it('travels in a link as written, and its digest is that of the written form', async () => {
    const shown = inBothLanguages(written);
    expect(forLink(shown).title).toEqual({ [lang]: customExercise.title[lang] });
    expect(await customExerciseDigest(shown)).toBe(await customExerciseDigest(written));
    expect(await customExerciseDigest(shown)).not.toBe(await customExerciseDigest(customExercise));
    const fragment = await encodeAssignment({
      title: 'W',
      note: '',
      due: null,
      exercises: [written.id],
      created: '2026-12-03T00:00:00.000Z',
      custom: [forLink(shown)],
    });
    const decoded = await decodeAssignment(fragment, []);
    expect(decoded.ok && decoded.assignment.custom?.[0]).toEqual(forLink(written));
  });

  it('gets a note on the page of the other language only, naming its language in the page language', () => {
    const shown = inBothLanguages(written);
    expect(languageNote(shown, lang)).toBeUndefined();
    expect(languageNote(shown, other)).toBe(
      {
        ja: { ja: '', en: 'This exercise is written in Japanese only, so it is shown in Japanese.' },
        en: { ja: 'この演習は英語だけで書かれているため、英語で表示しています。', en: '' },
      }[lang][other],
    );
    expect(languageNote(customExercise, other)).toBeUndefined();
  });

  it('imports from one instruction file (the other missing or empty), and exports one back', () => {
    const files = exportExercise(inBothLanguages(written), dump);
    expect(Object.keys(files).sort()).toEqual(['exercise.yaml', `instructions.${lang}.md`]);
    expect(importExercise(files)).toEqual({ ok: true, exercise: inBothLanguages(written) });
    expect(importExercise({ ...files, [`instructions.${other}.md`]: '  \n' })).toEqual({
      ok: true,
      exercise: inBothLanguages(written),
    });
  });

  it('is refused by the repository loader, so the editor warns before an export to content/exercises/', () => {
    const shown = inBothLanguages(written);
    expect(exportWarnings(shown)).toEqual([
      expect.stringMatching(
        new RegExp(`^instructions\\.${other}\\.md: Received no file / Expected the .* instructions`),
      ),
    ]);
    const dir = join(mkdtempSync(join(tmpdir(), 'vlab-one-language-')), `01-${written.id}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(exportExercise(shown, dump)))
      writeFileSync(join(dir, name), text);
    const problems: string[] = [];
    loadExerciseFolder(dir, problems);
    expect(problems.some((problem) => problem.includes(`instructions.${other}.md`))).toBe(true);
  });
});

describe('both languages', () => {
  it('need no warning, and the loader takes the exported folder', () => {
    expect(exportWarnings(customExercise)).toEqual([]);
    const dir = join(mkdtempSync(join(tmpdir(), 'vlab-two-languages-')), `01-${customExercise.id}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(exportExercise(customExercise, dump)))
      writeFileSync(join(dir, name), text);
    const problems: string[] = [];
    const { nearMisses: _n, ...loaded } = loadExerciseFolder(dir, problems) as CustomExercise & {
      folder: string;
    };
    expect(problems).toEqual([]);
    expect(loaded.title).toEqual(customExercise.title);
  });

  it('are shown as written, with no onlyIn', () => {
    expect(inBothLanguages(customExercise)).toEqual(customExercise);
    expect(asWritten(customExercise)).toEqual(customExercise);
  });
});

describe('every text follows the instructions', () => {
  it('refuses a text in a language the instructions are not in, naming the field and the fix', () => {
    const mixed = { ...onlyIn('ja'), title: customExercise.title };
    const result = checkCustomExercise(mixed, 'exercise.yaml');
    expect(!result.ok && result.problems).toEqual([
      'exercise.yaml: title.en: Received a text in English / Expected none, as the instructions are in Japanese only (add instructions.en.md to write the exercise in English too)',
    ]);
  });

  it('refuses a text missing a language the instructions are in', () => {
    const task = customExercise.tasks[0];
    if (!task) throw new Error('no task');
    const missing = {
      ...customExercise,
      tasks: [{ ...task, hints: [{ ja: 'touch を使います。' }] }],
    };
    const result = checkCustomExercise(missing, 'x');
    expect(!result.ok && result.problems).toEqual([
      'x: tasks[0].hints[0].en: Received no text in English / Expected one, as the instructions are in Japanese and English',
    ]);
  });

  it('refuses a text in neither language, and no instructions at all', () => {
    const none = checkCustomExercise({ ...customExercise, title: {} }, 'x');
    expect(!none.ok && none.problems[0]).toMatch(
      /^x: title: .*Expected an exercise title in Japanese \("ja"\), English \("en"\) or both/,
    );
    const files = exportExercise(customExercise, dump);
    const result = importExercise({ 'exercise.yaml': files['exercise.yaml'], 'instructions.ja.md': '' });
    expect(!result.ok && result.problems).toEqual([
      'instructions.ja.md, instructions.en.md: Received no instructions / Expected the instructions (Markdown) in Japanese, English or both',
    ]);
  });
});
