// The variant proofs on record (tests/vm/variant-record.ts) are those of the variants and exercises as they are now:
// a changed variant, exercise file, guest or check code needs the variants proved again (the command below) before it
// lands, so that CI need not prove every variant on every run.
import { expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { variants } from '../vm/exercise-variants.ts';
import { readVariantRecord, renewVariants, variantKey, variantProved } from '../vm/variant-record.ts';

const linux = new Map(
  loadExercises().flatMap((exercise) =>
    exercise.kind === 'linux' ? [[exercise.id, exercise] as const] : [],
  ),
);

it('every variant has a current proof on record', () => {
  const record = readVariantRecord();
  const stale = variants
    .filter(([id, title, script]) => {
      const exercise = linux.get(id);
      return exercise === undefined || !variantProved(exercise, title, script, record);
    })
    .map(([id, title]) => `${variantKey(id, title)}: run ${renewVariants}`);
  expect(stale).toEqual([]);
});

it('the record names only variants that exist', () => {
  const keys = new Set(variants.map(([id, title]) => variantKey(id, title)));
  expect(Object.keys(readVariantRecord()).filter((key) => !keys.has(key))).toEqual([]);
});
