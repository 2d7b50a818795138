// The exercise the trainer last had valid in the exercise editor, handed to the assignment builder on /trainer/
// through this browser's storage, so a link can carry it beside the site's exercises. No schema here (the
// editor's page loads it only on demand): the builder checks what it reads like a link's custom exercise, since
// storage could have been edited by hand.
import type { CustomExercise } from '../exercises/custom-exercise.ts';
import { asWritten } from '../exercises/custom-languages.ts';

export const EDITOR_EXERCISE_KEY = 'vlab:exercise-editor:exercise';

/** Kept as written (one language stays one language), the form checkCustomExercise reads back. */
export function storeEditorExercise(exercise: CustomExercise): void {
  try {
    localStorage.setItem(EDITOR_EXERCISE_KEY, JSON.stringify(asWritten(exercise)));
  } catch {
    // Storage full or refused: the builder simply does not offer it.
  }
}

/** What is stored, unchecked (undefined when nothing or no JSON). */
export function storedEditorExercise(): unknown {
  try {
    const text = localStorage.getItem(EDITOR_EXERCISE_KEY);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
