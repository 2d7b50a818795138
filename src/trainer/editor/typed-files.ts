// What the editor's download gives: the files as the trainer typed them (review 6). A re-dump of the parsed
// YAML would lose comments and change quoting and flow lists. Kept apart from the YAML reader, so the page's
// own script stays small.
import type { ExerciseFiles } from '../../exercises/exercise-files.ts';

/**
 * The three texts as files: line ends become LF and each file ends in exactly one newline; nothing else
 * changes. Pass only texts that importExercise accepted.
 */
export function filesAsTyped(texts: { yaml: string; ja: string; en: string }): Required<ExerciseFiles> {
  const tidy = (text: string) => `${text.replace(/\r\n?/g, '\n').trimEnd()}\n`;
  return {
    'exercise.yaml': tidy(texts.yaml),
    'instructions.ja.md': tidy(texts.ja),
    'instructions.en.md': tidy(texts.en),
  };
}
