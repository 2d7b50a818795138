import { expect, test } from 'vitest';
import { joinSentences, labStrings, progressPageStrings, sentenceGap } from '../../../src/lab/strings.ts';

test.each([
  ['labStrings', labStrings],
  ['progressPageStrings', progressPageStrings],
] as const)('%s: both languages have the same keys and placeholders, none empty', (_name, strings) => {
  expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.ja).sort());
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, ja] of Object.entries(strings.ja)) {
    const en = (strings.en as Record<string, string>)[key] ?? '';
    expect([key, placeholders(en)]).toEqual([key, placeholders(ja)]);
    expect(ja).not.toBe('');
    expect(en).not.toBe('');
  }
});

test('sentences run together: a space between English ones, none after Japanese 。', () => {
  expect(joinSentences(['2 of 2 tasks done.', 'Now failing: 1 of them.', ''])).toBe(
    '2 of 2 tasks done. Now failing: 1 of them.',
  );
  expect(
    joinSentences(['2 / 2 個のタスクに合格しました。', 'そのうち 1 個は、現在チェックに通りません。']),
  ).toBe('2 / 2 個のタスクに合格しました。そのうち 1 個は、現在チェックに通りません。');
  expect(sentenceGap('（元のデータは消していません）')).toBe('');
  expect(sentenceGap('See the Progress page.')).toBe(' ');
});
