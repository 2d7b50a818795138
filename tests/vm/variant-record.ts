// The record of variant proofs (tests/vm/proved-variants.json), as src/exercises/near-miss-record.ts is for near
// misses. Each variant in ./exercise-variants.ts takes a fresh guest, the exercise's setup, the variant and every
// check: about 3–6 minutes of emulation for all of them, a fifth of CI's guest tests. A proof depends only on the
// exercise (its file, the guest and the check code: exerciseDigest), the variant's script and the test that judges
// it, so a passing variant is recorded with a digest of those (VLAB_RECORD_VARIANTS=1), the test runs again only the
// variants whose digest differs, and tests/content/variant-record.test.ts fails while a record is missing or stale.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exerciseDigest } from '../../src/exercises/near-miss-record.ts';
import type { LinuxExercise } from '../../src/schemas/exercise.ts';

const recordUrl = new URL('./proved-variants.json', import.meta.url);
const judge = new URL('./exercise-variants.test.ts', import.meta.url);

/** The command that proves the variants again and renews their records. */
export const renewVariants =
  'VLAB_RECORD_VARIANTS=1 npx vitest run --config tests/vitest.config.ts tests/vm/exercise-variants.test.ts';

export type VariantRecord = Record<string, string>;

export const variantKey = (id: string, title: string) => `${id}: ${title}`;

/** The digest a proof of this variant is valid for. */
export function variantDigest(exercise: LinuxExercise, title: string, script: string): string {
  const hash = createHash('sha256');
  for (const part of [exerciseDigest(exercise), title, script, readFileSync(judge, 'utf8')]) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function readVariantRecord(): VariantRecord {
  if (!existsSync(recordUrl)) return {};
  return JSON.parse(readFileSync(recordUrl, 'utf8')) as VariantRecord;
}

export function variantProved(
  exercise: LinuxExercise,
  title: string,
  script: string,
  record = readVariantRecord(),
): boolean {
  return record[variantKey(exercise.id, title)] === variantDigest(exercise, title, script);
}

/** Records one variant that just passed every task; keeps the others. */
export function recordVariant(exercise: LinuxExercise, title: string, script: string): void {
  const record = readVariantRecord();
  record[variantKey(exercise.id, title)] = variantDigest(exercise, title, script);
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(recordUrl, `${JSON.stringify(sorted, null, 2)}\n`);
}
