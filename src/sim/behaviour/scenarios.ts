// Every scenario of the behaviour simulator, by id. Each lives in its own file under scenarios/.
import { consolidationScenario } from './scenarios/consolidation.ts';
import { exploit } from './scenarios/exploit.ts';
import { hostFailure } from './scenarios/host-failure.ts';
import { io } from './scenarios/io.ts';
import { noisyNeighbour } from './scenarios/noisy-neighbour.ts';
import { patching } from './scenarios/patching.ts';
import { start } from './scenarios/start.ts';
import { statelessRebuild } from './scenarios/stateless-rebuild.ts';
import type { Scenario, ScenarioId } from './types.ts';

export const scenarios: Readonly<Record<ScenarioId, Scenario>> = {
  start,
  consolidation: consolidationScenario,
  io,
  'host-failure': hostFailure,
  exploit,
  patching,
  'stateless-rebuild': statelessRebuild,
  'noisy-neighbour': noisyNeighbour,
};
