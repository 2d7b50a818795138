// The authoring guide's worked example on the real guest: taken from the guide's code blocks, it fails its
// checks after setup and passes them after its solution, through `npm run exercises:verify <folder>` as a
// trainer runs it; and the failure the guide shows (no chown in the solution) is the failure verify reports.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { startRestoredGuest } from '../../src/exercises/node-guest.ts';
import { verifyExercise } from '../../src/exercises/verify-exercise.ts';
import { guideText, writeExample } from '../content/authoring-example.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the authoring guide example on the real guest', () => {
  it('npm run exercises:verify on the example folder prints the ok line the guide shows', () => {
    const folder = join(writeExample('ja'), '04-learner-file');
    const run = spawnSync(process.execPath, ['src/exercises/verify.ts', folder], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const ok =
      'ok 04-learner-file  2 tasks: all fail after setup, all pass after the solution and after setup again; 2 near misses fail their tasks';
    expect(run.stdout).toContain(ok);
    expect(run.stdout).toContain('1 verified, 0 failed (1 exercises)');
    for (const lang of ['ja', 'en'] as const) expect(guideText(lang)).toContain(ok);
  });

  it('without chown in the solution, verify reports the failure the guide shows', async () => {
    const [exercise] = loadExercises(
      writeExample('en', (path, text) =>
        path.endsWith('exercise.yaml') ? text.replace(/^ {2}chown .*\n/m, '') : text,
      ),
    );
    if (exercise?.kind !== 'linux') throw new Error('expected a linux exercise');
    const result = await verifyExercise(exercise, startRestoredGuest);
    expect(result.ok).toBe(false);
    // Once after the solution, and once more after the setup ran again (it must not hide the miss).
    expect(result.problems).toHaveLength(2);
    const firsts = result.problems.map((problem) => problem.split('\n')[0]);
    expect(firsts).toEqual([
      'task owned-by-learner: check failed after the solution, expected passed; it printed:',
      'task owned-by-learner: check failed after the setup ran again (as on a reload), expected passed; it printed:',
    ]);
    for (const problem of result.problems) expect(problem).toContain('owner uid: 0');
    for (const lang of ['ja', 'en'] as const) {
      for (const first of firsts) expect(guideText(lang)).toContain(first);
      expect(guideText(lang)).toContain('owner uid: 0');
    }
  });
});
