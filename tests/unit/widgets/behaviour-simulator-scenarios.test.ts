import { expect, test } from 'vitest';
import { scenarioIn } from '../../../src/components/widgets/behaviour-simulator/load-scenario.ts';
import { scenarios } from '../../../src/sim/behaviour/scenarios.ts';
import { registeredScenarios } from '../../../src/sim/behaviour/state.ts';

// The widget loads scenarios one by one from scenarios/<id>.ts (load-scenario.ts); the registry is the truth.
test.each(registeredScenarios(scenarios).map((s) => [s.id, s] as const))(
  'registered scenario %s is the export of scenarios/%s.ts the widget loads',
  async (id, scenario) => {
    const module = (await import(`../../../src/sim/behaviour/scenarios/${id}.ts`)) as Record<string, unknown>;
    expect(scenarioIn(module, id)).toBe(scenario);
  },
);
