// STYLE.md habit 14: every exercise states the wrong answers a learner is likely to try, and CI proves each
// fails (tests/vm/exercises.test.ts for linux, tests/unit/exercises/widget-exercises.test.ts for widget
// exercises). Here, without a guest: that they are there, and enough of them.
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';

/** A capstone combines a chapter's features: more ways to be nearly right, so more near misses. */
const capstones = new Set(['container-by-hand']);
const linuxExercises = loadExercises().flatMap((exercise) => (exercise.kind === 'linux' ? [exercise] : []));

describe.each(linuxExercises.map((exercise) => [exercise.folder, exercise] as const))('%s', (_, exercise) => {
  const nearMisses = exercise.nearMisses ?? [];

  it(`has at least ${capstones.has(exercise.id) ? 'four near misses (a capstone)' : 'one near miss'}`, () => {
    expect(nearMisses.length).toBeGreaterThanOrEqual(capstones.has(exercise.id) ? 4 : 1);
  });

  it('has near misses that differ from each other and from the solution', () => {
    const scripts = nearMisses.map((nearMiss) => nearMiss.script.trim());
    expect(new Set(scripts).size).toBe(scripts.length);
    expect(scripts).not.toContain(exercise.solution.trim());
  });
});

it('the capstones named here exist', () => {
  for (const id of capstones) expect(linuxExercises.map((exercise) => exercise.id)).toContain(id);
});

const widgetExercises = loadExercises().flatMap((exercise) => (exercise.kind === 'widget' ? [exercise] : []));

/** Key order does not make two states different. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

describe.each(widgetExercises.map((exercise) => [exercise.folder, exercise] as const))(
  '%s',
  (_, exercise) => {
    const nearMisses = exercise.nearMisses ?? [];

    it('has at least one near miss', () => {
      expect(nearMisses.length).toBeGreaterThanOrEqual(1);
    });

    it('has near-miss states that differ from each other, from the solution state and from the initial one', () => {
      const states = nearMisses.map((nearMiss) => canonical(nearMiss.state));
      expect(new Set(states).size).toBe(states.length);
      expect(states).not.toContain(canonical(exercise.solutionState));
      expect(states).not.toContain(canonical(exercise.initial));
    });
  },
);
