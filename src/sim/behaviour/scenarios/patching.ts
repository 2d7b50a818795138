// Scenario 6, patching: a guest kernel, the host (ESXi image, KVM host kernel, Docker host kernel) or the
// VMM's user space (QEMU; dockerd/containerd/runc). Who reboots, what moves, what it costs.
import { normalise } from '../params.ts';
import { sources } from '../sources.ts';
import type { ChartSpec, Figure, LaneId, ParamSpec, Params, Scenario, Step, Text } from '../types.ts';
import { assumed, byLane, cited, derived, figure, round, sortSteps, text } from './lane-steps.ts';

const chosen = assumed('説明のために選んだ値です。', 'A value chosen for the illustration.');

const params: readonly ParamSpec[] = [
  {
    id: 'component',
    type: 'choice',
    options: [
      { value: 'guest-kernel', label: text('ゲストのカーネル', 'A guest kernel') },
      {
        value: 'host',
        label: text(
          'ホスト（ESXi のイメージ、ホストの Linux カーネル）',
          'The host (ESXi image, host Linux kernel)',
        ),
      },
      {
        value: 'vmm-userspace',
        label: text(
          'VMM のユーザー空間（QEMU、Docker エンジンと runc）',
          'VMM user space (QEMU; Docker engine and runc)',
        ),
      },
    ],
    default: 'host',
    label: text('パッチを当てるもの', 'What is patched'),
    help: text('3 つのレーンに同じ種類のパッチを当てます。', 'The same kind of patch in all three lanes.'),
    provenance: chosen,
  },
  {
    id: 'hosts',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 16,
    step: 1,
    default: 4,
    label: text('クラスターのホスト数', 'Hosts in the cluster'),
    help: text(
      '1 台だけなら、インスタンスを移す先がありません。',
      'With one host there is nowhere to move instances to.',
    ),
    provenance: chosen,
  },
  {
    id: 'instancesPerHost',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 50,
    step: 1,
    default: 10,
    label: text('ホストあたりのインスタンス数', 'Instances per host'),
    help: text(
      'ほかのホストに移すための空きがあるものとします。',
      'The other hosts are assumed to have room for them.',
    ),
    provenance: chosen,
  },
  {
    id: 'instanceMemGiB',
    type: 'number',
    unit: 'GiB',
    min: 1,
    max: 256,
    step: 1,
    default: 8,
    label: text('VM 1 台のメモリ', 'Memory of each VM'),
    help: text('ライブマイグレーションで転送する量です。', 'What live migration has to copy.'),
    provenance: chosen,
  },
  {
    id: 'linkGbps',
    type: 'number',
    unit: 'Gbit/s',
    min: 1,
    max: 100,
    step: 1,
    default: 10,
    label: text('マイグレーション用ネットワーク', 'Migration network'),
    help: text('VM のメモリはこの回線で送られます。', 'VM memory is copied over this link.'),
    provenance: chosen,
  },
  {
    id: 'hostRebootMin',
    type: 'number',
    unit: 'min',
    min: 1,
    max: 30,
    step: 1,
    default: 10,
    label: text('ホストの再起動にかかる時間', 'Host reboot time'),
    help: text(
      'サーバーのファームウェアの起動（POST）を含みます。3 つのレーンで同じです。',
      'Including the server firmware’s POST; the same in all three lanes.',
    ),
    provenance: assumed(
      'サーバーの POST は機種によって数分かかります。実機で測った値に置き換えてください。',
      'A server’s POST alone takes minutes on many models; replace with what you measure.',
    ),
  },
  {
    id: 'livePatch',
    type: 'boolean',
    default: false,
    label: text(
      'Linux カーネルのライブパッチ（livepatch、kpatch）を使う',
      'Use Linux kernel live patching (livepatch, kpatch)',
    ),
    help: text(
      'Linux のカーネル（KVM と Docker のホスト、Linux のゲスト）に効きます。関数単位の修正で、すべての修正に使えるわけではありません。',
      'Applies to Linux kernels (the KVM and Docker hosts, Linux guests). It replaces functions; not every fix can be shipped this way.',
    ),
    provenance: cited(sources['kernel-livepatch'], 'Introduction; Limitations'),
  },
  {
    id: 'kubernetes',
    type: 'boolean',
    lane: 'docker',
    default: true,
    label: text('コンテナを Kubernetes で動かす', 'Containers run under Kubernetes'),
    help: text(
      'オンなら、ノードを drain して Pod をほかのノードに作り直します。オフなら、Docker ホストの再起動でコンテナも止まります。',
      'On: the node is drained and its pods are re-created on other nodes. Off: the Docker host’s containers stop with it.',
    ),
    provenance: cited(sources['k8s-drain'], 'Use kubectl drain to remove a node from service'),
  },
];

const GUEST_REBOOT_S = 60;
const APP_START_S = 5;
const SWITCHOVER_S = 0.5;
const GRACE_S = 30;
/** Gbit in a GiB: 2^30 bytes × 8 bits / 10^9. */
const GBIT_PER_GIB = (2 ** 30 * 8) / 1e9;
/** Pre-copy sends memory at least once, plus the pages dirtied meanwhile: 1.2 copies is an assumption. */
const COPIES = 1.2;
const guestReboot = (lane: LaneId) =>
  figure(
    `${lane}-guest-reboot`,
    text('ゲストの再起動', 'Guest reboot'),
    GUEST_REBOOT_S,
    's',
    assumed(
      'ファームウェア、カーネル、init、アプリケーションの起動を合わせた、典型的な Linux VM の値として選びました。',
      'Chosen as typical for a Linux VM: firmware, kernel, init and application start.',
    ),
  );
const appStart = figure(
  'docker-app-start',
  text('コンテナのアプリケーションの起動', 'Application start in a new container'),
  APP_START_S,
  's',
  assumed(
    'コンテナの起動そのものは一瞬で、時間のほとんどはアプリケーションの初期化です。アプリケーションによって大きく変わります。',
    'Starting the container itself is quick; most of this is the application initialising, which varies widely.',
  ),
);
const switchover = (lane: LaneId) =>
  figure(
    `${lane}-switchover`,
    text('切り替えで VM が止まる時間', 'Pause while the VM switches hosts'),
    SWITCHOVER_S,
    's',
    assumed(
      '最後に残ったページとデバイスの状態を送る間だけ VM が止まります。1 秒未満が普通ですが、メモリを書き換える速さによります。',
      'The VM only pauses while the last dirty pages and device state are sent; usually under a second, but it depends on how fast the guest dirties memory.',
    ),
  );
const grace = figure(
  'docker-grace',
  text(
    'Pod の終了猶予（terminationGracePeriodSeconds の既定値、上限として）',
    'Pod termination grace period (default terminationGracePeriodSeconds, as an upper bound)',
  ),
  GRACE_S,
  's',
  cited(
    sources['k8s-pod-v1'],
    'PodSpec › Lifecycle › terminationGracePeriodSeconds: "Defaults to 30 seconds"',
  ),
);

function migrationSeconds(p: Params): number {
  return ((p.instanceMemGiB as number) * GBIT_PER_GIB * COPIES) / (p.linkGbps as number);
}
/**
 * All VMs of the host leave over the same migration link, so running several migrations at once shares its
 * bandwidth and does not shorten the total: the host is empty after every VM's memory has crossed the link.
 */
function evacuationSeconds(p: Params): number {
  return round((p.instancesPerHost as number) * migrationSeconds(p), 1);
}

function migrationFigure(lane: LaneId, p: Params): Figure {
  return figure(
    `${lane}-evacuate`,
    text('ホスト 1 台分の VM を移す時間', 'Time to move one host’s VMs away'),
    evacuationSeconds(p),
    's',
    derived(
      `VM の台数 × VM のメモリ（GiB を Gbit に換算して × 8.59）× ${COPIES}（書き換えられたページの再送、仮定）÷ 回線速度です。同じ回線を分け合うので、何台か並行に移しても合計の時間は縮みません。`,
      `Number of VMs × VM memory (GiB to Gbit: × 8.59) × ${COPIES} (re-sent dirty pages, an assumption) ÷ link speed. The VMs share one link, so migrating several at once does not shorten the total.`,
    ),
  );
}

const hostReboot = (lane: LaneId, p: Params) =>
  figure(
    `${lane}-host-reboot`,
    text('ホストの再起動', 'Host reboot'),
    (p.hostRebootMin as number) * 60,
    's',
    derived('パラメーター「ホストの再起動にかかる時間」です。', 'The "host reboot time" parameter.'),
  );

interface LanePlan {
  readonly steps: Step[];
  readonly downtime: number;
  readonly moved: number;
  readonly reboots: number;
  readonly headline: Text;
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
  return { lane, at: Math.round(at * 1000), duration: Math.round(duration * 1000), kind, what, why, costs };
}

function vmHostPatch(lane: 'esxi' | 'kvm', p: Params): LanePlan {
  const hosts = p.hosts as number;
  const n = p.instancesPerHost as number;
  const reboot = (p.hostRebootMin as number) * 60;
  if (lane === 'kvm' && p.livePatch)
    return {
      steps: [
        step(
          lane,
          0,
          0,
          'ready',
          text(
            'ライブパッチでホストのカーネルの関数を置き換えます。再起動も移動もありません。',
            'A live patch replaces functions of the host kernel: no reboot, nothing moves.',
          ),
          text(
            'kvm.ko を含むカーネルの修正を、動いたまま適用します。データ構造を変える修正など、ライブパッチにできないものは再起動が必要です。',
            'Kernel fixes, kvm.ko included, are applied while running; fixes that change data structures, for example, still need a reboot.',
          ),
        ),
      ],
      downtime: 0,
      moved: 0,
      reboots: 0,
      headline: text('KVM：ライブパッチで止まりません。', 'KVM: live-patched, nothing stops.'),
    };
  if (hosts < 2) {
    const down = GUEST_REBOOT_S + reboot + GUEST_REBOOT_S;
    return {
      steps: [
        step(
          lane,
          0,
          GUEST_REBOOT_S,
          'loss',
          text(
            `移す先のホストがないので、${n} 台の VM をシャットダウンします。`,
            `There is no other host: all ${n} VMs are shut down.`,
          ),
          text(
            'ライブマイグレーションには移す先のホストが必要です。',
            'Live migration needs a host to move to.',
          ),
          [guestReboot(lane)],
        ),
        step(
          lane,
          GUEST_REBOOT_S,
          reboot,
          'wait',
          text('ホストを再起動します。', 'The host reboots.'),
          lane === 'esxi'
            ? text(
                'ESXi のパッチは新しいイメージで起動し直して適用します。',
                'An ESXi patch takes effect by booting the new image.',
              )
            : text('新しいカーネルで起動します。', 'It boots the new kernel.'),
          [hostReboot(lane, p)],
        ),
        step(
          lane,
          GUEST_REBOOT_S + reboot,
          GUEST_REBOOT_S,
          'ready',
          text('VM を起動し直します。', 'The VMs boot again.'),
          text(
            'VM のメモリの中身（状態）は失われ、ゲストは最初から起動します。',
            'The VMs’ memory state is gone; each guest boots from scratch.',
          ),
        ),
      ],
      downtime: down,
      moved: 0,
      reboots: 1,
      headline: text(
        `${lane === 'esxi' ? 'ESXi' : 'KVM'}：移す先がなく、すべての VM が約 ${round(down / 60, 1)} 分止まります。`,
        `${lane === 'esxi' ? 'ESXi' : 'KVM'}: nowhere to move; every VM is down for about ${round(down / 60, 1)} min.`,
      ),
    };
  }
  const evac = evacuationSeconds(p);
  return {
    steps: [
      step(
        lane,
        0,
        evac,
        'work',
        lane === 'esxi'
          ? text(
              `メンテナンスモードに入ると、DRS が ${n} 台の VM を vMotion でほかのホストに移します。`,
              `Entering maintenance mode, DRS moves the ${n} VMs to other hosts with vMotion.`,
            )
          : text(
              `${n} 台の VM を virsh migrate --live でほかのホストに移します。`,
              `The ${n} VMs are moved to other hosts with virsh migrate --live.`,
            ),
        lane === 'esxi'
          ? text(
              'vMotion は VM を動かしたままメモリを何回かに分けて送り、最後に短く止めて切り替えます。ディスクは共有ストレージにあるので動きません。',
              'vMotion copies memory in rounds while the VM runs, then pauses it briefly to switch; disks stay on shared storage.',
            )
          : text(
              'libvirt が QEMU のライブマイグレーションを指示します。やり方は vMotion と同じプリコピーです。自動で移す仕組みは oVirt や OpenStack などの管理ソフトウェアが担います。',
              'libvirt drives QEMU’s live migration, pre-copy like vMotion; moving VMs automatically is the job of a management layer such as oVirt or OpenStack.',
            ),
        [migrationFigure(lane, p), switchover(lane)],
      ),
      step(
        lane,
        evac,
        reboot,
        'wait',
        text('空になったホストを再起動します。', 'The empty host reboots.'),
        lane === 'esxi'
          ? text(
              'ESXi のパッチは新しいイメージで起動し直して適用します。',
              'An ESXi patch takes effect by booting the new image.',
            )
          : text('新しいカーネルで起動します。', 'It boots the new kernel.'),
        [hostReboot(lane, p)],
      ),
      step(
        lane,
        evac + reboot,
        0,
        'ready',
        text(
          'ホストが戻り、VM を戻せます。次のホストへ進みます。',
          'The host is back and can take VMs again; on to the next host.',
        ),
        lane === 'esxi'
          ? text(
              'メンテナンスモードを抜けると、DRS が負荷に応じて VM を戻します。',
              'On leaving maintenance mode, DRS balances VMs back.',
            )
          : text(
              '移す先と戻す順番を決めるのは管理者か管理ソフトウェアです。',
              'The administrator or the management layer decides where VMs go back.',
            ),
      ),
    ],
    downtime: SWITCHOVER_S,
    moved: n,
    reboots: 1,
    headline: text(
      `${lane === 'esxi' ? 'ESXi' : 'KVM'}：VM はライブマイグレーションで移り、止まるのは切り替えの一瞬です。`,
      `${lane === 'esxi' ? 'ESXi' : 'KVM'}: VMs live-migrate away; each pauses only for the switch.`,
    ),
  };
}

function dockerHostPatch(p: Params): LanePlan {
  const hosts = p.hosts as number;
  const n = p.instancesPerHost as number;
  const reboot = (p.hostRebootMin as number) * 60;
  if (p.livePatch)
    return {
      steps: [
        step(
          'docker',
          0,
          0,
          'ready',
          text(
            'ライブパッチでホストのカーネルの関数を置き換えます。コンテナは止まりません。',
            'A live patch replaces functions of the host kernel; no container stops.',
          ),
          text(
            'すべてのコンテナが使うカーネルは 1 つだけで、それを動いたまま直します。ライブパッチにできない修正は再起動が必要です。',
            'Every container uses the one kernel, fixed while it runs; fixes that cannot be live-patched still need a reboot.',
          ),
        ),
      ],
      downtime: 0,
      moved: 0,
      reboots: 0,
      headline: text('Docker：ライブパッチで止まりません。', 'Docker: live-patched, nothing stops.'),
    };
  if (p.kubernetes && hosts >= 2)
    return {
      steps: [
        step(
          'docker',
          0,
          GRACE_S,
          'work',
          text(
            `kubectl drain でノードを割り当て対象から外し、${n} 個の Pod を退避させます。`,
            `kubectl drain cordons the node and evicts its ${n} pods.`,
          ),
          text(
            '退避では PodDisruptionBudget を守り、コンテナに終了の猶予を与えます。コンテナのメモリの中身は移りません。',
            'Evictions respect PodDisruptionBudgets and give containers a grace period to stop; their memory state does not move.',
          ),
          [grace],
        ),
        step(
          'docker',
          GRACE_S,
          APP_START_S,
          'ready',
          text(
            'Pod はほかのノードで新しく作られ、アプリケーションが起動します。',
            'The pods are re-created on other nodes and their applications start.',
          ),
          text(
            'コンテナは移動しません。同じイメージから別のノードで作り直します。レプリカが複数あれば、サービスは止まりません。',
            'Containers do not move: they are re-created from the same image elsewhere. With several replicas the service stays up.',
          ),
          [appStart],
        ),
        step(
          'docker',
          GRACE_S + APP_START_S,
          reboot,
          'wait',
          text(
            '空になったノードを再起動し、kubectl uncordon で戻します。',
            'The empty node reboots and comes back with kubectl uncordon.',
          ),
          text(
            'すべてのコンテナが共有するホストのカーネルを入れ替えるには、再起動が必要です。',
            'Replacing the kernel every container shares takes a reboot.',
          ),
          [hostReboot('docker', p)],
        ),
      ],
      downtime: GRACE_S + APP_START_S,
      moved: n,
      reboots: 1,
      headline: text(
        'Docker（Kubernetes）：Pod はほかのノードで作り直されます。',
        'Docker (Kubernetes): pods are re-created on other nodes.',
      ),
    };
  return {
    steps: [
      step(
        'docker',
        0,
        reboot,
        'loss',
        text(
          `ホストを再起動すると、${n} 個のコンテナもすべて止まります。`,
          `Rebooting the host stops all ${n} containers with it.`,
        ),
        text(
          hosts < 2
            ? 'ほかのホストがないので、作り直す先もありません。'
            : 'コンテナを別のホストで作り直すオーケストレーターがありません。',
          hosts < 2
            ? 'There is no other host to re-create them on.'
            : 'No orchestrator re-creates them on another host.',
        ),
        [hostReboot('docker', p)],
      ),
      step(
        'docker',
        reboot,
        APP_START_S,
        'ready',
        text(
          '起動後、再起動ポリシーでコンテナが起動し直します。',
          'After boot, the restart policy starts the containers again.',
        ),
        text(
          'コンテナのメモリの中身は失われ、アプリケーションは最初から起動します。',
          'Their memory state is gone; the applications start from scratch.',
        ),
        [appStart],
      ),
    ],
    downtime: reboot + APP_START_S,
    moved: 0,
    reboots: 1,
    headline: text(
      `Docker：すべてのコンテナが約 ${round((reboot + APP_START_S) / 60, 1)} 分止まります。`,
      `Docker: every container is down for about ${round((reboot + APP_START_S) / 60, 1)} min.`,
    ),
  };
}

function guestKernelPatch(lane: LaneId, p: Params): LanePlan {
  const n = p.instancesPerHost as number;
  if (lane === 'docker')
    return {
      steps: [
        step(
          'docker',
          0,
          0,
          'ready',
          text(
            'コンテナには自分のカーネルがないので、当てるものがありません。',
            'Containers have no kernel of their own: there is nothing to patch.',
          ),
          text(
            'コンテナの中で動くのはホストのカーネルです。カーネルの修正は「ホスト」のパッチになります。',
            'The kernel under a container is the host’s; a kernel fix is a patch of the host.',
          ),
        ),
      ],
      downtime: 0,
      moved: 0,
      reboots: 0,
      headline: text('Docker：ゲストのカーネルはありません。', 'Docker: there is no guest kernel.'),
    };
  if (p.livePatch)
    return {
      steps: [
        step(
          lane,
          0,
          0,
          'ready',
          text(
            `${n} 台の VM のゲストにライブパッチを当てます。再起動はありません。`,
            `Each of the ${n} guests is live-patched; no reboot.`,
          ),
          text(
            'Linux のゲストなら、ゲストの中でライブパッチが使えます。',
            'A Linux guest can live-patch its own kernel.',
          ),
        ),
      ],
      downtime: 0,
      moved: 0,
      reboots: 0,
      headline: text(
        `${lane === 'esxi' ? 'ESXi' : 'KVM'}：ゲストのライブパッチで止まりません。`,
        `${lane === 'esxi' ? 'ESXi' : 'KVM'}: guests live-patched, nothing stops.`,
      ),
    };
  return {
    steps: [
      step(
        lane,
        0,
        GUEST_REBOOT_S,
        'loss',
        text(
          `${n} 台の VM がそれぞれ自分のカーネルを更新して再起動します（1 台ずつ順番に）。`,
          `Each of the ${n} VMs updates its own kernel and reboots (one at a time).`,
        ),
        text(
          'VM は自分のカーネルを持っています。ホストもほかの VM も関係ありません。',
          'Each VM has its own kernel; neither the host nor the other VMs are involved.',
        ),
        [guestReboot(lane)],
      ),
    ],
    downtime: GUEST_REBOOT_S,
    moved: 0,
    reboots: 0,
    headline: text(
      `${lane === 'esxi' ? 'ESXi' : 'KVM'}：VM ごとに約 ${GUEST_REBOOT_S} 秒止まります。`,
      `${lane === 'esxi' ? 'ESXi' : 'KVM'}: each VM is down for about ${GUEST_REBOOT_S} s.`,
    ),
  };
}

function userspacePatch(lane: LaneId, p: Params): LanePlan {
  const n = p.instancesPerHost as number;
  if (lane === 'esxi') {
    const plan = vmHostPatch('esxi', p);
    return {
      ...plan,
      steps: plan.steps.map((s, i) =>
        i === 0
          ? {
              ...s,
              why: text(
                'VM ごとの VMX プロセスは ESXi のイメージの一部です。このモデルでは、ESXi のパッチはホストの更新（メンテナンスモードと再起動）として扱います。',
                'The per-VM VMX process is part of the ESXi image; this model treats an ESXi patch as a host update (maintenance mode and reboot).',
              ),
            }
          : s,
      ),
    };
  }
  if (lane === 'kvm') {
    const hosts = p.hosts as number;
    return {
      steps: [
        step(
          'kvm',
          0,
          0,
          'work',
          text(
            'QEMU のパッケージを更新します。動いている VM は古い QEMU のままです。',
            'The QEMU package is updated; running VMs keep the old QEMU.',
          ),
          text(
            'VM は QEMU のプロセスなので、新しい QEMU を使うにはプロセスを起動し直す必要があります。',
            'A VM is a QEMU process: it needs a new process to run the new QEMU.',
          ),
        ),
        hosts >= 2
          ? step(
              'kvm',
              0,
              evacuationSeconds(p),
              'ready',
              text(
                `${n} 台の VM をライブマイグレーションで移します。移行先では新しい QEMU プロセスが動きます。`,
                `The ${n} VMs live-migrate; on the destination a new QEMU process runs them.`,
              ),
              text(
                'ホストの再起動はいりません。移行先で新しいバイナリーの QEMU が起動します。',
                'No host reboot: the destination starts the new QEMU binary.',
              ),
              [migrationFigure('kvm', p), switchover('kvm')],
            )
          : step(
              'kvm',
              0,
              GUEST_REBOOT_S,
              'loss',
              text(
                `移す先がないので、${n} 台の VM をそれぞれ停止して起動し直します。`,
                `Nowhere to migrate: each of the ${n} VMs is shut down and started again.`,
              ),
              text(
                '同じホストの中でも、ゲストを起動し直せば新しい QEMU で動きます。',
                'Restarting a guest on the same host also runs the new QEMU.',
              ),
              [guestReboot('kvm')],
            ),
      ],
      downtime: hosts >= 2 ? SWITCHOVER_S : GUEST_REBOOT_S,
      moved: hosts >= 2 ? n : 0,
      reboots: 0,
      headline: text(
        'KVM：ホストは再起動しません。VM を新しい QEMU に移します。',
        'KVM: no host reboot; VMs move to the new QEMU.',
      ),
    };
  }
  return {
    steps: [
      step(
        'docker',
        0,
        0,
        'ready',
        text(
          'dockerd と containerd を更新して再起動します。dockerd の live-restore を有効にしているので、コンテナは動き続けます。',
          'dockerd and containerd are updated and restarted; with dockerd’s live-restore enabled, containers keep running.',
        ),
        text(
          '動いているコンテナの親は containerd-shim で、デーモンを再起動しても残ります。live-restore は既定では無効で、無効のまま dockerd を止めるとコンテナも止まります。',
          'Running containers hang off containerd-shim, which survives a daemon restart. live-restore is off by default, and without it stopping dockerd stops the containers.',
        ),
      ),
      step(
        'docker',
        0,
        APP_START_S,
        'work',
        text(
          '新しい runc は、次に作るコンテナと次の docker exec から使われます。コンテナを作るときの処理にあったバグなら、古い runc で作ったコンテナを順番に作り直します。',
          'The new runc is used for the next container created and the next docker exec. If the bug was in how containers are set up, the containers the old runc created are re-created in turn.',
        ),
        text(
          'runc はコンテナを作って終わるので、動いているコンテナの中には残っていません。置き換えたバイナリーがすぐ使われますが、古い runc が作ったコンテナの状態はそのまま残ります。',
          'runc sets a container up and exits; it does not stay in running containers. The replaced binary is used at once, but whatever the old runc set up in a running container stays as it was.',
        ),
        [appStart],
      ),
    ],
    downtime: APP_START_S,
    moved: 0,
    reboots: 0,
    headline: text(
      'Docker：ホストは再起動せず、コンテナを順に作り直します。',
      'Docker: no host reboot; containers are re-created in turn.',
    ),
  };
}

function plan(lane: LaneId, p: Params): LanePlan {
  switch (p.component) {
    case 'guest-kernel':
      return guestKernelPatch(lane, p);
    case 'vmm-userspace':
      return userspacePatch(lane, p);
    default:
      return lane === 'docker' ? dockerHostPatch(p) : vmHostPatch(lane, p);
  }
}

function laneFigures(lane: LaneId, lp: LanePlan): Figure[] {
  const why = derived(
    'この手順の時間と数から求めました。',
    'From the times and counts of this lane’s steps.',
  );
  return [
    figure(
      `${lane}-downtime`,
      text('インスタンス 1 つが止まる時間', 'Downtime per instance'),
      round(lp.downtime, 1),
      's',
      why,
    ),
    figure(
      `${lane}-moved`,
      text('移すか作り直すインスタンス', 'Instances moved or re-created elsewhere'),
      lp.moved,
      'count',
      why,
    ),
    figure(`${lane}-reboots`, text('ホストの再起動', 'Host reboots'), lp.reboots, 'count', why),
  ];
}

const laneName = { esxi: 'ESXi', kvm: 'KVM', docker: 'Docker' } as const;

function charts(plans: Record<LaneId, LanePlan>): ChartSpec[] {
  const lanes = ['esxi', 'kvm', 'docker'] as const;
  return [
    {
      id: 'downtime',
      title: text('インスタンス 1 つが止まる時間（秒）', 'Downtime per instance (s)'),
      unit: 's',
      categories: lanes.map((lane) => ({ id: lane, label: text(laneName[lane], laneName[lane]) })),
      series: [
        {
          id: 'downtime',
          label: text('止まる時間', 'Downtime'),
          values: lanes.map((lane) => round(plans[lane].downtime, 1)),
        },
      ],
    },
  ];
}

export const patching: Scenario = {
  id: 'patching',
  title: text('パッチの適用', 'Patching'),
  summary: text(
    'ゲストのカーネル、ホスト、VMM のユーザー空間のどれかにセキュリティパッチを当てます。だれが再起動し、何が移り、どれだけ止まるでしょうか。',
    'A security patch for a guest kernel, the host, or the VMM’s user space: who reboots, what moves, and how long does anything stop?',
  ),
  params,
  assumptions: [
    text(
      'ほかのホストには、移ってくるインスタンスを受け入れる空きがあるものとします。ディスクは共有ストレージにあります。',
      'The other hosts have room for the instances that move; disks are on shared storage.',
    ),
    text(
      `Pod の終了猶予（Kubernetes の既定値）のほかは、時間はすべて仮定です：ゲストの再起動 ${GUEST_REBOOT_S} 秒、アプリケーションの起動 ${APP_START_S} 秒、切り替えの停止 ${SWITCHOVER_S} 秒、ライブマイグレーションで送るメモリは VM のメモリの ${COPIES} 倍。`,
      `Apart from the pod grace period (Kubernetes’ default), every time is an assumption: guest reboot ${GUEST_REBOOT_S} s, application start ${APP_START_S} s, switchover pause ${SWITCHOVER_S} s, live migration sends ${COPIES} times the VM’s memory.`,
    ),
    text(
      'ESXi のパッチは、メンテナンスモードと再起動が必要なものとして扱います（一部のパッチを再起動なしで当てる仕組みは扱いません）。',
      'ESXi patches are treated as needing maintenance mode and a reboot (mechanisms that apply some patches without a reboot are not modelled).',
    ),
    text(
      'Kubernetes では、各サービスにほかのノードで動くレプリカがあるものとします。コンテナはライブマイグレーションしません（CRIU によるチェックポイントは扱いません）。Pod は終了猶予をすべて使って止まるものとします（SIGTERM ですぐ終わるアプリケーションならもっと短くなります）。',
      'Under Kubernetes every service has replicas on other nodes. Containers are not live-migrated (CRIU checkpointing is not modelled). Pods are taken to use their whole grace period (an application that exits on SIGTERM stops sooner).',
    ),
    text(
      'Docker のデーモンを更新するときは、dockerd の live-restore が有効になっているものとします（既定では無効です）。',
      'When the Docker daemon is updated, dockerd’s live-restore is taken to be enabled (it is off by default).',
    ),
  ],
  measurements: [],
  run(input: Params) {
    const p = normalise(params, input);
    const plans = byLane((lane) => plan(lane, p));
    return {
      scenario: 'patching',
      params: p,
      steps: sortSteps([...plans.esxi.steps, ...plans.kvm.steps, ...plans.docker.steps]),
      outcomes: byLane((lane) => ({
        lane,
        headline: plans[lane].headline,
        figures: laneFigures(lane, plans[lane]),
      })),
      charts: charts(plans),
      timed: true,
    };
  },
};
