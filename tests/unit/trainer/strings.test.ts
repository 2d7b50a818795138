import { expect, test } from 'vitest';
import { fill, trainerStrings } from '../../../src/trainer/strings.ts';

const keys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

test('both languages have the same strings, none empty', () => {
  expect(keys(trainerStrings.en).sort()).toEqual(keys(trainerStrings.ja).sort());
  for (const lang of ['ja', 'en'] as const) {
    const values = JSON.stringify(trainerStrings[lang]);
    expect(values).not.toContain('""');
  }
});

test('both languages use the same placeholders in each string', () => {
  const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(trainerStrings.ja) as (keyof typeof trainerStrings.ja)[]) {
    expect([key, placeholders(trainerStrings.en[key])]).toEqual([key, placeholders(trainerStrings.ja[key])]);
  }
});

test('fill puts values in as they are, and leaves unknown placeholders visible', () => {
  expect(fill('{a} / {b}', { a: '<b>', b: 2 })).toBe('<b> / 2');
  expect(fill('{missing}', {})).toBe('{missing}');
});
