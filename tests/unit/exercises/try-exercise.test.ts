// The editor's try: the proof of verify-exercise.ts, read back per task (status, output, time) from guests that
// record what they ran. A fake guest here; the browser test runs it on the real one.
import { describe, expect, it } from 'vitest';
import { CHECK_BUDGET_MS, tryExercise } from '../../../src/exercises/try-exercise.ts';
import type { DisposableRunner } from '../../../src/exercises/verify-exercise.ts';
import type { LinuxExercise } from '../../../src/schemas/exercise.ts';
import { customExercise, customTask } from './support/custom-fixture.ts';

const exercise: LinuxExercise = { ...customExercise, folder: '99-hello-file' };

/** A guest that understands the fixture's scripts; every fresh guest starts without /root/hello. */
function fakeGuests(slowCheckMs = 0) {
  let clock = 0;
  let started = 0;
  const startGuest = async (): Promise<DisposableRunner> => {
    started++;
    const files = new Set<string>(['/root/hello']);
    return {
      run: async (command) => {
        if (command === exercise.setup) files.delete('/root/hello');
        else if (command.startsWith('touch ')) files.add(command.slice(6));
        else if (command === customTask.check) {
          clock += slowCheckMs;
          const found = files.has('/root/hello');
          return { output: found ? 'found /root/hello\n' : 'no /root/hello\n', exitCode: found ? 0 : 1 };
        } else return { output: `sh: ${command}: not found`, exitCode: 127 };
        return { output: '', exitCode: 0 };
      },
      dispose: async () => {},
    };
  };
  return { startGuest, now: () => clock, started: () => started };
}

describe('tryExercise', () => {
  it('proves setup, solution and each near miss on fresh guests, with each check shown', async () => {
    const guests = fakeGuests(20);
    const seen: string[] = [];
    const result = await tryExercise(exercise, guests.startGuest, {
      now: guests.now,
      onStage: (stage) => seen.push(stage.kind),
    });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(seen).toEqual(['setup', 'solution', 'near-miss']);
    expect(guests.started()).toBe(2);
    const [setup, solution, miss] = result.stages;
    expect(setup?.checks).toEqual([
      {
        taskId: 'file-exists',
        expected: 'failed',
        status: 'failed',
        ok: true,
        evidence: 'no /root/hello',
        durationMs: 20,
        overBudget: false,
      },
    ]);
    expect(setup?.scripts).toEqual([{ name: 'setup', exitCode: 0, output: '' }]);
    expect(solution?.checks[0]).toMatchObject({
      expected: 'passed',
      status: 'passed',
      ok: true,
      evidence: 'found /root/hello',
    });
    expect(miss?.title).toEqual(customExercise.nearMisses?.[0]?.title);
    expect(miss?.checks[0]).toMatchObject({ expected: 'failed', status: 'failed', ok: true });
  });

  it('says which task is wrong when the solution does not make a check pass, and what the check printed', async () => {
    const guests = fakeGuests();
    const broken = { ...exercise, solution: 'touch /tmp/elsewhere' };
    const result = await tryExercise(broken, guests.startGuest, { now: guests.now });
    expect(result.ok).toBe(false);
    expect(result.stages[1]?.checks[0]).toMatchObject({
      status: 'failed',
      expected: 'passed',
      ok: false,
      evidence: 'no /root/hello',
    });
    expect(result.problems[0]).toContain(
      'task file-exists: check failed after the solution, expected passed',
    );
  });

  it('flags a near miss that passes its task (a loophole), and a setup that fails', async () => {
    const loophole = {
      ...exercise,
      nearMisses: [
        { title: { ja: '正解', en: 'Right answer' }, script: 'touch /root/hello', fails: ['file-exists'] },
      ],
    };
    const result = await tryExercise(loophole, fakeGuests().startGuest);
    expect(result.ok).toBe(false);
    expect(result.stages[2]?.checks[0]).toMatchObject({ status: 'passed', ok: false });
    expect(result.problems[0]).toMatch(
      /^near miss "Right answer": task file-exists: check passed after the near miss/,
    );

    const badSetup = await tryExercise({ ...exercise, setup: 'nonsense' }, fakeGuests().startGuest);
    expect(badSetup.stages[0]?.scripts).toEqual([
      { name: 'setup', exitCode: 127, output: 'sh: nonsense: not found' },
    ]);
    expect(badSetup.stages[0]?.checks).toEqual([]);
  });

  it(`warns about a check slower than ${CHECK_BUDGET_MS} ms`, async () => {
    const guests = fakeGuests(CHECK_BUDGET_MS + 1);
    const result = await tryExercise(exercise, guests.startGuest, { now: guests.now });
    expect(result.stages[0]?.checks[0]).toMatchObject({ durationMs: CHECK_BUDGET_MS + 1, overBudget: true });
  });
});
