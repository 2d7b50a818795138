import { encode } from 'uqr';
import { expect, test } from 'vitest';
import { MAX_QR_TEXT, qrShape } from '../../../src/trainer/qr.ts';

const link = 'https://lab.example/assignment/#assignment=1.q1ZKLkksSVWyUkpKTVFIzs8tSEksS';

test('the path has one unit square per dark module of the code uqr computes', () => {
  const shape = qrShape(link);
  if (!shape) throw new Error('no shape');
  const { data, size } = encode(link, { ecc: 'M', border: 4 });
  expect(shape.size).toBe(size);
  const squares = [...shape.path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const dark = data.flatMap((row, y) => row.flatMap((on, x) => (on ? [[x, y]] : [])));
  expect(squares).toEqual(dark);
  expect(shape.path).toBe(squares.map(([x, y]) => `M${x} ${y}h1v1h-1z`).join(''));
  // The quiet zone (4 modules on each side) stays light: nothing starts in it.
  expect(squares.every(([x = 0, y = 0]) => x >= 4 && y >= 4 && x < size - 4 && y < size - 4)).toBe(true);
});

test('too long a link gets no code rather than an unreadable one', () => {
  expect(qrShape('x'.repeat(MAX_QR_TEXT))).toBeDefined();
  expect(qrShape('x'.repeat(MAX_QR_TEXT + 1))).toBeUndefined();
});
