// STYLE.md habit 14: every exercise states the wrong answers a learner is likely to try, and CI proves each
// fails (tests/vm/exercises.test.ts). Here, without a guest: that they are there, and enough of them.
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
