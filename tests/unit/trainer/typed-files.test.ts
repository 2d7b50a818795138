// The editor's download is the text the trainer typed (review 6): comments, quoting and flow lists stay, line
// ends become LF and each file ends in one newline, and the files import to the same exercise.
import { expect, test } from 'vitest';
import { importExercise } from '../../../src/exercises/exercise-files.ts';
import { templateInstructions, templateYaml } from '../../../src/trainer/editor/template.ts';
import { filesAsTyped } from '../../../src/trainer/editor/typed-files.ts';

test('keeps comments, quoting and flow lists; only line ends and the final newline change', () => {
  const yaml = templateYaml
    .replace('kind: linux', "kind: 'linux' # quoted on purpose")
    .replace(/\n/g, '\r\n');
  expect(yaml).toContain('fails: [file-exists]');
  const files = filesAsTyped({
    yaml: `# my comment\r\n${yaml}\r\n\r\n`,
    ja: `${templateInstructions.ja}\n\n\n`,
    en: templateInstructions.en,
  });
  expect(files['exercise.yaml']).toBe(`# my comment\n${yaml.replace(/\r\n/g, '\n').trimEnd()}\n`);
  expect(files['exercise.yaml']).toContain("kind: 'linux' # quoted on purpose\n");
  expect(files['exercise.yaml']).toContain('fails: [file-exists]\n');
  expect(files['instructions.ja.md']).toBe(`${templateInstructions.ja}\n`);
  expect(files['instructions.en.md']).toBe(`${templateInstructions.en}\n`);
  const typed = importExercise({
    'exercise.yaml': yaml,
    'instructions.ja.md': templateInstructions.ja,
    'instructions.en.md': templateInstructions.en,
  });
  expect(typed.ok).toBe(true);
  expect(importExercise(files)).toEqual(typed);
});
