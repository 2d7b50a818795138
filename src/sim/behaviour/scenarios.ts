// Every scenario of the behaviour simulator, by id. Each lives in its own file under scenarios/.
import { exploit } from './scenarios/exploit.ts';
import { noisyNeighbour } from './scenarios/noisy-neighbour.ts';
import { patching } from './scenarios/patching.ts';
import { statelessRebuild } from './scenarios/stateless-rebuild.ts';
import type { Scenario, ScenarioId } from './types.ts';

// Partial while the scenarios are written; tests/unit/sim/behaviour/registry.test.ts will require all of them.
export const scenarios: Partial<Record<ScenarioId, Scenario>> = {
  exploit,
  patching,
  'stateless-rebuild': statelessRebuild,
  'noisy-neighbour': noisyNeighbour,
};
