// A custom exercise's folder, in and out: exercise.yaml and instructions.{ja,en}.md exactly as content/exercises/
// holds them, for the exercise editor's import and export. Pure (js-yaml's reader here; its writer is passed in).
import { type CustomExercise, type CustomExerciseResult, checkCustomExercise } from './custom-exercise.ts';
import { asWritten, writtenLanguages } from './custom-languages.ts';
import { parseExerciseYaml } from './exercise-yaml.ts';

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
export function importExercise(given: ExerciseFiles): CustomExerciseResult {
  const files = lineFeedsOnly(given);
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
  // An exercise of one's own may be in one language: a missing or empty file is a language it is not written in.
  const instructions: Partial<Record<'ja' | 'en', string>> = {};
  for (const lang of ['ja', 'en'] as const) {
    const text = files[instructionFiles[lang]]?.trim() ?? '';
    if (text !== '') instructions[lang] = text;
  }
  if (instructions.ja === undefined && instructions.en === undefined)
    problems.push(
      'instructions.ja.md, instructions.en.md: Received no instructions / Expected the instructions (Markdown) in Japanese, English or both',
    );
  if (problems.length > 0) return { ok: false, problems };
  const result = checkCustomExercise({ ...fields, instructions }, 'exercise.yaml');
  return result.ok ? result : { ok: false, problems: result.problems.map(inInstructionFile) };
}

/**
 * Files saved on Windows end their lines with CR LF (and old Mac files with CR alone): read as LF, as the loader
 * and Git do, so a CR is never taken for a control character.
 */
function lineFeedsOnly(files: ExerciseFiles): ExerciseFiles {
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');
  const out: ExerciseFiles = { 'exercise.yaml': lf(files['exercise.yaml']) };
  for (const name of Object.values(instructionFiles)) {
    const text = files[name];
    if (text !== undefined) out[name] = lf(text);
  }
  return out;
}

/** `exercise.yaml: instructions.ja: …` → `instructions.ja.md: …`: the problem is in that file, not the YAML. */
function inInstructionFile(problem: string): string {
  const match = /^exercise\.yaml: instructions\.(ja|en)(?::|\b) ?(.*)$/s.exec(problem);
  return match ? `${instructionFiles[match[1] as 'ja' | 'en']}: ${match[2]}` : problem;
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
 * A custom exercise → the files of its folder as written (the loader reads them back to the same exercise; a
 * one-language exercise has one instruction file). `dump` is js-yaml's: passed in so this module does not pull
 * the YAML writer into pages that only read links.
 */
export function exportExercise(
  exercise: CustomExercise,
  dump: (value: unknown, options: { lineWidth: number; noRefs: boolean }) => string,
): ExerciseFiles {
  const { instructions, ...file } = asWritten(exercise);
  const yamlFile = ordered({ ...file, tasks: file.tasks.map((task) => ordered(task, taskOrder)) }, fileOrder);
  return {
    'exercise.yaml': dump(yamlFile, { lineWidth: -1, noRefs: true }),
    ...(instructions.ja === undefined ? {} : { 'instructions.ja.md': `${instructions.ja}\n` }),
    ...(instructions.en === undefined ? {} : { 'instructions.en.md': `${instructions.en}\n` }),
  };
}

/**
 * What a valid exercise still lacks to go into content/exercises/: the site's exercises are in both languages
 * (the loader requires instructions.ja.md, instructions.en.md and every text in both). A link does not need
 * it, so these are warnings, in the problems' `file: Received … / Expected …` form.
 */
export function exportWarnings(exercise: CustomExercise): string[] {
  const languages = writtenLanguages(asWritten(exercise));
  return (['ja', 'en'] as const)
    .filter((lang) => !languages.includes(lang))
    .map((lang) => {
      const name = lang === 'ja' ? 'Japanese' : 'English';
      return `${instructionFiles[lang]}: Received no file / Expected the ${name} instructions, and every text of exercise.yaml in ${name} too, before the exercise goes into content/exercises/ (the site's exercises are in both languages; a link works without them)`;
    });
}
