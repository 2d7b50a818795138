// How the conditions panel orders a scenario's parameters, and how far the learner has moved them from the
// defaults. Pure (no DOM), so the unit tests run it against every scenario.
import {
  type LaneId,
  laneIds,
  type ParamSpec,
  type Params,
  type ParamValue,
} from '../../../sim/behaviour/types.ts';

export interface ParamGroup {
  /** undefined: the parameters every lane shares. */
  readonly lane: LaneId | undefined;
  readonly specs: readonly ParamSpec[];
}

/** The shared parameters first, then each lane's (ESXi, KVM, Docker), each in the scenario's order; no empty group. */
export function groupParams(specs: readonly ParamSpec[]): ParamGroup[] {
  const groups: ParamGroup[] = [{ lane: undefined, specs: specs.filter((spec) => !spec.lane) }];
  for (const lane of laneIds) groups.push({ lane, specs: specs.filter((spec) => spec.lane === lane) });
  return groups.filter((group) => group.specs.length > 0);
}

/** Every parameter at its default. */
export function defaultParams(specs: readonly ParamSpec[]): Record<string, ParamValue> {
  return Object.fromEntries(specs.map((spec) => [spec.id, spec.default]));
}

/** The ids of the parameters whose value is not the default (a missing value counts as the default). */
export function changedParams(specs: readonly ParamSpec[], params: Params): string[] {
  return specs
    .filter((spec) => params[spec.id] !== undefined && params[spec.id] !== spec.default)
    .map((spec) => spec.id);
}
