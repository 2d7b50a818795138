// Every scenario of the behaviour simulator, by id. Each lives in its own file under scenarios/.
import type { Scenario, ScenarioId } from './types.ts';

// Partial while the scenarios are written; tests/unit/sim/behaviour/registry.test.ts will require all of them.
export const scenarios: Partial<Record<ScenarioId, Scenario>> = {};
