// `npm run exercises:verify` inside `npm test`: every linux exercise fails its checks after setup and passes
// them after its solution, and each near miss fails the tasks it names, each on a freshly restored guest (see
// src/exercises/verify-exercise.ts).
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { startRestoredGuest } from '../../src/exercises/node-guest.ts';
import { verifyNearMiss, verifySolution } from '../../src/exercises/verify-exercise.ts';

const linuxExercises = loadExercises().flatMap((exercise) => (exercise.kind === 'linux' ? [exercise] : []));
const nearMisses = linuxExercises.flatMap((exercise) =>
  (exercise.nearMisses ?? []).map(
    (nearMiss) => [`${exercise.folder}: ${nearMiss.title.en}`, exercise, nearMiss] as const,
  ),
);

describe('exercises on the real guest', () => {
  it('there are linux exercises to verify', () => {
    expect(linuxExercises.length).toBeGreaterThanOrEqual(3);
  });

  it.each(linuxExercises.map((exercise) => [exercise.folder, exercise] as const))(
    '%s: every check fails after setup and passes after the solution',
    async (_, exercise) => {
      // The problems carry the evidence each check printed: a failure explains itself.
      expect(await verifySolution(exercise, startRestoredGuest)).toEqual([]);
    },
  );

  it.each(nearMisses)('near miss %s: fails the tasks it names', async (_, exercise, nearMiss) => {
    expect((await verifyNearMiss(exercise, nearMiss, startRestoredGuest)).problems).toEqual([]);
  });
});
