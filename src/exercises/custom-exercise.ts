// A trainer's own exercise (issue 19): the repository's format (a linux exercise.yaml plus its instruction
// files), written in the exercise editor or pasted from content/exercises/, carried inside an assignment link
// and run by the learner's page like a built-in exercise. One difference: it may be written in Japanese, English
// or both (the site's own exercises are in both; custom-languages.ts). Everything here treats the exercise as
// untrusted: the same schema and rules as the loader, no control characters that could disguise text, and a
// content digest so a report says which version a learner did. Pure: no Node APIs, no DOM.
import { z } from 'astro/zod';
import {
  type LinuxExerciseFile,
  type LocalizedText,
  linuxExerciseFileSchema,
  linuxTaskSchema,
  nearMissSchema,
  someLanguages,
} from '../schemas/exercise.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import {
  asWritten,
  type ExerciseLang,
  inBothLanguages,
  type SomeText,
  writtenLanguages,
} from './custom-languages.ts';
import { nearMissTaskProblems, repeatedTaskProblems } from './exercise-rules.ts';
import { formatIssues } from './format-issues.ts';

/**
 * A custom exercise as written (its files, a link): a linux exercise file with its instructions, each text in
 * Japanese, English or both. Limits and messages are the loader's (schemas/exercise.ts).
 */
export const customExerciseSchema = linuxExerciseFileSchema
  .extend({
    title: someLanguages('an exercise title', 200),
    tasks: z
      .array(
        linuxTaskSchema.extend({
          title: someLanguages('a task title', 200),
          pass: someLanguages('a pass message', 1_000),
          fail: someLanguages('a fail message', 1_000),
          hints: z
            .array(someLanguages('a hint', 2_000), { error: 'a list of hints' })
            .min(1, { error: 'at least one hint' })
            .max(5, { error: 'at most 5 hints' }),
        }),
        { error: 'a list of tasks' },
      )
      .min(1, { error: 'at least one task' })
      .max(10, { error: 'at most 10 tasks' }),
    nearMisses: z
      .array(nearMissSchema.extend({ title: someLanguages('a near-miss title', 300) }), {
        error: 'a list of near misses',
      })
      .max(12, { error: 'at most 12 near misses' })
      .optional(),
    instructions: someLanguages('instructions', 20_000),
  })
  .strict();

export type WrittenExercise = z.infer<typeof customExerciseSchema>;

/**
 * A custom exercise as pages show it: every text in both languages (a one-language exercise shows its language
 * in both, custom-languages.ts), and `onlyIn` naming that language when there is one.
 */
export type CustomExercise = LinuxExerciseFile & { instructions: LocalizedText; onlyIn?: ExerciseLang };

/**
 * Longest id of a custom exercise: its progress is kept under `c<12 hex digits of its digest>-<id>`
 * (customProgressId), and progress ids, like every exercise id, are at most 60 characters.
 */
export const MAX_CUSTOM_ID_CHARS = 46;

export type CustomExerciseResult = { ok: true; exercise: CustomExercise } | { ok: false; problems: string[] };

const languageName = { ja: 'Japanese', en: 'English' } as const;
const instructionFile = { ja: 'instructions.ja.md', en: 'instructions.en.md' } as const;

/** Every text besides the instructions, by field. */
function textFields(exercise: WrittenExercise): [string, SomeText][] {
  return [
    ['title', exercise.title],
    ...exercise.tasks.flatMap((task, i): [string, SomeText][] => [
      [`tasks[${i}].title`, task.title],
      [`tasks[${i}].pass`, task.pass],
      [`tasks[${i}].fail`, task.fail],
      ...task.hints.map((hint, j): [string, SomeText] => [`tasks[${i}].hints[${j}]`, hint]),
    ]),
    ...(exercise.nearMisses ?? []).map((miss, i): [string, SomeText] => [
      `nearMisses[${i}].title`,
      miss.title,
    ]),
  ];
}

/**
 * An exercise is in the languages of its instructions, every text alike: a learner reading it in one of them
 * never meets a text in the other, and as-written and as-shown forms convert exactly (custom-languages.ts).
 */
function languageProblems(exercise: WrittenExercise): string[] {
  const languages = writtenLanguages(exercise);
  const written = languages.map((lang) => languageName[lang]).join(' and ');
  return textFields(exercise).flatMap(([field, text]) =>
    (['ja', 'en'] as const).flatMap((lang) => {
      const has = text[lang] !== undefined;
      if (has === languages.includes(lang)) return [];
      return has
        ? [
            `${field}.${lang}: Received a text in ${languageName[lang]} / Expected none, as the instructions are in ${written} only (add ${instructionFile[lang]} to write the exercise in ${languageName[lang]} too)`,
          ]
        : [
            `${field}.${lang}: Received no text in ${languageName[lang]} / Expected one, as the instructions are in ${written}`,
          ];
    }),
  );
}

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
export function customExerciseRules(exercise: WrittenExercise): string[] {
  return [
    ...(exercise.id.length > MAX_CUSTOM_ID_CHARS
      ? [
          `id: Received an id of ${exercise.id.length} characters / Expected at most ${MAX_CUSTOM_ID_CHARS} characters for an exercise of your own`,
        ]
      : []),
    ...repeatedTaskProblems(exercise),
    ...nearMissTaskProblems(exercise),
    ...languageProblems(exercise),
    ...controlProblems(exercise, ''),
  ];
}

/**
 * Validates anything claiming to be a custom exercise as written (an import, the editor's form, storage)
 * against the repository's schema and the loader's rules; every problem starts with `where`. The exercise
 * comes back as pages show it (inBothLanguages).
 */
export function checkCustomExercise(data: unknown, where: string): CustomExerciseResult {
  const parsed = customExerciseSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: formatIssues(where, parsed.error) };
  const problems = customExerciseRules(parsed.data).map((problem) => `${where}: ${problem}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, exercise: inBothLanguages(parsed.data) };
}

/**
 * What travels in a link: the exercise as written, without its near misses (they prove the exercise to its
 * author; leaving them out keeps the link short).
 */
export function forLink(exercise: CustomExercise | WrittenExercise): WrittenExercise {
  const { nearMisses: _nearMisses, ...rest } = asWritten(exercise);
  return rest;
}

/**
 * SHA-256 over the canonical JSON of the exercise as it travels in a link: the same text gives the same
 * digest on the trainer's and the learner's machine, so a report names the version the learner did.
 */
export function customExerciseDigest(exercise: CustomExercise | WrittenExercise): Promise<string> {
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
