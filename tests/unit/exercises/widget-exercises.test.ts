// The proof `npm run exercises:verify` gives for every `kind: widget` exercise in content/exercises/, so that
// `npm test` covers it too (it needs no guest): every check fails on the initial state and passes on the
// solution state, and each near miss fails the tasks it names (one test each).
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../../src/exercises/load.ts';
import { verifyWidgetExercise } from '../../../src/exercises/verify-widget.ts';
import { runWidgetChecks } from '../../../src/exercises/widget-checks.ts';
import { type WidgetModels, widgetModels } from '../../../src/sim/widget-models.ts';

const models: WidgetModels = widgetModels;
const widgetExercises = loadExercises().flatMap((exercise) => (exercise.kind === 'widget' ? [exercise] : []));

describe.each(widgetExercises.map((exercise) => [exercise.folder, exercise] as const))(
  '%s',
  (_, exercise) => {
    const model = models[exercise.widget];
    if (!model) throw new Error(`${exercise.folder}: no model for widget "${exercise.widget}"`);
    const check = (state: unknown, lang: 'ja' | 'en' = 'en') =>
      runWidgetChecks(model, exercise.tasks, state, { lang });

    it('every check fails on the initial state', () => {
      expect(check(exercise.initial).map((r) => [r.taskId, r.status])).toEqual(
        exercise.tasks.map((task) => [task.id, 'failed']),
      );
    });

    it('every check passes on the solution state', () => {
      expect(check(exercise.solutionState).map((r) => [r.taskId, r.status])).toEqual(
        exercise.tasks.map((task) => [task.id, 'passed']),
      );
    });

    it('every check gives evidence in both languages', () => {
      for (const state of [exercise.initial, exercise.solutionState])
        for (const lang of ['ja', 'en'] as const)
          for (const result of check(state, lang))
            expect([result.taskId, result.evidence]).not.toEqual([result.taskId, '']);
    });

    it.each((exercise.nearMisses ?? []).map((miss) => [miss.title.en, miss] as const))(
      'near miss "%s" fails its tasks',
      (_title, miss) => {
        const failing = check(miss.state).filter((r) => miss.fails.includes(r.taskId));
        expect(failing.map((r) => [r.taskId, r.status])).toEqual(miss.fails.map((id) => [id, 'failed']));
      },
    );

    it('is proved the way exercises:verify proves it', () => {
      const result = verifyWidgetExercise(exercise);
      expect([...result.problems, ...result.nearMisses.flatMap((miss) => miss.problems)]).toEqual([]);
      expect(result.ok).toBe(true);
    });
  },
);

it('the course has at least three widget exercises (issue 13)', () => {
  expect(widgetExercises.length).toBeGreaterThanOrEqual(3);
});

it('every widget a content exercise names has a model', () => {
  for (const exercise of widgetExercises) expect(Object.keys(models)).toContain(exercise.widget);
});
