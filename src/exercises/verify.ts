// `npm run exercises:verify`: proves every linux exercise on the real guest (see verify-exercise.ts) and every
// widget exercise on its widget's model (verify-widget.ts, no guest), and exits non-zero on any failure or
// malformed exercise.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultExercisesDir, ExerciseLoadError, loadExerciseFolder, loadExercises } from './load.ts';
import { recordNearMissProofs } from './near-miss-record.ts';
import { startRestoredGuest } from './node-guest.ts';
import { type ExerciseVerification, verifyExercise } from './verify-exercise.ts';
import { verifyWidgetExercise } from './verify-widget.ts';

/**
 * No argument: every exercise in content/exercises/. A folder argument is either one exercise folder (it holds
 * exercise.yaml: an author checking the exercise they are writing) or a folder of exercise folders (a draft
 * set, a test fixture).
 */
function loadTarget(folder: string | undefined): ReturnType<typeof loadExercises> {
  if (folder === undefined) return loadExercises(defaultExercisesDir);
  // A folder inside content/exercises/ whatever way it was named: only those exercises' proofs are recorded.
  const inContent = (path: string) => resolve(path).startsWith(resolve(fileURLToPath(defaultExercisesDir)));
  // A bare folder name (`16-shared-kernel`) means that exercise of content/exercises/.
  if (!existsSync(folder) && existsSync(join(fileURLToPath(defaultExercisesDir), folder))) {
    folder = join(fileURLToPath(defaultExercisesDir), folder);
  }
  if (!existsSync(folder)) {
    throw new ExerciseLoadError([
      `${folder}: no such folder (give an exercise folder, such as content/exercises/01-pid-namespace, or a folder of them)`,
    ]);
  }
  if (!existsSync(join(folder, 'exercise.yaml'))) {
    if (!inContent(folder)) recordProofs = false;
    return loadExercises(folder);
  }
  const problems: string[] = [];
  const exercise = loadExerciseFolder(resolve(folder), problems);
  if (!exercise || problems.length > 0) throw new ExerciseLoadError(problems);
  if (!inContent(folder)) recordProofs = false;
  return [exercise];
}

/** Whether the proofs are of content/exercises/ (recorded in src/exercises/proved-near-misses.json), not a draft set. */
let recordProofs = true;

/** What "ok" proved, by kind. */
const proved = {
  linux: 'all fail after setup, all pass after the solution and after setup again',
  widget: 'all fail on the initial state, all pass on the solution state',
} as const;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function main(): Promise<number> {
  const started = performance.now();
  let exercises: ReturnType<typeof loadExercises>;
  try {
    exercises = loadTarget(process.argv[2]);
  } catch (error) {
    if (!(error instanceof ExerciseLoadError)) throw error;
    console.error(error.message);
    return 1;
  }
  let failed = 0;
  let verified = 0;
  for (const exercise of exercises) {
    // A widget exercise needs no guest. A guest that cannot start fails its exercise with the reason, and the
    // others still run.
    const result: ExerciseVerification =
      exercise.kind === 'widget'
        ? verifyWidgetExercise(exercise)
        : await verifyExercise(exercise, startRestoredGuest).catch((error: unknown) => ({
            id: exercise.id,
            folder: exercise.folder,
            ok: false,
            problems: [`could not verify: ${error instanceof Error ? error.message : String(error)}`],
            nearMisses: [],
            durationMs: 0,
          }));
    const seconds = (result.durationMs / 1000).toFixed(1);
    const tasks = plural(exercise.tasks.length, 'task');
    const misses = plural(exercise.nearMisses?.length ?? 0, 'near miss', 'near misses');
    if (result.ok) verified++;
    else failed++;
    console.log(
      result.ok
        ? `ok ${exercise.folder}  ${tasks}: ${proved[exercise.kind]}; ${misses} fail their tasks  (${seconds} s)`
        : `NO ${exercise.folder}  ${tasks}, ${misses}  (${seconds} s)`,
    );
    for (const problem of result.problems) console.log(`   ${problem.replace(/\n/g, '\n   ')}`);
    if (recordProofs && result.ok && exercise.kind === 'linux') recordNearMissProofs([exercise]);
    for (const miss of result.nearMisses) {
      const also = miss.alsoFailing.length > 0 ? `; also fails ${miss.alsoFailing.join(', ')}` : '';
      console.log(
        `   ${miss.ok ? 'ok' : 'NO'} near miss: ${miss.title}  (fails ${miss.fails.join(', ')}${also})`,
      );
      for (const problem of miss.problems) console.log(`      ${problem.replace(/\n/g, '\n      ')}`);
    }
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${verified} verified, ${failed} failed (${exercises.length} exercises) in ${total} s`);
  if (recordProofs)
    console.log(
      'The near-miss proofs of the linux exercises that passed are recorded in src/exercises/proved-near-misses.json.',
    );
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
