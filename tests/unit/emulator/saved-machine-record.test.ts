// The saved machine read back from IndexedDB may be anything (an older version's record, a damaged profile,
// another site's code on this origin): the shape check answers every value without throwing and accepts only
// records whose every field the worker uses has the right type. A refused record is deleted and reported as
// "could not be restored" (saved-machine-store.ts, worker.ts; tests/e2e/hostile-input.test.ts in a browser).
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { isStoredMachine } from '../../../src/emulator/saved-machine-record.ts';
import { expectNoPrototypePollution, runs, withField, wrongValue } from '../support/hostile.ts';

const valid = () => ({
  baseKey: 'a'.repeat(64),
  savedAt: 1_764_700_000_000,
  state: new ArrayBuffer(16),
  screen: 'root@vlab:~# ',
  mark: { machine: 'm-1', seq: 3 },
});

afterEach(expectNoPrototypePollution);

test('records as the store writes them are accepted, with a Blob or an ArrayBuffer, old fields optional', () => {
  expect(isStoredMachine(valid())).toBe(true);
  expect(isStoredMachine({ ...valid(), state: new Blob([new Uint8Array(4)]) })).toBe(true);
  const { screen: _screen, mark: _mark, ...old } = valid();
  expect(isStoredMachine(old)).toBe(true);
});

test('any value at all is answered without a throw', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), wrongValue), (value) => {
      expect(typeof isStoredMachine(value)).toBe('boolean');
    }),
    runs(5_000),
  );
});

test('one field of the wrong type (or missing where required) makes the record refused', () => {
  const fields = ['baseKey', 'savedAt', 'state', 'screen', 'mark', 'mark.machine', 'mark.seq'];
  fc.assert(
    fc.property(fc.constantFrom(...fields), fc.oneof(wrongValue, fc.constant(undefined)), (field, wrong) => {
      const path = field.split('.');
      const record = withField({ ...valid(), state: 'bytes' }, path, wrong) as Record<string, unknown>;
      record.state = field === 'state' ? wrong : new ArrayBuffer(8);
      const optional = (field === 'screen' || field === 'mark') && wrong === undefined;
      const stillValid =
        optional ||
        (field === 'baseKey' && typeof wrong === 'string') ||
        (field === 'savedAt' && typeof wrong === 'number') ||
        (field === 'screen' && typeof wrong === 'string') ||
        (field === 'mark.machine' && typeof wrong === 'string') ||
        (field === 'mark.seq' && Number.isSafeInteger(wrong));
      expect(isStoredMachine(record)).toBe(stillValid);
    }),
    runs(3_000),
  );
});
