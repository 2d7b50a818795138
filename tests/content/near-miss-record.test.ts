// The near-miss proofs on record (src/exercises/near-miss-record.ts) are those of the exercises as they are now: a
// changed exercise file, guest or proof code needs `npm run exercises:verify -- <folder>` (which re-proves it and
// renews the record) before it lands, so that CI need not prove ~120 near misses on every run.
import { expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { nearMissesProved, readNearMissRecord } from '../../src/exercises/near-miss-record.ts';

const linuxExercises = loadExercises().flatMap((exercise) => (exercise.kind === 'linux' ? [exercise] : []));

it('every linux exercise has a current proof of its near misses on record', () => {
  const record = readNearMissRecord();
  const stale = linuxExercises
    .filter((exercise) => !nearMissesProved(exercise, record))
    .map((exercise) => `${exercise.folder}: run npm run exercises:verify -- ${exercise.folder}`);
  expect(stale).toEqual([]);
});

it('the record names only exercises that exist', () => {
  const folders = new Set(linuxExercises.map((exercise) => exercise.folder));
  expect(Object.keys(readNearMissRecord()).filter((folder) => !folders.has(folder))).toEqual([]);
});
