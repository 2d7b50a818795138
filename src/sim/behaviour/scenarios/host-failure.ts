// Scenario "host hardware fails": an unplanned crash (vSphere HA restart, a KVM cluster manager's restart,
// Kubernetes rescheduling after the taint-based eviction delay, or nothing for plain Docker) or planned
// maintenance (vMotion, KVM live migration, kubectl drain). What is lost, and how long the workload is away.
import { normalise } from '../params.ts';
import { assumed, cited, derived, figure, laneNames, round, sortSteps, text } from '../run-helpers.ts';
import { sources } from '../sources.ts';
import type { Figure, LaneId, ParamSpec, Params, Scenario, ScenarioRun, Step, Text } from '../types.ts';
import { type PreCopy, preCopy } from './migration-model.ts';

type NumberSpec = Extract<ParamSpec, { type: 'number' }>;
const num = (
  spec: Omit<NumberSpec, 'type' | 'label' | 'help'> & { label: [string, string]; help: [string, string] },
): NumberSpec => ({ ...spec, type: 'number', label: text(...spec.label), help: text(...spec.help) });

const params: readonly ParamSpec[] = [
  {
    id: 'event',
    type: 'choice',
    label: text('何が起きるか', 'What happens'),
    help: text(
      '予告なしのホストの故障か、事前に計画した保守か。',
      'An unannounced host crash, or maintenance planned ahead.',
    ),
    provenance: assumed('故障の場合を既定にしました。', 'A crash by default.'),
    options: [
      { value: 'unplanned', label: text('ホストの故障（予告なし）', 'Host crash (unplanned)') },
      { value: 'planned', label: text('計画した保守', 'Planned maintenance') },
    ],
    default: 'unplanned',
  },
  num({
    id: 'memoryGiB',
    unit: 'GiB',
    min: 1,
    max: 256,
    step: 1,
    default: 16,
    label: ['VM のメモリ（GiB）', 'VM memory (GiB)'],
    help: ['ライブマイグレーションで送るメモリの量です。', 'How much memory live migration has to send.'],
    provenance: assumed('中規模のアプリケーションサーバーの例です。', 'A mid-sized application server.'),
  }),
  num({
    id: 'dirtyMiBps',
    unit: 'MiB/s',
    min: 0,
    max: 4000,
    step: 10,
    default: 100,
    label: ['メモリを書き換える速さ', 'Memory dirty rate'],
    help: [
      'VM が動きながら書き換えるメモリの量です。送る速さに近づくと、コピーが終わらなくなります。',
      'How fast the running VM rewrites memory; close to the link speed, copying never finishes.',
    ],
    provenance: assumed('中程度に書き込むワークロードの例です。', 'A moderately write-heavy workload.'),
  }),
  num({
    id: 'linkMiBps',
    unit: 'MiB/s',
    min: 100,
    max: 12000,
    step: 100,
    default: 1100,
    label: ['移行用ネットワークの速さ', 'Migration network speed'],
    help: ['10 GbE は理論上約 1,190 MiB/s です。', '10 GbE is about 1,190 MiB/s in theory.'],
    provenance: assumed(
      '10 GbE からプロトコルの分を引いたおおよその値です。',
      'Roughly 10 GbE minus protocol overhead.',
    ),
  }),
  num({
    id: 'downtimeLimitMs',
    lane: 'kvm',
    unit: 'ms',
    min: 50,
    max: 2000,
    step: 50,
    default: 300,
    label: ['許容する停止時間（downtime-limit）', 'Allowed downtime (downtime-limit)'],
    help: [
      '残りをこの時間で送れるようになったら、QEMU は VM を止めて最後のコピーをします。',
      'When the rest can be sent within this time, QEMU stops the VM for the final copy.',
    ],
    provenance: cited(sources['qemu-migration-options'], 'DEFAULT_MIGRATE_SET_DOWNTIME 300 (ms)'),
  }),
  {
    id: 'kvmAutoConverge',
    type: 'boolean',
    lane: 'kvm',
    label: text('auto-converge（vCPU を減速して収束させる）', 'auto-converge (throttle vCPUs to converge)'),
    help: text(
      '書き換えが速すぎてコピーが終わらないとき、QEMU が vCPU を減速します。既定では無効です。',
      'When the guest dirties memory too fast to finish, QEMU slows its vCPUs. Off by default.',
    ),
    provenance: assumed(
      'QEMU の auto-converge は、頼まれたとき（virsh migrate --auto-converge）だけ有効になるので、既定をオフにしました。',
      'QEMU’s auto-converge is used only when asked for (virsh migrate --auto-converge), so it is off by default.',
    ),
    default: false,
  },
  num({
    id: 'esxiSwitchoverMs',
    lane: 'esxi',
    unit: 'ms',
    min: 100,
    max: 2000,
    step: 100,
    default: 1000,
    label: ['vMotion の切り替えの目標時間', 'vMotion switchover target'],
    help: [
      'vMotion が VM を止めて切り替えるまでに許す時間です。',
      'How long vMotion lets the switchover pause the VM.',
    ],
    provenance: assumed(
      'VMware はこの値を設定項目として公開していないので、1 秒を計画値としました。',
      'VMware does not expose this as a setting; 1 s is our planning value.',
    ),
  }),
  num({
    id: 'esxiDetectS',
    lane: 'esxi',
    unit: 's',
    min: 5,
    max: 120,
    step: 1,
    default: 15,
    label: ['vSphere HA が故障と判断するまで', 'vSphere HA declares the host failed after'],
    help: [
      'プライマリホストが、ネットワークとデータストアのハートビートが途絶えたことを確かめるまでの時間です。',
      'The time the primary host takes to see network and datastore heartbeats stop.',
    ],
    provenance: assumed(
      'ハートビートの喪失を確かめる時間として選んだ概算値です。vSphere の版と設定で変わります。',
      'Our estimate of the heartbeat checks; it varies with the vSphere version and settings.',
    ),
  }),
  num({
    id: 'kvmDetectS',
    lane: 'kvm',
    unit: 's',
    min: 5,
    max: 300,
    step: 1,
    default: 30,
    label: ['クラスター管理が故障と判断しフェンシングするまで', 'Cluster manager detects and fences after'],
    help: [
      'Pacemaker や oVirt などが故障を検知し、ホストを確実に止める（フェンシング）までの時間です。',
      'The time a cluster manager (Pacemaker, oVirt…) takes to detect the failure and fence the host.',
    ],
    provenance: assumed(
      '検知とフェンシング（IPMI などによる電源断）を合わせた概算値です。',
      'Our estimate of detection plus fencing (power-off through IPMI or similar).',
    ),
  }),
  num({
    id: 'guestBootS',
    unit: 's',
    min: 5,
    max: 600,
    step: 5,
    default: 60,
    label: ['VM の再起動からアプリの再開まで', 'VM restart until the app is back'],
    help: [
      '別のホストで VM の電源を入れ、ゲスト OS とアプリが起動するまでです。',
      'Powering the VM on elsewhere until the guest OS and the app are up.',
    ],
    provenance: assumed(
      'ゲスト OS の起動とアプリの再開（キャッシュの温め直しを除く）の概算値です。',
      'Our estimate of a guest OS boot and app restart (cache warm-up not included).',
    ),
  }),
  {
    id: 'kubernetes',
    type: 'boolean',
    lane: 'docker',
    label: text('Kubernetes で動かす', 'Run under Kubernetes'),
    help: text(
      'オフにすると、Docker だけでコンテナを動かします。ほかのホストでコンテナを起動し直すものはありません。',
      'Off: plain Docker, with nothing to start the container again on another host.',
    ),
    provenance: assumed(
      '記事も K8s を使う場合を扱っています。',
      'The article also considers running under K8s.',
    ),
    default: true,
  },
  num({
    id: 'nodeGraceS',
    lane: 'docker',
    unit: 's',
    min: 10,
    max: 300,
    step: 5,
    default: 50,
    label: [
      'ノードを NotReady にするまで（node-monitor-grace-period）',
      'Until the node is NotReady (node-monitor-grace-period)',
    ],
    help: [
      'kubelet からの報告が途絶えてから、コントロールプレーンがノードを NotReady（Unknown）にするまでの時間です。',
      'How long after the kubelet stops reporting the control plane marks the node NotReady (Unknown).',
    ],
    provenance: cited(sources['k8s-controller-manager'], '--node-monitor-grace-period, default 50s'),
  }),
  num({
    id: 'tolerationS',
    lane: 'docker',
    unit: 's',
    min: 0,
    max: 3600,
    step: 10,
    default: 300,
    label: ['Pod を退避させるまで（tolerationSeconds）', 'Until pods are evicted (tolerationSeconds)'],
    help: [
      'node.kubernetes.io/unreachable と not-ready の taint に、Pod が耐える時間です。',
      'How long pods tolerate the node.kubernetes.io/unreachable and not-ready taints.',
    ],
    provenance: cited(
      sources['k8s-taint-evictions'],
      'tolerationSeconds=300 added by default (pods stay bound for 5 minutes)',
    ),
  }),
  num({
    id: 'podStartS',
    lane: 'docker',
    unit: 's',
    min: 1,
    max: 300,
    step: 1,
    default: 5,
    label: ['代わりの Pod が仕事を始めるまで', 'Replacement pod working after'],
    help: [
      'スケジュール、イメージ（取得済み）、コンテナとアプリの起動までです。',
      'Scheduling, the image (already pulled), the container and the app starting.',
    ],
    provenance: assumed(
      'イメージが取得済みの場合の概算値です。',
      'Our estimate with the image already pulled.',
    ),
  }),
  num({
    id: 'repairMin',
    unit: 'min',
    min: 5,
    max: 1440,
    step: 5,
    default: 60,
    label: ['ホストの修理・保守にかかる時間', 'Host repair or maintenance time'],
    help: [
      'ほかのホストに移せないワークロードは、この間止まります。',
      'A workload that cannot move elsewhere is down for this long.',
    ],
    provenance: assumed(
      '部品交換や更新を含む作業の例です。',
      'An example including a part swap or an update.',
    ),
  }),
  num({
    id: 'requestsPerS',
    unit: 'requests',
    min: 0,
    max: 10000,
    step: 10,
    default: 100,
    label: ['1 秒あたりのリクエスト', 'Requests per second'],
    help: [
      'インスタンスが 1 つだけで、止まっている間のリクエストはすべて失敗するとします。',
      'One instance only; every request while it is away fails.',
    ],
    provenance: assumed('小さなサービスの例です。', 'A small service.'),
  }),
];

const n = (p: Params, id: string) => p[id] as number;
const sec = (s: number) => s * 1000;

interface Built {
  readonly steps: Step[];
  readonly outageMs: number;
  readonly lost: Text;
}

function step(
  lane: LaneId,
  at: number,
  duration: number,
  kind: Step['kind'],
  what: Text,
  why: Text,
  costs: Figure[] = [],
): Step {
  return { lane, at, duration, kind, what, why, costs };
}

const lossAtCrash = (lane: LaneId): Step =>
  step(
    lane,
    0,
    0,
    'loss',
    text(
      'ホストが突然止まります。メモリの内容と処理中のリクエストは失われます。',
      'The host stops dead: memory contents and in-flight requests are lost.',
    ),
    lane === 'docker'
      ? text(
          'コンテナのプロセスはそのホストのカーネルの上で動いていたので、一緒に消えます。',
          'The container’s processes ran on that host’s kernel and are gone with it.',
        )
      : text(
          'VM のメモリはそのホストの RAM にしかありません。ディスクは共有ストレージにあるので残ります。',
          'The VM’s memory lived only in that host’s RAM; its disks are on shared storage and survive.',
        ),
  );

function unplanned(lane: LaneId, p: Params): Built {
  const crash = lossAtCrash(lane);
  if (lane === 'esxi' || lane === 'kvm') {
    const detectMs = sec(n(p, lane === 'esxi' ? 'esxiDetectS' : 'kvmDetectS'));
    const bootMs = sec(n(p, 'guestBootS'));
    const detect =
      lane === 'esxi'
        ? step(
            'esxi',
            0,
            detectMs,
            'wait',
            text(
              'vSphere HA のプライマリホストが、ネットワークとデータストアのハートビートの途絶を確かめます。',
              'vSphere HA’s primary host confirms that network and datastore heartbeats have stopped.',
            ),
            text(
              'ネットワークが切れただけのホストと、本当に止まったホストを見分けるためです。見分けずに再起動すると、同じ VM が 2 か所で動いてしまいます。',
              'To tell a host that is only cut off from one that is really down; restarting without knowing could run the same VM twice.',
            ),
            [
              figure(
                'esxi-detect',
                text('故障の判断', 'Failure declared'),
                n(p, 'esxiDetectS'),
                's',
                derived(
                  'パラメーター「vSphere HA が故障と判断するまで」の値です。',
                  'The “vSphere HA declares the host failed” parameter.',
                ),
              ),
            ],
          )
        : step(
            'kvm',
            0,
            detectMs,
            'wait',
            text(
              'クラスター管理（Pacemaker、oVirt など）が故障を検知し、ホストをフェンシングして確実に止めます。',
              'The cluster manager (Pacemaker, oVirt…) detects the failure and fences the host so it is surely off.',
            ),
            text(
              'KVM と libvirt そのものには HA がありません。共有ディスクを 2 台のホストが同時に書かないよう、再起動の前にフェンシングが必要です。',
              'KVM and libvirt have no HA of their own; fencing comes first so two hosts never write the shared disk at once.',
            ),
            [
              figure(
                'kvm-detect',
                text('検知とフェンシング', 'Detection and fencing'),
                n(p, 'kvmDetectS'),
                's',
                derived(
                  'パラメーター「クラスター管理が故障と判断しフェンシングするまで」の値です。',
                  'The “cluster manager detects and fences” parameter.',
                ),
              ),
            ],
          );
    const restart = step(
      lane,
      detectMs,
      bootMs,
      'work',
      text(
        '別のホストで VM の電源を入れ直し、ゲスト OS とアプリが最初から起動します。',
        'The VM is powered on again on another host; the guest OS and the app boot from scratch.',
      ),
      text(
        'VM のディスクは共有ストレージにあるので、どのホストからでも起動できます。ただしメモリの状態はないので、OS の再起動と同じです。',
        'The VM’s disks are on shared storage, so any host can start it; with no memory state, it is like a reboot.',
      ),
      [
        figure(
          `${lane}-reboot`,
          text('VM の再起動', 'VM restart'),
          n(p, 'guestBootS'),
          's',
          derived(
            'パラメーター「VM の再起動からアプリの再開まで」の値です。',
            'The “VM restart until the app is back” parameter.',
          ),
        ),
      ],
    );
    const outageMs = detectMs + bootMs;
    return {
      steps: [
        crash,
        detect,
        restart,
        step(
          lane,
          outageMs,
          0,
          'ready',
          text('アプリが別のホストで再開します。', 'The app is back on another host.'),
          text(
            '自動で再起動はされましたが、停止は防げません。',
            'Restarted automatically, but the outage was not avoided.',
          ),
        ),
      ],
      outageMs,
      lost: text(
        'メモリの状態、処理中のリクエスト、再起動までのリクエスト',
        'memory state, in-flight requests and requests until the restart',
      ),
    };
  }
  if (p.kubernetes !== true) {
    const repairMs = n(p, 'repairMin') * 60_000;
    const startMs = sec(n(p, 'podStartS'));
    return {
      steps: [
        crash,
        step(
          'docker',
          0,
          repairMs,
          'wait',
          text(
            'ほかのホストでコンテナを起動し直すものはありません。ホストが直るまで止まったままです。',
            'Nothing starts the container on another host: it stays down until the host is repaired.',
          ),
          text(
            'Docker の再起動ポリシー（--restart）は同じホストの中でしか働きません。',
            'Docker’s restart policy (--restart) only acts on the same host.',
          ),
          [
            figure(
              'docker-repair',
              text('ホストの修理', 'Host repair'),
              n(p, 'repairMin'),
              'min',
              derived(
                'パラメーター「ホストの修理・保守にかかる時間」の値です。',
                'The “host repair or maintenance time” parameter.',
              ),
            ),
          ],
        ),
        step(
          'docker',
          repairMs,
          startMs,
          'work',
          text(
            'ホストが起動すると、Docker が再起動ポリシーに従ってコンテナを起動します。',
            'When the host is back, Docker starts the container by its restart policy.',
          ),
          text(
            'コンテナはイメージから新しく始まります。書き込みレイヤーは残りますが、メモリの状態はありません。',
            'The container starts afresh from its image; its writable layer survives, its memory state does not.',
          ),
          [
            figure(
              'docker-restart',
              text('コンテナの起動', 'Container start'),
              n(p, 'podStartS'),
              's',
              derived(
                'パラメーター「代わりの Pod が仕事を始めるまで」の値を使いました。',
                'The “replacement pod working after” parameter.',
              ),
            ),
          ],
        ),
        step(
          'docker',
          repairMs + startMs,
          0,
          'ready',
          text('同じホストでアプリが再開します。', 'The app is back on the same host.'),
          text(
            'オーケストレーターがないと、ホストの故障はそのまま停止時間になります。',
            'Without an orchestrator, a host failure is simply downtime.',
          ),
        ),
      ],
      outageMs: repairMs + startMs,
      lost: text(
        'メモリの状態と、ホストが直るまでのすべてのリクエスト',
        'memory state and every request until the host is repaired',
      ),
    };
  }
  const graceMs = sec(n(p, 'nodeGraceS'));
  const tolMs = sec(n(p, 'tolerationS'));
  const startMs = sec(n(p, 'podStartS'));
  return {
    steps: [
      crash,
      step(
        'docker',
        0,
        graceMs,
        'wait',
        text(
          'kubelet からの報告が途絶え、コントロールプレーンがノードを NotReady にして taint（unreachable, NoExecute）を付けます。',
          'The kubelet stops reporting; the control plane marks the node NotReady and taints it (unreachable, NoExecute).',
        ),
        text(
          '一時的なネットワークの乱れでノードを見捨てないよう、猶予を置きます。',
          'A grace period so that a brief network hiccup does not write the node off.',
        ),
        [
          figure(
            'k8s-node-grace',
            text('ノードが NotReady になるまで', 'Until the node is NotReady'),
            n(p, 'nodeGraceS'),
            's',
            derived(
              'パラメーター「ノードを NotReady にするまで」の値です（既定値は kube-controller-manager の既定値）。',
              'The “until the node is NotReady” parameter (its default is kube-controller-manager’s).',
            ),
          ),
        ],
      ),
      step(
        'docker',
        graceMs,
        tolMs,
        'wait',
        text(
          'Pod は taint に tolerationSeconds の間耐え、そのノードに結び付いたままです。',
          'Pods tolerate the taint for tolerationSeconds and stay bound to the node.',
        ),
        text(
          'Kubernetes は、この間にノードが戻ってくることを期待します。Pod ごとに tolerations を書けば短くできます。',
          'Kubernetes hopes the node comes back meanwhile; per-pod tolerations can shorten this.',
        ),
        [
          figure(
            'k8s-toleration',
            text('Pod を退避させるまで', 'Until pods are evicted'),
            n(p, 'tolerationS'),
            's',
            derived(
              'パラメーター「Pod を退避させるまで」の値です（既定値は Kubernetes が自動で付ける 300 秒）。',
              'The “until pods are evicted” parameter (its default is the 300 s Kubernetes adds).',
            ),
          ),
        ],
      ),
      step(
        'docker',
        graceMs + tolMs,
        startMs,
        'work',
        text(
          'Pod が退避され、Deployment の ReplicaSet が代わりの Pod を作り、スケジューラーが別のノードに配置します。',
          'The pod is evicted; the Deployment’s ReplicaSet creates a replacement, which the scheduler places on another node.',
        ),
        text(
          '代わりの Pod はイメージから新しく始まります。StatefulSet の Pod は、ノードが本当に止まったと確認される（強制削除など）まで作り直されません。',
          'The replacement starts afresh from the image. A StatefulSet’s pod is not recreated until the node is confirmed gone (force deletion, for example).',
        ),
        [
          figure(
            'k8s-pod-start',
            text('代わりの Pod の起動', 'Replacement pod start'),
            n(p, 'podStartS'),
            's',
            derived(
              'パラメーター「代わりの Pod が仕事を始めるまで」の値です。',
              'The “replacement pod working after” parameter.',
            ),
          ),
        ],
      ),
      step(
        'docker',
        graceMs + tolMs + startMs,
        0,
        'ready',
        text('アプリが別のノードで再開します。', 'The app is back on another node.'),
        text(
          'レプリカが 2 つ以上あれば、NotReady のノードの Pod は Service から外れ、残りのレプリカが応答し続けます。',
          'With two or more replicas, pods on the NotReady node leave the Service and the others keep answering.',
        ),
      ),
    ],
    outageMs: graceMs + tolMs + startMs,
    lost: text(
      'メモリの状態、処理中のリクエスト、代わりの Pod が動くまでのリクエスト',
      'memory state, in-flight requests and requests until the replacement runs',
    ),
  };
}

/**
 * One VM lane's live migration under planned maintenance (normalised params): iterative pre-copy, and whether
 * the guest's vCPUs had to be slowed for it to converge.
 */
export function vmMigration(lane: 'esxi' | 'kvm', p: Params): { result: PreCopy; throttled: boolean } {
  const memMiB = n(p, 'memoryGiB') * 1024;
  const link = n(p, 'linkMiBps');
  const limit = lane === 'esxi' ? n(p, 'esxiSwitchoverMs') : n(p, 'downtimeLimitMs');
  const result = preCopy(memMiB, n(p, 'dirtyMiBps'), link, limit);
  // vMotion slows the guest's vCPUs (Stun During Page Send) and QEMU's auto-converge throttles them, so the
  // dirty rate falls below what the link can carry; modelled as half the link speed.
  const throttled = !result.converged && (lane === 'esxi' || p.kvmAutoConverge === true);
  if (!throttled) return { result, throttled };
  return { result: preCopy(memMiB, Math.min(n(p, 'dirtyMiBps'), link / 2), link, limit), throttled };
}

function planned(lane: LaneId, p: Params): Built {
  if (lane === 'esxi' || lane === 'kvm') {
    const { result, throttled } = vmMigration(lane, p);
    const name =
      lane === 'esxi'
        ? text('vMotion', 'vMotion')
        : text('ライブマイグレーション（virsh migrate --live）', 'live migration (virsh migrate --live)');
    const copy = step(
      lane,
      0,
      result.copyMs,
      'work',
      text(
        `${name.ja}${lane === 'esxi' ? ' ' : ''}が、VM を動かしたままメモリを送り、その間に書き換えられたページを送り直します。`,
        `${name.en} sends memory while the VM runs, then re-sends pages it dirtied meanwhile.`,
      ),
      text(
        '事前コピー（pre-copy）方式です。ほとんどのメモリを VM を止めずに送るので、止める時間は最後の残りの分だけで済みます。',
        'This is pre-copy: most memory moves while the VM runs, so the pause covers only what is left at the end.',
      ),
      [
        figure(
          `${lane}-precopy`,
          text('事前コピーの時間', 'Pre-copy time'),
          round(result.copyMs / 1000),
          's',
          derived(
            'メモリ量、書き換えの速さ、ネットワークの速さから、繰り返しコピーを計算しました。',
            'Iterated copies computed from memory size, dirty rate and link speed.',
          ),
        ),
        figure(
          `${lane}-rounds`,
          text('コピーの回数', 'Copy rounds'),
          result.rounds,
          'count',
          result.converged
            ? derived(
                '残りを停止時間の目標内で送れるまでの回数です。',
                'Rounds until the rest fits in the downtime target.',
              )
            : derived(
                '書き換えの速さが送る速さ以上なので、1 回送り終えても残りが減りません。ここで打ち切った回数です。',
                'The guest dirties memory at least as fast as the link sends it, so a round leaves as much as it sent; counted up to there.',
              ),
        ),
      ],
    );
    if (!result.converged) {
      return {
        steps: [
          copy,
          step(
            lane,
            result.copyMs,
            0,
            'wait',
            text(
              '書き換えが速すぎて、コピーが終わりません。ホストを空けられず、保守を始められません。',
              'The guest dirties memory too fast: copying never finishes, the host cannot be emptied and maintenance cannot start.',
            ),
            text(
              'QEMU は既定では vCPU を減速しません。auto-converge やポストコピーを使うか、移行をやめて VM を止めるかを選ぶ必要があります。',
              'QEMU does not slow the vCPUs by default: use auto-converge or post-copy, or cancel and shut the VM down.',
            ),
          ),
        ],
        outageMs: 0,
        lost: text('なし（ただし移行は終わりません）', 'nothing (but the migration never finishes)'),
      };
    }
    const switchover = step(
      lane,
      result.copyMs,
      result.downtimeMs,
      'wait',
      text(
        'VM を一瞬止め、残りのページと CPU・デバイスの状態を送り、移行先で再開します。',
        'The VM pauses briefly; the last pages and the CPU and device state are sent, and it resumes on the destination.',
      ),
      throttled
        ? text(
            '収束させるため、移行中は vCPU が減速されました（ESXi の Stun During Page Send、QEMU の auto-converge）。',
            'To converge, the vCPUs were slowed during the migration (ESXi’s Stun During Page Send, QEMU’s auto-converge).',
          )
        : text(
            'ネットワーク接続はそのまま続きます。移行先のホストが RARP／GARP でスイッチに新しい場所を知らせます。',
            'Network connections carry on; the destination announces the new location to the switches (RARP/GARP).',
          ),
      [
        figure(
          `${lane}-downtime`,
          text('停止時間', 'Downtime'),
          Math.round(result.downtimeMs),
          'ms',
          derived('最後に残ったページを送る時間です。', 'Time to send the pages left at the end.'),
        ),
        figure(
          'clark-downtime',
          text('研究で報告された停止時間（Xen、最短）', 'Downtime reported by the study (Xen, best case)'),
          60,
          'ms',
          cited(sources['clark-live-migration'], 'Abstract: service downtimes as low as 60ms'),
        ),
      ],
    );
    const at = result.copyMs + result.downtimeMs;
    return {
      steps: [
        copy,
        switchover,
        step(
          lane,
          at,
          0,
          'ready',
          text(
            'VM は移行先のホストで動き続けます。元のホストは保守できます。',
            'The VM runs on at the destination; the old host is free for maintenance.',
          ),
          text('メモリの状態も接続も失われません。', 'No memory state or connection is lost.'),
        ),
      ],
      outageMs: result.downtimeMs,
      lost: text(
        'なし（停止時間の間、リクエストは待たされます）',
        'nothing (requests wait during the pause)',
      ),
    };
  }
  if (p.kubernetes !== true) {
    const repairMs = n(p, 'repairMin') * 60_000;
    const startMs = sec(n(p, 'podStartS'));
    return {
      steps: [
        step(
          'docker',
          0,
          repairMs,
          'wait',
          text(
            'コンテナを止めてホストを保守します。その間サービスは止まります。',
            'The container is stopped for the maintenance; the service is down meanwhile.',
          ),
          text(
            'Docker だけでは、コンテナをほかのホストへ移す仕組みはありません。別のホストで手作業で起動することはできます。',
            'Plain Docker cannot move a container to another host; someone could start it elsewhere by hand.',
          ),
          [
            figure(
              'docker-maintenance',
              text('保守の時間', 'Maintenance time'),
              n(p, 'repairMin'),
              'min',
              derived(
                'パラメーター「ホストの修理・保守にかかる時間」の値です。',
                'The “host repair or maintenance time” parameter.',
              ),
            ),
          ],
        ),
        step(
          'docker',
          repairMs,
          startMs,
          'work',
          text(
            '保守が終わったら、コンテナを起動し直します。',
            'After the maintenance the container starts again.',
          ),
          text(
            'メモリの状態は失われ、アプリは最初から起動します。',
            'Memory state is lost; the app starts from scratch.',
          ),
          [
            figure(
              'docker-restart',
              text('コンテナの起動', 'Container start'),
              n(p, 'podStartS'),
              's',
              derived(
                'パラメーター「代わりの Pod が仕事を始めるまで」の値を使いました。',
                'The “replacement pod working after” parameter.',
              ),
            ),
          ],
        ),
        step(
          'docker',
          repairMs + startMs,
          0,
          'ready',
          text('アプリが再開します。', 'The app is back.'),
          text('保守の時間がそのまま停止時間になります。', 'The maintenance time is the downtime.'),
        ),
      ],
      outageMs: repairMs + startMs,
      lost: text('メモリの状態と、保守の間のリクエスト', 'memory state and requests during the maintenance'),
    };
  }
  const startMs = sec(n(p, 'podStartS'));
  return {
    steps: [
      step(
        'docker',
        0,
        0,
        'work',
        text(
          'kubectl drain がノードを cordon し、Pod を退避させます（PodDisruptionBudget を守りながら）。',
          'kubectl drain cordons the node and evicts its pods, respecting PodDisruptionBudgets.',
        ),
        text(
          'PodDisruptionBudget は、同時に止めてよいレプリカの数を決めます。レプリカが 1 つだと、退避で必ず止まります。',
          'A PodDisruptionBudget says how many replicas may be down at once; with one replica, eviction always means a gap.',
        ),
        [
          figure(
            'k8s-grace',
            text(
              '終了の猶予（terminationGracePeriodSeconds の既定値）',
              'Termination grace (terminationGracePeriodSeconds default)',
            ),
            30,
            's',
            cited(sources['k8s-pod-v1'], 'terminationGracePeriodSeconds: defaults to 30 seconds'),
          ),
        ],
      ),
      step(
        'docker',
        0,
        startMs,
        'work',
        text(
          '古い Pod は Service から外れて SIGTERM を受け、処理中のリクエストを終えます。ReplicaSet はすぐに代わりの Pod を別のノードに作ります。',
          'The old pod leaves the Service and gets SIGTERM to finish in-flight requests; the ReplicaSet at once creates a replacement on another node.',
        ),
        text(
          'コンテナは移動しません。新しいコンテナがイメージから作られるので、メモリの状態は引き継がれません。',
          'Containers do not move: a new one is made from the image, so memory state is not carried over.',
        ),
        [
          figure(
            'k8s-pod-start',
            text('代わりの Pod の起動', 'Replacement pod start'),
            n(p, 'podStartS'),
            's',
            derived(
              'パラメーター「代わりの Pod が仕事を始めるまで」の値です。',
              'The “replacement pod working after” parameter.',
            ),
          ),
        ],
      ),
      step(
        'docker',
        startMs,
        0,
        'ready',
        text('代わりの Pod が仕事を始めます。', 'The replacement pod is working.'),
        text(
          'レプリカが 1 つなら、その間だけ Service に応答する Pod がありません。2 つ以上なら止まりません。',
          'With one replica, the Service has no ready pod meanwhile; with two or more, nothing stops.',
        ),
      ),
    ],
    outageMs: startMs,
    lost: text(
      'メモリの状態（SIGTERM を扱うアプリなら、処理中のリクエストは終えられます）',
      'memory state (an app that handles SIGTERM finishes its in-flight requests)',
    ),
  };
}

function run(raw: Params): ScenarioRun {
  const p = normalise(params, raw);
  const lanes = ['esxi', 'kvm', 'docker'] as const;
  const built = Object.fromEntries(
    lanes.map((l) => [l, p.event === 'planned' ? planned(l, p) : unplanned(l, p)]),
  ) as Record<LaneId, Built>;
  const outage = (l: LaneId) => round(built[l].outageMs / 1000);
  const failed = (l: LaneId) => Math.round((built[l].outageMs / 1000) * n(p, 'requestsPerS'));
  const outcome = (l: LaneId) => ({
    lane: l,
    headline: text(
      `止まる時間 ${outage(l)} 秒。失われるもの：${built[l].lost.ja}`,
      `Away for ${outage(l)} s. Lost: ${built[l].lost.en}`,
    ),
    figures: [
      figure(
        `${l}-outage`,
        text('アプリが応答しない時間', 'Time the app does not answer'),
        outage(l),
        's',
        derived('このレーンの段階から計算しました。', 'From this lane’s stages.'),
      ),
      figure(
        `${l}-requests-failed`,
        text('失敗するリクエスト', 'Requests that fail'),
        failed(l),
        'requests',
        derived(
          '止まる時間 × 1 秒あたりのリクエスト（インスタンスが 1 つの場合）。',
          'Time away × requests per second (one instance).',
        ),
      ),
    ],
  });
  const categories = lanes.map((l) => ({ id: l, label: laneNames[l] }));
  return {
    scenario: 'host-failure',
    params: p,
    timed: true,
    steps: sortSteps(lanes.flatMap((l) => built[l].steps)),
    outcomes: { esxi: outcome('esxi'), kvm: outcome('kvm'), docker: outcome('docker') },
    charts: [
      {
        id: 'outage',
        title: text('アプリが応答しない時間', 'Time the app does not answer'),
        unit: 's',
        categories,
        series: [{ id: 'outage', label: text('停止', 'Away'), values: lanes.map(outage) }],
      },
      {
        id: 'requests-failed',
        title: text('失敗するリクエスト', 'Requests that fail'),
        unit: 'requests',
        categories,
        series: [{ id: 'failed', label: text('失敗', 'Failed'), values: lanes.map(failed) }],
      },
    ],
  };
}

export const hostFailure: Scenario = {
  id: 'host-failure',
  title: text('ホストのハードウェアが故障する', 'Host hardware fails'),
  summary: text(
    'アプリを動かしているホストが、突然止まるか、保守のために止められます。アプリはどこで、いつ再開し、何を失うでしょうか。',
    'The host running the app either dies or is taken down for maintenance. Where and when does the app come back, and what does it lose?',
  ),
  params,
  assumptions: [
    text(
      'アプリのインスタンスは 1 つで、リクエストは再送されないものとします。',
      'One instance of the app; failed requests are not retried.',
    ),
    text(
      'VM のディスクは共有ストレージ（SAN、NFS、vSAN など）にあり、クラスターのどのホストからも使えます。',
      'The VM’s disks are on shared storage (SAN, NFS, vSAN…) reachable from every host.',
    ),
    text(
      'ライブマイグレーションは、書き換えの速さが一定の単純な事前コピーとして計算します。書き換えが送る速さより遅ければ、回数はかかってもコピーは終わり、送る速さ以上なら終わりません。ESXi と auto-converge の減速は「書き換えの速さを送る速さの半分まで下げる」ものとします。',
      'Live migration is computed as simple pre-copy with a constant dirty rate: below the link speed the copy finishes, however many rounds it takes; at or above it, it never does. The ESXi and auto-converge throttling is modelled as bringing the dirty rate down to half the link speed.',
    ),
    text(
      '故障の検知、フェンシング、VM と Pod の起動にかかる時間は、一次資料の値がないため仮定です（パラメーターで変えられます）。',
      'Detection, fencing and VM or pod start times have no primary source here; they are assumptions you can change.',
    ),
  ],
  measurements: [],
  run,
};
