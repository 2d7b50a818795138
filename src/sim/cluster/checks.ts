// Named checks over the cluster simulator's state, for `kind: widget` exercises, and the strict validation of a
// state as an exercise file writes it.
import type { CheckOutcome } from '../citation.ts';
import { runCluster } from './model.ts';
import { type ClusterState, clusterStateProblems, defaultClusterState } from './params.ts';

/**
 * Node-hours (both days) the budgeted task allows: the cheapest settings found that drop nothing use about 480
 * (HPA at 50 %, the Cluster Autoscaler on); keeping 40 nodes all the time uses 1,920.
 */
export const NODE_HOURS_BUDGET = 500;

const count = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * The exercise's conditions: the peak day's load, the failure at 08:30 on the peak day, and nodes that take at
 * least the cited 3.5 minutes to become usable (a faster cloud is not the learner's to choose).
 */
function conditionsChanged(state: ClusterState): CheckOutcome | undefined {
  const changed: string[] = [];
  if (state.holidayPeak !== defaultClusterState.holidayPeak) changed.push('holidayPeak');
  if (!state.failure) changed.push('failure');
  if (state.failureHour !== defaultClusterState.failureHour) changed.push('failureHour');
  if (state.nodeBootSeconds < defaultClusterState.nodeBootSeconds) changed.push('nodeBootSeconds');
  if (changed.length === 0) return undefined;
  return {
    passed: false,
    evidence: {
      ja: `演習の条件が変わっています（${changed.join(', ')}）。繁忙日の負荷、ノードが止まる時刻、ノードの VM が使えるまでの時間（${defaultClusterState.nodeBootSeconds} 秒以上）は既定値のままにしてください。`,
      en: `The exercise's conditions have changed (${changed.join(', ')}). Keep the peak day's load, the node failure and its time, and a node boot of at least ${defaultClusterState.nodeBootSeconds} s as they were.`,
    },
  };
}

function peakOutcome(input: ClusterState, budget: number | undefined): CheckOutcome {
  const run = runCluster(input);
  const changed = conditionsChanged(run.state);
  if (changed) return changed;
  const peak = run.days[1];
  if (!peak) throw new Error('the cluster model ran less than two days');
  const dropped = Math.round(peak.dropped);
  const nodeHours = run.total.nodeHours;
  const lost = Math.round(run.failure?.lostRequests ?? 0);
  const noDrops = dropped === 0;
  const withinBudget = budget === undefined || nodeHours <= budget;
  const numbers = {
    ja: `繁忙日に Pod が足りずに処理できなかった要求：${count(dropped)} 件（${count(peak.droppingSeconds)} 秒間）、止まったノードに送られて失われた要求：${count(lost)} 件、ノードの利用：2 日間で ${nodeHours.toFixed(1)} 台時`,
    en: `requests dropped for want of pods on the peak day: ${count(dropped)} (over ${count(peak.droppingSeconds)} s); lost on the failed node: ${count(lost)}; nodes: ${nodeHours.toFixed(1)} node-hours over the two days`,
  };
  const why = !noDrops
    ? { ja: '要求を落としています。', en: 'Requests were dropped.' }
    : !withinBudget
      ? { ja: `ノードの利用が ${budget} 台時を超えています。`, en: `More than ${budget} node-hours.` }
      : {
          ja: budget === undefined ? '要求を落としていません。' : `要求を落とさず、${budget} 台時以内です。`,
          en:
            budget === undefined ? 'No request dropped.' : `No request dropped, within ${budget} node-hours.`,
        };
  return {
    passed: noDrops && withinBudget,
    evidence: { ja: `${numbers.ja}。${why.ja}`, en: `${numbers.en}. ${why.en}` },
  };
}

export const clusterChecks: Readonly<Record<string, (state: ClusterState) => CheckOutcome>> = {
  clusterPeakNoDrops: (state) => peakOutcome(state, undefined),
  clusterPeakWithinBudget: (state) => peakOutcome(state, NODE_HOURS_BUDGET),
};

export type { ClusterState };
export { clusterStateProblems };
