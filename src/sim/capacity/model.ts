// The capacity planner's model: the same year of load served two ways.
//
// - Sized for the peak: N physical servers all year, N = ⌈peak load ÷ units per server⌉, owned.
// - Elastic: the plan owns `ownedServers` (0 = none) and rents on demand, every hour (or once a day, for the
//   day's peak), whatever the load needs beyond them, in steps of `granularity` units.
//
// For each: capacity and used unit-hours, utilization, idle unit- and server-hours, and the year's cost.
// Because a step is a divisor of a server (params.ts) and the elastic plan never owns more than N servers, the
// elastic plan's capacity is never above the peak fleet's in any hour, so it never idles more (a property
// the unit tests check).
import { DAYS, HOURS, hourlyLoad } from './load.ts';
import { type CapacityState, normaliseCapacityState } from './params.ts';

export interface PlanResult {
  /** Unit-hours of capacity over the year. */
  readonly capacityUnitHours: number;
  /** Unit-hours of load served (the same for both plans). */
  readonly usedUnitHours: number;
  /** used ÷ capacity, 0–1. */
  readonly utilization: number;
  readonly idleUnitHours: number;
  /** Idle unit-hours in server-hours (÷ units per server). */
  readonly idleServerHours: number;
  /** The year's cost, USD. */
  readonly cost: number;
  /** Servers owned all year. */
  readonly ownedServers: number;
  /** The most units rented on demand in any hour. */
  readonly peakOnDemandUnits: number;
}

export interface DayPoint {
  /** The day's highest hourly load. */
  readonly loadMax: number;
  /** The day's average load. */
  readonly loadMean: number;
  /** The elastic plan's highest capacity that day. */
  readonly elasticMax: number;
}

export interface CapacityRun {
  readonly state: CapacityState;
  readonly load: Float64Array;
  /** The elastic plan's capacity, hour by hour. */
  readonly elastic: Float64Array;
  readonly peakLoad: number;
  readonly meanLoad: number;
  /** Hour of the year with the highest load. */
  readonly peakHour: number;
  /** Servers of the fleet sized for the peak. */
  readonly peakServers: number;
  readonly peak: PlanResult;
  readonly elasticPlan: PlanResult;
  readonly days: readonly DayPoint[];
  /** The cheapest number of owned servers for the elastic plan (the lowest, if several tie), and its cost. */
  readonly cheapestOwned: { readonly servers: number; readonly cost: number };
}

/** The load the elastic plan provisions for in each hour: the hour's own, or the day's peak. */
export function provisionedNeed(load: Float64Array, interval: CapacityState['interval']): Float64Array {
  if (interval === 'hour') return load;
  const need = new Float64Array(load.length);
  for (let day = 0; day < load.length / 24; day++) {
    let max = 0;
    for (let h = day * 24; h < day * 24 + 24; h++) max = Math.max(max, load[h] ?? 0);
    need.fill(max, day * 24, day * 24 + 24);
  }
  return need;
}

/**
 * Rented steps over the year as a function of owned servers, in O(log H) per query: with the need of each
 * hour in steps r_h = ⌈need_h ÷ g⌉ and k = units per server ÷ g steps per owned server, owning b servers
 * leaves Σ max(0, r_h − b·k) steps to rent (exact, because g divides a server).
 */
export function rentedSteps(need: Float64Array, granularity: number): (ownedSteps: number) => number {
  const steps = Array.from(need, (v) => Math.ceil(v / granularity - 1e-9)).sort((a, b) => a - b);
  // suffix[i] = Σ steps[i..]
  const suffix = new Float64Array(steps.length + 1);
  for (let i = steps.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] ?? 0) + (steps[i] ?? 0);
  return (owned) => {
    // First index with steps > owned.
    let lo = 0;
    let hi = steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((steps[mid] ?? 0) > owned) hi = mid;
      else lo = mid + 1;
    }
    return (suffix[lo] ?? 0) - owned * (steps.length - lo);
  };
}

function plan(
  capacity: (h: number) => number,
  load: Float64Array,
  unitsPerServer: number,
  cost: number,
  ownedServers: number,
): PlanResult {
  let capacityUnitHours = 0;
  let usedUnitHours = 0;
  let peakOnDemandUnits = 0;
  for (let h = 0; h < HOURS; h++) {
    const c = capacity(h);
    capacityUnitHours += c;
    usedUnitHours += load[h] ?? 0;
    peakOnDemandUnits = Math.max(peakOnDemandUnits, c - ownedServers * unitsPerServer);
  }
  const idleUnitHours = capacityUnitHours - usedUnitHours;
  return {
    capacityUnitHours,
    usedUnitHours,
    utilization: capacityUnitHours > 0 ? usedUnitHours / capacityUnitHours : 0,
    idleUnitHours,
    idleServerHours: idleUnitHours / unitsPerServer,
    cost,
    ownedServers,
    peakOnDemandUnits,
  };
}

/** The year's cost of the elastic plan owning `owned` servers. */
export function elasticCost(
  state: CapacityState,
  rented: (ownedSteps: number) => number,
  owned: number,
): number {
  const perServer = state.unitsPerServer / state.granularity;
  return (
    owned * HOURS * state.ownedServerHourPrice +
    rented(owned * perServer) * state.granularity * state.onDemandUnitHourPrice
  );
}

export function runCapacity(input: unknown): CapacityRun {
  const first = normaliseCapacityState(input);
  const load = hourlyLoad(first);
  let peakLoad = 0;
  let peakHour = 0;
  let total = 0;
  for (let h = 0; h < HOURS; h++) {
    const v = load[h] ?? 0;
    total += v;
    if (v > peakLoad) {
      peakLoad = v;
      peakHour = h;
    }
  }
  const peakServers = Math.ceil(peakLoad / first.unitsPerServer - 1e-9);
  const state = normaliseCapacityState(first, peakServers);
  const { unitsPerServer: units, granularity: g } = state;

  const need = provisionedNeed(load, state.interval);
  const ownedUnits = state.ownedServers * units;
  const elastic = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    const extra = Math.max(0, (need[h] ?? 0) - ownedUnits);
    elastic[h] = ownedUnits + Math.ceil(extra / g - 1e-9) * g;
  }
  const rented = rentedSteps(need, g);

  const peak = plan(
    () => peakServers * units,
    load,
    units,
    peakServers * HOURS * state.ownedServerHourPrice,
    peakServers,
  );
  const elasticPlan = plan(
    (h) => elastic[h] ?? 0,
    load,
    units,
    elasticCost(state, rented, state.ownedServers),
    state.ownedServers,
  );

  let cheapest = { servers: 0, cost: Number.POSITIVE_INFINITY };
  for (let b = 0; b <= peakServers; b++) {
    const cost = elasticCost(state, rented, b);
    if (cost < cheapest.cost - 1e-9) cheapest = { servers: b, cost };
  }

  const days: DayPoint[] = [];
  for (let d = 0; d < DAYS; d++) {
    let loadMax = 0;
    let sum = 0;
    let elasticMax = 0;
    for (let h = d * 24; h < d * 24 + 24; h++) {
      loadMax = Math.max(loadMax, load[h] ?? 0);
      sum += load[h] ?? 0;
      elasticMax = Math.max(elasticMax, elastic[h] ?? 0);
    }
    days.push({ loadMax, loadMean: sum / 24, elasticMax });
  }

  return {
    state,
    load,
    elastic,
    peakLoad,
    meanLoad: total / HOURS,
    peakHour,
    peakServers,
    peak,
    elasticPlan,
    days,
    cheapestOwned: cheapest,
  };
}

/** The year's cost of the elastic plan for each number of owned servers from 0 to the peak fleet (sampled). */
export function costCurve(run: CapacityRun, points = 40): { owned: number; cost: number }[] {
  const need = provisionedNeed(run.load, run.state.interval);
  const rented = rentedSteps(need, run.state.granularity);
  const n = run.peakServers;
  const owned = new Set<number>([0, n, run.cheapestOwned.servers, run.state.ownedServers]);
  for (let i = 0; i <= points; i++) owned.add(Math.round((n * i) / points));
  return [...owned]
    .filter((b) => b >= 0 && b <= n)
    .sort((a, b) => a - b)
    .map((b) => ({ owned: b, cost: elasticCost(run.state, rented, b) }));
}

/** Months of 2025 by their first day, for the chart's table. */
export const monthStarts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365] as const;

export interface MonthRow {
  readonly month: number;
  readonly loadMax: number;
  readonly elasticMax: number;
  readonly peakFleet: number;
}

export function monthRows(run: CapacityRun): MonthRow[] {
  return monthStarts.slice(0, 12).map((start, m) => {
    const days = run.days.slice(start, monthStarts[m + 1]);
    return {
      month: m + 1,
      loadMax: Math.max(...days.map((d) => d.loadMax)),
      elasticMax: Math.max(...days.map((d) => d.elasticMax)),
      peakFleet: run.peakServers * run.state.unitsPerServer,
    };
  });
}

/** The 14 days around the year's peak hour, for the hour-by-hour chart. */
export function busiestFortnight(run: CapacityRun): { start: number; end: number } {
  const peakDay = Math.floor(run.peakHour / 24);
  const startDay = Math.min(DAYS - 14, Math.max(0, peakDay - 10));
  return { start: startDay * 24, end: (startDay + 14) * 24 };
}
