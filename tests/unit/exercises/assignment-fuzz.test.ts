// Assignment links are hostile input: anyone can send one. Whatever the fragment holds, decodeAssignment
// answers (never throws), a refusal says what was wrong, an accepted assignment always fits the schema and
// names only this site's exercises, and every valid assignment survives the round trip.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  type Assignment,
  assignmentSchema,
  decodeAssignment,
  encodeAssignment,
  MAX_INFLATED_BYTES,
} from '../../../src/exercises/assignment.ts';
import {
  arbitraryJsonText,
  base64Url,
  deepJsonText,
  deflateRaw,
  expectClearProblems,
  expectNoPrototypePollution,
  expectPlainData,
  hostileString,
  mutatedBytes,
  mutatedJsonText,
  runs,
} from '../support/hostile.ts';

const known = ['pid-namespace', 'memory-oom', 'overlay-mount', 'constructor-free'];
const reasons = ['too-large', 'bad-encoding', 'invalid', 'unknown-exercises'];
const base: Assignment = {
  title: '第3回 演習：名前空間と cgroup',
  note: 'Due before Friday.',
  due: '2026-12-04',
  exercises: ['pid-namespace', 'memory-oom'],
  created: '2026-11-26T07:00:00.000Z',
};

const fragmentOf = async (json: string) =>
  `#assignment=1.${base64Url(await deflateRaw(new TextEncoder().encode(json)))}`;

/** The property every answer must have, whatever came in. */
async function decodesSafely(fragment: string): Promise<void> {
  const result = await decodeAssignment(fragment, known);
  if (result.ok) {
    expect(assignmentSchema.safeParse(result.assignment).success).toBe(true);
    expect(result.assignment.exercises.every((id) => known.includes(id))).toBe(true);
    expectPlainData(result.assignment);
  } else {
    expect(reasons).toContain(result.error.reason);
    expectClearProblems(result.error.problems);
  }
}

const day = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const validAssignment: fc.Arbitrary<Assignment> = fc
  .record({
    title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
    note: fc.string({ unit: 'grapheme', maxLength: 300 }),
    due: fc.option(day.map((iso) => iso.slice(0, 10))),
    exercises: fc.shuffledSubarray(known, { minLength: 1 }),
    created: day,
  })
  .filter((a) => assignmentSchema.safeParse(a).success);

afterEach(expectNoPrototypePollution);

describe('decodeAssignment on hostile fragments', () => {
  test('valid assignments (any Unicode text, markup included) round-trip exactly', async () => {
    await fc.assert(
      fc.asyncProperty(validAssignment, async (assignment) => {
        expect(await decodeAssignment(await encodeAssignment(assignment), known)).toEqual({
          ok: true,
          assignment,
        });
      }),
      runs(1_000),
    );
  });

  test('arbitrary strings, with or without the assignment prefix, never throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          hostileString.map((s) => `#assignment=1.${s}`),
          fc.stringMatching(/^#?assignment=\d{1,3}\.[A-Za-z0-9_-]{0,80}$/),
        ),
        decodesSafely,
      ),
      runs(4_000),
    );
  });

  test('arbitrary bytes as the payload never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await decodesSafely(`#assignment=1.${base64Url(bytes)}`);
      }),
      runs(1_500),
    );
  });

  test('a valid link truncated, bit-flipped or extended is refused or still a valid assignment', async () => {
    const deflated = await deflateRaw(new TextEncoder().encode(JSON.stringify(base)));
    await fc.assert(
      fc.asyncProperty(mutatedBytes(deflated), async (bytes) => {
        await decodesSafely(`#assignment=1.${base64Url(bytes)}`);
      }),
      runs(1_500),
    );
    const fragment = await encodeAssignment(base);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: fragment.length }), async (cut) => {
        await decodesSafely(fragment.slice(0, cut));
      }),
      runs(500),
    );
  });

  test('well-encoded JSON of the wrong shape: wrong types per field, proto keys, huge numbers, cuts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedJsonText(base), arbitraryJsonText), async (json) => {
        await decodesSafely(await fragmentOf(json));
      }),
      runs(1_500),
    );
  });

  test('deeply nested JSON is refused without a stack overflow', async () => {
    await fc.assert(
      fc.asyncProperty(deepJsonText, async (json) => {
        await decodesSafely(await fragmentOf(json));
      }),
      runs(100),
    );
  });

  test('a __proto__ key is refused by name and pollutes nothing', async () => {
    const json = JSON.stringify(base).replace('{', '{"__proto__":{"polluted":true},');
    const result = await decodeAssignment(await fragmentOf(json), known);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.problems).toContain(
      'assignment: (root): Received unknown field "__proto__" / Expected only the documented fields (check the spelling)',
    );
  });

  test('deflate bombs of any size are refused as too large, never inflated whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: MAX_INFLATED_BYTES + 1, max: 1_000_000 }),
        fc.constantFrom(' ', 'a', '0'),
        async (size, filler) => {
          const fragment = await fragmentOf(JSON.stringify({ ...base, note: filler.repeat(size) }));
          const result = await decodeAssignment(fragment, known);
          expect(!result.ok && result.error.reason).toBe('too-large');
        },
      ),
      runs(10),
    );
  });
});
