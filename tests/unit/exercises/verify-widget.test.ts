// The widget half of `exercises:verify` and the checks the page runs, on a test-only model: results shaped like
// a Linux check's, the proof's verdicts, and what it says when a proof fails.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadExercises } from '../../../src/exercises/load.ts';
import { verifyWidgetExercise } from '../../../src/exercises/verify-widget.ts';
import { runWidgetChecks } from '../../../src/exercises/widget-checks.ts';
import type { WidgetExercise } from '../../../src/schemas/exercise.ts';
import { fakeModels, rackModel } from './support/fake-widget-model.ts';
import { editedWidgetFixture, widgetFixtureWith, widgetFixtureYaml } from './support/widget-fixture.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true });
});

function load(yaml: string): WidgetExercise {
  const { root } = widgetFixtureWith(yaml);
  roots.push(root);
  const [exercise] = loadExercises(root, { widgetModels: fakeModels });
  if (exercise?.kind !== 'widget') throw new Error('expected a widget exercise');
  return exercise;
}

describe('runWidgetChecks', () => {
  const tasks = [
    { id: 'fits', check: 'fitsAll' },
    { id: 'headroom', check: 'survivesHostLoss' },
  ];
  const state = { scenario: 'rack', params: { hosts: 3, vms: 12 } };

  it('answers passed or failed per task, with the evidence in the requested language', () => {
    let clock = 0;
    const now = () => (clock += 2);
    expect(runWidgetChecks(rackModel, tasks, state, { lang: 'en', now })).toEqual([
      { taskId: 'fits', status: 'passed', passed: true, evidence: '12 VMs, room for 12', durationMs: 2 },
      {
        taskId: 'headroom',
        status: 'failed',
        passed: false,
        evidence: 'room for 8 after one host fails',
        durationMs: 2,
      },
    ]);
    expect(runWidgetChecks(rackModel, tasks, state, { lang: 'ja' }).map((r) => r.evidence)).toEqual([
      '12 台の VM、容量 12 台',
      'ホスト 1 台の故障後の容量 8 台',
    ]);
  });

  it('answers error for a check that throws or does not exist, and still runs the others', () => {
    const results = runWidgetChecks(
      rackModel,
      [{ id: 'a', check: 'throws' }, { id: 'b', check: 'toString' }, ...tasks],
      state,
      { lang: 'en' },
    );
    expect(results.map((r) => [r.taskId, r.status, r.error])).toEqual([
      ['a', 'error', "the check could not read the widget's state: no such lane"],
      ['b', 'error', 'the widget has no check named "toString"'],
      ['fits', 'passed', undefined],
      ['headroom', 'failed', undefined],
    ]);
  });
});

describe('verifyWidgetExercise', () => {
  it('proves the valid fixture: initial fails all, solution passes all, the near miss fails its task', () => {
    const result = verifyWidgetExercise(load(widgetFixtureYaml), fakeModels);
    expect(result).toMatchObject({ id: 'widget-demo', folder: '02-widget-demo', ok: true, problems: [] });
    expect(result.nearMisses).toEqual([
      { title: 'Packed without headroom', fails: ['headroom'], alsoFailing: [], ok: true, problems: [] },
    ]);
  });

  it('says which check passes on the initial state, with what it saw', () => {
    const result = verifyWidgetExercise(
      load(editedWidgetFixture('params: { hosts: 1, vms: 4 }', 'params: { hosts: 4, vms: 12 }')),
      fakeModels,
    );
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'task fits: check passed on the initial state, expected failed; it said:\n      12 VMs, room for 16',
      'task headroom: check passed on the initial state, expected failed; it said:\n      room for 12 after one host fails',
    ]);
  });

  it('says which check fails on the solution state', () => {
    const result = verifyWidgetExercise(
      load(
        editedWidgetFixture(
          'solutionState: { scenario: rack, params: { hosts: 4, vms: 12 } }',
          'solutionState: { scenario: rack, params: { hosts: 4, vms: 16 } }',
        ),
      ),
      fakeModels,
    );
    expect(result.problems).toEqual([
      'task headroom: check failed on the solution state, expected passed; it said:\n      room for 12 after one host fails',
    ]);
  });

  it('fails a near miss whose named task passes, and lists unnamed tasks that fail too', () => {
    const yaml = editedWidgetFixture(
      'state: { scenario: rack, params: { hosts: 3, vms: 12 } }\n    fails: [headroom]',
      'state: { scenario: rack, params: { hosts: 3, vms: 4 } }\n    fails: [headroom]',
    );
    const [miss] = verifyWidgetExercise(load(yaml), fakeModels).nearMisses;
    expect(miss).toEqual({
      title: 'Packed without headroom',
      fails: ['headroom'],
      alsoFailing: ['fits'],
      ok: false,
      problems: [
        "task headroom: check passed on the near miss's state, expected failed; it said:\n      room for 8 after one host fails",
      ],
    });
  });

  it('does not count a check that errors as a failure', () => {
    const yaml = editedWidgetFixture('check: fitsAll', 'check: throws');
    const result = verifyWidgetExercise(load(yaml), fakeModels);
    expect(result.problems).toEqual([
      "task fits: check errored (the check could not read the widget's state: no such lane) on the initial state, expected failed; it said:\n      (no evidence)",
      "task fits: check errored (the check could not read the widget's state: no such lane) on the solution state, expected passed; it said:\n      (no evidence)",
    ]);
  });
});
