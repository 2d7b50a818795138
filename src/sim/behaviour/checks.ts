// Named predicates over the simulator's state, for `kind: widget` exercises (a task's `check` names one).
// Each scenario's checks live in checks/<scenario>.ts; they are gathered here.
import { consolidationChecks } from './checks/consolidation.ts';
import { exploitChecks } from './checks/exploit.ts';
import { hostFailureChecks } from './checks/host-failure.ts';
import { ioChecks } from './checks/io.ts';
import { noisyNeighbourChecks } from './checks/noisy-neighbour.ts';
import { paramProblems } from './params.ts';
import { scenarios } from './scenarios.ts';
import { type SimulatorState, scenarioIds, type WidgetCheck } from './types.ts';

export const behaviourChecks: Readonly<Record<string, WidgetCheck>> = {
  ...consolidationChecks,
  ...exploitChecks,
  ...hostFailureChecks,
  ...ioChecks,
  ...noisyNeighbourChecks,
};

/**
 * Problems with a state as an exercise file writes it (`initial`, `solutionState`, a near miss's `state`):
 * an unknown scenario or wrong params, each naming the field. Empty when the state is usable as written.
 */
export function stateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`: Received ${JSON.stringify(value)} / Expected an object with "scenario" and "params"`];
  const { scenario, params = {}, ...rest } = value as Record<string, unknown>;
  const problems = Object.keys(rest).map(
    (k) => `${k}: Received "${k}" / Expected only "scenario" and "params"`,
  );
  const known = scenarioIds.find((id) => id === scenario);
  const model = known && scenarios[known];
  if (!model) {
    problems.push(
      `scenario: Received ${JSON.stringify(scenario)} / Expected one of ${Object.keys(scenarios)
        .map((id) => `"${id}"`)
        .join(', ')}`,
    );
    return problems;
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    return [
      ...problems,
      `params: Received ${JSON.stringify(params)} / Expected an object of parameter values`,
    ];
  return [...problems, ...paramProblems(model.params, params as Record<string, unknown>)];
}

export type { SimulatorState };
