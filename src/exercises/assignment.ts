// A trainer's assignment, carried entirely in a link's fragment (never sent to any server, not even ours):
// JSON → deflate-raw (CompressionStream, in Node and browsers) → base64url. Decoding treats the link as
// hostile: size is checked before and after inflating, and every field is validated. Strings come back as
// plain text; the UI must render them as text, never as HTML. A link may carry a trainer's own exercises
// (custom-exercise.ts) beside the site's: their instructions are Markdown for safe-markdown.ts, their scripts
// run only in the learner's guest.
import { z } from 'astro/zod';
import { customExerciseRules, customExerciseSchema } from './custom-exercise.ts';
import { formatIssues } from './format-issues.ts';

/**
 * Longest fragment accepted. A link of built-in exercises stays under 1,000 characters (and fits a QR code);
 * custom exercises carry their scripts, so this allows several small ones. Browsers take URLs far longer
 * (Chromium 2 MB), but chat tools and mail clients start cutting links past a few tens of thousands.
 */
export const MAX_FRAGMENT_CHARS = 32_000;
/** Longest JSON accepted after inflating: stops a small "deflate bomb" from eating memory. */
export const MAX_INFLATED_BYTES = 256_000;
/** Custom exercises one link may carry. */
export const MAX_CUSTOM_EXERCISES = 10;
const FORMAT_VERSION = '1';
export const FRAGMENT_KEY = 'assignment';

// C0 and C1 controls (other than tab and newline), bidi overrides and marks, zero-width characters, the line
// and paragraph separators and a byte order mark have no place in a title and can disguise or hide text.
const noControls =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]*$/u;
const plainText = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} (a string)` })
    .min(min, { error: `${what} that is not empty` })
    .max(max, { error: `${what} of at most ${max} characters` })
    .regex(noControls, { error: `${what} without control characters` });

export const assignmentSchema = z
  .object(
    {
      title: plainText('a title', 1, 200).describe('Shown as the heading of the assignment (as text).'),
      note: plainText('a note', 0, 2_000).describe(
        "The trainer's note to learners (plain text, may be empty).",
      ),
      due: z.iso
        .date({ error: 'a due date as YYYY-MM-DD' })
        .nullable()
        .describe('Due date, or null for none.'),
      exercises: z
        .array(z.string({ error: 'an exercise id (a string)' }).max(60, { error: 'an exercise id' }), {
          error: 'a list of exercise ids',
        })
        .min(1, { error: 'at least one exercise' })
        .max(50, { error: 'at most 50 exercises' })
        .refine((ids) => new Set(ids).size === ids.length, { error: 'each exercise once' })
        .describe('Exercise ids, in the order the trainer chose.'),
      created: z.iso
        .datetime({ error: 'a creation time in ISO 8601 (UTC)' })
        .describe('When the link was made.'),
      custom: z
        .array(customExerciseSchema, { error: 'a list of custom exercises' })
        .max(MAX_CUSTOM_EXERCISES, { error: `at most ${MAX_CUSTOM_EXERCISES} custom exercises` })
        .optional()
        .describe(
          "The trainer's own exercises in the repository's format (custom-exercise.ts), each listed in `exercises` " +
            'by its id; absent when the link has none.',
        ),
    },
    { error: 'an assignment (a JSON object)' },
  )
  .strict();

export type Assignment = z.infer<typeof assignmentSchema>;

/**
 * What the schema cannot say about the custom exercises: the loader's rules for each (customExerciseRules),
 * each id once, and each listed in `exercises`. Lines as formatIssues writes them.
 */
export function customProblems(assignment: Assignment): string[] {
  const custom = assignment.custom ?? [];
  const ids = custom.map((exercise) => exercise.id);
  return custom.flatMap((exercise, i) => [
    ...customExerciseRules(exercise).map((problem) => `assignment: custom[${i}].${problem}`),
    ...(ids.indexOf(exercise.id) !== i
      ? [`assignment: custom[${i}].id: Received "${exercise.id}" twice / Expected each custom exercise once`]
      : []),
    ...(assignment.exercises.includes(exercise.id)
      ? []
      : [
          `assignment: custom[${i}].id: Received "${exercise.id}" / Expected the id of an exercise listed in "exercises"`,
        ]),
  ]);
}

/**
 * Custom exercises under the id of one of the site's exercises: a link must not put its own checks behind a
 * built-in exercise's name (and its stored progress). One line as formatIssues writes them, or none.
 */
function siteIdProblems(assignment: Assignment, siteIds: readonly string[]): string[] {
  const clashing = (assignment.custom ?? [])
    .map((exercise) => exercise.id)
    .filter((id) => siteIds.includes(id));
  return clashing.length === 0
    ? []
    : [
        `assignment: custom: Received the id${clashing.length === 1 ? '' : 's'} ${clashing.map((id) => JSON.stringify(id)).join(', ')} of this site's exercises / Expected ids of the trainer's own exercises`,
      ];
}

export class AssignmentLinkError extends Error {
  readonly reason: 'too-large' | 'bad-encoding' | 'invalid' | 'unknown-exercises';
  readonly problems: readonly string[];
  /** With 'too-large' from a fragment's length: how many characters it had (for the UI's message). */
  readonly chars: number | undefined;
  /** With 'too-large' from the JSON's size before packing: how many UTF-8 bytes it had (for the UI). */
  readonly unpackedBytes: number | undefined;

  constructor(
    reason: AssignmentLinkError['reason'],
    problems: readonly string[],
    chars?: number,
    unpackedBytes?: number,
  ) {
    super(`the assignment link is unusable: ${problems.join('; ')}`);
    this.name = 'AssignmentLinkError';
    this.reason = reason;
    this.problems = problems;
    this.chars = chars;
    this.unpackedBytes = unpackedBytes;
  }
}

export type AssignmentResult =
  | { ok: true; assignment: Assignment }
  | { ok: false; error: AssignmentLinkError };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, but stops reading as soon as the output passes `max` bytes. */
async function inflateAtMost(bytes: Uint8Array<ArrayBuffer>, max: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const tooLong = (chars: number) =>
  new AssignmentLinkError(
    'too-large',
    [`Received a link fragment of ${chars} characters / Expected at most ${MAX_FRAGMENT_CHARS}`],
    chars,
  );

/**
 * The fragment for a link: `#assignment=1.<payload>`. Validates first, so a trainer cannot make a bad link;
 * throws `AssignmentLinkError` ('too-large') when the link would be longer than a learner's page accepts, or
 * would unpack to more than decodeAssignment inflates (well-compressing scripts fit the first, not the second:
 * `unpackedBytes` tells them apart). `siteIds`: the site's exercises, given by the pages that make links, so a
 * custom exercise under one of their ids ('invalid') is refused here as every learner's page refuses it.
 */
export async function encodeAssignment(
  assignment: Assignment,
  siteIds: readonly string[] = [],
): Promise<string> {
  const valid = assignmentSchema.parse(assignment);
  const problems = [...customProblems(valid), ...siteIdProblems(valid, siteIds)];
  if (problems.length > 0) throw new AssignmentLinkError('invalid', problems);
  const json = new TextEncoder().encode(JSON.stringify(valid));
  if (json.byteLength > MAX_INFLATED_BYTES)
    throw new AssignmentLinkError(
      'too-large',
      [
        `Received an assignment of ${json.byteLength} bytes unpacked / Expected at most ${MAX_INFLATED_BYTES} (the limit of every learner's page)`,
      ],
      undefined,
      json.byteLength,
    );
  const payload = toBase64Url(await deflate(json));
  const fragment = `#${FRAGMENT_KEY}=${FORMAT_VERSION}.${payload}`;
  if (fragment.length > MAX_FRAGMENT_CHARS) throw tooLong(fragment.length);
  return fragment;
}

const fail = (reason: AssignmentLinkError['reason'], ...problems: string[]): AssignmentResult => ({
  ok: false,
  error: new AssignmentLinkError(reason, problems),
});

/** Accepts `location.hash` as it is. `knownExerciseIds`: the site's exercises; any other id is refused. */
export async function decodeAssignment(
  fragment: string,
  knownExerciseIds: readonly string[],
): Promise<AssignmentResult> {
  if (fragment.length > MAX_FRAGMENT_CHARS) return { ok: false, error: tooLong(fragment.length) };
  const match = new RegExp(`^#?${FRAGMENT_KEY}=(\\d+)\\.([A-Za-z0-9_-]+)$`).exec(fragment);
  if (!match)
    return fail(
      'bad-encoding',
      `Received a fragment that is not an assignment / Expected #${FRAGMENT_KEY}=1.<base64url>`,
    );
  if (match[1] !== FORMAT_VERSION) {
    return fail(
      'bad-encoding',
      `Received format version ${match[1]} / Expected ${FORMAT_VERSION} (was the link made by a newer site?)`,
    );
  }
  let json: string;
  try {
    const inflated = await inflateAtMost(fromBase64Url(match[2] ?? ''), MAX_INFLATED_BYTES);
    if (inflated === 'too-large') {
      return fail(
        'too-large',
        `Received data that inflates past ${MAX_INFLATED_BYTES} bytes / Expected a small assignment`,
      );
    }
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail(
      'bad-encoding',
      'Received bytes that do not inflate to UTF-8 text / Expected deflate-raw data (is the link cut short?)',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('bad-encoding', 'Received text that is not JSON / Expected an assignment object');
  }
  const parsed = assignmentSchema.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, error: new AssignmentLinkError('invalid', formatIssues('assignment', parsed.error)) };
  const problems = customProblems(parsed.data);
  if (problems.length > 0) return { ok: false, error: new AssignmentLinkError('invalid', problems) };
  const customIds = (parsed.data.custom ?? []).map((exercise) => exercise.id);
  const clashing = siteIdProblems(parsed.data, knownExerciseIds);
  if (clashing.length > 0) return fail('invalid', ...clashing);
  const unknown = parsed.data.exercises.filter(
    (id) => !knownExerciseIds.includes(id) && !customIds.includes(id),
  );
  if (unknown.length > 0) {
    return fail(
      'unknown-exercises',
      `assignment: exercises: Received unknown exercise id${unknown.length === 1 ? '' : 's'} ${unknown.map((id) => JSON.stringify(id)).join(', ')} / Expected ids of this site's exercises`,
    );
  }
  return { ok: true, assignment: parsed.data };
}
