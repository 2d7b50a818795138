import { expect, test } from 'vitest';
import * as lenient from '../../../src/exercises/lenient-progress.ts';
import { passedExerciseIds } from '../../../src/exercises/lenient-progress.ts';
import {
  emptyProgress,
  PROGRESS_KEY,
  recordCheck,
  recordHints,
  recordSolutionShown,
} from '../../../src/exercises/progress.ts';
import { summarizeChapters, summarizeExercise } from '../../../src/exercises/summary.ts';
import { CHANGE_EVENT } from '../../../src/lab/store.ts';

const now = new Date('2026-05-01T10:00:00.000Z');
const exercises = [
  { id: 'a', chapter: 'containers', taskIds: ['t1', 't2'] },
  { id: 'b', chapter: 'containers', taskIds: ['u1'] },
  { id: 'c', chapter: 'kernel-features', taskIds: ['v1'] },
];

test('an exercise summary counts passed tasks and the hints of its current tasks only', () => {
  let progress = recordCheck(
    emptyProgress(),
    'a',
    [
      { taskId: 't1', passed: true },
      { taskId: 't2', passed: false },
    ],
    now,
  );
  progress = recordHints(progress, 'a', 't2', 2);
  progress = recordHints(progress, 'a', 'removed-task', 3);
  expect(summarizeExercise(progress, exercises[0] as (typeof exercises)[0])).toEqual({
    id: 'a',
    status: 'todo',
    passedTasks: 1,
    totalTasks: 2,
    hintsUsed: 2,
    attempts: 1,
  });
  expect(summarizeExercise(emptyProgress(), exercises[1] as (typeof exercises)[0]).status).toBe('todo');
});

test('chapters count exercises passed with and without help, in the order they come', () => {
  let progress = recordCheck(emptyProgress(), 'b', [{ taskId: 'u1', passed: true }], now);
  progress = recordSolutionShown(recordCheck(progress, 'c', [{ taskId: 'v1', passed: true }], now), 'c');
  expect(summarizeChapters(progress, exercises)).toEqual([
    { chapter: 'containers', passed: 1, total: 2 },
    { chapter: 'kernel-features', passed: 1, total: 1 },
  ]);
});

test('the lenient reader agrees with the schema on valid progress', () => {
  let progress = recordCheck(
    emptyProgress(),
    'a',
    [
      { taskId: 't1', passed: true },
      { taskId: 't2', passed: true },
    ],
    now,
  );
  progress = recordCheck(progress, 'b', [{ taskId: 'u1', passed: false }], now);
  expect([...passedExerciseIds(JSON.stringify(progress), exercises)]).toEqual(['a']);
});

test.each([
  ['nothing stored', null],
  ['not JSON', '{"format":'],
  ['a list', '[]'],
  ['exercises is a string', '{"exercises":"a"}'],
  ['tasks missing', '{"exercises":{"a":{}}}'],
  ['a task is a number', '{"exercises":{"a":{"tasks":{"t1":1,"t2":2}}}}'],
])('the lenient reader counts nothing it cannot read: %s', (_, raw) => {
  expect(passedExerciseIds(raw, exercises).size).toBe(0);
});

test('an exercise with no tasks is never passed', () => {
  expect(
    passedExerciseIds('{"exercises":{"z":{"tasks":{}}}}', [{ id: 'z', chapter: 'x', taskIds: [] }]).size,
  ).toBe(0);
});

test('the sidebar listens to the same storage key and event as the store', () => {
  expect(lenient.PROGRESS_KEY).toBe(PROGRESS_KEY);
  expect(lenient.CHANGE_EVENT).toBe(CHANGE_EVENT);
});
