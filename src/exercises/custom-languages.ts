// A trainer's own exercise may be written in Japanese, English or both (issue 19: instructions "ja and/or en").
// As written (its files, a link) a one-language exercise has that language only, in every text; to be shown,
// each text is given in both, the missing language showing the written one, and `onlyIn` says which it is, so
// the learner's page can say so. The two forms convert exactly into each other. Pure, and no schema here: the
// exercise editor's own script imports it.
import type { CustomExercise, WrittenExercise } from './custom-exercise.ts';

export type ExerciseLang = 'ja' | 'en';
/** A text of an exercise as written: Japanese, English or both. */
export type SomeText = { ja?: string | undefined; en?: string | undefined };
type Some = SomeText;
type Both = { ja: string; en: string };

/** The languages an exercise is written in: those of its instructions, Japanese first. */
export function writtenLanguages(exercise: { instructions: Some }): ExerciseLang[] {
  return (['ja', 'en'] as const).filter((lang) => exercise.instructions[lang] !== undefined);
}

/** The same exercise with every text passed through `text` (title, tasks, hints, near misses, instructions). */
function mapTexts<T, U>(
  exercise: {
    title: T;
    instructions: T;
    tasks: readonly { title: T; pass: T; fail: T; hints: readonly T[] }[];
    nearMisses?: readonly { title: T }[] | undefined;
  },
  text: (value: T) => U,
) {
  return {
    title: text(exercise.title),
    instructions: text(exercise.instructions),
    tasks: exercise.tasks.map((task) => ({
      ...task,
      title: text(task.title),
      pass: text(task.pass),
      fail: text(task.fail),
      hints: task.hints.map(text),
    })),
    ...(exercise.nearMisses
      ? { nearMisses: exercise.nearMisses.map((miss) => ({ ...miss, title: text(miss.title) })) }
      : {}),
  };
}

/**
 * An exercise as written → as shown: a text missing in one language shows the other. `onlyIn` is set when the
 * instructions are in one language only (customExerciseRules makes every other text follow them).
 */
export function inBothLanguages(written: WrittenExercise): CustomExercise {
  const languages = writtenLanguages(written);
  const fill = (value: Some): Both => ({ ja: value.ja ?? value.en ?? '', en: value.en ?? value.ja ?? '' });
  return {
    ...written,
    ...mapTexts(written, fill),
    ...(languages.length === 1 && languages[0] ? { onlyIn: languages[0] } : {}),
  } as CustomExercise;
}

/**
 * An exercise as shown (or already as written) → as written: what its files, a link and its content digest
 * hold. The inverse of inBothLanguages.
 */
export function asWritten(exercise: CustomExercise | WrittenExercise): WrittenExercise {
  const { onlyIn, ...rest } = exercise as CustomExercise;
  if (onlyIn === undefined) return rest as WrittenExercise;
  const keep = (value: Some): Some => ({ [onlyIn]: value[onlyIn] });
  return { ...rest, ...mapTexts(rest as WrittenExercise, keep) } as WrittenExercise;
}
