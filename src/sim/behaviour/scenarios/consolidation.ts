// Scenario "consolidation": how many instances of a workload mix fit on a cluster, per lane. A VM carries a
// guest OS and the VMM's own overhead; page sharing (TPS, KSM) can win some of it back; a container carries
// only its app and a small runtime overhead. HA headroom keeps one host's worth of capacity free.
import { normalise } from '../params.ts';
import { assumed, cited, derived, figure, laneNames, round, sortSteps, text } from '../run-helpers.ts';
import { sources } from '../sources.ts';
import type {
  Figure,
  LaneId,
  LaneOutcome,
  ParamSpec,
  Params,
  Scenario,
  ScenarioRun,
  Step,
  Text,
} from '../types.ts';
import { consolidation, type LaneFit, workloadKinds, workloads } from './consolidation-model.ts';

const planning = (ja: string, en: string) => assumed(ja, en);

const num = (
  id: string,
  label: Text,
  help: Text,
  range: { min: number; max: number; step: number; default: number },
  unit: Extract<ParamSpec, { type: 'number' }>['unit'],
  provenance: ParamSpec['provenance'],
  lane?: LaneId,
): ParamSpec => ({ id, type: 'number', label, help, unit, provenance, ...range, ...(lane ? { lane } : {}) });

const params: readonly ParamSpec[] = [
  num(
    'hosts',
    text('ホストの台数', 'Hosts'),
    text('クラスターの物理ホストの台数です。', 'Physical hosts in the cluster.'),
    { min: 1, max: 16, step: 1, default: 4 },
    'count',
    planning('小さなクラスターの例です。', 'A small cluster.'),
  ),
  num(
    'hostRamGiB',
    text('ホスト 1 台のメモリ（GiB）', 'RAM per host (GiB)'),
    text('各ホストの物理メモリです。', 'Physical memory of each host.'),
    { min: 32, max: 1024, step: 32, default: 128 },
    'GiB',
    planning(
      'よくある 2 ソケットのサーバーの構成の一例です。',
      'One common two-socket server configuration.',
    ),
  ),
  num(
    'hostCores',
    text('ホスト 1 台の CPU コア数', 'CPU cores per host'),
    text('各ホストの物理コア数です。', 'Physical cores of each host.'),
    { min: 8, max: 256, step: 8, default: 32 },
    'count',
    planning(
      'よくある 2 ソケットのサーバーの構成の一例です。',
      'One common two-socket server configuration.',
    ),
  ),
  num(
    'hostReserveGiB',
    text('ホスト自身が使うメモリ（GiB）', 'Memory the host itself uses (GiB)'),
    text(
      'ハイパーバイザーやホスト OS、エージェント（vCenter のエージェント、libvirt、kubelet、containerd など）の分です。3 つのレーンで同じ値を使います。',
      'For the hypervisor or host OS and its agents (vCenter’s agent, libvirt, kubelet, containerd…). All three lanes use the same value.',
    ),
    { min: 2, max: 32, step: 2, default: 8 },
    'GiB',
    planning(
      '3 つのレーンを公平に比べるため、同じ値にしました。実際の値は構成で大きく変わります。',
      'The same for all lanes to compare them fairly; real values depend a lot on the set-up.',
    ),
  ),
  {
    id: 'haHeadroom',
    type: 'boolean',
    label: text('ホスト 1 台の故障に備える（HA の余裕）', 'Tolerate one host failure (HA headroom)'),
    help: text(
      'ホストが 1 台止まっても、残りのホストで全インスタンスを再起動できるだけの容量を空けておきます。',
      'Keep enough capacity free to restart every instance on the remaining hosts if one host fails.',
    ),
    provenance: planning(
      '本番のクラスターでは、故障に備えて余裕を持たせるのが普通です。',
      'Production clusters usually keep room for a failure.',
    ),
    default: true,
  },
  num(
    'webCount',
    text('Web サーバーの数', 'Web servers'),
    text(
      '1 台あたりアプリ 1 GiB、平均 0.25 コア、VM なら 2 vCPU です。',
      'Each: 1 GiB for the app, 0.25 core on average, 2 vCPUs as a VM.',
    ),
    { min: 0, max: 400, step: 1, default: 100 },
    'count',
    planning('ワークロードの構成の例です。', 'An example workload mix.'),
  ),
  num(
    'dbCount',
    text('データベースの数', 'Databases'),
    text(
      '1 台あたりアプリ 8 GiB、平均 2 コア、VM なら 4 vCPU です。',
      'Each: 8 GiB for the app, 2 cores on average, 4 vCPUs as a VM.',
    ),
    { min: 0, max: 50, step: 1, default: 6 },
    'count',
    planning('ワークロードの構成の例です。', 'An example workload mix.'),
  ),
  num(
    'cacheCount',
    text('キャッシュの数', 'Caches'),
    text(
      '1 台あたりアプリ 4 GiB、平均 0.5 コア、VM なら 2 vCPU です。',
      'Each: 4 GiB for the app, 0.5 core on average, 2 vCPUs as a VM.',
    ),
    { min: 0, max: 50, step: 1, default: 8 },
    'count',
    planning('ワークロードの構成の例です。', 'An example workload mix.'),
  ),
  num(
    'guestOsMiB',
    text('ゲスト OS のメモリ（MiB）', 'Guest OS memory (MiB)'),
    text(
      '仮想マシン 1 台ごとに、ゲスト OS（カーネル、init、常駐サービス）が使うメモリです。',
      'Memory each VM’s guest OS (kernel, init, resident services) uses.',
    ),
    { min: 128, max: 4096, step: 128, default: 512 },
    'MiB',
    cited(sources.article, '「OS仮想化（コンテナ）」：ゲスト OS 1 つあたり 512 MB（8 台で 4 GB）'),
  ),
  num(
    'vmOverheadMiB',
    text('VMM のオーバーヘッド（MiB／VM）', 'VMM overhead (MiB per VM)'),
    text(
      '仮想マシン 1 台ごとにハイパーバイザー側が使うメモリです（ページテーブル、仮想デバイス、VMX や QEMU のプロセスなど）。vCPU 数と構成で変わります。',
      'Memory the hypervisor side uses per VM (page tables, virtual devices, the VMX or QEMU process); it depends on vCPUs and configuration.',
    ),
    { min: 16, max: 512, step: 16, default: 128 },
    'MiB',
    planning(
      'VM の大きさと構成で変わる値の概算です。ESXi では vSphere Client で VM ごとの「オーバーヘッド」として確認できます。',
      'A rough value; it varies with VM size and configuration (ESXi shows it per VM as “overhead” in the vSphere Client).',
    ),
  ),
  num(
    'vmMemOvercommitPercent',
    text('VM に割り当てるメモリの上限（物理メモリに対する %）', 'Memory allowed to VMs (% of physical)'),
    text(
      '100 % を超えると、物理メモリより多くのメモリを VM に割り当てます（オーバーコミット）。全 VM が実際に使うと、ハイパーバイザーがスワップします。',
      'Above 100 %, VMs are given more memory than the hosts have (overcommit). If every VM really uses it, the hypervisor swaps.',
    ),
    { min: 100, max: 200, step: 10, default: 100 },
    'percent',
    planning('既定ではオーバーコミットしません。', 'No overcommit by default.'),
  ),
  {
    id: 'esxiTps',
    type: 'boolean',
    lane: 'esxi',
    label: text('VM 間の TPS（ソルトを無効化）', 'Inter-VM TPS (salting off)'),
    help: text(
      'Mem.ShareForceSalting を 0 にすると、異なる VM の同じ内容のページを 1 つにまとめます。既定（2）では VM ごとにソルトが異なり、VM の中でしか共有しません。',
      'Mem.ShareForceSalting 0 lets identical pages of different VMs be shared; by default (2) each VM has its own salt and pages are shared only within a VM.',
    ),
    provenance: cited(sources['vmware-kb-2097593'], 'Mem.ShareForceSalting: default 2, inter-VM sharing off'),
    default: false,
  },
  {
    id: 'kvmKsm',
    type: 'boolean',
    lane: 'kvm',
    label: text('KSM（Kernel Samepage Merging）', 'KSM (Kernel Samepage Merging)'),
    help: text(
      'ホストの ksmd が、MADV_MERGEABLE とされた領域（QEMU のゲストメモリ）の同じ内容のページをまとめます。/sys/kernel/mm/ksm/run で有効にします。',
      'The host’s ksmd merges identical pages in MADV_MERGEABLE areas (QEMU’s guest memory); turned on through /sys/kernel/mm/ksm/run.',
    ),
    provenance: cited(sources['kernel-ksm'], 'KSM: “run” is 0 (stop) by default'),
    default: false,
  },
  num(
    'pageSharingPercent',
    text(
      'ページ共有で回収できる割合（ゲスト OS のメモリに対する %）',
      'Reclaimed by page sharing (% of guest OS memory)',
    ),
    text(
      '同じ OS の VM どうしで、ゲスト OS のページのうちどれだけが同一でまとめられるかです。',
      'How much of the guest OS’s pages are identical across VMs of the same OS and can be merged.',
    ),
    { min: 0, max: 50, step: 5, default: 20 },
    'percent',
    planning(
      'ワークロードと OS で大きく変わる値の概算です。ESXi では大きなページ（2 MB）でゲストメモリを割り当てるため、メモリが逼迫するまで共有はほとんど起きません。',
      'A rough value that varies a lot. ESXi backs guest memory with large (2 MB) pages, so little is shared until memory is under pressure.',
    ),
  ),
  num(
    'vcpuPerCore',
    text('物理コアあたりの vCPU（オーバーコミット率）', 'vCPUs per physical core (overcommit)'),
    text(
      'VM に割り当てる vCPU の合計を、物理コアの何倍まで許すかです。',
      'How many times the physical cores the VMs’ vCPUs may add up to.',
    ),
    { min: 1, max: 8, step: 0.5, default: 4 },
    'ratio',
    planning(
      'よく使われる計画値の一例です。適切な値はワークロードによります。',
      'A common planning value; the right one depends on the workload.',
    ),
  ),
  num(
    'containerOverheadMiB',
    text('コンテナ 1 つのオーバーヘッド（MiB）', 'Overhead per container (MiB)'),
    text(
      'containerd-shim や（Kubernetes なら）Pod の pause コンテナなど、アプリ以外にコンテナ 1 つが使うメモリです。',
      'Memory a container needs besides its app: containerd-shim and, with Kubernetes, the pod’s pause container.',
    ),
    { min: 0, max: 64, step: 2, default: 16 },
    'MiB',
    planning('shim と pause の常駐メモリの概算です。', 'A rough resident size of the shim and pause.'),
  ),
];

const gib = (mib: number) => round(mib / 1024);

function laneLabel(lane: LaneId): Text {
  return laneNames[lane];
}

function perInstanceFigures(p: Params, fit: LaneFit): Figure[] {
  if (fit.lane === 'docker')
    return [
      figure(
        'docker-container-overhead',
        text('コンテナ 1 つのオーバーヘッド', 'Overhead per container'),
        p.containerOverheadMiB as number,
        'MiB',
        derived(
          'パラメーター「コンテナ 1 つのオーバーヘッド」の値です。',
          'The “overhead per container” parameter.',
        ),
      ),
    ];
  return [
    figure(
      `${fit.lane}-guest-os`,
      text('ゲスト OS（VM ごと）', 'Guest OS (per VM)'),
      p.guestOsMiB as number,
      'MiB',
      derived(
        'パラメーター「ゲスト OS のメモリ」の値です（既定値は元になった記事の 512 MB）。',
        'The “guest OS memory” parameter (its default is the article’s 512 MB).',
      ),
    ),
    figure(
      `${fit.lane}-vmm-overhead`,
      text('VMM のオーバーヘッド（VM ごと）', 'VMM overhead (per VM)'),
      p.vmOverheadMiB as number,
      'MiB',
      derived('パラメーター「VMM のオーバーヘッド」の値です。', 'The “VMM overhead” parameter.'),
    ),
  ];
}

function sharingStep(p: Params, fit: LaneFit): Step {
  const saved = figure(
    `${fit.lane}-sharing-saved`,
    text('ページ共有で回収（インスタンスごと）', 'Won back by page sharing (per instance)'),
    round(fit.sharingSavedMiB),
    'MiB',
    derived(
      'ゲスト OS のメモリ × 回収できる割合。共有が無効なら 0 です。',
      'Guest OS memory × the share reclaimed; 0 with sharing off.',
    ),
  );
  if (fit.lane === 'esxi')
    return {
      lane: 'esxi',
      at: 1,
      duration: 0,
      kind: 'work',
      what: p.esxiTps
        ? text(
            'VM 間の TPS が、同じ内容のページを VM をまたいで 1 つにまとめます。',
            'Inter-VM TPS merges identical pages across VMs.',
          )
        : text(
            'TPS は VM の中でだけページを共有します。VM をまたいだ共有はありません。',
            'TPS shares pages only within each VM; nothing is shared across VMs.',
          ),
      why: text(
        '共有されたページを手がかりに、厳しく管理された条件の下でほかの VM のデータ（AES の暗号鍵など）を推測できることを示した研究を受けて、VMware は VM 間の TPS を既定で無効にしました（ESXi 5.1 Update 3 と、5.0・5.5 の 2015 年初めのパッチ、ESXi 6.0 以降）。バルーニングは、ゲストが使っていないメモリを返させる仕組みで、全 VM が実際にメモリを使っているときには助けになりません。',
        'After research showed that, under tightly controlled conditions, shared pages let one VM infer another VM’s data (an AES key, for example), VMware turned inter-VM TPS off by default (ESXi 5.1 Update 3, the early-2015 patches for 5.0 and 5.5, and ESXi 6.0 onwards). Ballooning makes guests give back memory they do not use; it cannot help when every VM really uses its memory.',
      ),
      costs: [
        saved,
        figure(
          'esxi-tps-default',
          text('VM 間 TPS の既定値（Mem.ShareForceSalting）', 'Inter-VM TPS default (Mem.ShareForceSalting)'),
          2,
          'count',
          cited(sources['vmware-kb-2097593'], 'Mem.ShareForceSalting = 2: each VM has its own salt'),
        ),
      ],
    };
  if (fit.lane === 'kvm')
    return {
      lane: 'kvm',
      at: 1,
      duration: 0,
      kind: 'work',
      what: p.kvmKsm
        ? text(
            'ホストの ksmd が、VM どうしで同じ内容のページを探してまとめます。',
            'The host’s ksmd finds identical pages across VMs and merges them.',
          )
        : text(
            'KSM は止まっています。VM どうしでページは共有されません。',
            'KSM is stopped: no pages are shared between VMs.',
          ),
      why: text(
        'KVM の VM は QEMU プロセスなので、メモリの共有も回収も Linux の仕組みです。QEMU はゲストメモリを KSM の対象にしますが、ksmd を動かすかどうかはホストの設定です。virtio-balloon でゲストからメモリを返させることもできますが、全 VM が実際に使っているメモリは回収できません。',
        'A KVM VM is a QEMU process, so sharing and reclaiming memory are Linux mechanisms. QEMU marks guest memory for KSM, but whether ksmd runs is the host’s setting. virtio-balloon can make a guest hand memory back, but not memory every VM really uses.',
      ),
      costs: [saved],
    };
  return {
    lane: 'docker',
    at: 1,
    duration: 0,
    kind: 'work',
    what: text(
      '同じイメージのコンテナは、ディスク上のレイヤーとページキャッシュを共有します。',
      'Containers of the same image share the layers on disk and their page cache.',
    ),
    why: text(
      'コンテナにはゲスト OS がないので、VM ごとのカーネルや常駐サービスの分のメモリがそもそもありません。overlay の下のレイヤーのファイルはすべてのコンテナで同じファイルなので、ページキャッシュも 1 つで済みます。',
      'A container has no guest OS, so there is no per-instance kernel or resident services to pay for. Files in overlay’s lower layers are the same files for every container, so they are cached once.',
    ),
    costs: [],
  };
}

function capacityStep(p: Params, fit: LaneFit, reservedFraction: number): Step {
  const usable = figure(
    `${fit.lane}-usable-memory`,
    text('使えるメモリ（クラスター全体）', 'Usable memory (whole cluster)'),
    gib(fit.usableMiB),
    'GiB',
    derived(
      '（ホストのメモリ − ホスト自身の分）× 台数 ×（1 − HA で空けておく割合）',
      '(host RAM − the host’s own) × hosts × (1 − the HA reserve)',
    ),
  );
  const reserve = figure(
    `${fit.lane}-ha-reserve`,
    text('HA のために空けておく割合', 'Kept free for HA'),
    round(reservedFraction * 100),
    'percent',
    derived('1 台の故障に備えるときは 1 ÷ ホスト台数です。', '1 ÷ hosts when one failure is tolerated.'),
  );
  const costs: Figure[] = [usable, reserve];
  let what: Text;
  let why: Text;
  if (fit.lane === 'esxi') {
    costs.push(
      figure(
        'article-esxi-32mb',
        text('記事が ESXi のメモリ使用量とする値', 'ESXi’s memory use, as the article gives it'),
        32,
        'MiB',
        cited(sources.article, '「VMWareESXi の利点」：32 MB'),
      ),
      figure(
        'esxi-min-ram',
        text('ESXi 7.0 が必要とする物理メモリの最小値', 'Minimum physical RAM ESXi 7.0 requires'),
        8,
        'GiB',
        cited(sources['esxi-hardware-requirements'], 'Memory: minimum of 8 GB of physical RAM'),
      ),
    );
    what = p.haHeadroom
      ? text(
          'vSphere HA のアドミッション制御が、1 台分の容量を故障時の再起動用に確保します。',
          'vSphere HA admission control sets one host’s worth of capacity aside for restarts after a failure.',
        )
      : text(
          'HA の余裕はありません。すべての容量を VM に使います。',
          'No HA headroom: all capacity goes to VMs.',
        );
    why = text(
      '記事の「32 MB」は、初期の ESXi（ESX 3i）について宣伝されたディスク上の大きさに当たる値で、動作中のメモリ使用量ではありません。現在の ESXi 7.0 は、物理メモリが最低 8 GB あることを導入の条件にしています。vSphere HA は、故障に備えて空けておく容量を食いつぶす VM の電源投入を拒みます（アドミッション制御）。このモデルでは、VM のメモリ全体を予約したものとして扱います。',
      'The article’s “32 MB” matches the on-disk size advertised for early ESXi (ESX 3i), not the memory it uses while running; ESXi 7.0 requires at least 8 GB of physical RAM to install. vSphere HA refuses power-ons that would eat the failover capacity (admission control); this model treats each VM’s memory as fully reserved.',
    );
  } else if (fit.lane === 'kvm') {
    what = p.haHeadroom
      ? text(
          '1 台分の容量を、故障時の再起動用に空けておきます。',
          'One host’s worth of capacity is kept free for restarts after a failure.',
        )
      : text(
          'HA の余裕はありません。すべての容量を VM に使います。',
          'No HA headroom: all capacity goes to VMs.',
        );
    why = text(
      'KVM と libvirt そのものには、クラスター全体のアドミッション制御はありません。余裕を守るのは、その上のクラスター管理（oVirt、OpenStack、Pacemaker など）か運用の計画です。',
      'KVM and libvirt themselves have no cluster-wide admission control: the cluster manager above them (oVirt, OpenStack, Pacemaker…) or the operators’ plan keeps the headroom.',
    );
  } else {
    costs.push(
      figure(
        'k8s-pods-per-node',
        text(
          'Kubernetes が想定するノードあたりの Pod 数の上限',
          'Pods per node Kubernetes is designed for, at most',
        ),
        110,
        'count',
        cited(sources['k8s-large-clusters'], 'No more than 110 pods per node'),
      ),
    );
    what = p.haHeadroom
      ? text(
          'Kubernetes のスケジューラーは Pod の requests を合計して配置します。1 台分の余裕は計画で空けておきます。',
          'The Kubernetes scheduler places pods by adding up their requests; one node’s worth of room is kept free by planning.',
        )
      : text(
          'HA の余裕はありません。すべての容量をコンテナに使います。',
          'No HA headroom: all capacity goes to containers.',
        );
    why = text(
      'Kubernetes には vSphere HA のような故障用のアドミッション制御はありません。余裕がないと、故障したノードの Pod は Pending のまま待ちます。このモデルは Pod 数の上限（kubelet の maxPods）を必要に応じて引き上げたものとして扱います。',
      'Kubernetes has no failover admission control like vSphere HA: without room, a failed node’s pods wait in Pending. This model assumes the pod limit (kubelet maxPods) is raised when needed.',
    );
  }
  return { lane: fit.lane, at: 2, duration: 0, kind: 'work', what, why, costs };
}

/** A space before a term that starts with a Latin letter, after the Japanese before it (JA-STYLE). */
const leadSpace = (ja: string) => (/^[A-Za-z0-9]/.test(ja) ? ` ${ja}` : ja);

const limitText: Record<LaneFit['limit'], Text> = {
  memory: text('メモリ', 'memory'),
  cpu: text('CPU（平均使用量）', 'CPU (average use)'),
  vcpu: text('vCPU の割り当て', 'vCPU allocation'),
  none: text('なし', 'nothing'),
};

const noInstances = text(
  'インスタンスが 1 つもありません。ワークロードの数を増やしてください。',
  'There are no instances: add some workloads.',
);

function resultStep(fit: LaneFit): Step {
  const density = figure(
    `${fit.lane}-density`,
    text('この構成で収まるインスタンス数', 'Instances of this mix that fit'),
    fit.density,
    'count',
    derived(
      '構成の比率を保ったまま、メモリ・CPU・vCPU のうち最初に尽きるものまで増やした数です。',
      'The mix scaled up in proportion until memory, CPU or vCPUs run out first.',
    ),
  );
  const demand = figure(
    `${fit.lane}-memory-demand`,
    text('必要なメモリ（全インスタンス）', 'Memory needed (all instances)'),
    gib(fit.demandMiB),
    'GiB',
    derived(
      'インスタンスごとの（アプリ＋ゲスト OS＋VMM − 共有）またはアプリ＋コンテナの分の合計です。',
      'Per instance (app + guest OS + VMM − sharing), or app + container overhead, added up.',
    ),
  );
  const what: Text =
    fit.instances === 0
      ? noInstances
      : fit.status === 'fits'
        ? text(
            `${fit.instances} 個のインスタンスがすべて収まります。いちばん余裕が少ないのは${leadSpace(limitText[fit.limit].ja)}です。`,
            `All ${fit.instances} instances fit; ${limitText[fit.limit].en} has the least room left.`,
          )
        : fit.status === 'swaps'
          ? text(
              '割り当ては許されますが、全インスタンスが実際にメモリを使うと物理メモリが足りず、ハイパーバイザーがスワップします。',
              'The platform admits them, but when every instance really uses its memory the hosts run short and the hypervisor swaps.',
            )
          : text(
              `${fit.instances} 個は収まりません。足りないのは${leadSpace(limitText[fit.limit].ja)}です。`,
              `The ${fit.instances} instances do not fit: ${limitText[fit.limit].en} runs out.`,
            );
  const why: Text =
    fit.lane === 'docker'
      ? text(
          'インスタンスごとの負担がアプリとわずかなオーバーヘッドだけなので、同じホストにより多く載ります。',
          'Each instance costs only its app and a little overhead, so more fit on the same hosts.',
        )
      : text(
          'VM はそれぞれゲスト OS と VMM のオーバーヘッドを抱えます。記事の例では、8 台の VM のゲスト OS だけで 4 GB になります。',
          'Each VM carries a guest OS and VMM overhead; in the article’s example, the guest OSes of 8 VMs alone take 4 GB.',
        );
  return {
    lane: fit.lane,
    at: 3,
    duration: 0,
    kind: fit.status === 'fits' ? 'ready' : fit.status === 'swaps' ? 'loss' : 'wait',
    what,
    why,
    costs: [demand, density],
  };
}

function run(raw: Params): ScenarioRun {
  const p = normalise(params, raw);
  const result = consolidation(p);
  const steps: Step[] = [];
  const outcomes = {} as Record<LaneId, LaneOutcome>;
  for (const lane of ['esxi', 'kvm', 'docker'] as const) {
    const fit = result.lanes[lane];
    const apps = workloadKinds.map((k) =>
      figure(
        `${lane}-per-${k}`,
        text(
          `${k === 'web' ? 'Web サーバー' : k === 'db' ? 'データベース' : 'キャッシュ'} 1 つのメモリ`,
          `Memory per ${k === 'web' ? 'web server' : k === 'db' ? 'database' : 'cache'}`,
        ),
        round(fit.perInstanceMiB[k]),
        'MiB',
        derived(
          `アプリの ${workloads[k].appMiB} MiB（仮定）に、このレーンのインスタンスごとの分を足した値です。`,
          `The app’s ${workloads[k].appMiB} MiB (assumed) plus this lane’s per-instance cost.`,
        ),
      ),
    );
    steps.push({
      lane,
      at: 0,
      duration: 0,
      kind: 'work',
      what:
        lane === 'docker'
          ? text(
              'コンテナ 1 つのメモリは、アプリの分と小さなランタイムの分だけです。',
              'A container’s memory is its app plus a small runtime overhead.',
            )
          : text(
              'VM 1 台のメモリは、アプリの分にゲスト OS と VMM のオーバーヘッドを足したものです。',
              'A VM’s memory is its app plus a guest OS plus the VMM’s overhead.',
            ),
      why:
        lane === 'docker'
          ? text(
              'コンテナはホストのカーネルを共有するプロセスなので、カーネルも init も自分では持ちません。',
              'A container is a process sharing the host’s kernel: it has no kernel or init of its own.',
            )
          : text(
              'VM はそれぞれ完全な OS を動かすので、その OS のメモリが VM ごとに必要です。',
              'Every VM runs a whole OS, whose memory each VM needs.',
            ),
      costs: [...perInstanceFigures(p, fit), ...apps],
    });
    steps.push(sharingStep(p, fit), capacityStep(p, fit, result.reservedFraction), resultStep(fit));
    outcomes[lane] = {
      lane,
      headline:
        fit.instances === 0
          ? noInstances
          : fit.status === 'fits'
            ? text(`収まります（最大 ${fit.density} 個）。`, `Fits (up to ${fit.density}).`)
            : fit.status === 'swaps'
              ? text('割り当てはできますが、スワップが起きます。', 'Admitted, but the hosts will swap.')
              : text(
                  `収まりません（${limitText[fit.limit].ja}が不足）。`,
                  `Does not fit (${limitText[fit.limit].en} runs out).`,
                ),
      figures: [
        figure(
          `${lane}-outcome-density`,
          text('収まるインスタンス数', 'Instances that fit'),
          fit.density,
          'count',
          derived(
            'この構成の比率で、最初に尽きる資源までの数です。',
            'At this mix’s proportions, up to the first resource to run out.',
          ),
        ),
        figure(
          `${lane}-outcome-memory`,
          text('必要なメモリ ÷ 使えるメモリ', 'Memory needed ÷ usable'),
          fit.usableMiB > 0 ? round((fit.demandMiB / fit.usableMiB) * 100) : 0,
          'percent',
          derived('必要なメモリと使えるメモリから計算しました。', 'From memory needed and usable memory.'),
        ),
      ],
    };
  }
  const lanes = ['esxi', 'kvm', 'docker'] as const;
  const categories = lanes.map((lane) => ({ id: lane, label: laneLabel(lane) }));
  return {
    scenario: 'consolidation',
    params: p,
    timed: false,
    steps: sortSteps(steps),
    outcomes,
    charts: [
      {
        id: 'density',
        title: text('収まるインスタンス数', 'Instances that fit'),
        unit: 'count',
        categories,
        series: [
          {
            id: 'requested',
            label: text('求める数', 'Requested'),
            values: lanes.map((l) => result.lanes[l].instances),
          },
          { id: 'fits', label: text('収まる数', 'Fit'), values: lanes.map((l) => result.lanes[l].density) },
        ],
      },
      {
        id: 'memory-per-web',
        title: text('Web サーバー 1 つのメモリ', 'Memory per web server'),
        unit: 'MiB',
        categories,
        series: [
          { id: 'app', label: text('アプリ', 'App'), values: lanes.map(() => workloads.web.appMiB) },
          {
            id: 'guest-os',
            label: text('ゲスト OS − 共有', 'Guest OS − sharing'),
            values: lanes.map((l) =>
              l === 'docker' ? null : round((p.guestOsMiB as number) - result.lanes[l].sharingSavedMiB),
            ),
          },
          {
            id: 'overhead',
            label: text('VMM／コンテナのオーバーヘッド', 'VMM / container overhead'),
            values: lanes.map((l) =>
              l === 'docker' ? (p.containerOverheadMiB as number) : (p.vmOverheadMiB as number),
            ),
          },
        ],
      },
    ],
  };
}

export const consolidationScenario: Scenario = {
  id: 'consolidation',
  title: text('統合：何台載るか', 'Consolidation: how many fit'),
  summary: text(
    'Web サーバー、データベース、キャッシュの組み合わせを、同じクラスターに VM またはコンテナとして載せます。何個まで収まり、何が先に尽きるでしょうか。',
    'A mix of web servers, databases and caches goes onto the same cluster as VMs or as containers. How many fit, and what runs out first?',
  ),
  params,
  assumptions: [
    text(
      'ワークロードの大きさ（Web 1 GiB・0.25 コア・2 vCPU、データベース 8 GiB・2 コア・4 vCPU、キャッシュ 4 GiB・0.5 コア・2 vCPU）は説明のための仮定です。',
      'Workload sizes (web 1 GiB, 0.25 core, 2 vCPUs; database 8 GiB, 2 cores, 4 vCPUs; cache 4 GiB, 0.5 core, 2 vCPUs) are assumptions for the example.',
    ),
    text(
      '容量はクラスター全体で合計して比べます。1 つのインスタンスが複数のホストにまたがれないことによる隙間（断片化）は考えません。',
      'Capacity is compared for the cluster as a whole; gaps left because an instance cannot span hosts (fragmentation) are ignored.',
    ),
    text(
      '「収まる」とは、全インスタンスが同時に自分のメモリを実際に使っても、スワップせずに済むことです。',
      '“Fits” means no swapping even when every instance really uses its memory at once.',
    ),
    text(
      'VM のメモリは全体を予約したものとして扱い、HA のアドミッション制御がその予約を数えるものとします。ただし、メモリのオーバーコミット（100 % 超）を選んだときは予約なしで割り当てたものとして扱います（予約があれば、ESXi は物理メモリを超える電源投入を拒みます）。',
      'A VM’s memory is treated as fully reserved, and HA admission control counts that reservation. With memory overcommit (above 100 %), VMs are treated as unreserved instead (with reservations, ESXi refuses power-ons beyond physical memory).',
    ),
    text(
      'コンテナの CPU は平均使用量を Kubernetes の requests とし、VM には vCPU の割り当ての上限も加わります。',
      'A container’s CPU request is its average use; VMs are also bound by the vCPU allocation limit.',
    ),
    text(
      'VM の中でのページ共有（ゼロページなど）は考えません。',
      'Sharing within a VM (zero pages and the like) is not modelled.',
    ),
  ],
  measurements: [],
  run,
};
