// Loads one scenario of the model on demand. Each scenario is src/sim/behaviour/scenarios/<id>.ts (the registry,
// scenarios.ts, imports them all; tests/unit/widgets/behaviour-simulator-scenarios.test.ts proves every
// registered scenario is found here). Importing the registry itself would put all eight scenarios, texts in two
// languages, into the page's first load: ~4× the one on show.
import type { Scenario, ScenarioId } from '../../../sim/behaviour/types.ts';

const modules = import.meta.glob<Record<string, unknown>>('../../../sim/behaviour/scenarios/*.ts');
const loaded = new Map<ScenarioId, Promise<Scenario | undefined>>();

/** The module path of a scenario, as the glob above names it. */
export function scenarioModulePath(id: ScenarioId): string {
  return `../../../sim/behaviour/scenarios/${id}.ts`;
}

/** The export of `module` that is the scenario `id` (has that id and a run function). */
export function scenarioIn(module: Record<string, unknown>, id: ScenarioId): Scenario | undefined {
  return Object.values(module).find(
    (value): value is Scenario =>
      typeof value === 'object' &&
      value !== null &&
      (value as Scenario).id === id &&
      typeof (value as Scenario).run === 'function',
  );
}

export function loadScenario(id: ScenarioId): Promise<Scenario | undefined> {
  let promise = loaded.get(id);
  if (!promise) {
    const load = modules[scenarioModulePath(id)];
    promise = load ? load().then((module) => scenarioIn(module, id)) : Promise.resolve(undefined);
    loaded.set(id, promise);
  }
  return promise;
}
