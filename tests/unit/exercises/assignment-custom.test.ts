// Assignment links that carry a trainer's own exercises: a round trip, the size limit with its message, the
// loader's rules applied to what a link carries, and a fast-check fuzz of the decoder: whatever the fragment,
// it answers ok with a valid assignment or a typed refusal, and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Assignment,
  AssignmentLinkError,
  assignmentSchema,
  customProblems,
  decodeAssignment,
  encodeAssignment,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
} from '../../../src/exercises/assignment.ts';
import { forLink } from '../../../src/exercises/custom-exercise.ts';
import { customExercise, customTask } from './support/custom-fixture.ts';

const known = ['pid-namespace', 'memory-oom'];
const withCustom: Assignment = {
  title: 'Week 6',
  note: '',
  due: null,
  exercises: ['pid-namespace', 'hello-file'],
  created: '2026-12-01T09:00:00.000Z',
  custom: [forLink(customExercise)],
};

async function fragmentOf(json: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(json)])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `#assignment=1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

async function refusal(fragment: string): Promise<AssignmentLinkError> {
  const result = await decodeAssignment(fragment, known);
  if (result.ok) throw new Error('decoded a hostile link');
  return result.error;
}

describe('assignment links with custom exercises', () => {
  it('round-trips a custom exercise beside a built-in one', async () => {
    const fragment = await encodeAssignment(withCustom);
    expect(fragment.length).toBeLessThan(2_000);
    expect(await decodeAssignment(fragment, known)).toEqual({ ok: true, assignment: withCustom });
  });

  it('refuses to make, and to open, a link past the size limit, saying how long it was', async () => {
    // Pseudo-random text hardly compresses: three scripts of it (each within the schema's limit) make a link
    // past the size limit.
    let seed = 1;
    const noise = () =>
      Array.from({ length: 15_000 }, () => {
        seed = (seed * 48_271) % 2_147_483_647;
        return (seed % 36).toString(36);
      }).join('');
    const big = {
      ...withCustom,
      custom: [
        {
          ...forLink(customExercise),
          setup: noise(),
          solution: noise(),
          tasks: [{ ...customTask, check: noise() }],
        },
      ],
    };
    const error = await encodeAssignment(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssignmentLinkError);
    expect((error as AssignmentLinkError).reason).toBe('too-large');
    expect((error as AssignmentLinkError).problems[0]).toMatch(
      new RegExp(`^Received a link fragment of \\d+ characters / Expected at most ${MAX_FRAGMENT_CHARS}$`),
    );
    const hostile = await fragmentOf(JSON.stringify(big));
    expect((await refusal(hostile)).reason).toBe('too-large');
  });

  /** Custom exercises whose scripts repeat one line: they compress well, so only the unpacked size binds. */
  const compressible = (count: number, scriptChars: number, line = 'test -f /root/hello || exit 1\n') => {
    const script = line.repeat(Math.ceil(scriptChars / line.length)).slice(0, scriptChars);
    const custom = Array.from({ length: count }, (_, i) => ({
      ...forLink(customExercise),
      id: `own-${i}`,
      setup: script,
      solution: script,
      tasks: [0, 1, 2].map((t) => ({ ...customTask, id: `t${t}`, check: `${script}echo ${t}` })),
    }));
    return { ...withCustom, exercises: custom.map((exercise) => exercise.id), custom };
  };

  it('refuses to make a short link that unpacks past what every learner page inflates, with its own reason', async () => {
    const big = compressible(7, 14_000);
    const unpacked = new TextEncoder().encode(JSON.stringify(big)).byteLength;
    expect(unpacked).toBeGreaterThan(MAX_INFLATED_BYTES);
    // The packed link would be well within the character limit: only the unpacked size refuses it.
    expect((await fragmentOf(JSON.stringify(big))).length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const error = await encodeAssignment(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssignmentLinkError);
    expect((error as AssignmentLinkError).reason).toBe('too-large');
    expect((error as AssignmentLinkError).unpackedBytes).toBe(unpacked);
    expect((error as AssignmentLinkError).problems).toEqual([
      `Received an assignment of ${unpacked} bytes unpacked / Expected at most ${MAX_INFLATED_BYTES} (the limit of every learner's page)`,
    ]);
  });

  it('whatever encodeAssignment makes, decodeAssignment accepts (fast-check)', async () => {
    let made = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 40, max: 15_900 }),
        fc.constantFrom('test -f /root/hello || exit 1\n', 'x', 'ab\n', 'ホスト名\n'),
        async (count, scriptChars, line) => {
          const assignment = compressible(count, scriptChars, line);
          let fragment: string;
          try {
            fragment = await encodeAssignment(assignment);
          } catch (error) {
            expect(error).toBeInstanceOf(AssignmentLinkError);
            expect((error as AssignmentLinkError).reason).toBe('too-large');
            refused++;
            return;
          }
          made++;
          expect(await decodeAssignment(fragment, known)).toEqual({ ok: true, assignment });
        },
      ),
      { numRuns: 40, seed: 19 },
    );
    // Both sides of the limits were reached.
    expect(made).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it("refuses a custom exercise that takes a site exercise's id (and with it, its progress)", async () => {
    const clash = {
      ...withCustom,
      custom: [{ ...forLink(customExercise), id: 'pid-namespace' }],
      exercises: ['pid-namespace'],
    };
    const error = await refusal(await fragmentOf(JSON.stringify(clash)));
    expect(error.reason).toBe('invalid');
    expect(error.problems[0]).toContain(`Received the id "pid-namespace" of this site's exercises`);
    // Given the site's ids, the encoder refuses it too: no link that every learner's page refuses (review 19b).
    const encoded = await encodeAssignment(clash, known).catch((e: unknown) => e);
    expect(encoded).toBeInstanceOf(AssignmentLinkError);
    expect((encoded as AssignmentLinkError).reason).toBe('invalid');
    expect((encoded as AssignmentLinkError).problems).toEqual([error.problems[0]]);
  });

  it('applies the schema and the loader rules to what the link carries, naming the field', async () => {
    const noCheck = {
      ...withCustom,
      custom: [{ ...forLink(customExercise), tasks: [{ ...customTask, check: '' }] }],
    };
    const error = await refusal(await fragmentOf(JSON.stringify(noCheck)));
    expect(error.problems).toContain(
      'assignment: custom[0].tasks[0].check: Received "" / Expected a shell script that is not empty (use "true" for nothing)',
    );
    const unlisted = { ...withCustom, exercises: ['pid-namespace'] };
    expect(customProblems(unlisted)).toEqual([
      'assignment: custom[0].id: Received "hello-file" / Expected the id of an exercise listed in "exercises"',
    ]);
    const trojan = {
      ...withCustom,
      custom: [{ ...forLink(customExercise), title: { ja: 'a\u202eb', en: 'x' } }],
    };
    expect((await refusal(await fragmentOf(JSON.stringify(trojan)))).problems[0]).toMatch(
      /^assignment: custom\[0\]\.title\.ja: Received the control character U\+202E/,
    );
  });

  it('keeps Markdown with a script as text to be rendered safely (the schema does not judge Markdown)', async () => {
    const markdown = {
      ...forLink(customExercise),
      instructions: { ja: '<script>alert(1)</script>', en: '[x](javascript:alert(1))' },
    };
    const result = await decodeAssignment(
      await encodeAssignment({ ...withCustom, custom: [markdown] }),
      known,
    );
    expect(result.ok && result.assignment.custom?.[0]?.instructions).toEqual(markdown.instructions);
  });

  it('never throws, and answers a valid assignment or a typed refusal, whatever the link (fast-check)', async () => {
    const valid = JSON.stringify(withCustom);
    const json = fc.oneof(
      fc.json({ maxDepth: 4 }),
      // The valid payload with a few characters changed: the bugs live near valid input.
      fc
        .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 0, maxLength: 3 })), {
          maxLength: 4,
        })
        .map((edits) =>
          edits.reduce((text, [at, insert]) => text.slice(0, at) + insert + text.slice(at + 1), valid),
        ),
      fc
        .record({
          ...Object.fromEntries(
            Object.entries(withCustom).map(([key, value]) => [
              key,
              fc.oneof(fc.constant(value), fc.jsonValue()),
            ]),
          ),
        })
        .map((object) => JSON.stringify(object)),
    );
    const fragment = fc.oneof(
      json.map((text) => ({ json: text })),
      fc.string({ maxLength: 300 }).map((text) => ({ raw: `#assignment=1.${text}` })),
      fc.string({ maxLength: 300 }).map((text) => ({ raw: text })),
    );
    await fc.assert(
      fc.asyncProperty(fragment, async (input) => {
        const link = 'json' in input ? await fragmentOf(input.json) : input.raw;
        const result = await decodeAssignment(link, known);
        if (result.ok) {
          expect(assignmentSchema.safeParse(result.assignment).success).toBe(true);
          expect(customProblems(result.assignment)).toEqual([]);
          const customIds = (result.assignment.custom ?? []).map((exercise) => exercise.id);
          for (const id of result.assignment.exercises) expect([...known, ...customIds]).toContain(id);
          for (const id of customIds) expect(known).not.toContain(id);
        } else {
          expect(result.error).toBeInstanceOf(AssignmentLinkError);
          expect(result.error.problems.length).toBeGreaterThan(0);
          for (const problem of result.error.problems) expect(problem).toMatch(/Received .* \/ Expected /s);
        }
      }),
      { numRuns: 400 },
    );
  });
});
