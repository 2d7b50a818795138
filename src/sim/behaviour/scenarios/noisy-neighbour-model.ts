// The arithmetic behind the noisy-neighbour scenario: proportional-share CPU with floors (reservations) and
// ceilings (demand, caps), and the memory each platform lets the noisy instance take. Pure and exported for
// the scenario, its checks and their tests.

export interface CpuConsumer {
  /** Cores it would use if nothing stopped it (its busy vCPUs or threads). */
  readonly demand: number;
  /** Relative weight (ESXi shares, cpu.weight, --cpu-shares): only compared with the others' weights. */
  readonly weight: number;
  /** Hard cap in cores (ESXi limit, cpu.max); Infinity when none. Applies even when the host is idle. */
  readonly cap: number;
  /** Guaranteed cores when it wants them (ESXi reservation); 0 when none. */
  readonly floor: number;
}

/**
 * Weighted max-min fair share ("water filling"), as proportional-share schedulers converge to under steady
 * contention: every consumer gets clamp(level × weight, floor, min(demand, cap)) for the one level at which
 * the host's cores are used up, or everything it can use when there is enough for all. Weights therefore only
 * matter when the cores run out; a cap binds even on an idle host; an unused floor is left to the others.
 */
export function shareCpu(capacity: number, consumers: readonly CpuConsumer[]): number[] {
  const ceiling = consumers.map((c) => Math.max(0, Math.min(c.demand, c.cap)));
  const floor = consumers.map((c, i) => Math.min(c.floor, ceiling[i] ?? 0));
  const at = (level: number) =>
    consumers.map((c, i) => Math.min(ceiling[i] ?? 0, Math.max(floor[i] ?? 0, level * c.weight)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(ceiling) <= capacity) return ceiling;
  // Bisection on the level: the total is monotonic in it. 200 halvings reach float precision.
  let low = 0;
  let high = 1;
  while (sum(at(high)) < capacity && high < 1e12) high *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (sum(at(mid)) < capacity) low = mid;
    else high = mid;
  }
  return at(high);
}

export const esxiSharesPerVcpu = { low: 500, normal: 1000, high: 2000 } as const;
export type EsxiSharesLevel = keyof typeof esxiSharesPerVcpu;

/**
 * How runc turns Docker's --cpu-shares (cgroup v1 units, [2, 262144], default 1024) into cgroup v2's cpu.weight
 * ([1, 10000], default 100), as in opencontainers/cgroups' ConvertCPUSharesToCgroupV2Value: the linear formula
 * runc used up to 1.3.1, and the formula of runc 1.3.2 and later, which maps 2 → 1, 1024 → 100, 262144 → 10000.
 */
export const cpuWeightFormulas = ['linear', 'quadratic'] as const;
export type CpuWeightFormula = (typeof cpuWeightFormulas)[number];

export function cpuWeightFromShares(shares: number, formula: CpuWeightFormula): number {
  if (formula === 'linear') return 1 + Math.floor(((shares - 2) * 9999) / 262142);
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  // Rounded before the ceiling so that float noise does not turn an exact 100 into 101.
  return Math.ceil(Number((10 ** ((l * l + 125 * l) / 612 - 7 / 34)).toPrecision(12)));
}
