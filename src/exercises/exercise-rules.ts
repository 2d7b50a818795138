// What an exercise file must satisfy beyond its schema, and how its YAML is read: shared by the loader
// (content/exercises/, Node) and the exercise editor's import (the browser), so both accept exactly the same
// files. Pure: no Node APIs, no DOM.
import yaml from 'js-yaml';
import type { ExerciseFile } from '../schemas/exercise.ts';

export type YamlResult = { ok: true; data: unknown } | { ok: false; problem: string };

/** Parses exercise.yaml text; a syntax error becomes `Received invalid YAML at line 3, column 5 / Expected …`. */
export function parseExerciseYaml(text: string): YamlResult {
  try {
    // CORE_SCHEMA: plain YAML types only, so a date-looking string stays a string.
    return { ok: true, data: yaml.load(text, { schema: yaml.CORE_SCHEMA }) };
  } catch (error) {
    // js-yaml's own message repeats the file name and a code frame; its reason and mark are enough.
    const yamlError = error instanceof yaml.YAMLException ? error : undefined;
    const where = yamlError ? ` at line ${yamlError.mark.line + 1}, column ${yamlError.mark.column + 1}` : '';
    return {
      ok: false,
      problem: `Received invalid YAML${where} / Expected a YAML document (${yamlError?.reason ?? String(error)})`,
    };
  }
}

/** Task ids are what progress and reports refer to: each once. */
export function repeatedTaskProblems(exercise: ExerciseFile): string[] {
  const taskIds = exercise.tasks.map((task) => task.id);
  const repeated = taskIds.filter((id, index) => taskIds.indexOf(id) !== index);
  return repeated.length > 0
    ? [`tasks: Received task id "${repeated[0]}" twice / Expected unique task ids`]
    : [];
}

/** A near miss that names a task the exercise does not have would prove nothing: say which, and what exists. */
export function nearMissTaskProblems(exercise: ExerciseFile): string[] {
  const taskIds = exercise.tasks.map((task) => task.id);
  const expected = taskIds.map((id) => `"${id}"`).join(', ');
  return (exercise.nearMisses ?? []).flatMap((nearMiss, i) =>
    nearMiss.fails.flatMap((id, j) =>
      taskIds.includes(id)
        ? []
        : [
            `nearMisses[${i}].fails[${j}]: Received "${id}" / Expected one of the exercise's task ids: ${expected}`,
          ],
    ),
  );
}
