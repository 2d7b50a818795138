// The arithmetic of the consolidation scenario, apart from its texts so checks can use it: per-instance memory
// and CPU per lane, usable cluster capacity after HA headroom, whether the mix fits, and how many instances of
// this mix fit. Memory in MiB, CPU in cores; floats compared with a small tolerance.
import type { LaneId, Params } from '../types.ts';

export const workloadKinds = ['web', 'db', 'cache'] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

/** Per instance: memory the app itself uses, vCPUs a VM of it is given, cores it uses on average. */
export const workloads: Readonly<Record<WorkloadKind, { appMiB: number; vcpus: number; cores: number }>> = {
  web: { appMiB: 1024, vcpus: 2, cores: 0.25 },
  db: { appMiB: 8192, vcpus: 4, cores: 2 },
  cache: { appMiB: 4096, vcpus: 2, cores: 0.5 },
};

const EPS = 1e-9;

export type FitStatus = 'fits' | 'swaps' | 'no';
export type Limit = 'memory' | 'cpu' | 'vcpu' | 'none';

export interface LaneFit {
  readonly lane: LaneId;
  readonly instances: number;
  /** Memory one instance of each kind costs on this lane, after page sharing. */
  readonly perInstanceMiB: Readonly<Record<WorkloadKind, number>>;
  readonly sharingSavedMiB: number;
  readonly demandMiB: number;
  readonly demandCores: number;
  /** 0 for the container lane (no vCPUs). */
  readonly demandVcpus: number;
  readonly usableMiB: number;
  readonly usableCores: number;
  /** vCPUs the lane admits (usable cores × vCPUs per core); Infinity for containers. */
  readonly usableVcpus: number;
  /** Memory the platform admits when memory is overcommitted (VM lanes), equal to usableMiB otherwise. */
  readonly admittedMiB: number;
  readonly status: FitStatus;
  readonly limit: Limit;
  /** Instances of this mix (same proportions) that fit without swapping; 0 for an empty mix. */
  readonly density: number;
}

export interface ConsolidationResult {
  readonly hostsUsable: number;
  readonly reservedFraction: number;
  readonly lanes: Readonly<Record<LaneId, LaneFit>>;
}

const n = (p: Params, id: string) => p[id] as number;

function sharingOn(p: Params, lane: LaneId): boolean {
  return (lane === 'esxi' && p.esxiTps === true) || (lane === 'kvm' && p.kvmKsm === true);
}

/** `p` must be normalised. */
export function consolidation(p: Params): ConsolidationResult {
  const hosts = n(p, 'hosts');
  const ha = p.haHeadroom === true;
  // Admission control keeps one host's worth of capacity free when one failure must be tolerated.
  const reservedFraction = ha ? 1 / hosts : 0;
  const hostMiB = (n(p, 'hostRamGiB') - n(p, 'hostReserveGiB')) * 1024;
  const usableMiB = hosts * hostMiB * (1 - reservedFraction);
  const usableCores = hosts * n(p, 'hostCores') * (1 - reservedFraction);
  const counts = Object.fromEntries(workloadKinds.map((k) => [k, n(p, `${k}Count`)])) as Record<
    WorkloadKind,
    number
  >;
  const instances = workloadKinds.reduce((sum, k) => sum + counts[k], 0);

  const lane = (id: LaneId): LaneFit => {
    const vm = id !== 'docker';
    const saved = vm && sharingOn(p, id) ? (n(p, 'guestOsMiB') * n(p, 'pageSharingPercent')) / 100 : 0;
    const extra = vm ? n(p, 'guestOsMiB') + n(p, 'vmOverheadMiB') - saved : n(p, 'containerOverheadMiB');
    const perInstanceMiB = Object.fromEntries(
      workloadKinds.map((k) => [k, workloads[k].appMiB + extra]),
    ) as Record<WorkloadKind, number>;
    const demandMiB = workloadKinds.reduce((s, k) => s + counts[k] * perInstanceMiB[k], 0);
    const demandCores = workloadKinds.reduce((s, k) => s + counts[k] * workloads[k].cores, 0);
    const demandVcpus = vm ? workloadKinds.reduce((s, k) => s + counts[k] * workloads[k].vcpus, 0) : 0;
    const usableVcpus = vm ? usableCores * n(p, 'vcpuPerCore') : Number.POSITIVE_INFINITY;
    const admittedMiB = vm ? (usableMiB * n(p, 'vmMemOvercommitPercent')) / 100 : usableMiB;
    const ratio = (demand: number, capacity: number) =>
      demand <= EPS ? 0 : capacity <= EPS ? Number.POSITIVE_INFINITY : demand / capacity;
    const cpuRatio = ratio(demandCores, usableCores);
    const vcpuRatio = vm ? ratio(demandVcpus, usableVcpus) : 0;
    const ratios: [Limit, number][] = [
      ['memory', ratio(demandMiB, usableMiB)],
      ['cpu', cpuRatio],
      ['vcpu', vcpuRatio],
    ];
    const [limitName, worst] = ratios.reduce((a, b) => (b[1] > a[1] + EPS ? b : a));
    const memOk = demandMiB <= usableMiB + EPS;
    const cpuOk = cpuRatio <= 1 + EPS && vcpuRatio <= 1 + EPS;
    const admitted = demandMiB <= admittedMiB + EPS;
    const status: FitStatus = memOk && cpuOk ? 'fits' : cpuOk && admitted ? 'swaps' : 'no';
    const density =
      instances === 0 || !Number.isFinite(worst)
        ? 0
        : worst <= EPS
          ? instances
          : Math.floor(instances / worst + EPS);
    return {
      lane: id,
      instances,
      perInstanceMiB,
      sharingSavedMiB: saved,
      demandMiB,
      demandCores,
      demandVcpus,
      usableMiB,
      usableCores,
      usableVcpus,
      admittedMiB,
      status,
      limit: instances === 0 ? 'none' : limitName,
      density,
    };
  };
  return {
    hostsUsable: ha ? hosts - 1 : hosts,
    reservedFraction,
    lanes: { esxi: lane('esxi'), kvm: lane('kvm'), docker: lane('docker') },
  };
}
