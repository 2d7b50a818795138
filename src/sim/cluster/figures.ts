// The fixed numbers of the cluster model, each a Figure with where it comes from: a cited default of Kubernetes,
// the Cluster Autoscaler or GKE (source + where), an assumption of this model (and why), or a value derived
// from other figures. The learner's controls are in params.ts; these are shown under the widget.
import type { Figure } from '../behaviour/types.ts';
import { clusterSources as s } from './sources.ts';

const assumption = (ja: string, en: string) => ({ kind: 'assumption' as const, reason: { ja, en } });
const derived = (ja: string, en: string) => ({ kind: 'derived' as const, reason: { ja, en } });

/** Seconds per simulation step: the HPA's sync period, so the HPA acts once a step. */
export const STEP_SECONDS = 15;

export const figures = {
  hpaSync: {
    id: 'hpa-sync',
    label: { ja: 'HPA の同期間隔', en: 'HPA sync period' },
    value: 15,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['k8s-hpa'],
      where:
        '“How does a HorizontalPodAutoscaler work?”: --horizontal-pod-autoscaler-sync-period, default 15 seconds',
    },
  },
  hpaTolerance: {
    id: 'hpa-tolerance',
    label: { ja: 'HPA の許容幅', en: 'HPA tolerance' },
    value: 10,
    unit: 'percent',
    provenance: {
      kind: 'source',
      source: s['k8s-hpa'],
      where: '“Algorithm details”: no scaling while the ratio is within the tolerance, default 0.1',
    },
  },
  hpaDownscaleWindow: {
    id: 'hpa-downscale-window',
    label: { ja: 'HPA のスケールダウン安定化期間', en: 'HPA scale-down stabilization window' },
    value: 300,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['k8s-hpa'],
      where:
        '“Stabilization window” and “Default behavior”: scale-down takes the highest recommendation of the last 300 seconds',
    },
  },
  hpaScaleUpPolicy: {
    id: 'hpa-scale-up-policy',
    label: {
      ja: 'HPA が 15 秒で増やせる数（2 倍か 4 個の多いほう）',
      en: 'HPA scale-up limit per 15 s (double, or 4 pods, whichever is more)',
    },
    value: 4,
    unit: 'count',
    provenance: {
      kind: 'source',
      source: s['k8s-hpa'],
      where: '“Default behavior”: scaleUp policies Percent 100 and Pods 4 per 15 seconds, selectPolicy Max',
    },
  },
  caScaleDownUnneeded: {
    id: 'ca-scale-down-unneeded',
    label: { ja: 'ノードを減らすまでの不要時間', en: 'Time a node must be unneeded before removal' },
    value: 600,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where: '“How fast is Cluster Autoscaler?”: scale-down 10 minutes after a node becomes unneeded',
    },
  },
  caScaleDownDelayAfterAdd: {
    id: 'ca-scale-down-delay-after-add',
    label: {
      ja: 'ノードを増やしてから減らし始めるまで',
      en: 'Time after a scale-up before scale-down resumes',
    },
    value: 600,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where: '“What are the parameters to CA?”: scale-down-delay-after-add, default 10 minutes',
    },
  },
  caScaleDownThreshold: {
    id: 'ca-scale-down-threshold',
    label: { ja: '不要とみなす要求の割合', en: 'Requests below which a node is unneeded' },
    value: 50,
    unit: 'percent',
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where:
        '“How does scale-down work?”: the CPU and the memory its pods request are each below 50 % of its allocatable',
    },
  },
  caScaleUpReaction: {
    id: 'ca-scale-up-reaction',
    label: {
      ja: 'Cluster Autoscaler が保留中の Pod に反応するまで',
      en: 'Cluster Autoscaler reaction to pending pods',
    },
    value: 10,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['ca-faq'],
      where:
        '“How fast is Cluster Autoscaler?”: scale-up is considered up to 10 seconds after a pod is unschedulable (here: in the same 15 s step)',
    },
  },
  unreachableToleration: {
    id: 'unreachable-toleration',
    label: {
      ja: '応答しないノードの Pod を退避させるまで',
      en: 'Time before the pods of an unreachable node are evicted',
    },
    value: 300,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['k8s-kube-apiserver'],
      where: '--default-unreachable-toleration-seconds, default 300',
    },
  },
  nodeGrace: {
    id: 'node-grace',
    label: { ja: 'ノードが応答しないと判定されるまで', en: 'Time before a silent node is marked unhealthy' },
    value: 50,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['k8s-kube-controller-manager'],
      where: '--node-monitor-grace-period, default 50s (40s until kubernetes/kubernetes PR 126287, 2024)',
    },
  },
  healthCheck: {
    id: 'health-check',
    label: {
      ja: 'ロードバランサーが止まった Pod に送るのをやめるまで',
      en: 'Time before the load balancer stops sending to dead pods',
    },
    value: 10,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['gcloud-health-checks'],
      where:
        '--check-interval default 5s × --unhealthy-threshold default 2, for a load balancer that health-checks the pods themselves (container-native load balancing); traffic through a Service’s endpoints would reach the dead pods until the node is marked NotReady (node-grace)',
    },
  },
  autoRepairDetect: {
    id: 'auto-repair-detect',
    label: { ja: 'ノード自動修復が始まるまで', en: 'Time before node auto-repair starts' },
    value: 600,
    unit: 's',
    provenance: {
      kind: 'source',
      source: s['gke-auto-repair'],
      where:
        '“Repair criteria”: a node reporting NotReady, or nothing, over about 10 minutes is repaired (its VM recreated)',
    },
  },
  podStart: {
    id: 'pod-start',
    label: { ja: 'Pod が起動して準備完了になるまで', en: 'Pod start until ready' },
    value: 15,
    unit: 's',
    provenance: assumption(
      'イメージがノードにすでにあり、アプリケーションが数秒で準備完了を返すとした仮定です。VM の起動（分単位）との違いを見せるための値です。',
      'The image is already on the node and the application reports ready within seconds: an assumption, to contrast with a VM’s start in minutes.',
    ),
  },
  podCpu: {
    id: 'pod-cpu',
    label: { ja: 'Pod 1 個の CPU 要求', en: 'CPU request of one pod' },
    value: 0.5,
    unit: 'vcpu',
    provenance: assumption(
      'Web アプリケーションの Pod によくある大きさとした仮定です。',
      'A common size for a web application pod: an assumption.',
    ),
  },
  podMemory: {
    id: 'pod-memory',
    label: { ja: 'Pod 1 個のメモリ要求', en: 'Memory request of one pod' },
    value: 1024,
    unit: 'MiB',
    provenance: assumption(
      'Web アプリケーションの Pod によくある大きさとした仮定です。',
      'A common size for a web application pod: an assumption.',
    ),
  },
  podRps: {
    id: 'pod-rps',
    label: {
      ja: 'Pod 1 個が CPU 要求いっぱいで処理できる要求数（毎秒）',
      en: 'Requests per second one pod serves at 100 % of its CPU request',
    },
    value: 100,
    unit: 'requests',
    provenance: assumption(
      '1 要求に 5 ミリ秒の CPU を使うとした仮定です。CPU の上限は要求と同じとし、それ以上は処理できません。',
      'Each request takes 5 ms of CPU: an assumption. The CPU limit equals the request, so a pod serves no more.',
    ),
  },
  nodeCpu: {
    id: 'node-cpu',
    label: {
      ja: 'ノード 1 台の割り当て可能な CPU（e2-standard-4）',
      en: 'Allocatable CPU of one node (e2-standard-4)',
    },
    value: 3.92,
    unit: 'vcpu',
    provenance: {
      kind: 'source',
      source: s['gke-node-sizes'],
      where:
        '“Memory and CPU reservations”: of 4 vCPUs, 6 % of the first core, 1 % of the second, 0.5 % of the next two are reserved (80 m); the page’s example e2-standard-4 node shows allocatable cpu 3920m',
    },
  },
  nodeMemory: {
    id: 'node-memory',
    label: {
      ja: 'ノード 1 台の割り当て可能なメモリ（e2-standard-4）',
      en: 'Allocatable memory of one node (e2-standard-4)',
    },
    value: 13_182,
    unit: 'MiB',
    provenance: {
      kind: 'source',
      source: s['gke-node-sizes'],
      where:
        '“Check your node allocatable resources”: the example e2-standard-4 node shows allocatable memory 13498416Ki (13,182 MiB; the reservation table applied to a nominal 16 GiB gives 13,621, but a VM reports a little less memory than its type’s nominal size)',
    },
  },
  vmsPerHost: {
    id: 'vms-per-host',
    label: { ja: '物理ホスト（KVM）1 台に載るノードの VM', en: 'Node VMs one physical (KVM) host holds' },
    value: 4,
    unit: 'count',
    provenance: assumption(
      'クラウドの利用者には見えない層です。このモデルでは、物理ホスト 1 台に 4 vCPU の VM が 4 台載るとしました。',
      'A layer the cloud’s customer never sees; the model puts four 4-vCPU VMs on each physical host.',
    ),
  },
  hosts: {
    id: 'hosts',
    label: { ja: '使える物理ホスト（KVM）', en: 'Physical (KVM) hosts available' },
    value: 20,
    unit: 'count',
    provenance: assumption(
      'ノードの上限まで VM を置けるだけの物理ホストがあるとした仮定です（クラウドでは、ふつう利用者が足りなさを意識しません）。',
      'Enough physical hosts for the most nodes the cluster may have: an assumption (in a cloud the customer rarely runs out).',
    ),
  },
  baseDemand: {
    id: 'base-demand',
    label: { ja: '平常日の平均の要求数（毎秒）', en: 'Average requests per second on an ordinary day' },
    value: 1000,
    unit: 'requests',
    provenance: assumption(
      '第 1 章の切符販売サイトの平常日を、毎秒 1,000 要求とした仮定です。1 日の形も第 1 章と同じです。',
      'Chapter 1’s ticketing site on an ordinary day at 1,000 requests a second: an assumption; the day’s shape is chapter 1’s.',
    ),
  },
  saleSurge: {
    id: 'sale-surge',
    label: {
      ja: '繁忙日の 8 時に切符の販売が始まったときの上乗せ',
      en: 'Extra load when tickets go on sale at 08:00 on the peak day',
    },
    value: 100,
    unit: 'percent',
    provenance: assumption(
      '販売開始の 8 時から 5 分で要求が倍になり、その後 30 分ほどで引いていくとした仮定です。',
      'From 08:00, when sales open, the load doubles within 5 minutes and ebbs over about 30 minutes: an assumption.',
    ),
  },
} as const satisfies Record<string, Figure>;

/** Pods one node holds: ⌊allocatable CPU ÷ CPU request⌋ (CPU binds before memory). */
export const PODS_PER_NODE = Math.min(
  Math.floor(figures.nodeCpu.value / figures.podCpu.value + 1e-9),
  Math.floor(figures.nodeMemory.value / figures.podMemory.value + 1e-9),
);

export const podsPerNodeFigure: Figure = {
  id: 'pods-per-node',
  label: { ja: 'ノード 1 台に載る Pod', en: 'Pods one node holds' },
  value: PODS_PER_NODE,
  unit: 'count',
  provenance: derived(
    'ノードの割り当て可能な CPU とメモリを、Pod の要求で割った小さいほうです。',
    'The node’s allocatable CPU and memory divided by the pod’s requests, whichever is fewer.',
  ),
};
