// What an exercise file must satisfy beyond its schema: shared by the loader (content/exercises/, Node), the
// exercise editor's import and the assignment links' custom exercises (the browser), so all accept exactly the
// same exercises. Pure: no Node APIs, no DOM.

/** What these rules read: a loader's exercise file or a trainer's own exercise, in one language or two. */
interface TasksAndNearMisses {
  tasks: readonly { id: string }[];
  nearMisses?: readonly { fails: readonly string[] }[] | undefined;
}

/** Task ids are what progress and reports refer to: each once. */
export function repeatedTaskProblems(exercise: TasksAndNearMisses): string[] {
  const taskIds = exercise.tasks.map((task) => task.id);
  const repeated = taskIds.filter((id, index) => taskIds.indexOf(id) !== index);
  return repeated.length > 0
    ? [`tasks: Received task id "${repeated[0]}" twice / Expected unique task ids`]
    : [];
}

/** A near miss that names a task the exercise does not have would prove nothing: say which, and what exists. */
export function nearMissTaskProblems(exercise: TasksAndNearMisses): string[] {
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
