// The cluster simulator's words, in both languages. The component embeds the page's language as JSON.
import type { ClusterParamId } from '../../../sim/cluster/params.ts';
import type { ChartStrings } from '../chart/chart.ts';

export interface ClusterStrings {
  title: string;
  loading: string;
  loadFailed: string;
  intro: string;
  groups: { pods: string; nodes: string; load: string };
  params: Record<ClusterParamId, { label: string; unit: string }>;
  on: string;
  assumption: string;
  source: string;
  derived: string;
  summaryCaption: string;
  metric: string;
  ordinaryDay: string;
  peakDay: string;
  rows: {
    requests: string;
    dropped: string;
    lost: string;
    nodeHours: string;
    maxReplicas: string;
    maxNodes: string;
    maxPending: string;
  };
  /** The spoken summary after every change. */
  verdict: string;
  verdictNoDrops: string;
  verdictDrops: string;
  failureLine: string;
  failureRepaired: string;
  failureNotRepaired: string;
  noFailure: string;
  requestsUnit: string;
  nodeHoursUnit: string;
  minutesUnit: string;
  charts: {
    loadTitle: string;
    loadCaption: string;
    podsTitle: string;
    podsCaption: string;
    nodesTitle: string;
    nodesCaption: string;
    time: string;
    demand: string;
    capacity: string;
    dropped: string;
    replicas: string;
    running: string;
    pending: string;
    nodes: string;
    readyNodes: string;
    failure: string;
    saleOpens: string;
  };
  chart: ChartStrings;
  dayLabel: [string, string];
  figuresTitle: string;
  layers: string;
  layout: {
    title: string;
    time: string;
    summary: string;
    host: string;
    node: string;
    phases: { booting: string; ready: string; failed: string; repairing: string };
    legendRunning: string;
    legendStarting: string;
    legendStranded: string;
    legendFree: string;
    otherHosts: string;
    jumpSale: string;
    jumpFailure: string;
  };
  liveMigration: string;
  /** A figure's value with its unit ({n}: the number). */
  units: { s: string; percent: string; count: string; requests: string; vcpu: string; MiB: string };
}

export const clusterStrings: Record<'ja' | 'en', ClusterStrings> = {
  ja: {
    title: 'クラスターシミュレーター：Pod とノードの自動スケーリング',
    loading: 'クラスターシミュレーターを読み込んでいます…',
    loadFailed: 'クラスターシミュレーターを読み込めませんでした（{message}）。',
    intro:
      '物理ホスト（KVM）の上でノードの VM が動き、ノードの上で Pod が動きます。第 1 章の切符販売サイトの 2 日間（平常日と、連休前の繁忙日）を 15 秒刻みで再現します。Pod は数秒で起動しますが、ノードの VM は数分かかります。',
    groups: { pods: 'Pod の自動スケーリング（HPA）', nodes: 'ノードの自動スケーリングと障害', load: '負荷' },
    params: {
      hpa: { label: 'Pod の自動スケーリング（HPA）', unit: '' },
      targetUtilization: { label: 'HPA の目標 CPU 使用率', unit: '%' },
      minReplicas: { label: 'Pod の最小数', unit: '個' },
      maxReplicas: { label: 'Pod の最大数', unit: '個' },
      clusterAutoscaler: { label: 'ノードの自動スケーリング（Cluster Autoscaler）', unit: '' },
      minNodes: { label: 'ノードの最小数', unit: '台' },
      maxNodes: { label: 'ノードの最大数', unit: '台' },
      nodeBootSeconds: { label: '新しいノードの VM が使えるまで', unit: '秒' },
      holidayPeak: { label: '繁忙日の負荷', unit: '倍（平常日比）' },
      failure: { label: 'ノードを 1 台止める', unit: '' },
      failureHour: { label: 'ノードが止まる時刻', unit: '時間後（0 時から）' },
    },
    on: '使う',
    assumption: '仮定',
    source: '出典',
    derived: '計算',
    summaryCaption: '2 日間の結果',
    metric: '項目',
    ordinaryDay: '1 日目（平常日）',
    peakDay: '2 日目（繁忙日）',
    rows: {
      requests: '届いた要求',
      dropped: 'Pod が足りずに処理できなかった要求',
      lost: '止まったノードに送られて失われた要求',
      nodeHours: 'ノードの VM の利用時間',
      maxReplicas: 'Pod の最大数（HPA の目標）',
      maxNodes: 'ノードの最大数',
      maxPending: '置き場所のない Pod の最大数',
    },
    verdict:
      '繁忙日：要求 {requests} 件のうち、Pod が足りずに処理できなかったのは {dropped} 件（{seconds} 秒間）です。ノードの利用は 2 日間で {nodeHours} 台時です。',
    verdictNoDrops: '繁忙日も、Pod が足りずに要求を落とすことはありませんでした。',
    verdictDrops: '繁忙日に、Pod が足りずに要求を落としました。',
    failureLine:
      '{time} にノード {node}（物理ホスト {host}）が止まり、Pod {pods} 個が失われました。ロードバランサーが気づくまでに {lost} 件の要求が失われました。{evicted} に代わりの Pod が作られ、{placed} 個はすぐに置かれ、{pending} 個は置き場所を待ちました。',
    failureRepaired: 'ノード自動修復で VM が作り直され、{time} に使えるようになりました。',
    failureNotRepaired: 'ノード自動修復は 2 日間のうちに終わりませんでした。',
    noFailure: 'ノードの障害はありません。',
    requestsUnit: '{n} 件',
    nodeHoursUnit: '{n} 台時',
    minutesUnit: '{n} 分',
    charts: {
      loadTitle: '要求と処理能力（毎秒の要求数）',
      loadCaption: '1 時間ごとの最大（毎秒の要求数）',
      podsTitle: 'Pod の数',
      podsCaption: '1 時間ごとの最大（個）',
      nodesTitle: 'ノードの数',
      nodesCaption: '1 時間ごとの最大（台）',
      time: '時刻',
      demand: '届いた要求',
      capacity: '準備のできた Pod が処理できる量',
      dropped: '処理できなかった要求',
      replicas: 'HPA の目標',
      running: '動いている Pod',
      pending: '置き場所のない Pod',
      nodes: 'ノードの VM（起動中を含む）',
      readyNodes: '使えるノード',
      failure: 'ノード障害',
      saleOpens: '販売開始',
    },
    chart: {
      showTable: '表で見る',
      hideTable: '表を隠す',
      chartLoading: 'グラフを読み込んでいます…',
      notApplicable: '—',
      step: '',
      start: '',
      duration: '',
      lanes: '',
    },
    dayLabel: ['1 日目', '2 日目'],
    figuresTitle: 'モデルの数値と出典',
    layers:
      '物理ホスト {hosts} 台（1 台に VM {vms} 台）→ ノードの VM（e2-standard-4、Pod {pods} 個まで）→ Pod（CPU 0.5、メモリ 1 GiB）',
    layout: {
      title: 'ある時刻の配置：物理ホスト → ノードの VM → Pod',
      time: '時刻',
      summary:
        '{time}：物理ホスト {hosts} 台の上にノードの VM が {nodes} 台あります（使える {ready}、起動中 {booting}、停止 {failed}、作り直し中 {repairing}）。Pod は動作中 {running} 個、起動中 {starting} 個、停止したノード上 {stranded} 個、置き場所なし {pending} 個です。',
      host: '物理ホスト {n}',
      node: 'ノード {n}',
      phases: { booting: '起動中', ready: '使える', failed: '停止', repairing: '作り直し中' },
      legendRunning: '動作中の Pod',
      legendStarting: '起動中の Pod',
      legendStranded: '停止したノード上の Pod',
      legendFree: '空き',
      otherHosts: 'ほかの物理ホスト {n} 台には、この時刻、このクラスターの VM はありません。',
      jumpSale: '販売開始の 10 分後',
      jumpFailure: 'ノード障害の直後',
    },
    units: {
      s: '{n} 秒',
      percent: '{n} %',
      count: '{n}',
      requests: '{n} 件',
      vcpu: '{n} vCPU',
      MiB: '{n} MiB',
    },
    liveMigration:
      '物理ホストの保守では、Compute Engine は VM を同じゾーンの別のホストへライブマイグレーションするので、ノードは止まりません。ハードウェアが完全に壊れたときは VM が終了し、自動的に再起動されます。ここで止めるのは、VM そのものが応答しなくなる障害です。',
  },
  en: {
    title: 'Cluster simulator: autoscaling pods and nodes',
    loading: 'Loading the cluster simulator…',
    loadFailed: 'The cluster simulator could not be loaded ({message}).',
    intro:
      'Node VMs run on physical (KVM) hosts, and pods run on the nodes. Two days of chapter 1’s ticketing site (an ordinary day, then the rush before a holiday) in 15-second steps. A pod starts in seconds; a node VM takes minutes.',
    groups: { pods: 'Pod autoscaling (HPA)', nodes: 'Node autoscaling and failure', load: 'Load' },
    params: {
      hpa: { label: 'Pod autoscaling (HPA)', unit: '' },
      targetUtilization: { label: 'HPA target CPU utilization', unit: '%' },
      minReplicas: { label: 'Minimum pods', unit: 'pods' },
      maxReplicas: { label: 'Maximum pods', unit: 'pods' },
      clusterAutoscaler: { label: 'Node autoscaling (Cluster Autoscaler)', unit: '' },
      minNodes: { label: 'Minimum nodes', unit: 'nodes' },
      maxNodes: { label: 'Maximum nodes', unit: 'nodes' },
      nodeBootSeconds: { label: 'Time until a new node VM is usable', unit: 's' },
      holidayPeak: { label: 'Load on the peak day', unit: '× an ordinary day' },
      failure: { label: 'Fail one node', unit: '' },
      failureHour: { label: 'When the node fails', unit: 'hours from the start' },
    },
    on: 'on',
    assumption: 'assumption',
    source: 'source',
    derived: 'derived',
    summaryCaption: 'The two days',
    metric: 'Measure',
    ordinaryDay: 'Day 1 (ordinary)',
    peakDay: 'Day 2 (peak)',
    rows: {
      requests: 'Requests arriving',
      dropped: 'Requests dropped for want of pods',
      lost: 'Requests lost on the failed node',
      nodeHours: 'Node VM time',
      maxReplicas: 'Most pods (HPA target)',
      maxNodes: 'Most nodes',
      maxPending: 'Most pods with nowhere to run',
    },
    verdict:
      'Peak day: of {requests} requests, {dropped} were dropped for want of pods (over {seconds} s). Nodes: {nodeHours} node-hours over the two days.',
    verdictNoDrops: 'Even on the peak day, no request was dropped for want of pods.',
    verdictDrops: 'On the peak day, requests were dropped for want of pods.',
    failureLine:
      'At {time}, node {node} (physical host {host}) failed with {pods} pods; {lost} requests sent to it were lost before the load balancer noticed. At {evicted} its pods were replaced: {placed} placed at once, {pending} waiting for room.',
    failureRepaired: 'Node auto-repair recreated the VM; it was usable again at {time}.',
    failureNotRepaired: 'Node auto-repair did not finish within the two days.',
    noFailure: 'No node fails.',
    requestsUnit: '{n} requests',
    nodeHoursUnit: '{n} node-hours',
    minutesUnit: '{n} min',
    charts: {
      loadTitle: 'Requests and capacity (requests per second)',
      loadCaption: 'Highest in each hour (requests per second)',
      podsTitle: 'Pods',
      podsCaption: 'Highest in each hour (pods)',
      nodesTitle: 'Nodes',
      nodesCaption: 'Highest in each hour (nodes)',
      time: 'Time',
      demand: 'Requests arriving',
      capacity: 'What the ready pods can serve',
      dropped: 'Requests dropped',
      replicas: 'HPA target',
      running: 'Pods running',
      pending: 'Pods with nowhere to run',
      nodes: 'Node VMs (booting included)',
      readyNodes: 'Nodes ready',
      failure: 'node failure',
      saleOpens: 'sales open',
    },
    chart: {
      showTable: 'Show as a table',
      hideTable: 'Hide the table',
      chartLoading: 'Loading the chart…',
      notApplicable: '—',
      step: '',
      start: '',
      duration: '',
      lanes: '',
    },
    dayLabel: ['Day 1', 'Day 2'],
    figuresTitle: 'The model’s numbers and their sources',
    layers:
      '{hosts} physical hosts ({vms} VMs each) → node VMs (e2-standard-4, up to {pods} pods) → pods (0.5 CPU, 1 GiB)',
    layout: {
      title: 'Where everything runs: physical hosts → node VMs → pods',
      time: 'Time',
      summary:
        '{time}: {nodes} node VMs on {hosts} physical hosts ({ready} ready, {booting} booting, {failed} failed, {repairing} being recreated). Pods: {running} running, {starting} starting, {stranded} on a failed node, {pending} with nowhere to run.',
      host: 'Host {n}',
      node: 'Node {n}',
      phases: { booting: 'booting', ready: 'ready', failed: 'failed', repairing: 'being recreated' },
      legendRunning: 'pod running',
      legendStarting: 'pod starting',
      legendStranded: 'pod on a failed node',
      legendFree: 'free',
      otherHosts: 'The other {n} physical hosts hold none of this cluster’s VMs at this time.',
      jumpSale: '10 minutes after sales open',
      jumpFailure: 'Just after the node failure',
    },
    units: {
      s: '{n} s',
      percent: '{n} %',
      count: '{n}',
      requests: '{n} requests',
      vcpu: '{n} vCPU',
      MiB: '{n} MiB',
    },
    liveMigration:
      'For host maintenance, Compute Engine live-migrates VMs to another host in the same zone, so the node keeps running; when the hardware fails outright, the VM terminates and restarts automatically. The failure here is the VM itself going silent.',
  },
};
