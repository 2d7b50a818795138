// The cluster simulator's model: the load, the autoscalers, the failure, and the properties the issue names:
// pods placed never exceed a node's allocatable, a failed node's pods are all rescheduled or reported pending,
// replicas stay within [min, max], and the same state gives the same run. Parameter validation names the field.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clusterChecks, NODE_HOURS_BUDGET } from '../../../../src/sim/cluster/checks.ts';
import { figures, PODS_PER_NODE } from '../../../../src/sim/cluster/figures.ts';
import { demandAt, SALE_OPENS, SECONDS } from '../../../../src/sim/cluster/load.ts';
import { LAYOUT_SECONDS, runCluster, type StepView } from '../../../../src/sim/cluster/model.ts';
import {
  type ClusterState,
  clusterSpecs,
  clusterStateProblems,
  defaultClusterState,
  normaliseClusterState,
} from '../../../../src/sim/cluster/params.ts';

/** Any valid state (each parameter on its range and step). */
const stateArb: fc.Arbitrary<ClusterState> = fc
  .record(
    Object.fromEntries(
      clusterSpecs.map((spec) => [
        spec.id,
        spec.type === 'boolean'
          ? fc.boolean()
          : spec.type === 'number'
            ? fc
                .integer({ min: 0, max: Math.round((spec.max - spec.min) / spec.step) })
                .map((i) => Number((spec.min + i * spec.step).toPrecision(12)))
            : fc.constant(spec.default),
      ]),
    ),
  )
  .map((raw) => normaliseClusterState(raw));

const few = { numRuns: 15 };

describe('the two days of load', () => {
  test('an ordinary day around 1,000 requests a second; the peak day holidayPeak times it, doubled at 08:00', () => {
    let sum = 0;
    for (let t = 0; t < 86_400; t += 60) sum += demandAt(t, 5);
    // The rush starts building at 22:00, so the first day's mean is a little above 1,000.
    expect(sum / 1440).toBeGreaterThan(1000);
    expect(sum / 1440).toBeLessThan(1100);
    expect(demandAt(12 * 3600, 5)).toBeCloseTo(demandAt(12 * 3600, 1), 6);
    expect(demandAt(86_400 + 12 * 3600, 5) / demandAt(12 * 3600, 5)).toBeGreaterThan(4.5);
    const before = demandAt(SALE_OPENS - 1, 5);
    const after = demandAt(SALE_OPENS + 300, 5);
    expect(after / before).toBeGreaterThan(1.9);
    // No jump anywhere: a minute never changes the load by more than the surge's rise allows.
    for (let t = 60; t < SECONDS; t += 60)
      expect(Math.abs(demandAt(t, 8) - demandAt(t - 60, 8))).toBeLessThan(0.25 * demandAt(t, 8) + 50);
  });
});

describe('the defaults', () => {
  const run = runCluster(defaultClusterState);
  test('two days in minutes; the ordinary day is served in full, the sale surge drops requests at a 70 % target', () => {
    expect(run.minutes.length).toBe(2880);
    expect(run.days[0]?.dropped).toBe(0);
    expect(run.days[1]?.dropped ?? 0).toBeGreaterThan(100_000);
    // The drops are in the minutes after 08:00 on the peak day, while node VMs boot.
    const dropping = run.minutes.flatMap((m, i) => (m.dropped > 0 ? [i * 60] : []));
    expect(Math.min(...dropping)).toBeGreaterThanOrEqual(SALE_OPENS);
    expect(Math.max(...dropping)).toBeLessThan(SALE_OPENS + 600);
  });
  test('the failure: the fullest node fails at 08:30, its pods are replaced after 350 s, auto-repair ~10 min + boot', () => {
    const f = run.failure;
    expect(f?.at).toBe(32.5 * 3600);
    expect(f?.pods).toBe(PODS_PER_NODE);
    expect(f?.evictedAt).toBe((f?.at ?? 0) + 350);
    expect(f?.evicted).toBe(f?.pods);
    expect(f?.wanted).toBe(f?.pods);
    expect((f?.replacedPlaced ?? 0) + (f?.replacedPending ?? 0)).toBe(f?.pods);
    expect(f?.repairedAt).toBe((f?.at ?? 0) + 600 + defaultClusterState.nodeBootSeconds);
    expect(f?.lostRequests ?? 0).toBeGreaterThan(0);
  });
  test('a pod starts in seconds, a node in minutes: pending pods appear when the surge outruns the nodes', () => {
    expect(run.days[1]?.maxPending ?? 0).toBeGreaterThan(0);
    expect(figures.podStart.value).toBeLessThan(defaultClusterState.nodeBootSeconds / 10);
  });
});

describe('the autoscalers', () => {
  test('with the HPA off, the pods stay at the minimum; with the Cluster Autoscaler off, the nodes at theirs', () => {
    const run = runCluster({
      hpa: false,
      minReplicas: 30,
      clusterAutoscaler: false,
      minNodes: 6,
      failure: false,
    });
    for (const m of run.minutes) {
      expect(m.replicas).toBe(30);
      expect(m.nodes).toBe(6);
    }
  });
  test('HPA without the Cluster Autoscaler: pods wait for room that never comes, and requests are dropped', () => {
    const run = runCluster({ targetUtilization: 50, clusterAutoscaler: false, minNodes: 10 });
    expect(run.days[1]?.maxPending ?? 0).toBeGreaterThan(50);
    expect(run.days[1]?.dropped ?? 0).toBeGreaterThan(1_000_000);
  });
  test('a slower node boot drops more; a lower target drops less and uses more node-hours', () => {
    const base = runCluster({ targetUtilization: 60 });
    const slow = runCluster({ targetUtilization: 60, nodeBootSeconds: 600 });
    const roomy = runCluster({ targetUtilization: 40 });
    expect(slow.days[1]?.dropped ?? 0).toBeGreaterThan(base.days[1]?.dropped ?? 0);
    expect(roomy.days[1]?.dropped).toBe(0);
    expect(roomy.total.nodeHours).toBeGreaterThan(base.total.nodeHours);
  });
  test('the Cluster Autoscaler removes nodes again when the evening load falls', () => {
    const run = runCluster({ failure: false });
    const at = (hour: number) => run.minutes[hour * 60]?.nodes ?? 0;
    expect(at(34)).toBeGreaterThan(at(47));
  });
});

/** Runs a state and checks `each` on every step. */
function everyStep(state: ClusterState, each: (view: StepView, state: ClusterState) => void): void {
  runCluster(state, (view) => each(view, state));
}

describe('properties', () => {
  test('pods placed never exceed a node’s allocatable CPU or memory; a pending pod has no node', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        everyStep(state, (view) => {
          const placed = new Map<number, number>();
          for (const pod of view.pods) {
            if (pod.phase === 'pending') {
              if (pod.node !== null) throw new Error(`pending pod ${pod.id} on node ${pod.node}`);
            } else if (pod.node === null) throw new Error(`${pod.phase} pod ${pod.id} on no node`);
            else placed.set(pod.node, (placed.get(pod.node) ?? 0) + 1);
          }
          for (const node of view.nodes) {
            const n = placed.get(node.id) ?? 0;
            placed.delete(node.id);
            if (
              node.cpuRequested > node.cpuAllocatable + 1e-9 ||
              node.memoryRequested > node.memoryAllocatable + 1e-9 ||
              Math.abs(n * figures.podCpu.value - node.cpuRequested) > 1e-9 ||
              ((node.phase === 'booting' || node.phase === 'repairing') && n > 0)
            )
              throw new Error(
                `node ${node.id} (${node.phase}) at ${view.t}: ${n} pods, ${node.cpuRequested} CPU`,
              );
          }
          // Every placed pod is on a node that exists.
          if (placed.size > 0) throw new Error(`pods on missing nodes ${[...placed.keys()].join(', ')}`);
        });
      }),
      few,
    );
  }, 300_000);

  test('a failed node’s pods are all rescheduled or reported pending once evicted; none runs on a failed node', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 0, max: 95 }), (raw, half) => {
        const state = normaliseClusterState({ ...raw, failure: true, failureHour: half / 2 });
        const run = runCluster(state);
        const f = run.failure;
        if (!f) return;
        // Every replacement is placed or pending; one per evicted pod unless the HPA lowered the replicas.
        expect(f.evicted).toBeLessThanOrEqual(f.pods);
        expect(f.wanted).toBeLessThanOrEqual(f.evicted);
        expect(f.replacedPlaced + f.replacedPending).toBe(f.wanted);
        everyStep(state, (view) => {
          if (view.t < f.at) return;
          const node = view.nodes.find((n) => n.id === f.node);
          if (node?.phase === 'failed') {
            // Until evicted its pods are stranded (counted, not serving); afterwards there are none.
            const on = view.pods.filter((p) => p.node === f.node);
            if (on.some((p) => p.phase !== 'stranded'))
              throw new Error(`a pod serves on the failed node at ${view.t}`);
            if (view.t >= f.evictedAt && on.length > 0)
              throw new Error(`${on.length} pods left at ${view.t}`);
          }
          // Every pod the ReplicaSet wants exists, placed or pending.
          if (view.t >= f.evictedAt && view.pods.length !== view.replicas)
            throw new Error(`${view.pods.length} pods for ${view.replicas} replicas at ${view.t}`);
        });
      }),
      few,
    );
  }, 300_000);

  test('replicas stay within [min, max]; with the Cluster Autoscaler on, nodes within [min, max]', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const run = runCluster(state);
        for (const m of run.minutes) {
          expect(m.replicas).toBeGreaterThanOrEqual(state.minReplicas);
          expect(m.replicas).toBeLessThanOrEqual(state.maxReplicas);
          expect(m.running + m.pending).toBeLessThanOrEqual(m.replicas);
          if (state.clusterAutoscaler) expect(m.nodes).toBeLessThanOrEqual(state.maxNodes);
          else expect(m.nodes).toBe(state.minNodes);
          expect(m.served + m.dropped + m.lost).toBeCloseTo(m.demand, 6);
          expect(m.served).toBeLessThanOrEqual(m.capacity + 1e-6 + m.demand);
        }
      }),
      few,
    );
  }, 120_000);

  test('deterministic: the same state gives the same run', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(JSON.stringify(runCluster(state))).toBe(JSON.stringify(runCluster({ ...state })));
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});

describe('the layout over time', () => {
  test('every 5 minutes, the same nodes and pods the step shows; VMs spread over hosts, at most 4 a host', () => {
    const views = new Map<number, StepView>();
    const run = runCluster(defaultClusterState, (view) => {
      if (view.t % LAYOUT_SECONDS === 0) views.set(view.t, view);
    });
    expect(run.layouts.length).toBe(SECONDS / LAYOUT_SECONDS);
    for (const layout of run.layouts) {
      const view = views.get(layout.t);
      if (!view) throw new Error(`no step at ${layout.t}`);
      expect(layout.nodes.map((n) => [n.id, n.host, n.phase])).toEqual(
        view.nodes.map((n) => [n.id, n.host, n.phase]),
      );
      const placed = layout.nodes.reduce((sum, n) => sum + n.running + n.starting + n.stranded, 0);
      expect(placed + layout.pending).toBe(view.pods.length);
      const perHost = new Map<number, number>();
      for (const n of layout.nodes) perHost.set(n.host, (perHost.get(n.host) ?? 0) + 1);
      for (const count of perHost.values()) expect(count).toBeLessThanOrEqual(figures.vmsPerHost.value);
      // Spread: no host holds two VMs more than another while one is empty.
      const counts = Array.from({ length: figures.hosts.value }, (_, host) => perHost.get(host) ?? 0);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    }
    // Just after the failure, the failed node's pods are stranded on it.
    const after = run.layouts.find((l) => l.t >= (run.failure?.at ?? 0));
    const failed = after?.nodes.find((n) => n.phase === 'failed');
    expect(failed?.stranded).toBe(PODS_PER_NODE);
  });
});

describe('parameters', () => {
  test('defaults are valid; normalising clamps to range and step and keeps max ≥ min', () => {
    expect(clusterStateProblems(defaultClusterState)).toEqual([]);
    expect(normaliseClusterState({ targetUtilization: 3, maxReplicas: 2, minReplicas: 9 })).toMatchObject({
      targetUtilization: 20,
      minReplicas: 9,
      maxReplicas: 9,
    });
    expect(normaliseClusterState({ hpa: 'yes', nodeBootSeconds: 200 })).toMatchObject({
      hpa: true,
      nodeBootSeconds: 210,
    });
  });
  test('validation names the field and what was expected', () => {
    expect(clusterStateProblems({ targetUtilisation: 50 })[0]).toMatch(
      /^targetUtilisation: Received "targetUtilisation" \/ Expected one of/,
    );
    expect(clusterStateProblems({ targetUtilization: 52 })).toEqual([
      'targetUtilization: Received 52 / Expected a multiple of 5 from 20',
    ]);
    expect(clusterStateProblems({ hpa: 1 })).toEqual(['hpa: Received 1 / Expected true or false']);
    expect(clusterStateProblems({ minNodes: 10, maxNodes: 5 })).toEqual([
      'maxNodes: Received 5 / Expected at least minNodes (10)',
    ]);
    expect(clusterStateProblems([])[0]).toMatch(/^: Received \[\]/);
  });
});

describe('checks', () => {
  test('the exercise’s solution passes both; the defaults fail; fixed big fleets fail only the budget', () => {
    const solution = { ...defaultClusterState, targetUtilization: 50 };
    expect(clusterChecks.clusterPeakNoDrops?.(solution).passed).toBe(true);
    expect(clusterChecks.clusterPeakWithinBudget?.(solution).passed).toBe(true);
    expect(clusterChecks.clusterPeakNoDrops?.(defaultClusterState).passed).toBe(false);
    const fixed = { ...solution, clusterAutoscaler: false, minNodes: 40 };
    expect(clusterChecks.clusterPeakNoDrops?.(fixed).passed).toBe(true);
    const budget = clusterChecks.clusterPeakWithinBudget?.(fixed);
    expect(budget?.passed).toBe(false);
    expect(budget?.evidence.en).toContain(`More than ${NODE_HOURS_BUDGET} node-hours`);
  });
  test('changing the exercise’s conditions fails with the field named', () => {
    const outcome = clusterChecks.clusterPeakNoDrops?.({
      ...defaultClusterState,
      targetUtilization: 50,
      failure: false,
    });
    expect(outcome?.passed).toBe(false);
    expect(outcome?.evidence.en).toContain('failure');
  });
});
