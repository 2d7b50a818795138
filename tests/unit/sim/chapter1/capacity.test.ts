// The capacity planner's model: the year's load, the two plans, and the properties the issue names: the elastic
// plan never idles more than the peak-sized fleet, utilization ≤ 100 %, cost monotonic in price.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { capacityChecks } from '../../../../src/sim/capacity/checks.ts';
import {
  DAYS,
  dailyShape,
  HOURS,
  hourlyLoad,
  springFestival,
  weeklyShape,
} from '../../../../src/sim/capacity/load.ts';
import {
  costCurve,
  elasticCost,
  provisionedNeed,
  rentedSteps,
  runCapacity,
} from '../../../../src/sim/capacity/model.ts';
import {
  type CapacityState,
  capacitySpecs,
  capacityStateProblems,
  defaultCapacityState,
  normaliseCapacityState,
} from '../../../../src/sim/capacity/params.ts';

/** Any valid state (each parameter on its range and step). */
const stateArb: fc.Arbitrary<CapacityState> = fc
  .record(
    Object.fromEntries(
      capacitySpecs.map((spec) => [
        spec.id,
        spec.kind === 'choice'
          ? fc.constantFrom(...spec.choices)
          : spec.choices
            ? fc.constantFrom(...spec.choices)
            : fc
                .integer({
                  min: 0,
                  max: Math.round(
                    (Math.min(spec.max, spec.id === 'ownedServers' ? 200 : spec.max) - spec.min) / spec.step,
                  ),
                })
                .map((i) => spec.min + i * spec.step),
      ]),
    ),
  )
  .map((raw) => normaliseCapacityState(raw));

const few = { numRuns: 25 };

describe('the year of load', () => {
  test('8,760 hours; shapes average 1; the highest hour is just before the Spring Festival', () => {
    const load = hourlyLoad(defaultCapacityState);
    expect(load.length).toBe(HOURS);
    expect(HOURS).toBe(8760);
    const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(dailyShape)).toBeCloseTo(1, 12);
    expect(mean(weeklyShape)).toBeCloseTo(1, 12);
    const run = runCapacity({});
    const peakDay = Math.floor(run.peakHour / 24);
    expect(peakDay).toBeLessThan(springFestival.start);
    expect(peakDay).toBeGreaterThan(springFestival.start - defaultCapacityState.springWidthDays);
    expect(run.days.length).toBe(DAYS);
  });
  test('without peaks the load is the ordinary year: mean near the base load', () => {
    const run = runCapacity({ springPeak: 1, holidays: 0 });
    expect(run.meanLoad).toBeGreaterThan(0.97 * defaultCapacityState.baseLoad);
    expect(run.meanLoad).toBeLessThan(1.03 * defaultCapacityState.baseLoad);
  });
});

describe('the two plans', () => {
  test('elastic capacity never idles more than the peak-sized fleet, in any hour or over the year', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const run = runCapacity(s);
        const fleet = run.peakServers * run.state.unitsPerServer;
        for (let h = 0; h < HOURS; h += 37) expect(run.elastic[h]).toBeLessThanOrEqual(fleet + 1e-9);
        expect(run.elasticPlan.idleUnitHours).toBeLessThanOrEqual(run.peak.idleUnitHours + 1e-6);
      }),
      few,
    );
  });
  test('capacity always covers the load: utilization in (0, 100 %]', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const run = runCapacity(s);
        for (const plan of [run.peak, run.elasticPlan]) {
          expect(plan.utilization).toBeGreaterThan(0);
          expect(plan.utilization).toBeLessThanOrEqual(1 + 1e-12);
          expect(plan.idleUnitHours).toBeGreaterThanOrEqual(-1e-6);
        }
        for (let h = 0; h < HOURS; h += 41)
          expect(run.elastic[h]).toBeGreaterThanOrEqual((run.load[h] ?? 0) - 1e-9);
      }),
      few,
    );
  });
  test('cost is monotonic in either price', () => {
    fc.assert(
      fc.property(stateArb, fc.double({ min: 1, max: 3, noNaN: true }), (s, factor) => {
        const base = runCapacity(s);
        const owned = runCapacity({
          ...base.state,
          ownedServerHourPrice: Math.min(10, base.state.ownedServerHourPrice * factor),
        });
        const demand = runCapacity({
          ...base.state,
          onDemandUnitHourPrice: Math.min(1, base.state.onDemandUnitHourPrice * factor),
        });
        expect(owned.peak.cost).toBeGreaterThanOrEqual(base.peak.cost - 1e-6);
        expect(owned.elasticPlan.cost).toBeGreaterThanOrEqual(base.elasticPlan.cost - 1e-6);
        expect(demand.elasticPlan.cost).toBeGreaterThanOrEqual(base.elasticPlan.cost - 1e-6);
        expect(demand.peak.cost).toBe(base.peak.cost);
      }),
      few,
    );
  });
  test('the fast rented-steps sum equals the hour-by-hour one', () => {
    const run = runCapacity({ granularity: 4, interval: 'day' });
    const need = provisionedNeed(run.load, 'day');
    const rented = rentedSteps(need, 4);
    for (const owned of [0, 3, 17, run.peakServers]) {
      let slow = 0;
      for (const v of need) slow += Math.max(0, Math.ceil(v / 4 - 1e-9) - owned * 8);
      expect(rented(owned * 8)).toBe(slow);
    }
    expect(elasticCost(run.state, rented, 0)).toBeCloseTo(
      runCapacity({ granularity: 4, interval: 'day' }).elasticPlan.cost,
      6,
    );
  });
  test('resizing once a day idles more than every hour', () => {
    expect(runCapacity({ interval: 'day' }).elasticPlan.idleUnitHours).toBeGreaterThan(
      runCapacity({}).elasticPlan.idleUnitHours,
    );
  });
  test('the cheapest number of owned servers is the lowest point of the cost curve', () => {
    const run = runCapacity({});
    const curve = costCurve(run);
    expect(Math.min(...curve.map((p) => p.cost))).toBeCloseTo(run.cheapestOwned.cost, 6);
    expect(run.cheapestOwned.servers).toBeGreaterThan(0);
    expect(run.cheapestOwned.servers).toBeLessThan(run.peakServers);
  });
});

describe('state', () => {
  test('normalising is idempotent and gives states without problems', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const s = normaliseCapacityState(v);
        expect(normaliseCapacityState(s)).toEqual(s);
        expect(capacityStateProblems(s)).toEqual([]);
      }),
    );
  });
  test('problems name the field', () => {
    expect(capacityStateProblems({ granularity: 3, interval: 'week', price: 1 })).toEqual([
      'price: Received "price" / Expected one of "baseLoad", "springPeak", "springWidthDays", "holidays", "holidayPeak", "holidayWidthDays", "unitsPerServer", "granularity", "interval", "ownedServers", "ownedServerHourPrice", "onDemandUnitHourPrice"',
      'granularity: Received 3 / Expected one of 1, 2, 4, 8, 16, 32, 64, 128',
      'interval: Received "week" / Expected one of "hour", "day"',
    ]);
    expect(capacityStateProblems({ unitsPerServer: 16, granularity: 32 })).toEqual([
      'granularity: Received 32 / Expected at most unitsPerServer (16)',
    ]);
  });
});

describe('exercise checks (own the base, rent the peaks)', () => {
  const run = (s: object) =>
    Object.fromEntries(
      Object.entries(capacityChecks).map(([name, check]) => [name, check(s as never).passed]),
    );
  test('the cheapest mix passes; all on demand and the peak fleet do not', () => {
    const best = runCapacity({}).cheapestOwned.servers;
    expect(run({ ownedServers: best })).toEqual({
      capacityHybridCheaper: true,
      capacityHybridCheapest: true,
    });
    expect(run({ ownedServers: 0 })).toEqual({ capacityHybridCheaper: false, capacityHybridCheapest: false });
    expect(run({ ownedServers: runCapacity({}).peakServers })).toEqual({
      capacityHybridCheaper: false,
      capacityHybridCheapest: false,
    });
  });
  test('changing the prices is not an answer', () => {
    const outcome = capacityChecks.capacityHybridCheapest?.({
      ...defaultCapacityState,
      onDemandUnitHourPrice: 0.08,
      ownedServers: 20,
    });
    expect(outcome?.passed).toBe(false);
    expect(outcome?.evidence.en).toContain('onDemandUnitHourPrice');
  });
});
