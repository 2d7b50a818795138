// The cluster simulator's model: physical KVM hosts hold node VMs, node VMs hold pods, and two days of load
// (load.ts) arrive at the pods. A deterministic time-stepped simulation in 15-second steps (the HPA's sync
// period) of:
//
// - the Horizontal Pod Autoscaler: desired = ⌈current × measured use ÷ target⌉ with the 10 % tolerance, the
//   default scale-up limit (double or +4 pods per 15 s) and the 300 s scale-down stabilization window. A pod's
//   CPU limit equals its request, so its measured use never passes 100 %: an overloaded service looks only
//   fully busy, and the HPA learns the demand a step at a time. Pods not yet ready count as using nothing.
// - the ReplicaSet: creates pods up to the desired number, deletes pending ones first, then not-ready ones,
//   then ones on the node with the most pods.
// - the scheduler: a pending pod goes to the ready node with the most free CPU that has room for its CPU and
//   memory requests (never beyond a node's allocatable); a pod starts in seconds.
// - the Cluster Autoscaler: adds node VMs for pods nothing has room for (counting nodes still booting), up to
//   the maximum; a new VM boots and joins in minutes, on the physical host with the fewest VMs. It removes a
//   node whose pods' requests stayed below half its CPU and memory for 10 minutes, when they fit elsewhere,
//   once 10 minutes have passed since it last added one.
// - a node failure: the VM stops; the load balancer keeps sending its share for 10 s (lost); its pods still
//   count for the ReplicaSet until they are evicted (50 s + 300 s), then are replaced (placed, or pending);
//   GKE's auto-repair recreates the VM after about 10 minutes.
//
// Everything is a pure function of the state; `inspect` lets tests look at every step.
import { figures, PODS_PER_NODE, STEP_SECONDS } from './figures.ts';
import { DAYS, demandAt, SECONDS } from './load.ts';
import { type ClusterState, normaliseClusterState } from './params.ts';

export type NodePhase = 'booting' | 'ready' | 'failed' | 'repairing';
export type PodPhase = 'pending' | 'starting' | 'running' | 'stranded';

export interface NodeView {
  readonly id: number;
  /** The physical KVM host the VM runs on. */
  readonly host: number;
  readonly phase: NodePhase;
  /** CPU (vCPU) and memory (MiB) requested by the pods placed on it. */
  readonly cpuRequested: number;
  readonly memoryRequested: number;
  readonly cpuAllocatable: number;
  readonly memoryAllocatable: number;
}

export interface PodView {
  readonly id: number;
  /** The node it is placed on; null while pending. */
  readonly node: number | null;
  readonly phase: PodPhase;
}

/** One step as tests see it: after every controller has acted, before the load is served. */
export interface StepView {
  readonly t: number;
  readonly replicas: number;
  readonly nodes: readonly NodeView[];
  readonly pods: readonly PodView[];
}

/** A minute of the two days. */
export interface MinutePoint {
  /** Requests per second arriving, served, dropped for want of ready pods, and lost with the failed node. */
  readonly demand: number;
  readonly served: number;
  readonly dropped: number;
  readonly lost: number;
  /** Requests per second the ready pods can serve at the minute's end. */
  readonly capacity: number;
  /** The HPA's desired replicas, pods running, pods pending (nowhere to go). */
  readonly replicas: number;
  readonly running: number;
  readonly pending: number;
  /** Node VMs that exist (any phase), and of them ready. */
  readonly nodes: number;
  readonly readyNodes: number;
}

export interface FailureReport {
  /** Seconds from the start. */
  readonly at: number;
  readonly node: number;
  readonly host: number;
  /** Pods on the node when it failed. */
  readonly pods: number;
  /** When its pods were evicted and replaced. */
  readonly evictedAt: number;
  /** Pods still on it when they were evicted (fewer than `pods` if the HPA scaled them away first). */
  readonly evicted: number;
  /**
   * Replacements the ReplicaSet made at eviction: one per evicted pod, fewer if the HPA had lowered the replicas
   * meanwhile (`wanted`); of them, how many were placed at once and how many were pending.
   */
  readonly wanted: number;
  readonly replacedPlaced: number;
  readonly replacedPending: number;
  /** When the auto-repaired VM was ready again (undefined: not within the two days). */
  readonly repairedAt: number | undefined;
  /** Requests sent to its pods before the load balancer noticed. */
  readonly lostRequests: number;
}

export interface DayTotals {
  readonly requests: number;
  readonly dropped: number;
  readonly lost: number;
  readonly nodeHours: number;
  readonly peakDemand: number;
  readonly maxReplicas: number;
  readonly maxNodes: number;
  readonly maxPending: number;
  /** Seconds with any request dropped. */
  readonly droppingSeconds: number;
}

/** Where everything is at one moment: the physical hosts' node VMs and the pods on each. */
export interface LayoutPoint {
  readonly t: number;
  readonly nodes: readonly {
    readonly id: number;
    readonly host: number;
    readonly phase: NodePhase;
    /** Pods on it by phase (a failed node's are stranded). */
    readonly running: number;
    readonly starting: number;
    readonly stranded: number;
  }[];
  /** Pods with nowhere to run. */
  readonly pending: number;
}

/** Seconds between two layouts. */
export const LAYOUT_SECONDS = 300;

export interface ClusterRun {
  readonly state: ClusterState;
  readonly minutes: readonly MinutePoint[];
  /** Totals of each day (0: ordinary, 1: peak) and of both. */
  readonly days: readonly DayTotals[];
  readonly total: DayTotals;
  readonly failure: FailureReport | undefined;
  /** Every LAYOUT_SECONDS, after the controllers have acted. */
  readonly layouts: readonly LayoutPoint[];
}

interface SimNode {
  id: number;
  host: number;
  phase: NodePhase;
  readyAt: number;
  pods: number;
  unneededSince: number | undefined;
}

interface SimPod {
  id: number;
  node: SimNode | undefined;
  phase: PodPhase;
  readyAt: number;
}

const POD_CPU = figures.podCpu.value;
const POD_MEMORY = figures.podMemory.value;
const NODE_CPU = figures.nodeCpu.value;
const NODE_MEMORY = figures.nodeMemory.value;
const POD_RPS = figures.podRps.value;

function emptyTotals(): { -readonly [K in keyof DayTotals]: number } {
  return {
    requests: 0,
    dropped: 0,
    lost: 0,
    nodeHours: 0,
    peakDemand: 0,
    maxReplicas: 0,
    maxNodes: 0,
    maxPending: 0,
    droppingSeconds: 0,
  };
}

/** How many pods are in `phase` (a loop, not a filter: this runs 11,520 times a run). */
function count(pods: readonly SimPod[], phase: PodPhase): number {
  let n = 0;
  for (const pod of pods) if (pod.phase === phase) n++;
  return n;
}

function fits(node: SimNode): boolean {
  return (node.pods + 1) * POD_CPU <= NODE_CPU + 1e-9 && (node.pods + 1) * POD_MEMORY <= NODE_MEMORY + 1e-9;
}

export function runCluster(input: unknown, inspect?: (view: StepView) => void): ClusterRun {
  const state = normaliseClusterState(input);
  const dt = STEP_SECONDS;
  const steps = SECONDS / dt;
  const target = state.targetUtilization / 100;
  const nodeBoot = state.nodeBootSeconds;
  const maxVms = figures.hosts.value * figures.vmsPerHost.value;

  const nodes: SimNode[] = [];
  let pods: SimPod[] = [];
  let nextNode = 0;
  let nextPod = 0;

  const hostLoad = () => {
    const load = new Array<number>(figures.hosts.value).fill(0);
    for (const n of nodes) load[n.host] = (load[n.host] ?? 0) + 1;
    return load;
  };
  /** The host with the fewest VMs that has room, or undefined. */
  const pickHost = (except?: SimNode): number | undefined => {
    const load = hostLoad();
    if (except) load[except.host] = (load[except.host] ?? 1) - 1;
    let best: number | undefined;
    load.forEach((count, host) => {
      if (count < figures.vmsPerHost.value && (best === undefined || count < (load[best] ?? 0))) best = host;
    });
    return best;
  };
  const addNode = (phase: NodePhase, readyAt: number): SimNode | undefined => {
    if (nodes.length >= maxVms) return undefined;
    const host = pickHost();
    if (host === undefined) return undefined;
    const node: SimNode = { id: nextNode++, host, phase, readyAt, pods: 0, unneededSince: undefined };
    nodes.push(node);
    return node;
  };

  const desiredFor = (served: number) =>
    Math.min(state.maxReplicas, Math.max(state.minReplicas, Math.ceil(served / (POD_RPS * target) - 1e-9)));

  // Start: midnight of the ordinary day, the cluster settled for its load.
  let replicas = state.hpa ? desiredFor(demandAt(0, state.holidayPeak)) : state.minReplicas;
  const startNodes = state.clusterAutoscaler
    ? Math.min(state.maxNodes, Math.max(state.minNodes, Math.ceil(replicas / PODS_PER_NODE)))
    : state.minNodes;
  for (let i = 0; i < startNodes; i++) addNode('ready', 0);

  const schedule = (t: number) => {
    for (const pod of pods) {
      if (pod.phase !== 'pending') continue;
      let best: SimNode | undefined;
      for (const node of nodes)
        if (node.phase === 'ready' && fits(node) && (!best || node.pods < best.pods)) best = node;
      if (!best) continue;
      best.pods++;
      pod.node = best;
      pod.phase = t === 0 ? 'running' : 'starting';
      pod.readyAt = t + figures.podStart.value;
    }
  };
  const removePod = (pod: SimPod) => {
    if (pod.node) pod.node.pods--;
    pod.node = undefined;
  };
  const reconcile = () => {
    if (pods.length < replicas) {
      while (pods.length < replicas)
        pods.push({ id: nextPod++, node: undefined, phase: 'pending', readyAt: Number.POSITIVE_INFINITY });
    } else if (pods.length > replicas) {
      const rank = (p: SimPod) =>
        p.phase === 'pending' ? 0 : p.phase === 'stranded' ? 1 : p.phase === 'starting' ? 2 : 3;
      const order = [...pods].sort(
        (a, b) => rank(a) - rank(b) || (b.node?.pods ?? 0) - (a.node?.pods ?? 0) || b.id - a.id,
      );
      const drop = new Set(order.slice(0, pods.length - replicas));
      for (const pod of drop) removePod(pod);
      pods = pods.filter((p) => !drop.has(p));
    }
  };
  reconcile();
  schedule(0);

  // The HPA's recommendations of the last window, for scale-down stabilization.
  const recommendations: { t: number; value: number }[] = [];
  let lastScaleUp = Number.NEGATIVE_INFINITY;

  const failAt = state.failure ? state.failureHour * 3600 : Number.POSITIVE_INFINITY;
  let failed: SimNode | undefined;
  let failure:
    | {
        at: number;
        node: number;
        host: number;
        pods: number;
        evictedAt: number;
        evictedPods: number;
        wanted: number;
        replacedPlaced: number;
        replacedPending: number;
        repairedAt: number | undefined;
        lostRequests: number;
        share: number;
        evicted: boolean;
        repairStarted: boolean;
      }
    | undefined;

  const minutes: MinutePoint[] = [];
  const layouts: LayoutPoint[] = [];
  const days = Array.from({ length: DAYS }, emptyTotals);
  const total = emptyTotals();
  let minute = { demand: 0, served: 0, dropped: 0, lost: 0 };

  for (let step = 0; step < steps; step++) {
    const t = step * dt;

    // Nodes that finished booting (or being recreated) become ready.
    for (const node of nodes)
      if ((node.phase === 'booting' || node.phase === 'repairing') && t >= node.readyAt) {
        node.phase = 'ready';
        node.unneededSince = undefined;
        if (failure && node === failed && failure.repairedAt === undefined) failure.repairedAt = t;
      }

    // The failure: the ready node with the most pods stops.
    if (!failure && t >= failAt) {
      let worst: SimNode | undefined;
      for (const node of nodes)
        if (node.phase === 'ready' && (!worst || node.pods > worst.pods)) worst = node;
      if (worst) {
        failed = worst;
        worst.phase = 'failed';
        const serving = pods.filter((p) => p.phase === 'running').length;
        let stranded = 0;
        for (const pod of pods)
          if (pod.node === worst) {
            if (pod.phase === 'running') stranded++;
            pod.phase = 'stranded';
          }
        failure = {
          at: t,
          node: worst.id,
          host: worst.host,
          pods: worst.pods,
          evictedAt: t + figures.nodeGrace.value + figures.unreachableToleration.value,
          evictedPods: 0,
          wanted: 0,
          replacedPlaced: 0,
          replacedPending: 0,
          repairedAt: undefined,
          lostRequests: 0,
          share: serving > 0 ? stranded / serving : 0,
          evicted: false,
          repairStarted: false,
        };
      }
    }
    // Its pods are evicted; the ReplicaSet replaces them below.
    let replacing = 0;
    let survivors = 0;
    let firstNew = 0;
    if (failure && failed && !failure.evicted && t >= failure.evictedAt) {
      failure.evicted = true;
      const gone = pods.filter((p) => p.node === failed);
      replacing = gone.length;
      failure.evictedPods = gone.length;
      for (const pod of gone) removePod(pod);
      pods = pods.filter((p) => !gone.includes(p));
      survivors = pods.length;
      firstNew = nextPod;
    }
    // Auto-repair recreates the VM (on the host with the fewest VMs).
    if (failure && failed && !failure.repairStarted && t >= failure.at + figures.autoRepairDetect.value) {
      failure.repairStarted = true;
      for (const pod of pods) if (pod.node === failed) removePod(pod);
      pods = pods.filter((p) => p.node !== failed || p.phase !== 'stranded');
      failed.host = pickHost(failed) ?? failed.host;
      failed.phase = 'repairing';
      failed.readyAt = t + nodeBoot;
    }

    for (const pod of pods) if (pod.phase === 'starting' && t >= pod.readyAt) pod.phase = 'running';

    // The HPA.
    const demand = demandAt(t + dt / 2, state.holidayPeak);
    const running = count(pods, 'running');
    if (state.hpa) {
      const measured = Math.min(demand, running * POD_RPS);
      const ratio = measured / (replicas * POD_RPS) / target;
      let recommendation =
        Math.abs(ratio - 1) <= figures.hpaTolerance.value / 100 ? replicas : desiredFor(measured);
      recommendations.push({ t, value: recommendation });
      while ((recommendations[0]?.t ?? t) <= t - figures.hpaDownscaleWindow.value) recommendations.shift();
      if (recommendation < replicas)
        recommendation = Math.min(replicas, Math.max(...recommendations.map((r) => r.value)));
      else
        recommendation = Math.min(
          recommendation,
          Math.max(2 * replicas, replicas + figures.hpaScaleUpPolicy.value),
        );
      replicas = Math.min(state.maxReplicas, Math.max(state.minReplicas, recommendation));
    } else replicas = state.minReplicas;

    reconcile();
    schedule(t);
    if (replacing > 0 && failure) {
      // The replacements: the pods this step created, up to one per evicted pod.
      failure.wanted = Math.min(replacing, Math.max(0, replicas - survivors));
      const made = pods.filter((p) => p.id >= firstNew).slice(0, failure.wanted);
      failure.replacedPlaced = made.filter((p) => p.phase !== 'pending').length;
      failure.replacedPending = made.filter((p) => p.phase === 'pending').length;
    }

    // The Cluster Autoscaler.
    const pending = count(pods, 'pending');
    if (state.clusterAutoscaler) {
      let upcoming = 0;
      for (const n of nodes)
        if (n.phase === 'booting' || n.phase === 'repairing') upcoming += PODS_PER_NODE - n.pods;
      if (pending > upcoming) {
        const need = Math.ceil((pending - upcoming) / PODS_PER_NODE);
        const room = state.maxNodes - nodes.length;
        for (let i = 0; i < Math.min(need, room); i++) {
          if (!addNode('booting', t + nodeBoot)) break;
          lastScaleUp = t;
        }
      }
      for (const node of nodes) {
        if (node.phase !== 'ready') continue;
        const used = Math.max((node.pods * POD_CPU) / NODE_CPU, (node.pods * POD_MEMORY) / NODE_MEMORY);
        const unneeded = used < figures.caScaleDownThreshold.value / 100 - 1e-9;
        node.unneededSince = unneeded ? (node.unneededSince ?? t) : undefined;
      }
      const settled = nodes.some(
        (n) => n.unneededSince !== undefined && t - n.unneededSince >= figures.caScaleDownUnneeded.value,
      );
      if (
        settled &&
        pending === 0 &&
        t - lastScaleUp >= figures.caScaleDownDelayAfterAdd.value &&
        nodes.length > state.minNodes
      ) {
        const candidates = nodes
          .filter(
            (n) =>
              n.phase === 'ready' &&
              n.unneededSince !== undefined &&
              t - n.unneededSince >= figures.caScaleDownUnneeded.value,
          )
          .sort((a, b) => a.pods - b.pods || b.id - a.id);
        for (const node of candidates) {
          const room = nodes
            .filter((n) => n !== node && n.phase === 'ready')
            .reduce((sum, n) => sum + PODS_PER_NODE - n.pods, 0);
          if (room < node.pods) continue;
          // Drained: its pods are evicted and recreated by the ReplicaSet, then placed on the others.
          const moved = pods.filter((p) => p.node === node);
          for (const pod of moved) {
            removePod(pod);
            pod.phase = 'pending';
            pod.readyAt = Number.POSITIVE_INFINITY;
          }
          nodes.splice(nodes.indexOf(node), 1);
          schedule(t);
          break;
        }
      }
    }

    if (t % LAYOUT_SECONDS === 0) {
      const byNode = new Map<SimNode, { running: number; starting: number; stranded: number }>();
      let waiting = 0;
      for (const pod of pods) {
        if (!pod.node) {
          waiting++;
          continue;
        }
        const counts = byNode.get(pod.node) ?? { running: 0, starting: 0, stranded: 0 };
        if (pod.phase === 'running' || pod.phase === 'starting' || pod.phase === 'stranded')
          counts[pod.phase]++;
        byNode.set(pod.node, counts);
      }
      layouts.push({
        t,
        nodes: nodes.map((n) => ({
          id: n.id,
          host: n.host,
          phase: n.phase,
          ...(byNode.get(n) ?? { running: 0, starting: 0, stranded: 0 }),
        })),
        pending: waiting,
      });
    }

    inspect?.({
      t,
      replicas,
      nodes: nodes.map((n) => ({
        id: n.id,
        host: n.host,
        phase: n.phase,
        cpuRequested: n.pods * POD_CPU,
        memoryRequested: n.pods * POD_MEMORY,
        cpuAllocatable: NODE_CPU,
        memoryAllocatable: NODE_MEMORY,
      })),
      pods: pods.map((p) => ({ id: p.id, node: p.node?.id ?? null, phase: p.phase })),
    });

    // Serve the step's requests.
    const servingPods = count(pods, 'running');
    const capacity = servingPods * POD_RPS;
    let lost = 0;
    let served: number;
    const window = failure
      ? Math.max(0, Math.min(t + dt, failure.at + figures.healthCheck.value) - Math.max(t, failure.at))
      : 0;
    if (failure && window > 0) {
      lost = demand * failure.share * window;
      served =
        window * Math.min(demand * (1 - failure.share), capacity) +
        (dt - window) * Math.min(demand, capacity);
      failure.lostRequests += lost;
    } else served = dt * Math.min(demand, capacity);
    // What is neither served nor lost; float noise below a thousandth of a request is none.
    const unserved = demand * dt - served - lost;
    const dropped = unserved > 1e-3 ? unserved : 0;

    const day = days[Math.floor(t / 86_400)] ?? total;
    const pendingNow = count(pods, 'pending');
    for (let k = 0; k < 2; k++) {
      const totals = k === 0 ? day : total;
      totals.requests += demand * dt;
      totals.dropped += dropped;
      totals.lost += lost;
      totals.nodeHours += (nodes.length * dt) / 3600;
      totals.peakDemand = Math.max(totals.peakDemand, demand);
      totals.maxReplicas = Math.max(totals.maxReplicas, replicas);
      totals.maxNodes = Math.max(totals.maxNodes, nodes.length);
      totals.maxPending = Math.max(totals.maxPending, pendingNow);
      if (dropped > 1e-6) totals.droppingSeconds += dt;
    }
    minute.demand += demand * dt;
    minute.served += served;
    minute.dropped += dropped;
    minute.lost += lost;
    if ((t + dt) % 60 === 0) {
      minutes.push({
        demand: minute.demand / 60,
        served: minute.served / 60,
        dropped: minute.dropped / 60,
        lost: minute.lost / 60,
        capacity,
        replicas,
        running: servingPods,
        pending: pendingNow,
        nodes: nodes.length,
        readyNodes: nodes.filter((n) => n.phase === 'ready').length,
      });
      minute = { demand: 0, served: 0, dropped: 0, lost: 0 };
    }
  }

  return {
    state,
    minutes,
    days,
    total,
    failure: failure && {
      at: failure.at,
      node: failure.node,
      host: failure.host,
      pods: failure.pods,
      evictedAt: failure.evictedAt,
      evicted: failure.evictedPods,
      wanted: failure.wanted,
      replacedPlaced: failure.replacedPlaced,
      replacedPending: failure.replacedPending,
      repairedAt: failure.repairedAt,
      lostRequests: failure.lostRequests,
    },
    layouts,
  };
}
