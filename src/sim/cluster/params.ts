// The cluster simulator's controls: what the learner changes, with limits, defaults and where each default comes
// from (src/sim/behaviour/types.ts ParamSpec). Values from a URL, storage or an exercise file are clamped by
// `normaliseClusterState`; `clusterStateProblems` names every problem of a state as an exercise file writes it.
import { normalise, paramProblems } from '../behaviour/params.ts';
import type { ParamSpec } from '../behaviour/types.ts';
import { clusterSources as s } from './sources.ts';

export interface ClusterState {
  /** Horizontal Pod Autoscaler on; off: `minReplicas` pods all the time. */
  readonly hpa: boolean;
  /** HPA target: average CPU use as a percentage of the pods' CPU request. */
  readonly targetUtilization: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Cluster Autoscaler on; off: `minNodes` nodes all the time (auto-repair still recreates a failed one). */
  readonly clusterAutoscaler: boolean;
  readonly minNodes: number;
  readonly maxNodes: number;
  /** Seconds from the autoscaler's request until pods can be scheduled on the new node. */
  readonly nodeBootSeconds: number;
  /** Load on the peak day as a multiple of an ordinary day's. */
  readonly holidayPeak: number;
  /** A node fails at `failureHour` (hours from the start of the two days). */
  readonly failure: boolean;
  readonly failureHour: number;
}

export type ClusterParamId = keyof ClusterState;

const assumption = (ja: string, en: string) => ({ kind: 'assumption' as const, reason: { ja, en } });

export const clusterSpecs: readonly (ParamSpec & { readonly id: ClusterParamId })[] = [
  {
    id: 'hpa',
    type: 'boolean',
    default: true,
    label: { ja: 'Pod の自動スケーリング（HPA）', en: 'Pod autoscaling (HPA)' },
    help: {
      ja: 'CPU の使用率が目標に近づくように、Pod の数を 15 秒ごとに増減します。オフにすると最小数のままです。',
      en: 'Every 15 seconds, changes the number of pods so CPU use nears the target. Off: the minimum, always.',
    },
    provenance: {
      kind: 'source',
      source: s['k8s-hpa'],
      where: '“How does a HorizontalPodAutoscaler work?”',
    },
  },
  {
    id: 'targetUtilization',
    type: 'number',
    unit: 'percent',
    min: 20,
    max: 100,
    step: 5,
    default: 70,
    label: { ja: 'HPA の目標 CPU 使用率', en: 'HPA target CPU utilization' },
    help: {
      ja: 'Pod の CPU 要求に対する平均使用率の目標です。低くするほど余裕が増え、ノードも増えます。',
      en: 'Average CPU use as a share of the pods’ request. Lower means more headroom, and more nodes.',
    },
    provenance: assumption(
      'Kubernetes に既定値はありません。70 % は例によく使われる値です。',
      'Kubernetes has no default; 70 % is a value examples often use.',
    ),
  },
  {
    id: 'minReplicas',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 200,
    step: 1,
    default: 3,
    label: { ja: 'Pod の最小数', en: 'Minimum pods' },
    help: {
      ja: 'HPA がこれより減らさない数です。HPA がオフのときは、いつもこの数です。',
      en: 'The HPA never goes below it; with the HPA off, always this many.',
    },
    provenance: assumption(
      'ノード 1 台が止まっても残るように 3 個とした仮定です。',
      'Three, so some survive a node failure: an assumption.',
    ),
  },
  {
    id: 'maxReplicas',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 400,
    step: 1,
    default: 200,
    label: { ja: 'Pod の最大数', en: 'Maximum pods' },
    help: { ja: 'HPA がこれより増やさない数です。', en: 'The HPA never goes above it.' },
    provenance: assumption(
      '繁忙日のピークに足りる数とした仮定です。',
      'Enough for the peak day: an assumption.',
    ),
  },
  {
    id: 'clusterAutoscaler',
    type: 'boolean',
    default: true,
    label: {
      ja: 'ノードの自動スケーリング（Cluster Autoscaler）',
      en: 'Node autoscaling (Cluster Autoscaler)',
    },
    help: {
      ja: '置き場所のない Pod があるとノードの VM を追加し、10 分間あまり使われていないノードを減らします。オフにすると最小数のままです。',
      en: 'Adds node VMs when pods cannot be placed, and removes nodes unneeded for 10 minutes. Off: the minimum, always.',
    },
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where: '“When does Cluster Autoscaler change the size of a cluster?”',
    },
  },
  {
    id: 'minNodes',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 80,
    step: 1,
    default: 2,
    label: { ja: 'ノードの最小数', en: 'Minimum nodes' },
    help: {
      ja: 'Cluster Autoscaler がこれより減らさない数です。オフのときは、いつもこの数です。',
      en: 'The Cluster Autoscaler never goes below it; with it off, always this many.',
    },
    provenance: assumption(
      '夜の少ない負荷に足りる数とした仮定です。',
      'Enough for the night’s light load: an assumption.',
    ),
  },
  {
    id: 'maxNodes',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 80,
    step: 1,
    default: 40,
    label: { ja: 'ノードの最大数', en: 'Maximum nodes' },
    help: {
      ja: 'Cluster Autoscaler がこれより増やさない数です。',
      en: 'The Cluster Autoscaler never goes above it.',
    },
    provenance: assumption(
      '繁忙日のピークに足りる数とした仮定です。',
      'Enough for the peak day: an assumption.',
    ),
  },
  {
    id: 'nodeBootSeconds',
    type: 'number',
    unit: 's',
    min: 30,
    max: 900,
    step: 30,
    default: 210,
    label: { ja: 'ノードの VM が使えるようになるまで', en: 'Time until a new node VM is usable' },
    help: {
      ja: 'VM の作成、起動、クラスターへの参加を合わせた時間です。Pod の起動（秒単位）よりずっと長くかかります。',
      en: 'Creating, booting and joining the cluster together; far longer than a pod’s start in seconds.',
    },
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where:
        '“How fast is HPA when combined with CA?”: on GCE it usually takes 3 to 4 minutes from the request until pods can be scheduled on the new node (here 3.5)',
    },
  },
  {
    id: 'holidayPeak',
    type: 'number',
    unit: 'ratio',
    min: 1,
    max: 8,
    step: 0.5,
    default: 5,
    label: { ja: '繁忙日の負荷（平常日の何倍か）', en: 'Load on the peak day (times an ordinary day)' },
    help: {
      ja: '2 日目は連休前の繁忙日です。第 1 章の容量計画と同じく、春節前のピークを平常日の 5 倍としています。',
      en: 'The second day is the rush before a holiday; as in chapter 1’s planner, the Spring Festival peak is 5 times an ordinary day.',
    },
    provenance: assumption(
      '第 1 章の容量計画の仮定（春節前のピークは平常日の 5 倍）と同じです。',
      'The same assumption as chapter 1’s capacity planner (the Spring Festival peak is 5 times an ordinary day).',
    ),
  },
  {
    id: 'failure',
    type: 'boolean',
    default: true,
    label: { ja: 'ノードを 1 台止める', en: 'Fail one node' },
    help: {
      ja: '指定した時刻に、Pod がいちばん多く載っているノードの VM が止まります。',
      en: 'At the chosen time, the node VM with the most pods stops.',
    },
    provenance: assumption(
      '最も影響が大きいノードが止まる場合を見るための仮定です。',
      'The node whose loss hurts most: an assumption, to see the worst case.',
    ),
  },
  {
    id: 'failureHour',
    type: 'number',
    unit: 'count',
    min: 0,
    max: 47.5,
    step: 0.5,
    default: 32.5,
    label: { ja: 'ノードが止まる時刻（0 時からの時間）', en: 'When the node fails (hours from the start)' },
    help: {
      ja: '0〜24 は平常日、24〜48 は繁忙日です。32.5 は繁忙日の 8 時 30 分で、販売開始の直後です。',
      en: '0–24 is the ordinary day, 24–48 the peak day; 32.5 is 08:30 on the peak day, just after sales open.',
    },
    provenance: assumption(
      '負荷が最も急に増える時刻に止まる場合を見るための仮定です。',
      'When the load rises fastest: an assumption, to see the worst case.',
    ),
  },
];

export const defaultClusterState = Object.fromEntries(
  clusterSpecs.map((spec) => [spec.id, spec.default]),
) as unknown as ClusterState;

/**
 * Any value made into a valid state: missing or bad values take their defaults, numbers are clamped to their
 * range and step; the maxima are raised to the minima when below them.
 */
export function normaliseClusterState(value: unknown): ClusterState {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const state = normalise(clusterSpecs, raw) as unknown as ClusterState;
  return {
    ...state,
    maxReplicas: Math.max(state.maxReplicas, state.minReplicas),
    maxNodes: Math.max(state.maxNodes, state.minNodes),
  };
}

/** Problems with a state as an exercise file writes it: unknown fields, wrong types, off range or step. */
export function clusterStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`: Received ${JSON.stringify(value)} / Expected an object of cluster parameters`];
  const raw = value as Record<string, unknown>;
  const problems = paramProblems(clusterSpecs, raw, '');
  const merged = { ...defaultClusterState, ...raw };
  if (typeof merged.minReplicas === 'number' && typeof merged.maxReplicas === 'number')
    if (merged.maxReplicas < merged.minReplicas)
      problems.push(
        `maxReplicas: Received ${merged.maxReplicas} / Expected at least minReplicas (${merged.minReplicas})`,
      );
  if (typeof merged.minNodes === 'number' && typeof merged.maxNodes === 'number')
    if (merged.maxNodes < merged.minNodes)
      problems.push(
        `maxNodes: Received ${merged.maxNodes} / Expected at least minNodes (${merged.minNodes})`,
      );
  return problems;
}
