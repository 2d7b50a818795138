// The record of near-miss proofs (src/exercises/proved-near-misses.json), written by `npm run exercises:verify`.
//
// Proving that every near miss of every linux exercise fails takes a fresh guest, the setup, the wrong answer and
// its checks for each of ~120 near misses: ~10 minutes of emulation, a third of what CI may spend in all. The proof
// depends only on the exercise file, the guest and the proof code, so verify.ts records, per exercise, a digest of
// those and the number of near misses it proved. tests/vm/exercises.test.ts proves again only the exercises whose
// digest differs from the record (every solution is still proved on every run), and tests/content/ fails while a
// record is missing or stale, naming the command that renews it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LinuxExercise } from '../schemas/exercise.ts';
import { defaultExercisesDir } from './load.ts';

const recordUrl = new URL('./proved-near-misses.json', import.meta.url);

/** What a proof depends on besides the exercise file: the guest (its manifest and lazy file list) and the proof code. */
const proofInputs = [
  new URL('../../public/guest/manifest.json', import.meta.url),
  new URL('../../public/guest/lazy.json', import.meta.url),
  new URL('./check-runner.ts', import.meta.url),
  new URL('./verify-exercise.ts', import.meta.url),
];

export interface NearMissProof {
  /** sha256 of exercise.yaml and the proof inputs, as exerciseDigest computes it. */
  digest: string;
  /** How many near misses were proved to fail. */
  nearMisses: number;
}

export type NearMissRecord = Record<string, NearMissProof>;

/** The digest a proof of this exercise's near misses is valid for. */
export function exerciseDigest(exercise: Pick<LinuxExercise, 'folder'>): string {
  const hash = createHash('sha256');
  const file = new URL(`${exercise.folder}/exercise.yaml`, defaultExercisesDir);
  for (const input of [file, ...proofInputs]) {
    hash.update(fileURLToPath(input).replace(/^.*\/(content|public|src)\//, '$1/'));
    hash.update('\0');
    hash.update(readFileSync(input));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function readNearMissRecord(): NearMissRecord {
  if (!existsSync(recordUrl)) return {};
  return JSON.parse(readFileSync(recordUrl, 'utf8')) as NearMissRecord;
}

/** Whether the record holds a proof of this exercise's near misses as it is now. */
export function nearMissesProved(exercise: LinuxExercise, record = readNearMissRecord()): boolean {
  const proof = record[exercise.folder];
  return (
    proof !== undefined &&
    proof.digest === exerciseDigest(exercise) &&
    proof.nearMisses === (exercise.nearMisses?.length ?? 0)
  );
}

/** Records proofs (verify.ts, after every near miss of these exercises failed as it should); keeps the others. */
export function recordNearMissProofs(exercises: LinuxExercise[]): void {
  const record = readNearMissRecord();
  for (const exercise of exercises)
    record[exercise.folder] = {
      digest: exerciseDigest(exercise),
      nearMisses: exercise.nearMisses?.length ?? 0,
    };
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(recordUrl, `${JSON.stringify(sorted, null, 2)}\n`);
}
