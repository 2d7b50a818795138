// Custom exercises: the repository's format in and out (every linux exercise of content/exercises/ survives an
// export and an import unchanged), problems named by file and field as the loader names them, and the content
// digest that reports carry.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  checkCustomExercise,
  customExerciseDigest,
  forLink,
} from '../../../src/exercises/custom-exercise.ts';
import { exportExercise, importExercise } from '../../../src/exercises/exercise-files.ts';
import { loadExercises } from '../../../src/exercises/load.ts';
import { customExercise, customTask } from './support/custom-fixture.ts';

const dump = (value: unknown, options: { lineWidth: number; noRefs: boolean }) => yaml.dump(value, options);

describe('import and export', () => {
  it('round-trips every linux exercise of content/exercises/ through its files', () => {
    const linux = loadExercises().filter((exercise) => exercise.kind === 'linux');
    expect(linux.length).toBeGreaterThan(10);
    for (const { folder: _folder, ...exercise } of linux) {
      if (exercise.kind !== 'linux') continue;
      const files = exportExercise(exercise, dump);
      expect(importExercise(files), exercise.id).toEqual({ ok: true, exercise });
    }
  });

  it('writes the fields in the order content/exercises/ uses, scripts as block text', () => {
    const files = exportExercise(customExercise, dump);
    const keys = [...files['exercise.yaml'].matchAll(/^([a-zA-Z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'id',
      'chapter',
      'kind',
      'difficulty',
      'estimatedMinutes',
      'title',
      'setup',
      'tasks',
      'solution',
      'nearMisses',
    ]);
    expect(files['exercise.yaml']).not.toContain('instructions');
    expect(files['instructions.ja.md']).toBe(`${customExercise.instructions.ja}\n`);
  });

  it('names the file, the field, what it received and what it expected', () => {
    const files = exportExercise(customExercise, dump);
    const broken = files['exercise.yaml'].replace('difficulty: 1', 'difficulty: 7');
    const result = importExercise({ ...files, 'exercise.yaml': broken });
    expect(result).toEqual({
      ok: false,
      problems: ['exercise.yaml: difficulty: Received 7 / Expected a difficulty of 1, 2 or 3'],
    });
  });

  it.each([
    [
      'malformed YAML',
      { 'exercise.yaml': 'id: [unclosed' },
      /^exercise\.yaml: Received invalid YAML at line \d+/,
    ],
    ['a list instead of a mapping', { 'exercise.yaml': '- a\n- b' }, /Expected an exercise description/],
    [
      'no instruction files',
      { 'exercise.yaml': 'id: x' },
      /^instructions\.ja\.md, instructions\.en\.md: Received no instructions/,
    ],
  ])('refuses %s, saying why', (_, files, pattern) => {
    const result = importExercise(files);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.some((problem) => pattern.test(problem))).toBe(true);
  });

  it('refuses a widget exercise: a custom exercise runs in the guest', () => {
    const files = exportExercise(customExercise, dump);
    const result = importExercise({
      ...files,
      'exercise.yaml': files['exercise.yaml'].replace('kind: linux', 'kind: widget'),
    });
    expect(!result.ok && result.problems[0]).toMatch(
      /^exercise\.yaml: kind: Received "widget" \/ Expected "linux"/,
    );
  });

  it("applies the loader's rules: task ids once, near misses naming real tasks", () => {
    const twice = { ...customExercise, tasks: [customTask, customTask] };
    expect(checkCustomExercise(twice, 'x')).toEqual({
      ok: false,
      problems: ['x: tasks: Received task id "file-exists" twice / Expected unique task ids'],
    });
    const missing = {
      ...customExercise,
      nearMisses: [{ ...customExercise.nearMisses?.[0], fails: ['nope'] }],
    };
    const result = checkCustomExercise(missing, 'x');
    expect(!result.ok && result.problems[0]).toContain('nearMisses[0].fails[0]: Received "nope"');
  });

  it('refuses bidi overrides and control characters that could disguise a script or a title', () => {
    const trojan = { ...customExercise, solution: 'touch /root/hello \u202e# harmless' };
    const result = checkCustomExercise(trojan, 'x');
    expect(!result.ok && result.problems[0]).toBe(
      'x: solution: Received the control character U+202E at position 18 / Expected text without control or invisible characters (tab and newline are fine)',
    );
    expect(checkCustomExercise({ ...customExercise, setup: 'true\tok\n' }, 'x').ok).toBe(true);
  });

  it('refuses C1 controls, zero-width characters, line and paragraph separators and a byte order mark', () => {
    for (const char of ['\u0085', '\u009b', '\u200b', '\u200d', '\u200f', '\u2028', '\u2029', '\ufeff']) {
      const code = `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
      const result = checkCustomExercise(
        { ...customExercise, title: { ja: `ホスト${char}名`, en: 'x' } },
        'x',
      );
      expect(!result.ok && result.problems[0], code).toBe(
        `x: title.ja: Received the control character ${code} at position 3 / Expected text without control or invisible characters (tab and newline are fine)`,
      );
    }
  });

  it('reads files saved with CR LF (or CR) line ends as the same exercise', () => {
    const folder = new URL('../../../content/exercises/04-uts-hostname/', import.meta.url);
    const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
    const files = {
      'exercise.yaml': read('exercise.yaml'),
      'instructions.ja.md': read('instructions.ja.md'),
      'instructions.en.md': read('instructions.en.md'),
    };
    const lf = importExercise(files);
    expect(lf.ok).toBe(true);
    const crlf = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, text.replace(/\n/g, '\r\n')]),
    ) as typeof files;
    expect(importExercise(crlf)).toEqual(lf);
    const cr = { ...files, 'instructions.en.md': files['instructions.en.md'].replace(/\n/g, '\r') };
    expect(importExercise(cr)).toEqual(lf);
  });

  it('names the instruction file a problem is in, not exercise.yaml', () => {
    const result = importExercise({
      'exercise.yaml': exportExercise(customExercise, dump)['exercise.yaml'],
      'instructions.ja.md': 'ファイルを\u200b作ってください。',
      'instructions.en.md': 'Create the file.',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'instructions.ja.md: Received the control character U+200B at position 5 / Expected text without control or invisible characters (tab and newline are fine)',
      ],
    });
  });
});

describe('content digest', () => {
  it('is the same for the same content, and changes with any of it', async () => {
    const digest = await customExerciseDigest(customExercise);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await customExerciseDigest(structuredClone(customExercise))).toBe(digest);
    const edited = { ...customExercise, solution: 'touch /root/hello ' };
    expect(await customExerciseDigest(edited)).not.toBe(digest);
  });

  it('covers what the link carries: near misses stay with the author', async () => {
    expect(forLink(customExercise)).not.toHaveProperty('nearMisses');
    expect(await customExerciseDigest(forLink(customExercise))).toBe(
      await customExerciseDigest(customExercise),
    );
  });
});
