// Properties every scenario of the behaviour simulator keeps, whatever its parameters: the UI can rely on them.
// - every scenario id has a model; runs are deterministic and their steps sorted;
// - every number a learner sees (step costs, outcome figures, parameter defaults) has a cited source with an
//   https address and a place in it, or is flagged as an assumption or derived value with a reason, in both languages;
// - every text exists in both languages; charts are well formed; measurements point at a figure the run shows.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaults, normalise } from '../../../../src/sim/behaviour/params.ts';
import { scenarios } from '../../../../src/sim/behaviour/scenarios.ts';
import {
  type Figure,
  laneIds,
  type ParamSpec,
  type Provenance,
  type Scenario,
  type ScenarioRun,
  scenarioIds,
  type Text,
} from '../../../../src/sim/behaviour/types.ts';

const all = Object.values(scenarios) as Scenario[];

test('every scenario id of the issue has a model, registered under its own id', () => {
  expect(Object.keys(scenarios).sort()).toEqual([...scenarioIds].sort());
  for (const [id, scenario] of Object.entries(scenarios)) expect(scenario?.id).toBe(id);
});

/** Arbitrary raw params for a scenario: each spec's value in or out of range, of the right type or not. */
function rawParams(specs: readonly ParamSpec[]) {
  const one = (spec: ParamSpec) =>
    spec.type === 'number'
      ? fc.oneof(fc.double({ min: spec.min, max: spec.max, noNaN: true }), fc.double(), fc.constant('x'))
      : spec.type === 'boolean'
        ? fc.oneof(fc.boolean(), fc.constant(1))
        : fc.oneof(fc.constantFrom(...spec.options.map((o) => o.value)), fc.string());
  return fc.record(Object.fromEntries(specs.map((spec) => [spec.id, one(spec)])), { requiredKeys: [] });
}

function textOk(text: Text | undefined): boolean {
  return !!text && text.ja.trim().length > 0 && text.en.trim().length > 0;
}

function provenanceProblem(p: Provenance | undefined): string | undefined {
  if (!p) return 'no provenance';
  if (p.kind === 'source') {
    if (!/^https:\/\/\S+$/.test(p.source.url)) return `source ${p.source.id} without an https URL`;
    if (!p.source.title.trim() || !p.source.by.trim()) return `source ${p.source.id} without title or author`;
    if (!p.where.trim()) return `source ${p.source.id} cited without where in it`;
    return undefined;
  }
  return textOk(p.reason) ? undefined : `${p.kind} without a reason in both languages`;
}

function figuresOf(run: ScenarioRun): Figure[] {
  return [...run.steps.flatMap((s) => s.costs), ...laneIds.flatMap((lane) => run.outcomes[lane].figures)];
}

function runProblems(scenario: Scenario, run: ScenarioRun): string[] {
  const problems: string[] = [];
  const laneOrder = (lane: string) => laneIds.indexOf(lane as (typeof laneIds)[number]);
  run.steps.forEach((step, i) => {
    const where = `step ${i} (${step.lane})`;
    if (!textOk(step.what) || !textOk(step.why)) problems.push(`${where}: what/why missing a language`);
    if (!(step.at >= 0 && step.duration >= 0 && Number.isFinite(step.at + step.duration)))
      problems.push(`${where}: bad time ${step.at}+${step.duration}`);
    const next = run.steps[i + 1];
    if (next && (next.at < step.at || (next.at === step.at && laneOrder(next.lane) < laneOrder(step.lane))))
      problems.push(`${where}: steps not sorted by time, then lane`);
  });
  for (const lane of laneIds) {
    if (!run.steps.some((s) => s.lane === lane)) problems.push(`lane ${lane} has no step`);
    const outcome = run.outcomes[lane];
    if (outcome?.lane !== lane || !textOk(outcome.headline)) problems.push(`outcome of ${lane} missing`);
  }
  for (const figure of figuresOf(run)) {
    const problem = provenanceProblem(figure.provenance);
    if (problem) problems.push(`figure ${figure.id}: ${problem}`);
    if (!Number.isFinite(figure.value)) problems.push(`figure ${figure.id}: value ${figure.value}`);
    if (!textOk(figure.label)) problems.push(`figure ${figure.id}: label missing a language`);
  }
  for (const chart of run.charts) {
    if (!textOk(chart.title)) problems.push(`chart ${chart.id}: title`);
    for (const series of chart.series)
      if (series.values.length !== chart.categories.length || !textOk(series.label))
        problems.push(`chart ${chart.id}: series ${series.id} does not match its categories`);
  }
  const ids = new Set(figuresOf(run).map((f) => f.id));
  for (const m of scenario.measurements)
    if (!ids.has(m.compareTo)) problems.push(`measurement ${m.id} compares to missing figure ${m.compareTo}`);
  return problems;
}

describe.each(all.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
  test('texts, parameters, assumptions and measurements are complete in both languages', () => {
    expect(textOk(scenario.title) && textOk(scenario.summary)).toBe(true);
    expect(scenario.assumptions.length).toBeGreaterThan(0);
    for (const a of scenario.assumptions) expect(textOk(a)).toBe(true);
    expect(new Set(scenario.params.map((p) => p.id)).size).toBe(scenario.params.length);
    for (const spec of scenario.params) {
      expect(textOk(spec.label) && textOk(spec.help), spec.id).toBe(true);
      expect(provenanceProblem(spec.provenance), spec.id).toBeUndefined();
      if (spec.type === 'number') {
        expect(spec.min <= spec.default && spec.default <= spec.max, spec.id).toBe(true);
        expect(normalise([spec], { [spec.id]: spec.default })[spec.id], spec.id).toBe(spec.default);
      }
      if (spec.type === 'choice') for (const o of spec.options) expect(textOk(o.label), o.value).toBe(true);
    }
    for (const m of scenario.measurements) {
      expect(textOk(m.label), m.id).toBe(true);
      expect(m.timeoutMs).toBeGreaterThan(0);
    }
  });

  test('the default run is well formed and every number has a source or is flagged', () => {
    const run = scenario.run(defaults(scenario.params));
    expect(run.scenario).toBe(scenario.id);
    expect(runProblems(scenario, run)).toEqual([]);
  });

  test('property: any params (even hostile) give a well-formed, deterministic run', () => {
    fc.assert(
      fc.property(rawParams(scenario.params), (raw) => {
        const params = normalise(scenario.params, raw);
        const run = scenario.run(params);
        expect(runProblems(scenario, run)).toEqual([]);
        expect(scenario.run(params)).toEqual(run);
        expect(run.params).toEqual(params);
      }),
      { numRuns: 60 },
    );
  });
});
