import { expect, test } from 'vitest';
import { exerciseView } from '../../../src/exercises/exercise-view.ts';
import { emptyProgress, recordCheck, recordSolutionShown } from '../../../src/exercises/progress.ts';

const now = new Date('2026-05-01T10:00:00.000Z');
const taskIds = ['in-namespace', 'is-pid-1'];
const run = (a: 'passed' | 'failed' | 'error', b: 'passed' | 'failed' | 'error') => [
  { taskId: 'in-namespace', status: a, passed: a === 'passed' },
  { taskId: 'is-pid-1', status: b, passed: b === 'passed' },
];
const states = (view: ReturnType<typeof exerciseView>) => view.tasks.map((task) => task.state);

test('never checked: every task is to do', () => {
  const view = exerciseView(emptyProgress(), 'pid', taskIds, []);
  expect(states(view)).toEqual(['todo', 'todo']);
  expect(view).toMatchObject({ status: 'todo', passed: 0, failingNow: 0, errors: 0 });
});

test('not passed yet: the latest check says failed or error', () => {
  const latest = run('failed', 'error');
  const progress = recordCheck(emptyProgress(), 'pid', latest, now);
  const view = exerciseView(progress, 'pid', taskIds, latest);
  expect(states(view)).toEqual(['failed', 'error']);
  expect(view).toMatchObject({ status: 'todo', passed: 0, failingNow: 0, errors: 1 });
});

test('a pass that the latest check no longer confirms stays a pass, and is counted as failing now', () => {
  // Passed (the sleep ran), then the learner killed the sleep and checked again.
  let progress = recordCheck(emptyProgress(), 'pid', run('passed', 'passed'), now);
  const latest = run('failed', 'failed');
  progress = recordCheck(progress, 'pid', latest, now);
  const view = exerciseView(progress, 'pid', taskIds, latest);
  expect(states(view)).toEqual(['passed-failing', 'passed-failing']);
  expect(view).toMatchObject({ status: 'passed', passed: 2, failingNow: 2, errors: 0 });
  // Putting it right again clears it.
  const fixed = exerciseView(progress, 'pid', taskIds, run('passed', 'passed'));
  expect(states(fixed)).toEqual(['passed', 'passed']);
  expect(fixed.failingNow).toBe(0);
});

test('a check that could not run on a passed task keeps the pass and is reported as an error, not a failure', () => {
  const progress = recordCheck(emptyProgress(), 'pid', run('passed', 'passed'), now);
  const view = exerciseView(progress, 'pid', taskIds, run('error', 'passed'));
  expect(view.tasks[0]).toEqual({ taskId: 'in-namespace', state: 'passed', latest: 'error' });
  expect(view).toMatchObject({ passed: 2, failingNow: 0, errors: 1 });
});

test('with the solution shown, the status says so and a failing pass is still counted', () => {
  let progress = recordCheck(emptyProgress(), 'pid', run('passed', 'passed'), now);
  progress = recordSolutionShown(progress, 'pid');
  const view = exerciseView(progress, 'pid', taskIds, run('passed', 'failed'));
  expect(view.status).toBe('passed-with-help');
  expect(states(view)).toEqual(['passed', 'passed-failing']);
});

test('a pass in the latest run counts even when it could not be stored (damaged progress is left alone)', () => {
  const view = exerciseView(emptyProgress(), 'pid', taskIds, run('passed', 'failed'));
  expect(states(view)).toEqual(['passed', 'failed']);
  expect(view).toMatchObject({ status: 'todo', passed: 1, failingNow: 0 });
});
