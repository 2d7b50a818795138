// Hostile input for the fuzz tests of every decoder of data from outside the build (assignment links, report
// and progress files, stored state, URL fragments): arbitraries that a careless or malicious source could
// produce, and the assertions every decoder must pass on them. See "Hostile input" in src/README.md.
import fc from 'fast-check';
import { expect } from 'vitest';

/** Text an attacker would try: markup, script URLs, prototype keys, controls, bidi overrides, odd escapes. */
export const payloads = [
  '<img src=x onerror=alert(1)>',
  '<script>window.__pwned=1</script>',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '"><iframe src=javascript:alert(1)>',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\u001b[31m',
  '\u202etxt.exe',
  '\u2066',
  '\ud800',
  '\uffff',
  '=cmd|/C calc!A0',
  '%00',
  '%E0%A4%A',
  '\\u0000',
  '&#106;avascript:',
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '{}',
  '[]',
];

/** Any string: printable, full Unicode (lone surrogates included), or one of the payloads. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...payloads),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...payloads), fc.string({ maxLength: 10 }))
    .map((parts) => parts.join('')),
);

/** A value of the wrong type (or an absurd value of the right one) for any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    '',
    [],
    {},
    [null],
    { __proto__: null },
  ),
  hostileString,
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
  // Longer than any field allows (built by repeat: generating such strings char by char is slow).
  fc
    .tuple(fc.constantFrom('x', ' ', '<', '\u3042'), fc.integer({ min: 2_001, max: 70_000 }))
    .map(([c, n]) => c.repeat(n)),
);

/** JSON text that `JSON.parse` accepts but that is nothing like the expected document. */
export const arbitraryJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

/** Numbers JSON can spell that a decoder may not expect: beyond float range, -0, beyond safe integers. */
export const hugeNumberText: fc.Arbitrary<string> = fc.constantFrom(
  '1e309',
  '-1e309',
  '-0',
  '9007199254740993',
  `1${'0'.repeat(400)}`,
  '1e-400',
  '0.1e1',
  '123456789012345678901234567890',
);

/** Arrays or objects nested `depth` deep (no recursion needed to build; a recursive reader would overflow). */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

/** Sets `path` in a JSON copy of `value` to `replacement` (paths into arrays use numbers). */
export function withField(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  if (path.length === 0) return replacement;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Every path to a value inside `value` (objects' own keys and array indexes), the root excluded. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/**
 * JSON text of `value` changed the ways a hostile or damaged file is: one field given a wrong value or
 * removed, a `__proto__` / `constructor` key added at some object, a huge number spliced in, or the text cut.
 */
export function mutatedJsonText(value: unknown): fc.Arbitrary<string> {
  const paths = pathsOf(value);
  const text = JSON.stringify(value);
  const anyPath = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant([] as (string | number)[]);
  return fc.oneof(
    fc.tuple(anyPath, wrongValue).map(([path, wrong]) => JSON.stringify(withField(value, path, wrong))),
    anyPath.map((path) => JSON.stringify(withField(value, path, undefined))),
    fc
      .tuple(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
        fc.constantFrom('{"polluted":true}', '{"status":"passed"}', 'null', '[]', '1'),
        fc.nat(),
      )
      .map(([key, inner, at]) => {
        // Insert the key after the nth "{": JSON.parse then makes it an own property, as a file would.
        const braces = [...text.matchAll(/\{/g)].map((m) => m.index);
        if (braces.length === 0) return text;
        const index = (braces[at % braces.length] as number) + 1;
        const rest = text.slice(index);
        return `${text.slice(0, index)}"${key}":${inner}${rest.startsWith('}') ? '' : ','}${rest}`;
      }),
    fc.tuple(hugeNumberText, fc.nat()).map(([number, at]) => {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
      const match = numbers[at % Math.max(1, numbers.length)];
      if (!match) return text;
      return `${text.slice(0, match.index)}${number}${text.slice((match.index ?? 0) + match[0].length)}`;
    }),
    fc.nat({ max: text.length }).map((cut) => text.slice(0, cut)),
  );
}

/** Bytes of `text` with some bits flipped, some bytes dropped or some appended. */
export function mutatedBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 })
      .map((flips) => {
        const out = bytes.slice();
        for (const [at, bit] of flips) {
          const i = at % Math.max(1, out.length);
          if (i < out.length) out[i] = (out[i] ?? 0) ^ (1 << bit);
        }
        return out;
      }),
    fc.nat({ max: bytes.length }).map((cut) => bytes.slice(0, cut)),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((extra) => {
      const out = new Uint8Array(bytes.length + extra.length);
      out.set(bytes);
      out.set(extra, bytes.length);
      return out;
    }),
  );
}

/** A refusal a learner or trainer can act on: some problems, each saying what came and what was expected. */
export function expectClearProblems(problems: readonly string[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem).toMatch(/Received .* \/ Expected /s);
    // zod's generic text says nothing a learner or trainer can act on: every field has its own expectation.
    expect(problem).not.toMatch(/Expected Invalid input/i);
    // A problem describes the input; it never repeats a whole hostile payload back.
    expect(problem.length).toBeLessThan(4_000);
  }
}

/** What Object.prototype looked like before the fuzzing: any key added later is prototype pollution. */
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

export function expectNoPrototypePollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).status).toBeUndefined();
}

/** Objects a decoder returns must be plain (objects, arrays, dates), at every level: no planted prototype. */
export function expectPlainData(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const proto = Object.getPrototypeOf(value);
  expect([Object.prototype, Array.prototype, Date.prototype, null]).toContain(proto);
  for (const child of Object.values(value)) expectPlainData(child);
}

/** Base64url of bytes, without padding (what a link carries). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A run count for a property: thousands, per the hostile-input rule; FUZZ_SCALE multiplies it (e.g. 20 by hand). */
export function runs(count: number): { numRuns: number } {
  const scale = Number(process.env.FUZZ_SCALE);
  return { numRuns: Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(count * scale)) : count };
}
