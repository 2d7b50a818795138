// A simulator state made safe to run: from a URL fragment, localStorage, an element's attribute or a script.
// Whatever comes in, what comes out names a registered scenario and carries every one of its parameters, in
// range and of the right type (params.ts's `normalise`); nothing here throws.
//
// The registry is an argument, not an import: the widget loads one scenario at a time (all eight together are
// too heavy for a page's JS budget) and normalises against the ones it has loaded.
import { normalise } from './params.ts';
import type { ParamSpec, Scenario, ScenarioId, SimulatorState } from './types.ts';
import { scenarioIds } from './types.ts';

export type Registry = Partial<Readonly<Record<ScenarioId, Scenario>>>;

export const DEFAULT_SCENARIO: ScenarioId = 'start';

/** The registered scenarios in the course's order (scenarioIds), for the widget's select. */
export function registeredScenarios(scenarios: Registry): Scenario[] {
  return scenarioIds.flatMap((id) => {
    const scenario = scenarios[id];
    return scenario ? [scenario] : [];
  });
}

/** A fragment spells every value as text; a number or a boolean is read back here as its parameter expects. */
function coerce(spec: ParamSpec, value: unknown): unknown {
  if (spec.type === 'number' && typeof value === 'string' && value.trim() !== '') return Number(value);
  if (spec.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (spec.type === 'choice' && (typeof value === 'number' || typeof value === 'boolean'))
    return String(value);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A usable state from anything: an unknown scenario becomes `fallback` (or the first registered one), and the
 * params are normalised against that scenario's specs. With no scenario registered at all, the state names
 * `fallback` with no params (the widget then says the simulator has no scenarios yet).
 */
export function normaliseState(value: unknown, fallback: ScenarioId, scenarios: Registry): SimulatorState {
  const record = isRecord(value) ? value : {};
  const known = scenarioIds.find((id) => id === record.scenario && scenarios[id]);
  const id = known ?? (scenarios[fallback] ? fallback : registeredScenarios(scenarios)[0]?.id) ?? fallback;
  const scenario = scenarios[id];
  if (!scenario) return { scenario: id, params: {} };
  const raw = isRecord(record.params) ? record.params : {};
  const typed = Object.fromEntries(scenario.params.map((spec) => [spec.id, coerce(spec, raw[spec.id])]));
  return { scenario: id, params: normalise(scenario.params, typed) };
}

/** The scenario a state asks for when it is one of `ids`, else `fallback`: what the widget should load. */
export function requestedScenario(value: unknown, fallback: ScenarioId, ids: readonly string[]): ScenarioId {
  const scenario = isRecord(value) ? value.scenario : undefined;
  return scenarioIds.find((id) => id === scenario && ids.includes(id)) ?? fallback;
}

/** Whether two normalised states are the same situation (same scenario, same value for every parameter). */
export function sameState(a: SimulatorState, b: SimulatorState): boolean {
  if (a.scenario !== b.scenario) return false;
  const keys = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  return [...keys].every((key) => a.params[key] === b.params[key]);
}
