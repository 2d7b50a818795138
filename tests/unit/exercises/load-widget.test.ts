// A `kind: widget` exercise is validated against its widget's model (src/sim/widget-models.ts): an unknown
// widget, an unknown check name, or a state the model refuses fails the load, naming file and field. Run with
// a test-only model (support/fake-widget-model.ts) so these tests do not move when the real model grows.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExerciseLoadError, loadExercises } from '../../../src/exercises/load.ts';
import { widgetModels } from '../../../src/sim/widget-models.ts';
import { fakeModels } from './support/fake-widget-model.ts';
import { editedWidgetFixture, widgetFixtureWith, widgetFixtureYaml } from './support/widget-fixture.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true });
});

/** Loads `yaml` as the widget fixture; returns every problem with the file's path shortened to `FILE`. */
function problemsOf(yaml: string, models = fakeModels): string[] {
  const { root, file } = widgetFixtureWith(yaml);
  roots.push(root);
  try {
    loadExercises(root, { widgetModels: models });
  } catch (error) {
    if (error instanceof ExerciseLoadError) return error.problems.map((p) => p.replace(file, 'FILE'));
    throw error;
  }
  return [];
}

describe('a widget exercise', () => {
  it('loads with its initial state, solution state and near misses', () => {
    const { root } = widgetFixtureWith(widgetFixtureYaml);
    roots.push(root);
    const [exercise] = loadExercises(root, { widgetModels: fakeModels });
    if (exercise?.kind !== 'widget') throw new Error('expected a widget exercise');
    expect(exercise.solutionState).toEqual({ scenario: 'rack', params: { hosts: 4, vms: 12 } });
    expect(exercise.nearMisses?.map((miss) => [miss.state, miss.fails])).toEqual([
      [{ scenario: 'rack', params: { hosts: 3, vms: 12 } }, ['headroom']],
    ]);
  });

  it('names an unknown widget and lists the ones there are', () => {
    expect(problemsOf(editedWidgetFixture('widget: test-rack', 'widget: test-rak'))).toEqual([
      'FILE: widget: Received "test-rak" / Expected one of "test-rack"',
    ]);
  });

  it('is checked against the real registry by default', () => {
    const { root, file } = widgetFixtureWith(widgetFixtureYaml);
    roots.push(root);
    const expected = Object.keys(widgetModels)
      .map((id) => `"${id}"`)
      .join(', ');
    expect(() => loadExercises(root)).toThrow(
      `${file}: widget: Received "test-rack" / Expected one of ${expected}`,
    );
  });

  it("names a check the widget's model does not have, listing those it has", () => {
    expect(problemsOf(editedWidgetFixture('check: survivesHostLoss', 'check: fitz'))).toEqual([
      'FILE: tasks[1].check: Received "fitz" / Expected one of "fitsAll", "survivesHostLoss", "throws"',
    ]);
  });

  it('names a parameter the model refuses, under the field that holds the state', () => {
    expect(
      problemsOf(editedWidgetFixture('params: { hosts: 1, vms: 4 }', 'params: { hosts: 0, vms: 4 }')),
    ).toEqual(['FILE: initial.params.hosts: Received 0 / Expected a whole number from 1 to 8']);
  });

  it('names a state of the wrong scenario, and a near miss whose state is wrong', () => {
    const yaml = editedWidgetFixture(
      'solutionState: { scenario: rack,',
      'solutionState: { scenario: racks,',
    ).replace(
      'state: { scenario: rack, params: { hosts: 3, vms: 12 } }',
      'state: { scenario: rack, params: { host: 3 } }',
    );
    expect(problemsOf(yaml)).toEqual([
      'FILE: solutionState.scenario: Received "racks" / Expected one of "rack"',
      'FILE: nearMisses[0].state.params.host: Received "host" / Expected one of "hosts", "vms"',
    ]);
  });

  it('names a state that is not an object: the schema, before the model', () => {
    expect(
      problemsOf(
        editedWidgetFixture('initial: { scenario: rack, params: { hosts: 1, vms: 4 } }', 'initial: 3'),
      ),
    ).toEqual(["FILE: initial: Received 3 / Expected an initial state as an object (the widget's state)"]);
    expect(
      problemsOf(editedWidgetFixture('initial: { scenario: rack, params: { hosts: 1, vms: 4 } }\n', '')),
    ).toEqual([
      "FILE: initial: Received undefined / Expected an initial state as an object (the widget's state)",
    ]);
  });

  it('names the state itself when the model refuses it whole', () => {
    const yaml = editedWidgetFixture(
      'initial: { scenario: rack, params: { hosts: 1, vms: 4 } }',
      'initial: { scenario: rack, mode: fast }',
    );
    expect(problemsOf(yaml)).toEqual([
      'FILE: initial.mode: Received "mode" / Expected only "scenario" and "params"',
    ]);
  });

  it('refuses a near miss that names a task the exercise does not have', () => {
    expect(problemsOf(editedWidgetFixture('fails: [headroom]', 'fails: [hedroom]'))).toEqual([
      `FILE: nearMisses[0].fails[0]: Received "hedroom" / Expected one of the exercise's task ids: "fits", "headroom"`,
    ]);
  });

  it('reports every problem of the file at once', () => {
    const yaml = editedWidgetFixture('check: fitsAll', 'check: fitz').replace(
      'vms: 12 } }\nnearMisses',
      'vms: 99 } }\nnearMisses',
    );
    expect(problemsOf(yaml)).toEqual([
      'FILE: tasks[0].check: Received "fitz" / Expected one of "fitsAll", "survivesHostLoss", "throws"',
      'FILE: solutionState.params.vms: Received 99 / Expected a whole number from 0 to 40',
    ]);
  });

  it('refuses a linux-only field and the linux near-miss shape', () => {
    expect(
      problemsOf(editedWidgetFixture('    fails: [headroom]', '    script: "true"\n    fails: [headroom]')),
    ).toEqual([
      'FILE: nearMisses[0]: Received unknown field "script" / Expected only the documented fields (check the spelling)',
    ]);
  });
});
