import { z } from 'astro/zod';
import { chapterSlugs } from '../site/chapters.ts';
import { kebabPattern } from './fields.ts';

/**
 * An exercise is a folder `content/exercises/<NN-id>/` holding `exercise.yaml` (this schema) and its
 * instructions as `instructions.ja.md` and `instructions.en.md` (Markdown, read by the loader; they are not
 * fields, so there is one shape for each). Every custom `error` below is phrased as the *expected* half of
 * "Received … / Expected …" (see src/exercises/format-issues.ts).
 */

/** Chapter slugs, in course order (src/site/chapters.ts). */
export const exerciseChapters = chapterSlugs;

const slug = (what: string) =>
  z
    .string({ error: `${what} (a string)` })
    .regex(kebabPattern, { error: `${what} in kebab-case: lowercase letters, digits and single hyphens` })
    .max(60, { error: `${what} of at most 60 characters` });

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} (a string)` })
    .trim()
    .min(1, { error: `${what} that is not empty` })
    .max(max, { error: `${what} of at most ${max} characters` });

const localized = (what: string, max: number) =>
  z
    .object(
      {
        ja: text(`${what} in Japanese`, max).describe(`${what}, Japanese (です・ます調).`),
        en: text(`${what} in English`, max).describe(`${what}, English.`),
      },
      { error: `${what} as an object with "ja" and "en" texts` },
    )
    .strict();

/**
 * A text in Japanese, English or both: a trainer's own exercise (src/exercises/custom-exercise.ts) may be written
 * in one language. The site's exercises use `localized` (both).
 */
export const someLanguages = (what: string, max: number) =>
  z
    .object(
      {
        ja: text(`${what} in Japanese`, max).optional(),
        en: text(`${what} in English`, max).optional(),
      },
      { error: `${what} as an object with a "ja" text, an "en" text or both` },
    )
    .strict()
    .refine((value) => value.ja !== undefined || value.en !== undefined, {
      error: `${what} in Japanese ("ja"), English ("en") or both`,
    });

/** A script for `sh` (busybox ash) in the guest, run as root over the program channel. */
const shellScript = (what: string) =>
  z
    .string({ error: `${what} (string)` })
    .min(1, { error: `${what} that is not empty (use "true" for nothing)` })
    .max(16_000, { error: `${what} of at most 16000 characters` });

export const localizedTextSchema = localized('a text', 2_000);

const commonTask = {
  id: slug('a task id').describe(
    'Stable id of the task inside its exercise; progress and reports refer to it.',
  ),
  title: localized('a task title', 200).describe('What the learner must achieve, shown in the task list.'),
  pass: localized('a pass message', 1_000).describe('Shown when the check passes.'),
  fail: localized('a fail message', 1_000).describe(
    'Shown when the check fails: says what is missing, without giving the solution away.',
  ),
  hints: z
    .array(localized('a hint', 2_000), { error: 'a list of hints, each with "ja" and "en"' })
    .min(1, { error: 'at least one hint' })
    .max(5, { error: 'at most 5 hints' })
    .describe('Progressive hints, revealed one at a time: the first nudges, the last nearly solves.'),
};

export const linuxTaskSchema = z
  .object({
    ...commonTask,
    check: shellScript('a shell script').describe(
      'Runs as root in the guest after setup and after each learner command. Prints what it saw (the evidence) ' +
        'and exits 0 if and only if the task is done. It must inspect the final state (files, /proc/<pid>/ns/*, ' +
        'cgroup files, mounts), never shell history. Keep it to a few processes: each costs ~50 ms emulated.',
    ),
  })
  .strict();

export const widgetTaskSchema = z
  .object({
    ...commonTask,
    check: z
      .string({ error: 'the name of a check predicate (string)' })
      .regex(/^[a-z][A-Za-z0-9]*$/, { error: 'the name of a check predicate in camelCase' })
      .describe("Name of a predicate exported by the widget's pure model in src/sim, applied to its state."),
  })
  .strict();

const commonExercise = {
  id: slug('an exercise id').describe(
    'Unique id; the folder is named `<NN>-<id>`. Used in links and reports.',
  ),
  chapter: z
    .enum(exerciseChapters, { error: `one of ${exerciseChapters.map((c) => `"${c}"`).join(', ')}` })
    .describe('Slug of the chapter the exercise belongs to.'),
  difficulty: z
    .number({ error: 'a difficulty of 1, 2 or 3 (a number)' })
    .int({ error: 'a difficulty of 1, 2 or 3' })
    .min(1, { error: 'a difficulty of 1, 2 or 3' })
    .max(3, { error: 'a difficulty of 1, 2 or 3' })
    .describe('1 = follows the chapter step by step, 2 = combines steps, 3 = needs the man pages.'),
  estimatedMinutes: z
    .number({ error: 'a number of minutes' })
    .int({ error: 'a whole number of minutes' })
    .min(1, { error: 'at least 1 minute' })
    .max(120, { error: 'at most 120 minutes' })
    .describe('How long a learner who has read the chapter needs, in minutes.'),
  title: localized('an exercise title', 200).describe('Title of the exercise.'),
};

const nearMissTitle = localized('a near-miss title', 300);
const nearMissFails = z
  .array(slug('a task id'), { error: 'a list of task ids' })
  .min(1, { error: 'at least one task id' })
  .describe('Ids of the tasks whose checks must fail in this wrong answer (other tasks may pass).');

/**
 * A plausible wrong answer (STYLE.md habit 14): what a learner might try, or a reviewer hunting for a loophole
 * would. `npm run exercises:verify` runs it on a fresh guest after `setup` and proves that every task it names
 * fails. The loader checks that each named task exists.
 */
export const nearMissSchema = z
  .object({
    title: nearMissTitle.describe(
      'What the wrong answer does and why it is wrong, e.g. "chroot instead of pivot_root: the old root stays".',
    ),
    script: shellScript('a near-miss shell script').describe(
      'Runs as root on a fresh guest after setup, like `solution`; it must exit 0 (it is a setup, not a test).',
    ),
    fails: nearMissFails,
  })
  .strict();

/**
 * A widget's state as an exercise file writes it. Its shape belongs to the widget (behaviour-simulator:
 * `{ scenario, params }`), so the schema only asks for an object and the loader validates the rest with the
 * widget's model (`stateProblems` in src/sim/widget-models.ts), naming each field
 * (`initial.params.hosts: Received 0 / Expected …`).
 */
const widgetState = (what: string) =>
  z.record(z.string(), z.unknown(), { error: `${what} as an object (the widget's state)` });

/**
 * A plausible wrong answer in a widget (STYLE.md habit 14): a state a learner might reach that looks right.
 * `npm run exercises:verify` applies every check to it and proves that every task it names fails.
 */
export const widgetNearMissSchema = z
  .object({
    title: nearMissTitle.describe(
      'What the wrong answer does and why it is wrong, e.g. "No HA headroom: the mix fits only while every host runs".',
    ),
    state: widgetState('a near-miss state').describe(
      "The widget's state in this wrong answer, in the same shape as `initial`.",
    ),
    fails: nearMissFails,
  })
  .strict();

export const linuxExerciseFileSchema = z
  .object({
    ...commonExercise,
    kind: z.literal('linux').describe('Checked in the guest Linux over the program channel.'),
    setup: shellScript('a setup shell script').describe(
      'Hidden; runs as root on a freshly restored guest before the learner starts. Must leave every check failing.',
    ),
    tasks: z
      .array(linuxTaskSchema, { error: 'a list of tasks' })
      .min(1, { error: 'at least one task' })
      .max(10, { error: 'at most 10 tasks' })
      .describe('What the learner must achieve, each with its own check.'),
    solution: shellScript('a solution shell script').describe(
      'Reference solution, offered after an attempt. After setup and this script every check must pass ' +
        '(`npm run exercises:verify` proves it on the real guest).',
    ),
    passTogether: z
      .boolean({ error: 'true or false' })
      .optional()
      .describe(
        'When true, a task counts as passed only in a check run where every task passes. For a capstone whose ' +
          'tasks all describe one object: passes won at different times could come from different objects.',
      ),
    nearMisses: z
      .array(nearMissSchema, { error: 'a list of near misses' })
      .max(12, { error: 'at most 12 near misses' })
      .optional()
      .describe(
        'Plausible wrong solutions, each with the tasks it must fail; each is proved on its own fresh guest. ' +
          'Every exercise in content/exercises/ has at least one (tests/content/exercise-near-misses.test.ts).',
      ),
  })
  .strict();

export const widgetExerciseFileSchema = z
  .object({
    ...commonExercise,
    kind: z.literal('widget').describe("Checked on a widget's state through its pure model in src/sim."),
    widget: slug('a widget id').describe(
      'Which widget the learner works in: a key of `widgetModels` in src/sim/widget-models.ts ' +
        '(e.g. "behaviour-simulator"); the loader refuses any other.',
    ),
    initial: widgetState('an initial state').describe(
      'The state the widget starts in (behaviour-simulator: `{ scenario, params }`; params left out take ' +
        "their defaults). Every check must fail on it. The learner's own state is kept in the browser after that.",
    ),
    tasks: z
      .array(widgetTaskSchema, { error: 'a list of tasks' })
      .min(1, { error: 'at least one task' })
      .max(10, { error: 'at most 10 tasks' })
      .describe('What the learner must achieve, each checked by a predicate of the widget model.'),
    solution: localized('a solution', 4_000).describe(
      'Reference solution in words, offered after an attempt.',
    ),
    solutionState: widgetState('a solution state').describe(
      'The state the solution describes, in the shape of `initial`: every check must pass on it ' +
        '(`npm run exercises:verify` proves it). The learner can load it into the widget after showing the solution.',
    ),
    nearMisses: z
      .array(widgetNearMissSchema, { error: 'a list of near misses' })
      .max(12, { error: 'at most 12 near misses' })
      .optional()
      .describe(
        'Plausible wrong states, each with the tasks it must fail. Every exercise in content/exercises/ has at ' +
          'least one (tests/content/exercise-near-misses.test.ts).',
      ),
  })
  .strict();

/** The contents of `exercise.yaml`. */
export const exerciseFileSchema = z.discriminatedUnion('kind', [
  linuxExerciseFileSchema,
  widgetExerciseFileSchema,
]);

/** Markdown shown above the task list: the files instructions.ja.md and instructions.en.md. */
export const instructionsSchema = localized('instructions', 20_000).describe(
  'Markdown from instructions.ja.md / instructions.en.md.',
);

/** An exercise as the loader returns it: the YAML file plus its instruction files. */
export const exerciseSchema = z.intersection(
  exerciseFileSchema,
  z.object({
    folder: z.string().describe('Folder name under content/exercises/, `<NN>-<id>`.'),
    instructions: instructionsSchema,
  }),
);

export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type LinuxTask = z.infer<typeof linuxTaskSchema>;
export type NearMiss = z.infer<typeof nearMissSchema>;
export type WidgetTask = z.infer<typeof widgetTaskSchema>;
export type LinuxExerciseFile = z.infer<typeof linuxExerciseFileSchema>;
export type WidgetExerciseFile = z.infer<typeof widgetExerciseFileSchema>;
export type WidgetNearMiss = z.infer<typeof widgetNearMissSchema>;
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type LinuxExercise = Extract<Exercise, { kind: 'linux' }>;
export type WidgetExercise = Extract<Exercise, { kind: 'widget' }>;
export type ExerciseChapter = (typeof exerciseChapters)[number];
