// The editor's try: the proof of verify-exercise.ts, read back per task (status, output, time) from guests that
// record what they ran. A fake guest here; the browser test runs it on the real one.
import { describe, expect, it, vi } from 'vitest';
import { CHECK_BUDGET_MS, type TriedStage, tryExercise } from '../../../src/exercises/try-exercise.ts';
import type { DisposableRunner } from '../../../src/exercises/verify-exercise.ts';
import type { LinuxExercise } from '../../../src/schemas/exercise.ts';
import { customExercise, customTask } from './support/custom-fixture.ts';

/** A setup that leaves the learner's work alone, as a setup must (it runs again at every reload). */
const SETUP = 'mkdir -p /root';
const exercise: LinuxExercise = { ...customExercise, setup: SETUP, folder: '99-hello-file' };

/**
 * A guest that understands the fixture's scripts; every fresh guest starts without /root/hello. A check takes
 * `checkMs` on the fake clock, the first on each guest `firstCheckMs` (a cold run).
 */
function fakeGuests(checkMs = 0, firstCheckMs = checkMs) {
  let clock = 0;
  let started = 0;
  const startGuest = async (): Promise<DisposableRunner> => {
    started++;
    let checks = 0;
    const files = new Set<string>();
    return {
      run: async (command) => {
        if (command === 'rm -f /root/hello') files.delete('/root/hello');
        else if (command === SETUP) {
          // Nothing to prepare: /root is there.
        } else if (command.startsWith('touch ')) files.add(command.slice(6));
        else if (command === customTask.check) {
          clock += checks++ === 0 ? firstCheckMs : checkMs;
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
    expect(seen).toEqual(['setup', 'solution', 'setup-again', 'near-miss']);
    expect(guests.started()).toBe(2);
    const [setup, solution, again, miss] = result.stages;
    expect(setup?.checks).toEqual([
      {
        taskId: 'file-exists',
        expected: 'failed',
        status: 'failed',
        ok: true,
        evidence: 'no /root/hello',
        durationMs: 20,
      },
    ]);
    expect(setup?.scripts).toEqual([{ name: 'setup', exitCode: 0, output: '' }]);
    // The setup once more on the solved machine (a reload), and every check still passes.
    expect(again?.scripts).toEqual([{ name: 'setup', exitCode: 0, output: '' }]);
    expect(again?.checks[0]).toMatchObject({ expected: 'passed', status: 'passed', ok: true });
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
    expect(result.stages[3]?.checks[0]).toMatchObject({ status: 'passed', ok: false });
    expect(result.problems[0]).toMatch(
      /^near miss "Right answer": task file-exists: check passed after the near miss/,
    );

    const badSetup = await tryExercise({ ...exercise, setup: 'nonsense' }, fakeGuests().startGuest);
    expect(badSetup.stages[0]?.scripts).toEqual([
      { name: 'setup', exitCode: 127, output: 'sh: nonsense: not found' },
    ]);
    expect(badSetup.stages[0]?.checks).toEqual([]);
    // What the failed setup kept from running says so (review 19b, 7).
    expect(badSetup.stages.slice(1, 3).map((stage) => [stage.kind, stage.skipped])).toEqual([
      ['solution', 'setup'],
      ['setup-again', 'setup'],
    ]);
  });

  it("catches a setup that undoes the learner's work on a reload, and a check that changes what it checks", async () => {
    // The learner's page runs the setup again each time the machine is ready: rm -f deletes their answer.
    const wipes = await tryExercise({ ...exercise, setup: 'rm -f /root/hello' }, fakeGuests().startGuest);
    expect(wipes.ok).toBe(false);
    expect(wipes.stages[1]?.checks[0]).toMatchObject({ status: 'passed', ok: true });
    expect(wipes.stages[2]).toMatchObject({ kind: 'setup-again', scripts: [{ name: 'setup', exitCode: 0 }] });
    expect(wipes.stages[2]?.checks[0]).toMatchObject({ status: 'failed', expected: 'passed', ok: false });
    expect(wipes.problems).toEqual([
      expect.stringMatching(
        /^task file-exists: check failed after the setup ran again \(as on a reload\), expected passed/,
      ),
    ]);

    // A check that removes the file it found passes once, then never again.
    const consuming = { ...customTask, check: 'consume /root/hello' };
    const guests = fakeGuests();
    const eats = async (): Promise<DisposableRunner> => {
      const guest = await guests.startGuest();
      return {
        ...guest,
        run: async (command, options) => {
          if (command !== consuming.check) return guest.run(command, options);
          const found = await guest.run(customTask.check, options);
          if (found.exitCode === 0) await guest.run('rm -f /root/hello', options);
          return found;
        },
      };
    };
    const flips = await tryExercise({ ...exercise, tasks: [consuming], nearMisses: [] }, eats);
    expect(flips.ok).toBe(false);
    expect(flips.problems[0]).toMatch(/check failed after the setup ran again/);
  });

  it('judges the budget on the median of every run, taking a check over it once again (one cold run does not decide)', async () => {
    // The first run on each fresh guest is cold (900 ms), the others warm (100 ms).
    const cold = fakeGuests(100, 900);
    const result = await tryExercise(exercise, cold.startGuest, { now: cold.now });
    // After setup (cold), after the solution, after the setup again (three on one guest: no extra run needed),
    // after the near miss (cold).
    expect(result.timings).toEqual([
      {
        taskId: 'file-exists',
        runsMs: [900, 100, 100, 900],
        extraRuns: 0,
        medianMs: 500,
        judged: true,
        overBudget: true,
      },
    ]);
    expect(result.stages[0]?.checks[0]?.durationMs).toBe(900);

    const warmOnce = fakeGuests(100, 900);
    const noMiss = await tryExercise({ ...exercise, nearMisses: [] }, warmOnce.startGuest, {
      now: warmOnce.now,
    });
    expect(noMiss.timings[0]).toMatchObject({
      runsMs: [900, 100, 100],
      extraRuns: 0,
      medianMs: 100,
      overBudget: false,
    });

    // The solution fails: one run of the proof, two more to time it.
    const once = fakeGuests(100, 900);
    const failing = await tryExercise(
      { ...exercise, solution: 'nonsense', nearMisses: [] },
      once.startGuest,
      {
        now: once.now,
      },
    );
    expect(failing.timings[0]).toMatchObject({
      runsMs: [900, 100, 100],
      extraRuns: 2,
      judged: true,
      overBudget: false,
    });

    const fast = fakeGuests(20);
    const quick = await tryExercise(exercise, fast.startGuest, { now: fast.now });
    expect(quick.timings[0]).toMatchObject({ runsMs: [20, 20, 20, 20], extraRuns: 0, overBudget: false });

    const slow = fakeGuests(CHECK_BUDGET_MS + 1);
    const always = await tryExercise(exercise, slow.startGuest, { now: slow.now });
    expect(always.timings[0]).toMatchObject({
      extraRuns: 0,
      medianMs: CHECK_BUDGET_MS + 1,
      overBudget: true,
    });
  });

  it("takes each check's status from the proof: a check that gives no answer is an error, and is not timed again", async () => {
    const guests = fakeGuests(CHECK_BUDGET_MS + 50);
    const lost = async (): Promise<DisposableRunner> => {
      const guest = await guests.startGuest();
      return {
        ...guest,
        run: async (command, options) => {
          if (command !== customTask.check) return guest.run(command, options);
          await guest.run(command, options);
          throw Object.assign(new Error('timed out'), { partialOutput: 'half a line' });
        },
      };
    };
    const result = await tryExercise(exercise, lost, { now: guests.now });
    expect(result.stages[0]?.checks[0]).toMatchObject({
      status: 'error',
      expected: 'failed',
      ok: false,
      evidence: 'half a line',
    });
    expect(result.problems[0]).toMatch(/^task file-exists: check errored/);
    expect(result.timings[0]).toMatchObject({ extraRuns: 0 });
  });
});

/** The exercise with a second task whose check hangs (as `sleep 60` would) until its guest is disposed. */
const hanging: LinuxExercise = {
  ...exercise,
  tasks: [customTask, { ...customTask, id: 'sleeps', check: 'sleep 60' }],
  nearMisses: [
    ...(exercise.nearMisses ?? []),
    { title: { ja: '二つ目', en: 'Second' }, script: 'true', fails: ['sleeps'] },
  ],
};

/** Guests that log what happens to them; `sleep 60` never answers (a disposed guest does not answer either). */
function loggedGuests(log: string[], startMs = 0, checkMs = 0) {
  const inner = fakeGuests(checkMs);
  let n = 0;
  const startGuest = async (signal?: AbortSignal): Promise<DisposableRunner> => {
    const id = ++n;
    log.push(`start ${id}`);
    if (startMs) await new Promise((resolve) => setTimeout(resolve, startMs));
    log.push(`up ${id}${signal?.aborted ? ' (after stop)' : ''}`);
    const guest = await inner.startGuest();
    return {
      run: (command, options) => {
        log.push(`run ${id}: ${command.split('\n')[0]}`);
        return command === 'sleep 60'
          ? new Promise(() => {})
          : command === 'true'
            ? Promise.resolve({ output: '', exitCode: 0 })
            : guest.run(command, options);
      },
      dispose: async () => {
        log.push(`dispose ${id}`);
      },
    };
  };
  return { startGuest, started: () => n, now: inner.now };
}

describe('stopping a try', () => {
  it('stops during a check that hangs: the guest goes at once, what finished stays, the rest says stopped', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const seen: TriedStage[] = [];
    const started = performance.now();
    const guests = loggedGuests(log, 0, CHECK_BUDGET_MS * 3);
    const tried = tryExercise(hanging, guests.startGuest, {
      now: guests.now,
      signal: stop.signal,
      onStage: (stage) => seen.push(stage),
    });
    // Stop once the hanging check has begun.
    await vi.waitFor(() => expect(log).toContain('run 1: sleep 60'));
    stop.abort();
    expect(log.at(-1)).toBe('dispose 1');
    const result = await tried;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.stopped).toBe(true);
    expect(result.ok).toBe(false);
    // Nothing more ran on the guest after Stop, and no other guest was started.
    expect(log.slice(log.indexOf('run 1: sleep 60'))).toEqual(['run 1: sleep 60', 'dispose 1']);
    expect(result.problems).toEqual([]);
    const [setup, solution, again, first, second] = result.stages;
    expect(seen).toEqual(result.stages);
    expect(setup?.checks.map((check) => [check.taskId, check.status])).toEqual([['file-exists', 'failed']]);
    expect(setup?.scripts).toEqual([{ name: 'setup', exitCode: 0, output: '' }]);
    expect(setup?.stopped).toMatchObject({ during: { taskId: 'sleeps' }, before: false });
    for (const notRun of [solution, again, first, second])
      expect(notRun).toMatchObject({ checks: [], scripts: [], stopped: { before: true } });
    expect([first?.kind, first?.title?.en, second?.title?.en]).toEqual([
      'near-miss',
      'Created elsewhere',
      'Second',
    ]);
    // One slow run is shown, not judged; the stopped check has no time.
    expect(result.timings).toEqual([
      {
        taskId: 'file-exists',
        runsMs: [CHECK_BUDGET_MS * 3],
        extraRuns: 0,
        medianMs: CHECK_BUDGET_MS * 3,
        judged: false,
        overBudget: false,
      },
    ]);
  });

  it('stops between steps: the stage that finished keeps its results, the next says it did not run', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const result = await tryExercise(exercise, loggedGuests(log).startGuest, {
      signal: stop.signal,
      onStage: (stage) => {
        if (stage.kind === 'setup') stop.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(result.stages.map((stage) => [stage.kind, stage.stopped])).toEqual([
      ['setup', undefined],
      ['solution', { before: true }],
      ['setup-again', { before: true }],
      ['near-miss', { before: true }],
    ]);
    expect(result.stages[0]?.checks[0]).toMatchObject({ status: 'failed', ok: true });
    // The solution never ran; one guest, disposed.
    expect(log.filter((line) => line.startsWith('run'))).toEqual([
      `run 1: ${SETUP}`,
      `run 1: ${customTask.check}`,
    ]);
    expect(log.filter((line) => line.startsWith('dispose'))).toEqual(['dispose 1']);
  });

  it('stops while a near miss is running its script, keeping the proof of the parts that finished', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const slowScript = {
      ...exercise,
      nearMisses: [{ title: { ja: '遅い', en: 'Slow' }, script: 'sleep 60', fails: ['file-exists'] }],
    };
    const tried = tryExercise(slowScript, loggedGuests(log).startGuest, { signal: stop.signal });
    await vi.waitFor(() => expect(log).toContain('run 2: sleep 60'));
    stop.abort();
    const result = await tried;
    expect(result.stages.map((stage) => stage.kind)).toEqual([
      'setup',
      'solution',
      'setup-again',
      'near-miss',
    ]);
    expect(result.stages[1]?.stopped).toBeUndefined();
    expect(result.stages[2]?.stopped).toBeUndefined();
    expect(result.stages[3]).toMatchObject({
      scripts: [{ name: 'setup', exitCode: 0 }],
      checks: [],
      stopped: { during: { script: 'near miss' }, before: false },
    });
    expect(log.filter((line) => line.startsWith('dispose'))).toEqual(['dispose 1', 'dispose 2']);
  });

  it('stops while a guest is starting: the try ends at once and the late guest is disposed when it is up', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    const tried = tryExercise(exercise, loggedGuests(log, 50).startGuest, { signal: stop.signal });
    await vi.waitFor(() => expect(log).toContain('start 1'));
    stop.abort();
    const result = await tried;
    expect(result.stopped).toBe(true);
    expect(result.stages.map((stage) => [stage.kind, stage.stopped])).toEqual([
      ['setup', { before: true }],
      ['solution', { before: true }],
      ['setup-again', { before: true }],
      ['near-miss', { before: true }],
    ]);
    expect(log).toEqual(['start 1']);
    await vi.waitFor(() => expect(log).toEqual(['start 1', 'up 1 (after stop)', 'dispose 1']));
  });

  it('a stop signal that never fires changes nothing, and a new try after a stop runs in full', async () => {
    const stop = new AbortController();
    stop.abort();
    const refused = await tryExercise(exercise, fakeGuests().startGuest, { signal: stop.signal });
    expect(refused.stopped).toBe(true);
    const again = await tryExercise(exercise, fakeGuests().startGuest, {
      signal: new AbortController().signal,
    });
    expect(again).toMatchObject({ ok: true, stopped: false, problems: [] });
    expect(again.stages.map((stage) => stage.stopped)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
