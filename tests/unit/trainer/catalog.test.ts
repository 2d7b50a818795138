import { describe, expect, test } from 'vitest';
import { emptyProgress, recordCheck, recordSolutionShown } from '../../../src/exercises/progress.ts';
import {
  assignmentProgress,
  assignmentUrl,
  byChapter,
  type CatalogExercise,
  exerciseHref,
  reportFileName,
} from '../../../src/trainer/catalog.ts';

const exercise = (id: string, chapter: string, tasks: string[]): CatalogExercise => ({
  id,
  chapter,
  chapterTitle: `title of ${chapter}`,
  title: `title of ${id}`,
  difficulty: 1,
  estimatedMinutes: 10,
  tasks: tasks.map((task) => ({ id: task, title: task })),
});

const catalog = [
  exercise('a', 'containers', ['a1']),
  exercise('b', 'kernel-features', ['b1', 'b2']),
  exercise('c', 'containers', ['c1']),
];

test('links follow the URL contract of each language', () => {
  expect(exerciseHref('ja', 'pid-namespace')).toBe('/exercises/pid-namespace/');
  expect(exerciseHref('en', 'pid-namespace')).toBe('/en/exercises/pid-namespace/');
  expect(assignmentUrl('https://x.test', 'ja', '#assignment=1.abc')).toBe(
    'https://x.test/assignment/#assignment=1.abc',
  );
  expect(assignmentUrl('https://x.test', 'en', '#assignment=1.abc')).toBe(
    'https://x.test/en/assignment/#assignment=1.abc',
  );
});

test('byChapter groups in catalog order without losing or repeating an exercise', () => {
  const groups = byChapter(catalog);
  expect(groups.map((g) => [g.chapter, g.exercises.map((e) => e.id)])).toEqual([
    ['containers', ['a', 'c']],
    ['kernel-features', ['b']],
  ]);
});

describe('assignmentProgress', () => {
  test('follows the assignment order and counts passed tasks', () => {
    const at = new Date('2026-11-26T09:00:00Z');
    let progress = recordCheck(
      emptyProgress(),
      'b',
      [
        { taskId: 'b1', passed: true },
        { taskId: 'b2', passed: false },
      ],
      at,
    );
    progress = recordCheck(progress, 'a', [{ taskId: 'a1', passed: true }], at);
    progress = recordSolutionShown(progress, 'a');
    expect(
      assignmentProgress(catalog, ['b', 'a', 'c'], progress).map((v) => [
        v.exercise.id,
        v.status,
        v.tasksPassed,
      ]),
    ).toEqual([
      ['b', 'todo', 1],
      ['a', 'passed-with-help', 1],
      ['c', 'todo', 0],
    ]);
  });

  test('skips ids the catalog does not know (the link was checked already; this is a second fence)', () => {
    expect(assignmentProgress(catalog, ['zzz', 'c'], emptyProgress()).map((v) => v.exercise.id)).toEqual([
      'c',
    ]);
  });
});

test('reportFileName is safe on every file system and keeps Japanese names', () => {
  expect(reportFileName('山田 花子', '2026-11-26T09:00:00.000Z')).toBe('report-山田-花子-2026-11-26.json');
  expect(reportFileName('../../etc/passwd', '2026-11-26T09:00:00.000Z')).toBe(
    'report-etc-passwd-2026-11-26.json',
  );
  expect(reportFileName('a<b>:c"d|e?*', '2026-11-26T09:00:00.000Z')).toBe('report-a-b-c-d-e-2026-11-26.json');
  expect(reportFileName('...', '2026-11-26T09:00:00.000Z')).toBe('report-learner-2026-11-26.json');
  expect(reportFileName('x'.repeat(100), '2026-11-26T09:00:00.000Z')).toBe(
    `report-${'x'.repeat(40)}-2026-11-26.json`,
  );
});
