// Assignment links: a round trip through the fragment, and hostile links refused with a clear reason.
import { describe, expect, it } from 'vitest';
import {
  type Assignment,
  decodeAssignment,
  encodeAssignment,
  MAX_FRAGMENT_CHARS,
} from '../../../src/exercises/assignment.ts';

const known = ['pid-namespace', 'memory-oom', 'overlay-mount'];
const assignment: Assignment = {
  title: '第3回 演習：名前空間と cgroup',
  note: 'Due before Friday.\nAsk in the chat if stuck.',
  due: '2026-12-04',
  exercises: ['pid-namespace', 'memory-oom'],
  created: '2026-11-26T07:00:00.000Z',
};

/** Builds a fragment around arbitrary JSON text, the way a hostile link would. */
async function fragmentOf(json: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(json)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const b64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `#assignment=1.${b64}`;
}

async function reasonOf(fragment: string): Promise<[string, readonly string[]]> {
  const result = await decodeAssignment(fragment, known);
  if (result.ok) throw new Error('decoded a hostile link');
  return [result.error.reason, result.error.problems];
}

describe('assignment links', () => {
  it('round-trips through a URL-safe fragment, with or without the #', async () => {
    const fragment = await encodeAssignment(assignment);
    expect(fragment).toMatch(/^#assignment=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeAssignment(fragment, known)).toEqual({ ok: true, assignment });
    expect(await decodeAssignment(fragment.slice(1), known)).toEqual({ ok: true, assignment });
  });

  it('is shorter than plain base64 of the JSON for a typical assignment', async () => {
    const typical = { ...assignment, note: 'Read the chapter first. '.repeat(10), exercises: known };
    const plainBase64Length = Math.ceil((new TextEncoder().encode(JSON.stringify(typical)).length * 4) / 3);
    expect((await encodeAssignment(typical)).length).toBeLessThan(plainBase64Length * 0.7);
  });

  it('returns HTML in a title as the same plain text, for the UI to show as text', async () => {
    const hostile = { ...assignment, title: '<img src=x onerror=alert(1)><script>alert(1)</script>' };
    const result = await decodeAssignment(await encodeAssignment(hostile), known);
    expect(result.ok && result.assignment.title).toBe(hostile.title);
  });

  it('refuses unknown exercise ids, naming them', async () => {
    const fragment = await fragmentOf(JSON.stringify({ ...assignment, exercises: ['memory-oom', 'rm-rf'] }));
    expect(await reasonOf(fragment)).toEqual([
      'unknown-exercises',
      [
        'assignment: exercises: Received unknown exercise id "rm-rf" / Expected ids of this site\'s exercises',
      ],
    ]);
  });

  it('refuses wrong types with the field, what was received and what was expected', async () => {
    const fragment = await fragmentOf(
      JSON.stringify({ ...assignment, due: 20261204, exercises: 'memory-oom' }),
    );
    expect(await reasonOf(fragment)).toEqual([
      'invalid',
      [
        'assignment: due: Received 20261204 / Expected a due date as YYYY-MM-DD',
        'assignment: exercises: Received "memory-oom" / Expected a list of exercise ids',
      ],
    ]);
  });

  it('refuses an extra field and control characters that could disguise a title', async () => {
    const [reason, problems] = await reasonOf(
      await fragmentOf(JSON.stringify({ ...assignment, title: 'evil\u202Etxt.exe', html: '<b>' })),
    );
    expect(reason).toBe('invalid');
    expect(problems).toContain(
      'assignment: (root): Received unknown field "html" / Expected only the documented fields (check the spelling)',
    );
    expect(
      problems.some((p) => p.startsWith('assignment: title:') && p.endsWith('without control characters')),
    ).toBe(true);
  });

  it.each(['\u0085', '\u009b', '\u200b', '\u200f', '\u2028', '\u2029', '\ufeff'])(
    'refuses the invisible or control character %j in a note',
    async (char) => {
      const [reason, problems] = await reasonOf(
        await fragmentOf(JSON.stringify({ ...assignment, note: `read${char}me` })),
      );
      expect(reason).toBe('invalid');
      expect(
        problems.some((p) => p.startsWith('assignment: note:') && p.endsWith('without control characters')),
      ).toBe(true);
    },
  );

  it.each([
    ['garbage base64', '#assignment=1.!!!not-base64!!!'],
    ['valid base64 that is not deflate data', '#assignment=1.SGVsbG8gd29ybGQ'],
    ['a cut-short link', '#assignment=1.q1YqKU0u'],
    ['another fragment', '#section-2'],
    ['a newer format', '#assignment=2.abc'],
  ])('refuses %s as a bad encoding', async (_, fragment) => {
    const [reason] = await reasonOf(fragment);
    expect(reason).toBe('bad-encoding');
  });

  it('refuses a huge fragment before decoding it', async () => {
    const [reason, problems] = await reasonOf(`#assignment=1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`);
    expect(reason).toBe('too-large');
    expect(problems[0]).toContain(`Expected at most ${MAX_FRAGMENT_CHARS}`);
  });

  it('refuses a small fragment that inflates to a huge text (a deflate bomb)', async () => {
    const fragment = await fragmentOf(JSON.stringify({ ...assignment, note: ' '.repeat(5_000_000) }));
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect((await reasonOf(fragment))[0]).toBe('too-large');
  });

  it('will not encode an invalid assignment', async () => {
    await expect(encodeAssignment({ ...assignment, exercises: [] })).rejects.toThrow('at least one exercise');
  });
});
