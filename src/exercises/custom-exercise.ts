// A trainer's own exercise (issue 19): exactly the repository's format (a linux exercise.yaml plus its two
// instruction files), written in the exercise editor or pasted from content/exercises/, carried inside an
// assignment link and run by the learner's page like a built-in exercise. Everything here treats the exercise
// as untrusted: the same schema and rules as the loader, no control characters that could disguise text, and
// a content digest so a report says which version a learner did. Pure: no Node APIs, no DOM.
import type { z } from 'astro/zod';
import { instructionsSchema, linuxExerciseFileSchema } from '../schemas/exercise.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { nearMissTaskProblems, parseExerciseYaml, repeatedTaskProblems } from './exercise-rules.ts';
import { formatIssues } from './format-issues.ts';

/** A linux exercise file with its instructions: what the loader returns, minus the folder. */
export const customExerciseSchema = linuxExerciseFileSchema
  .extend({ instructions: instructionsSchema })
  .strict();

export type CustomExercise = z.infer<typeof customExerciseSchema>;

export type CustomExerciseResult = { ok: true; exercise: CustomExercise } | { ok: false; problems: string[] };

// C0 controls other than tab and newline, DEL, and bidi overrides: none has a place in an exercise, and a bidi
// override can make a script or a title read differently from what runs (CVE-2021-42574, "Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const disguising = /[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/u;

function controlProblems(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const at = value.search(disguising);
    return at < 0
      ? []
      : [
          `${path}: Received the control character U+${value.codePointAt(at)?.toString(16).toUpperCase().padStart(4, '0')} at position ${at} / Expected text without control characters (tab and newline are fine)`,
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

/** The files of an exercise folder, as the editor imports and exports them. */
export interface ExerciseFiles {
  'exercise.yaml': string;
  'instructions.ja.md'?: string;
  'instructions.en.md'?: string;
}

const instructionFiles = { ja: 'instructions.ja.md', en: 'instructions.en.md' } as const;

/**
 * exercise.yaml text and its instruction files → a custom exercise, or every problem found, each naming its
 * file as the loader does (`exercise.yaml: tasks[0].check: Received … / Expected …`).
 */
export function importExercise(files: ExerciseFiles): CustomExerciseResult {
  const problems: string[] = [];
  const yamlResult = parseExerciseYaml(files['exercise.yaml']);
  if (!yamlResult.ok) return { ok: false, problems: [`exercise.yaml: ${yamlResult.problem}`] };
  const data = yamlResult.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return {
      ok: false,
      problems: ['exercise.yaml: (root): Received no mapping / Expected an exercise description'],
    };
  const fields = data as Record<string, unknown>;
  if (fields.kind === 'widget')
    problems.push(
      'exercise.yaml: kind: Received "widget" / Expected "linux" (a custom exercise runs in the guest; widget exercises come with the site)',
    );
  if ('instructions' in fields)
    problems.push(
      'exercise.yaml: instructions: Received a field / Expected the instructions as the files instructions.ja.md and instructions.en.md',
    );
  const instructions: Partial<Record<'ja' | 'en', string>> = {};
  for (const lang of ['ja', 'en'] as const) {
    const text = files[instructionFiles[lang]]?.trim() ?? '';
    if (text === '')
      problems.push(
        `${instructionFiles[lang]}: Received ${files[instructionFiles[lang]] === undefined ? 'no file' : 'an empty file'} / Expected the ${lang === 'ja' ? 'Japanese' : 'English'} instructions (Markdown)`,
      );
    else instructions[lang] = text;
  }
  if (problems.length > 0) return { ok: false, problems };
  return checkCustomExercise({ ...fields, instructions }, 'exercise.yaml');
}

/** Order of the fields in exercise.yaml, as content/exercises/ writes them. */
const fileOrder = [
  'id',
  'chapter',
  'kind',
  'difficulty',
  'estimatedMinutes',
  'title',
  'setup',
  'tasks',
  'solution',
  'passTogether',
  'nearMisses',
] as const;
const taskOrder = ['id', 'title', 'check', 'pass', 'fail', 'hints'] as const;

function ordered<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => keys.indexOf(a) - keys.indexOf(b)));
}

/**
 * A custom exercise → the files of its folder, ready for content/exercises/<NN>-<id>/ (the loader reads them
 * back to the same exercise). `dump` is js-yaml's: passed in so this module does not pull the YAML writer into
 * pages that only read links.
 */
export function exportExercise(
  exercise: CustomExercise,
  dump: (value: unknown, options: { lineWidth: number; noRefs: boolean }) => string,
): Required<ExerciseFiles> {
  const { instructions, ...file } = exercise;
  const yamlFile = ordered({ ...file, tasks: file.tasks.map((task) => ordered(task, taskOrder)) }, fileOrder);
  return {
    'exercise.yaml': dump(yamlFile, { lineWidth: -1, noRefs: true }),
    'instructions.ja.md': `${instructions.ja}\n`,
    'instructions.en.md': `${instructions.en}\n`,
  };
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

/** The first characters of a digest, enough to tell versions apart on screen. */
export const shortDigest = (digest: string): string => digest.slice(0, 12);
