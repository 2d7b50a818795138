// Reads every exercise folder under content/exercises/ and validates it. Node only (build time, verify,
// tests); the browser gets exercises from the build. Every problem names the file it is in, and all
// problems are reported at once so an author fixes a folder in one round.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Exercise,
  type ExerciseFile,
  exerciseFileSchema,
  type LocalizedText,
  type WidgetExerciseFile,
} from '../schemas/exercise.ts';
import { type WidgetModels, widgetModels } from '../sim/widget-models.ts';
import { nearMissTaskProblems, repeatedTaskProblems } from './exercise-rules.ts';
import { parseExerciseYaml } from './exercise-yaml.ts';
import { formatIssues } from './format-issues.ts';
import { scriptProblems } from './script-in-text.ts';

export const defaultExercisesDir = new URL('../../content/exercises/', import.meta.url);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `NN-id`: the number orders the exercises in a chapter; the id must equal the one in exercise.yaml. */
const folderPattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface LoadOptions {
  /** The widgets a `kind: widget` exercise may name, with their checks and state validation. Tests pass a fake. */
  widgetModels?: WidgetModels;
}

export class ExerciseLoadError extends Error {
  /** One line per problem, each starting with the file it is in. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in exercises:\n${problems.join('\n')}`,
    );
    this.name = 'ExerciseLoadError';
    this.problems = problems;
  }
}

/** Paths in messages are relative to the repository, as an author sees them in the editor. */
function shown(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

function readInstructions(dir: string, problems: string[]): LocalizedText | undefined {
  const texts: Partial<Record<'ja' | 'en', string>> = {};
  for (const lang of ['ja', 'en'] as const) {
    const path = `${dir}/instructions.${lang}.md`;
    if (!existsSync(path)) {
      problems.push(
        `${shown(path)}: Received no file / Expected the ${lang === 'ja' ? 'Japanese' : 'English'} instructions (Markdown)`,
      );
      continue;
    }
    const text = readFileSync(path, 'utf8').trim();
    if (text === '')
      problems.push(`${shown(path)}: Received an empty file / Expected the instructions (Markdown)`);
    else texts[lang] = text;
    for (const problem of scriptProblems(text))
      problems.push(`${shown(path)}: instructions.${lang}: ${problem}`);
  }
  return texts.ja !== undefined && texts.en !== undefined ? { ja: texts.ja, en: texts.en } : undefined;
}

/** Every text of an exercise file that pages show, by field: titles, messages, hints, a widget's solution. */
function shownTexts(exercise: ExerciseFile): [string, LocalizedText][] {
  return [
    ['title', exercise.title],
    ...exercise.tasks.flatMap((task, i): [string, LocalizedText][] => [
      [`tasks[${i}].title`, task.title],
      [`tasks[${i}].pass`, task.pass],
      [`tasks[${i}].fail`, task.fail],
      ...task.hints.map((hint, j): [string, LocalizedText] => [`tasks[${i}].hints[${j}]`, hint]),
    ]),
    ...(exercise.kind === 'widget' ? [['solution', exercise.solution] as [string, LocalizedText]] : []),
    ...(exercise.nearMisses ?? []).map((miss, i): [string, LocalizedText] => [
      `nearMisses[${i}].title`,
      miss.title,
    ]),
  ];
}

/** Script in any shown text (script-in-text.ts): `tasks[0].hints[1].en: Received a <script> tag / …`. */
function textScriptProblems(exercise: ExerciseFile): string[] {
  return shownTexts(exercise).flatMap(([field, text]) =>
    (['ja', 'en'] as const).flatMap((lang) =>
      scriptProblems(text[lang]).map((problem) => `${field}.${lang}: ${problem}`),
    ),
  );
}

/** `initial` + `params.hosts` → `initial.params.hosts`; a problem with the state itself (`''`) keeps `initial`. */
function underField(field: string, problem: string): string {
  return problem.startsWith(':') ? `${field}${problem}` : `${field}.${problem}`;
}

/**
 * What the schema cannot know about a widget exercise: that its widget exists, that each task names one of
 * that widget's checks, and that every state it writes (`initial`, `solutionState`, each near miss's `state`)
 * is one the widget's model accepts.
 */
function widgetProblems(exercise: WidgetExerciseFile, models: WidgetModels): string[] {
  const model = models[exercise.widget];
  if (!model)
    return [
      `widget: Received "${exercise.widget}" / Expected one of ${Object.keys(models)
        .map((id) => `"${id}"`)
        .join(', ')}`,
    ];
  const checkNames = Object.keys(model.checks);
  const checkProblems = exercise.tasks.flatMap((task, i) =>
    checkNames.includes(task.check)
      ? []
      : [
          `tasks[${i}].check: Received "${task.check}" / Expected ${
            checkNames.length > 0
              ? `one of ${checkNames.map((name) => `"${name}"`).join(', ')}`
              : `a check of widget "${exercise.widget}" (it has none yet)`
          }`,
        ],
  );
  const states: [string, unknown][] = [
    ['initial', exercise.initial],
    ['solutionState', exercise.solutionState],
    ...(exercise.nearMisses ?? []).map((miss, i): [string, unknown] => [
      `nearMisses[${i}].state`,
      miss.state,
    ]),
  ];
  return [
    ...checkProblems,
    ...states.flatMap(([field, state]) =>
      model.stateProblems(state).map((problem) => underField(field, problem)),
    ),
  ];
}

/** Loads one folder; appends problems instead of throwing so that `loadExercises` can report them all. */
export function loadExerciseFolder(
  dir: string,
  problems: string[],
  options: LoadOptions = {},
): Exercise | undefined {
  const folder = dir.replace(/\/+$/, '').split('/').at(-1) ?? dir;
  const file = `${dir}/exercise.yaml`;
  const folderMatch = folderPattern.exec(folder);
  if (!folderMatch) {
    problems.push(
      `${shown(dir)}: Received folder name "${folder}" / Expected <NN>-<id>, e.g. 01-pid-namespace`,
    );
    return undefined;
  }
  if (!existsSync(file)) {
    problems.push(`${shown(file)}: Received no file / Expected the exercise description (YAML)`);
    return undefined;
  }
  const yamlResult = parseExerciseYaml(readFileSync(file, 'utf8'));
  if (!yamlResult.ok) {
    problems.push(`${shown(file)}: ${yamlResult.problem}`);
    return undefined;
  }
  const data = yamlResult.data;
  const parsed = exerciseFileSchema.safeParse(data, { reportInput: true });
  const instructions = readInstructions(dir, problems);
  if (!parsed.success) {
    problems.push(...formatIssues(shown(file), parsed.error));
    return undefined;
  }
  if (parsed.data.id !== folderMatch[2]) {
    problems.push(
      `${shown(file)}: id: Received "${parsed.data.id}" / Expected "${folderMatch[2]}" (the folder name without its number)`,
    );
    return undefined;
  }
  const repeated = repeatedTaskProblems(parsed.data);
  if (repeated.length > 0) {
    problems.push(...repeated.map((problem) => `${shown(file)}: ${problem}`));
    return undefined;
  }
  const contentProblems = [
    ...textScriptProblems(parsed.data),
    ...nearMissTaskProblems(parsed.data),
    ...(parsed.data.kind === 'widget'
      ? widgetProblems(parsed.data, options.widgetModels ?? widgetModels)
      : []),
  ];
  if (contentProblems.length > 0) {
    problems.push(...contentProblems.map((problem) => `${shown(file)}: ${problem}`));
    return undefined;
  }
  return instructions ? { ...parsed.data, folder, instructions } : undefined;
}

/** All exercises, ordered by folder name; throws `ExerciseLoadError` listing every problem found. */
export function loadExercises(
  dir: URL | string = defaultExercisesDir,
  options: LoadOptions = {},
): Exercise[] {
  const root = (typeof dir === 'string' ? dir : fileURLToPath(dir)).replace(/\/+$/, '');
  const problems: string[] = [];
  const exercises: Exercise[] = [];
  const folders = readdirSync(root)
    .filter((name) => statSync(`${root}/${name}`).isDirectory())
    .sort();
  for (const folder of folders) {
    const exercise = loadExerciseFolder(`${root}/${folder}`, problems, options);
    if (!exercise) continue;
    const twin = exercises.find((other) => other.id === exercise.id);
    if (twin) {
      problems.push(
        `${shown(`${root}/${folder}`)}: id: Received "${exercise.id}" / Expected an id not already used by ${twin.folder}`,
      );
      continue;
    }
    exercises.push(exercise);
  }
  if (problems.length > 0) throw new ExerciseLoadError(problems);
  return exercises;
}
