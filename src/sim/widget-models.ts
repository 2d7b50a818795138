// The widgets whose state a `kind: widget` exercise can check, by the id an exercise file names in `widget`.
// Each model gives its named checks and a strict validation of a state as an exercise file writes it; the
// exercise loader (src/exercises/load.ts), `npm run exercises:verify` and the page's <Exercise> all go
// through this one registry, so a widget exercise is checked the same way at build time and in the browser.
import { behaviourChecks, stateProblems } from './behaviour/checks.ts';
import type { SimulatorState, WidgetCheckOutcome } from './behaviour/types.ts';
import { type CapacityState, capacityChecks, capacityStateProblems } from './capacity/checks.ts';
import { type ClusterState, clusterChecks, clusterStateProblems } from './cluster/checks.ts';
import { type ImageLayersState, imageLayersChecks, imageLayersStateProblems } from './image-layers/checks.ts';
import { type RaidState, raidChecks, raidStateProblems } from './raid/checks.ts';
import { type RingState, ringChecks, ringStateProblems } from './rings/checks.ts';
import { type VlanState, vlanChecks, vlanStateProblems } from './vlan-switch/checks.ts';

export type { WidgetCheckOutcome };

export interface WidgetModel<State> {
  /** Named predicates over the widget's state; a task's `check` names one. */
  readonly checks: Readonly<Record<string, (state: State) => WidgetCheckOutcome>>;
  /**
   * Problems with a state as an exercise file writes it, each `<field>: Received … / Expected …` with the
   * field relative to the state (`params.hosts`, `scenario`; `''` for the state itself). Empty: `value` is a
   * `State` the checks accept.
   */
  stateProblems(value: unknown): string[];
}

/**
 * A registry as its users see it: the state type is erased (`never`), so a caller must validate a value with
 * the model's own `stateProblems` before it hands it to that model's checks.
 */
export type WidgetModels = Readonly<Record<string, WidgetModel<never>>>;

export const widgetModels = {
  'behaviour-simulator': { checks: behaviourChecks, stateProblems } satisfies WidgetModel<SimulatorState>,
  'capacity-planner': {
    checks: capacityChecks,
    stateProblems: capacityStateProblems,
  } satisfies WidgetModel<CapacityState>,
  'cluster-simulator': {
    checks: clusterChecks,
    stateProblems: clusterStateProblems,
  } satisfies WidgetModel<ClusterState>,
  'image-layers': {
    checks: imageLayersChecks,
    stateProblems: imageLayersStateProblems,
  } satisfies WidgetModel<ImageLayersState>,
  'raid-array': { checks: raidChecks, stateProblems: raidStateProblems } satisfies WidgetModel<RaidState>,
  'ring-simulator': { checks: ringChecks, stateProblems: ringStateProblems } satisfies WidgetModel<RingState>,
  'vlan-switch': { checks: vlanChecks, stateProblems: vlanStateProblems } satisfies WidgetModel<VlanState>,
} as const satisfies WidgetModels;

export type WidgetId = keyof typeof widgetModels;
