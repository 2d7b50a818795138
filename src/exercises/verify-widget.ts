// The proof behind `npm run exercises:verify` for a `kind: widget` exercise (STYLE.md habits 8 and 14), with no
// guest: the widget's model decides. On `initial` every check fails, on `solutionState` every check passes, and
// on each near miss's `state` every task it names fails. Pure; shared by the CLI and the unit tests.
import type { WidgetExercise } from '../schemas/exercise.ts';
import { type WidgetModels, widgetModels } from '../sim/widget-models.ts';
import type { TaskCheckResult } from './check-runner.ts';
import type { ExerciseVerification, NearMissVerification } from './verify-exercise.ts';
import { runWidgetChecks } from './widget-checks.ts';

function indent(text: string): string {
  return text === '' ? '      (no evidence)' : text.replace(/^/gm, '      ');
}

/** A check must answer `expected`; `error` never counts (a check that cannot read the state proves nothing). */
function wrongResults(results: TaskCheckResult[], expected: 'passed' | 'failed', on: string): string[] {
  return results
    .filter((result) => result.status !== expected)
    .map(
      (result) =>
        `task ${result.taskId}: check ${result.status === 'error' ? `errored (${result.error})` : result.status} ` +
        `on ${on}, expected ${expected}; it said:\n${indent(result.evidence)}`,
    );
}

export function verifyWidgetExercise(
  exercise: WidgetExercise,
  models: WidgetModels = widgetModels,
): ExerciseVerification {
  const started = performance.now();
  const model = models[exercise.widget];
  const base = { id: exercise.id, folder: exercise.folder };
  if (!model) {
    // The loader refuses an unknown widget; this is for a caller that skipped it.
    const problems = [`widget "${exercise.widget}" has no model in src/sim/widget-models.ts`];
    return { ...base, ok: false, problems, nearMisses: [], durationMs: 0 };
  }
  // Evidence in English: the CLI's and the tests' language.
  const check = (state: unknown) => runWidgetChecks(model, exercise.tasks, state, { lang: 'en' });
  const problems = [
    ...wrongResults(check(exercise.initial), 'failed', 'the initial state'),
    ...wrongResults(check(exercise.solutionState), 'passed', 'the solution state'),
  ];
  const nearMisses = (exercise.nearMisses ?? []).map((miss): NearMissVerification => {
    const results = check(miss.state);
    const missing = miss.fails.filter((id) => !exercise.tasks.some((task) => task.id === id));
    const missProblems = [
      ...missing.map((id) => `names task ${id}, which the exercise does not have`),
      ...wrongResults(
        results.filter((result) => miss.fails.includes(result.taskId)),
        'failed',
        "the near miss's state",
      ),
    ];
    return {
      title: miss.title.en,
      fails: miss.fails,
      alsoFailing: results
        .filter((result) => !miss.fails.includes(result.taskId) && !result.passed)
        .map((result) => result.taskId),
      ok: missProblems.length === 0,
      problems: missProblems,
    };
  });
  return {
    ...base,
    ok: problems.length === 0 && nearMisses.every((miss) => miss.ok),
    problems,
    nearMisses,
    durationMs: Math.round(performance.now() - started),
  };
}
