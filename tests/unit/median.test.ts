import { expect, it } from 'vitest';
import { median } from '../../src/guest/median.ts';

it('medians: odd count, even count, unsorted input, nothing', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([10])).toBe(10);
  expect(median([])).toBe(0);
});
