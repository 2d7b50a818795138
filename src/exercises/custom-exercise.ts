// A trainer's own exercise (issue 19): exactly the repository's format (a linux exercise.yaml plus its two
// instruction files), written in the exercise editor or pasted from content/exercises/, carried inside an
// assignment link and run by the learner's page like a built-in exercise. Everything here treats the exercise
// as untrusted: the same schema and rules as the loader, no control characters that could disguise text, and
// a content digest so a report says which version a learner did. Pure: no Node APIs, no DOM.
import type { z } from 'astro/zod';
import { instructionsSchema, linuxExerciseFileSchema } from '../schemas/exercise.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { nearMissTaskProblems, repeatedTaskProblems } from './exercise-rules.ts';
import { formatIssues } from './format-issues.ts';

/** A linux exercise file with its instructions: what the loader returns, minus the folder. */
export const customExerciseSchema = linuxExerciseFileSchema
  .extend({ instructions: instructionsSchema })
  .strict();

export type CustomExercise = z.infer<typeof customExerciseSchema>;

/**
 * Longest id of a custom exercise: its progress is kept under `c<12 hex digits of its digest>-<id>`
 * (customProgressId), and progress ids, like every exercise id, are at most 60 characters.
 */
export const MAX_CUSTOM_ID_CHARS = 46;

export type CustomExerciseResult = { ok: true; exercise: CustomExercise } | { ok: false; problems: string[] };

// C0 and C1 controls other than tab and newline, DEL, bidi overrides and marks, zero-width characters, the
// line and paragraph separators and a byte order mark: none has a place in an exercise, and each can make a
// script or a title read differently from what runs (CVE-2021-42574, "Trojan Source") or hide text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const disguising = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

function controlProblems(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const at = value.search(disguising);
    return at < 0
      ? []
      : [
          `${path}: Received the control character U+${value.codePointAt(at)?.toString(16).toUpperCase().padStart(4, '0')} at position ${at} / Expected text without control or invisible characters (tab and newline are fine)`,
        ];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => controlProblems(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      controlProblems(item, path === '' ? key : `${path}.${key}`),
    );
  return [];
}

/**
 * The loader's rules beyond the schema (task ids once, near misses naming real tasks), and no disguising
 * control characters: `field: Received … / Expected …` lines, none when the exercise is sound.
 */
export function customExerciseRules(exercise: CustomExercise): string[] {
  return [
    ...(exercise.id.length > MAX_CUSTOM_ID_CHARS
      ? [
          `id: Received an id of ${exercise.id.length} characters / Expected at most ${MAX_CUSTOM_ID_CHARS} characters for an exercise of your own`,
        ]
      : []),
    ...repeatedTaskProblems(exercise),
    ...nearMissTaskProblems(exercise),
    ...controlProblems(exercise, ''),
  ];
}

/**
 * Validates anything claiming to be a custom exercise (an import, the editor's form) against the repository's
 * schema and the loader's rules; every problem starts with `where`.
 */
export function checkCustomExercise(data: unknown, where: string): CustomExerciseResult {
  const parsed = customExerciseSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: formatIssues(where, parsed.error) };
  const problems = customExerciseRules(parsed.data).map((problem) => `${where}: ${problem}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, exercise: parsed.data };
}

/**
 * What travels in a link: the learner needs no near misses (they prove the exercise to its author), and
 * leaving them out keeps the link short.
 */
export function forLink(exercise: CustomExercise): CustomExercise {
  const { nearMisses: _nearMisses, ...rest } = exercise;
  return rest;
}

/**
 * SHA-256 over the canonical JSON of the exercise as it travels in a link: the same text gives the same
 * digest on the trainer's and the learner's machine, so a report names the version the learner did.
 */
export function customExerciseDigest(exercise: CustomExercise): Promise<string> {
  return sha256Hex(canonicalJson(forLink(exercise)));
}

/**
 * Where a learner's progress and check runs for a custom exercise are kept: by version, not by id. Two links
 * whose exercises share an id but differ in content (a fixed check, another trainer's exercise) start fresh,
 * and no site exercise (ids never start with `c` + 12 hex digits + `-` by chance, and the store is keyed by
 * the full string) inherits a link's progress. Kebab-case and at most 60 characters for a custom id.
 */
export function customProgressId(id: string, digest: string): string {
  return `c${digest.slice(0, 12)}-${id}`;
}
