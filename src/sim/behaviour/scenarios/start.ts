// Scenario "start an instance": what boots before the workload does useful work. A VM powers on virtual
// hardware, runs firmware, a boot loader, its own kernel and init, then the app; a container is a process the
// host kernel starts in fresh namespaces and a cgroup on an overlay root, with no kernel to boot.
import { normalise } from '../params.ts';
import { assumed, derived, figure, sortSteps, text } from '../run-helpers.ts';

import type {
  Figure,
  LaneId,
  Measurement,
  ParamSpec,
  Params,
  Scenario,
  ScenarioRun,
  Step,
  Text,
} from '../types.ts';

/** A space after a name ending in a Latin letter or digit, before the Japanese that follows (JA-STYLE). */
const spaced = (ja: string) => (/[A-Za-z0-9]$/.test(ja) ? `${ja} ` : ja);

/** Seconds with one decimal: start-up times differ by half seconds. */
const round = (value: number) => Math.round(value * 10) / 10;

const params: readonly ParamSpec[] = [
  {
    id: 'firmware',
    type: 'choice',
    label: text('仮想マシンのファームウェア', 'VM firmware'),
    help: text(
      'BIOS（ESXi では仮想 BIOS、KVM では SeaBIOS）か UEFI（ESXi では仮想 EFI、KVM では OVMF）か。UEFI のほうが初期化する項目が多く、POST に時間がかかります。',
      'BIOS (ESXi’s virtual BIOS, SeaBIOS on KVM) or UEFI (ESXi’s virtual EFI, OVMF on KVM). UEFI initialises more, so its POST takes longer.',
    ),
    provenance: assumed(
      '既定値は UEFI にしました。現在の OS の多くが UEFI で導入されるためです。',
      'UEFI by default, as most current OS installations use it.',
    ),
    options: [
      { value: 'bios', label: text('BIOS', 'BIOS') },
      { value: 'uefi', label: text('UEFI', 'UEFI') },
    ],
    default: 'uefi',
  },
  {
    id: 'kernelS',
    type: 'number',
    unit: 's',
    min: 0.5,
    max: 30,
    step: 0.5,
    default: 3,
    label: text('ゲストのブートローダーとカーネルの起動', 'Guest boot loader and kernel'),
    help: text(
      'ブートローダーがカーネルと initramfs を読み込み、カーネルがデバイスを初期化して init を起動するまでの時間です。',
      'From the boot loader loading the kernel and initramfs until the kernel has initialised its devices and starts init.',
    ),
    provenance: assumed(
      '汎用の Linux ディストリビューションを仮想マシンで起動したときのおおよその値として選びました。カーネルの設定とディスクの速さで大きく変わります。',
      'A rough value for a general-purpose Linux distribution in a VM; kernel configuration and disk speed change it a lot.',
    ),
  },
  {
    id: 'initS',
    type: 'number',
    unit: 's',
    min: 0.5,
    max: 120,
    step: 0.5,
    default: 6,
    label: text('ゲストの init（systemd）がサービスを起動するまで', 'Guest init (systemd) up to the service'),
    help: text(
      'systemd などの init がファイルシステムをマウントし、ネットワークを設定し、アプリのサービスを起動するまでの時間です。',
      'The time init (systemd) takes to mount file systems, bring up the network and start the app’s service.',
    ),
    provenance: assumed(
      'サーバー用の最小構成に近いゲストを想定した値です。systemd-analyze で自分の環境の値を確かめられます。',
      'A guest close to a minimal server install; systemd-analyze shows the value for a real system.',
    ),
  },
  {
    id: 'appS',
    type: 'number',
    unit: 's',
    min: 0,
    max: 60,
    step: 0.5,
    default: 2,
    label: text('アプリ自身の起動', 'The app’s own start-up'),
    help: text(
      'アプリが設定を読み、接続を開き、リクエストを受け付けるまでの時間です。3 つのレーンで同じ値を使います。',
      'The app reading its configuration, opening connections and accepting requests. All three lanes use the same value.',
    ),
    provenance: assumed('小さな Web アプリを想定した値です。', 'A small web application.'),
  },
  {
    id: 'imagePulled',
    type: 'boolean',
    lane: 'docker',
    default: true,
    label: text('イメージは取得済み', 'Image already pulled'),
    help: text(
      'ホストにイメージのレイヤーがなければ、まずレジストリからダウンロードして展開します。',
      'If the host lacks the image’s layers, they are downloaded from the registry and unpacked first.',
    ),
    provenance: assumed(
      '同じホストで 2 回目以降に起動する場合を既定にしました。',
      'By default, a start after the first on the same host.',
    ),
  },
  {
    id: 'imageMiB',
    type: 'number',
    unit: 'MiB',
    lane: 'docker',
    min: 5,
    max: 2000,
    step: 5,
    default: 150,
    label: text('イメージの大きさ（圧縮時）', 'Image size (compressed)'),
    help: text(
      'まだ取得していないときにダウンロードする量です。',
      'What is downloaded when the image is not there yet.',
    ),
    provenance: assumed(
      '小さなディストリビューションのベースイメージにアプリを載せた程度の大きさです。',
      'A small distribution base image plus an app.',
    ),
  },
  {
    id: 'pullMiBps',
    type: 'number',
    unit: 'MiB/s',
    lane: 'docker',
    min: 1,
    max: 1000,
    step: 1,
    default: 50,
    label: text('レジストリからの取得速度', 'Registry download speed'),
    help: text(
      '展開にかかる時間もここに含めて考えます。',
      'Unpacking the layers is counted in this speed too.',
    ),
    provenance: assumed(
      'データセンター内のレジストリを想定した値です。',
      'A registry inside the data centre.',
    ),
  },
];

// Figures of the platforms' own work (not the guest's): assumptions, stated with why we picked them.
const vmPowerOn: Record<'esxi' | 'kvm', Figure> = {
  esxi: figure(
    'esxi-power-on',
    text('電源投入（VMX プロセスとメモリの準備）', 'Power-on (VMX process, memory set up)'),
    1000,
    'ms',
    assumed(
      'VMkernel が仮想マシンのワールドと VMX プロセスを作り、スワップファイルを用意する時間として選んだ概算値です。公開された一次資料の値ではありません。',
      'Our estimate of the time VMkernel takes to create the VM’s world and VMX process and its swap file; not a published figure.',
    ),
  ),
  kvm: figure(
    'kvm-power-on',
    text('libvirt が QEMU プロセスを起動', 'libvirt starts the QEMU process'),
    500,
    'ms',
    assumed(
      'libvirt が QEMU を起動し、QEMU が /dev/kvm で仮想マシンと vCPU スレッドを作るまでの概算値です。公開された一次資料の値ではありません。',
      'Our estimate for libvirt starting QEMU and QEMU creating the VM and its vCPU threads through /dev/kvm; not a published figure.',
    ),
  ),
};

const firmwareMs = { bios: 1500, uefi: 4000 } as const;

/** The three figures the "measure it here" buttons compare with: always present in the Docker lane. */
const dockerFigures = {
  overlay: figure(
    'docker-overlay-mount',
    text('overlay のマウント（コンテナのルート）', 'overlay mount (the container’s root)'),
    10,
    'ms',
    assumed(
      '実機での桁の見積もりです。マウント 1 回はカーネルの中の短い処理です。エミュレーターの中では何十倍も遅くなるので、「ここで測る」の値とは桁で比べてください。',
      'An order-of-magnitude estimate for real hardware: one mount is a short kernel operation. The emulator is tens of times slower, so compare with “measure it here” by order of magnitude.',
    ),
  ),
  namespaces: figure(
    'docker-namespaces-cgroup',
    text('名前空間と cgroup の作成（runc）', 'Namespaces and cgroup created (runc)'),
    100,
    'ms',
    assumed(
      'runc が名前空間と cgroup を作り、seccomp とケーパビリティを設定し、Docker（libnetwork）が新しいネットワーク名前空間に veth ペアをつなぐまでの、実機での桁の見積もりです。',
      'An order-of-magnitude estimate, on real hardware, for runc creating namespaces and a cgroup and applying seccomp and capabilities, and Docker (libnetwork) plugging a veth pair into the new network namespace.',
    ),
  ),
  exec: figure(
    'docker-fork-exec',
    text('アプリのプロセスを exec', 'exec of the app’s process'),
    1,
    'ms',
    assumed(
      'fork と exec は実機ではミリ秒未満から 1 ミリ秒程度の処理です。',
      'A fork and an exec take well under a millisecond to about one on real hardware.',
    ),
  ),
};

const dockerDaemon = figure(
  'docker-daemon',
  text('Docker デーモンと containerd の準備', 'Docker daemon and containerd preparing'),
  300,
  'ms',
  assumed(
    'API の呼び出し、コンテナの設定（OCI の config.json）の作成、containerd-shim の起動をまとめた概算値です。',
    'Our estimate for the API call, writing the container’s OCI config.json and starting containerd-shim.',
  ),
);

const measurements: readonly Measurement[] = [
  {
    id: 'measure-namespaces-cgroup',
    label: text(
      'unshare で 6 種類の名前空間を作り、新しい cgroup の中で true を実行（中央値、5 回）',
      'unshare into six new namespaces inside a new cgroup, running true (median of 5)',
    ),
    unit: 'ms',
    compareTo: 'docker-namespaces-cgroup',
    timeoutMs: 90_000,
    script: `exec bash <<'MEASURE'
cg=/sys/fs/cgroup/vlab-measure-start
mkdir -p $cg
run() { ( echo $BASHPID > $cg/cgroup.procs; exec unshare --mount --uts --ipc --net --pid --fork --cgroup true ); }
run
times=()
for i in 1 2 3 4 5; do t0=\${EPOCHREALTIME/./}; run; t1=\${EPOCHREALTIME/./}; times+=($((t1 - t0))); done
us=$(printf '%s\\n' "\${times[@]}" | sort -n | sed -n 3p)
rmdir $cg 2>/dev/null
printf 'value=%d.%d\\n' $((us / 1000)) $((us % 1000 / 100))
MEASURE`,
  },
  {
    id: 'measure-fork-exec',
    label: text('fork して /bin/true を exec（中央値、5 回）', 'fork and exec of /bin/true (median of 5)'),
    unit: 'ms',
    compareTo: 'docker-fork-exec',
    timeoutMs: 60_000,
    script: `exec bash <<'MEASURE'
( exec /bin/true )
times=()
for i in 1 2 3 4 5; do t0=\${EPOCHREALTIME/./}; ( exec /bin/true ); t1=\${EPOCHREALTIME/./}; times+=($((t1 - t0))); done
us=$(printf '%s\\n' "\${times[@]}" | sort -n | sed -n 3p)
printf 'value=%d.%d\\n' $((us / 1000)) $((us % 1000 / 100))
MEASURE`,
  },
  {
    id: 'measure-overlay-mount',
    label: text(
      'mount で overlay をマウント（mount コマンドの起動を含む、中央値、5 回）',
      'mount of an overlay (starting the mount command included; median of 5)',
    ),
    unit: 'ms',
    compareTo: 'docker-overlay-mount',
    timeoutMs: 60_000,
    script: `exec bash <<'MEASURE'
d=/tmp/vlab-measure-overlay
mkdir -p $d/lower $d/upper $d/work $d/merged
ov() { mount -t overlay overlay -o lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work $d/merged && umount $d/merged; }
ov
times=()
for i in 1 2 3 4 5; do
  t0=\${EPOCHREALTIME/./}; mount -t overlay overlay -o lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work $d/merged; t1=\${EPOCHREALTIME/./}
  umount $d/merged; times+=($((t1 - t0)))
done
us=$(printf '%s\\n' "\${times[@]}" | sort -n | sed -n 3p)
rm -rf $d
printf 'value=%d.%d\\n' $((us / 1000)) $((us % 1000 / 100))
MEASURE`,
  },
];

interface Stage {
  readonly id: string;
  readonly kind: Step['kind'];
  readonly what: Text;
  readonly why: Text;
  readonly cost?: Figure;
}

/** Lays stages end to end on the lane's timeline; returns the steps and when the lane is ready. */
function lay(lane: LaneId, stages: readonly Stage[]): { steps: Step[]; readyAt: number } {
  let at = 0;
  const steps: Step[] = [];
  for (const s of stages) {
    const duration = s.cost ? s.cost.value : 0;
    steps.push({ lane, at, duration, kind: s.kind, what: s.what, why: s.why, costs: s.cost ? [s.cost] : [] });
    at += duration;
  }
  return { steps, readyAt: at };
}

function guestStages(p: Params, lane: 'esxi' | 'kvm'): Stage[] {
  const fw = p.firmware === 'bios' ? 'bios' : 'uefi';
  const fwName =
    lane === 'esxi'
      ? fw === 'bios'
        ? text('仮想 BIOS', 'virtual BIOS')
        : text('仮想 EFI', 'virtual EFI')
      : fw === 'bios'
        ? text('SeaBIOS', 'SeaBIOS')
        : text('OVMF（UEFI）', 'OVMF (UEFI)');
  return [
    {
      id: 'firmware',
      kind: 'work',
      what: text(
        `${spaced(fwName.ja)}が POST を行い、仮想ディスクからブートローダーを読み込みます。`,
        `The ${fwName.en} runs its POST and loads the boot loader from the virtual disk.`,
      ),
      why: text(
        '仮想マシンは物理マシンと同じ手順で起動します。ゲスト OS は本物のハードウェアの上で動く前提で作られているので、ファームウェアから順に動かす必要があります。',
        'A VM boots the way a physical machine does: the guest OS believes it runs on real hardware, so firmware comes first.',
      ),
      cost: figure(
        `${lane}-firmware`,
        text('ファームウェア（POST）', 'Firmware (POST)'),
        firmwareMs[fw],
        'ms',
        assumed(
          'ブートメニューの待ち時間を 0 にした場合の概算値です。UEFI は BIOS より多くのデバイスとドライバーを初期化します。',
          'Our estimate with the boot menu timeout at 0; UEFI initialises more devices and drivers than BIOS.',
        ),
      ),
    },
    {
      id: 'kernel',
      kind: 'work',
      what: text(
        'ゲストのカーネルが起動し、仮想デバイスのドライバーを初期化します。',
        'The guest kernel boots and initialises the drivers of its virtual devices.',
      ),
      why: text(
        '仮想マシンごとに独立したカーネルが動きます。これが隔離の強さの理由であり、起動の遅さの理由でもあります。',
        'Every VM runs its own kernel: the reason for its strong isolation, and for its slow start.',
      ),
      cost: figure(
        `${lane}-kernel`,
        text('ゲストカーネルの起動', 'Guest kernel boot'),
        (p.kernelS as number) * 1000,
        'ms',
        derived(
          'パラメーター「ゲストのブートローダーとカーネルの起動」の値です。',
          'The “guest boot loader and kernel” parameter.',
        ),
      ),
    },
    {
      id: 'init',
      kind: 'work',
      what: text(
        'ゲストの init（systemd）がファイルシステム、ネットワーク、サービスを順に起動します。',
        'The guest’s init (systemd) brings up file systems, the network and services.',
      ),
      why: text(
        'ゲストは完全な OS なので、アプリの前にユーザー空間一式が立ち上がります。',
        'The guest is a whole OS, so a full user space starts before the app.',
      ),
      cost: figure(
        `${lane}-init`,
        text('ゲストの init', 'Guest init'),
        (p.initS as number) * 1000,
        'ms',
        derived('パラメーター「ゲストの init」の値です。', 'The “guest init” parameter.'),
      ),
    },
  ];
}

function appStage(p: Params, lane: LaneId): Stage {
  return {
    id: 'app',
    kind: 'work',
    what: text(
      'アプリが起動し、リクエストを受け付ける準備をします。',
      'The app starts and gets ready to accept requests.',
    ),
    why: text(
      'アプリ自身の起動時間は、どのレーンでも同じです。',
      'The app’s own start-up is the same in every lane.',
    ),
    cost: figure(
      `${lane}-app`,
      text('アプリの起動', 'App start-up'),
      (p.appS as number) * 1000,
      'ms',
      derived('パラメーター「アプリ自身の起動」の値です。', 'The “app’s own start-up” parameter.'),
    ),
  };
}

const readyStage: Stage = {
  id: 'ready',
  kind: 'ready',
  what: text('アプリが役に立つ仕事を始めます。', 'The app starts doing useful work.'),
  why: text(
    'ここまでの時間が「役に立つ仕事までの時間」です。',
    'The time up to here is the time to useful work.',
  ),
};

function run(raw: Params): ScenarioRun {
  const p = normalise(params, raw);
  const esxi = lay('esxi', [
    {
      id: 'power-on',
      kind: 'work',
      what: text(
        'vCenter か ESXi ホストが仮想マシンの電源を入れ、VMkernel が VMX プロセスを起動します。',
        'vCenter or the ESXi host powers the VM on; VMkernel starts its VMX process.',
      ),
      why: text(
        'ESXi では VMkernel がハードウェアの上で直接動き、仮想マシンごとに VMX プロセスと vCPU のワールドを作って仮想ハードウェアを提供します。',
        'On ESXi, VMkernel runs on the hardware itself and gives each VM a VMX process and vCPU worlds that provide its virtual hardware.',
      ),
      cost: vmPowerOn.esxi,
    },
    ...guestStages(p, 'esxi'),
    appStage(p, 'esxi'),
    readyStage,
  ]);
  const kvm = lay('kvm', [
    {
      id: 'power-on',
      kind: 'work',
      what: text(
        'libvirt が QEMU プロセスを起動し、QEMU が /dev/kvm で仮想マシンと vCPU スレッドを作ります。',
        'libvirt starts a QEMU process, which creates the VM and its vCPU threads through /dev/kvm.',
      ),
      why: text(
        'KVM では Linux カーネル自身がハイパーバイザーです。仮想マシンは Linux の普通のプロセス（QEMU）で、vCPU はそのスレッドとして Linux のスケジューラーに載ります。',
        'With KVM, the Linux kernel itself is the hypervisor: a VM is an ordinary Linux process (QEMU) whose vCPUs are threads scheduled by Linux.',
      ),
      cost: vmPowerOn.kvm,
    },
    ...guestStages(p, 'kvm'),
    appStage(p, 'kvm'),
    readyStage,
  ]);
  const pullMs = p.imagePulled ? 0 : Math.round(((p.imageMiB as number) / (p.pullMiBps as number)) * 1000);
  const pull: Stage[] = p.imagePulled
    ? []
    : [
        {
          id: 'pull',
          kind: 'work',
          what: text(
            'レジストリからイメージのレイヤーをダウンロードして展開します。',
            'The image’s layers are downloaded from the registry and unpacked.',
          ),
          why: text(
            'イメージは読み取り専用のレイヤーの積み重ねです。ホストにすでにあるレイヤーは取得しません。Kubernetes では imagePullPolicy がこの段階を決めます。',
            'An image is a stack of read-only layers; layers the host already has are not fetched again. In Kubernetes, imagePullPolicy decides this stage.',
          ),
          cost: figure(
            'docker-pull',
            text('イメージの取得', 'Image pull'),
            pullMs,
            'ms',
            derived('イメージの大きさ ÷ 取得速度です。', 'Image size ÷ download speed.'),
          ),
        },
      ];
  const docker = lay('docker', [
    ...pull,
    {
      id: 'daemon',
      kind: 'work',
      what: text(
        'Docker デーモンが containerd にコンテナの作成を頼み、containerd-shim と runc が呼ばれます。',
        'The Docker daemon asks containerd to create the container; containerd-shim and runc are called.',
      ),
      why: text(
        'コンテナの設定は OCI ランタイム仕様の config.json として runc に渡されます。',
        'The container’s settings reach runc as an OCI runtime spec config.json.',
      ),
      cost: dockerDaemon,
    },
    {
      id: 'overlay',
      kind: 'work',
      what: text(
        'イメージのレイヤーを下に、書き込み用のレイヤーを上にして overlay をマウントし、コンテナのルートにします。',
        'An overlay is mounted with the image’s layers below and a writable layer on top: the container’s root.',
      ),
      why: text(
        'レイヤーはコピーせずに重ねるだけなので、同じイメージのコンテナはディスクとページキャッシュを共有します。',
        'Layers are stacked, not copied, so containers of one image share disk and page cache.',
      ),
      cost: dockerFigures.overlay,
    },
    {
      id: 'namespaces',
      kind: 'work',
      what: text(
        'runc が新しい名前空間（PID、マウント、ネットワーク、UTS、IPC、cgroup）と cgroup を作り、制限を書き込みます。',
        'runc creates new namespaces (PID, mount, network, UTS, IPC, cgroup) and a cgroup, and writes the limits.',
      ),
      why: text(
        '起動するカーネルはありません。ホストのカーネルが、見えるものと使える量を分けたプロセスを用意するだけです。',
        'There is no kernel to boot: the host kernel only sets up a process with its own view and its own limits.',
      ),
      cost: dockerFigures.namespaces,
    },
    {
      id: 'exec',
      kind: 'work',
      what: text(
        'runc がアプリを exec します。コンテナの PID 1 はアプリそのものです。',
        'runc execs the app: the container’s PID 1 is the app itself.',
      ),
      why: text(
        'ファームウェアもゲストカーネルも init もなく、最初のプロセスがアプリです。',
        'No firmware, no guest kernel, no init: the first process is the app.',
      ),
      cost: dockerFigures.exec,
    },
    appStage(p, 'docker'),
    readyStage,
  ]);
  const ready: Record<LaneId, number> = { esxi: esxi.readyAt, kvm: kvm.readyAt, docker: docker.readyAt };
  const readyFigure = (lane: LaneId) =>
    figure(
      `${lane}-time-to-work`,
      text('役に立つ仕事までの時間', 'Time to useful work'),
      round(ready[lane] / 1000),
      's',
      derived('このレーンの各段階の時間の合計です。', 'The sum of this lane’s stages.'),
    );
  const headline = (lane: LaneId): Text =>
    lane === 'docker'
      ? text(
          'カーネルを起動せず、プロセスを 1 つ用意するだけで仕事を始めます。',
          'Starts working after setting up one process, with no kernel to boot.',
        )
      : text(
          '仮想ハードウェア、ファームウェア、ゲストカーネル、init を経てから仕事を始めます。',
          'Starts working only after virtual hardware, firmware, a guest kernel and init.',
        );
  const stageValue = (steps: Step[], suffix: string) => {
    const f = steps.flatMap((s) => s.costs).find((c) => c.id.endsWith(suffix));
    return f ? round(f.value / 1000) : null;
  };
  const breakdown = (id: string, label: Text, suffixes: Record<LaneId, string | null>) => ({
    id,
    label,
    values: (['esxi', 'kvm', 'docker'] as const).map((lane) => {
      const suffix = suffixes[lane];
      const steps = lane === 'esxi' ? esxi.steps : lane === 'kvm' ? kvm.steps : docker.steps;
      return suffix ? stageValue(steps, suffix) : null;
    }),
  });
  const categories = (['esxi', 'kvm', 'docker'] as const).map((lane) => ({
    id: lane,
    label: text(
      lane === 'esxi' ? 'ESXi' : lane === 'kvm' ? 'KVM' : 'Docker',
      lane === 'esxi' ? 'ESXi' : lane === 'kvm' ? 'KVM' : 'Docker',
    ),
  }));
  return {
    scenario: 'start',
    params: p,
    timed: true,
    steps: sortSteps([...esxi.steps, ...kvm.steps, ...docker.steps]),
    outcomes: {
      esxi: { lane: 'esxi', headline: headline('esxi'), figures: [readyFigure('esxi')] },
      kvm: { lane: 'kvm', headline: headline('kvm'), figures: [readyFigure('kvm')] },
      docker: { lane: 'docker', headline: headline('docker'), figures: [readyFigure('docker')] },
    },
    charts: [
      {
        id: 'time-to-work',
        title: text('役に立つ仕事までの時間', 'Time to useful work'),
        unit: 's',
        categories,
        series: [
          {
            id: 'total',
            label: text('合計', 'Total'),
            values: [round(ready.esxi / 1000), round(ready.kvm / 1000), round(ready.docker / 1000)],
          },
        ],
      },
      {
        id: 'start-stages',
        title: text('段階ごとの内訳', 'Stage by stage'),
        unit: 's',
        categories,
        series: [
          breakdown('platform', text('プラットフォームの準備', 'Platform set-up'), {
            esxi: 'power-on',
            kvm: 'power-on',
            docker: 'daemon',
          }),
          breakdown('firmware', text('ファームウェア', 'Firmware'), {
            esxi: '-firmware',
            kvm: '-firmware',
            docker: null,
          }),
          breakdown('kernel', text('ゲストカーネル', 'Guest kernel'), {
            esxi: '-kernel',
            kvm: '-kernel',
            docker: null,
          }),
          breakdown('init', text('ゲストの init', 'Guest init'), {
            esxi: '-init',
            kvm: '-init',
            docker: null,
          }),
          breakdown('pull', text('イメージの取得', 'Image pull'), { esxi: null, kvm: null, docker: '-pull' }),
          breakdown('runtime', text('名前空間と cgroup', 'Namespaces and cgroup'), {
            esxi: null,
            kvm: null,
            docker: '-namespaces-cgroup',
          }),
          breakdown('app', text('アプリの起動', 'App start-up'), {
            esxi: '-app',
            kvm: '-app',
            docker: '-app',
          }),
        ],
      },
    ],
  };
}

export const start: Scenario = {
  id: 'start',
  title: text('インスタンスを起動する', 'Start an instance'),
  summary: text(
    '同じアプリを、ESXi の仮想マシン、KVM の仮想マシン、Docker のコンテナとして起動します。アプリが仕事を始めるまでに、それぞれ何が起動するのでしょうか。',
    'The same app is started as an ESXi VM, a KVM VM and a Docker container. What has to boot before the app can work?',
  ),
  params,
  assumptions: [
    text(
      'ホストは起動済みで、空きメモリと CPU は十分にあるものとします。',
      'The host is up, with enough free memory and CPU.',
    ),
    text(
      '仮想マシンは電源オフから起動します（一時停止からの再開やスナップショットからの復元ではありません）。ゲストは両方の VM レーンで同じです。',
      'VMs start from powered off (not resumed from suspend or a snapshot); both VM lanes run the same guest.',
    ),
    text(
      'プラットフォーム自身の処理時間（電源投入、Docker デーモン、名前空間の作成など）は一次資料の値がないため、実機での桁を見積もった仮定の値です。「ここで測る」で、エミュレーターの中の実測値と比べられます。',
      'The platforms’ own times (power-on, Docker daemon, namespace creation…) have no primary source; they are order-of-magnitude assumptions for real hardware. “Measure it here” compares them with a measurement in the emulator.',
    ),
    text(
      'エミュレーターの中の Linux は実機より何十倍も遅く動きます。実測値は仕組みの違い（カーネルの起動がない）を確かめるためのもので、実機の値の代わりにはなりません。',
      'Linux in the emulator runs tens of times slower than on real hardware: the measurement shows the mechanism (no kernel boots), not real-hardware timings.',
    ),
  ],
  measurements,
  run,
};
