// Scenario "I/O-heavy workload": the path one disk or network request takes on each lane, and what it costs.
// The article's figures (full virtualization 8–20 % I/O, paravirtual drivers ~2 %, ~2 % memory) are shown
// beside a measured study (Felter et al., IBM RC25482), and the lanes say where the two disagree.
import { normalise } from '../params.ts';
import { assumed, cited, figure, laneNames, sortSteps, text } from '../run-helpers.ts';
import { sources } from '../sources.ts';
import type { Figure, LaneId, ParamSpec, Params, Scenario, ScenarioRun, Step, Text } from '../types.ts';

/** A space after a name ending in a Latin letter or digit, before the Japanese that follows (JA-STYLE). */
const spaced = (ja: string) => (/[A-Za-z0-9]$/.test(ja) ? `${ja} ` : ja);

const params: readonly ParamSpec[] = [
  {
    id: 'workload',
    type: 'choice',
    label: text('I/O の種類', 'Kind of I/O'),
    help: text(
      'ディスクのランダム I/O（4 KB を多数同時に）か、ネットワークか。',
      'Random disk I/O (many 4 KB requests at once) or network.',
    ),
    provenance: assumed(
      'データベースのような I/O の多いワークロードを既定にしました。',
      'An I/O-heavy workload such as a database by default.',
    ),
    options: [
      { value: 'disk', label: text('ディスク（ランダム 4 KB）', 'Disk (random 4 KB)') },
      { value: 'network', label: text('ネットワーク', 'Network') },
    ],
    default: 'disk',
  },
  {
    id: 'vmPath',
    type: 'choice',
    label: text('VM のデバイス', 'VM device'),
    help: text(
      '完全エミュレーション（e1000、IDE など）、準仮想化ドライバー（ESXi の vmxnet3・PVSCSI、KVM の virtio）、ハードウェアの直接割り当て（VT-d／IOMMU による DirectPath I/O、VFIO、SR-IOV）のどれを使うか。',
      'Full emulation (e1000, IDE…), paravirtual drivers (vmxnet3 and PVSCSI on ESXi, virtio on KVM), or the device assigned directly through VT-d/IOMMU (DirectPath I/O, VFIO, SR-IOV).',
    ),
    provenance: assumed(
      '現在の VM の標準的な構成である準仮想化を既定にしました。',
      'Paravirtual by default, the usual set-up of current VMs.',
    ),
    options: [
      { value: 'emulated', label: text('完全エミュレーション', 'Full emulation') },
      { value: 'paravirtual', label: text('準仮想化ドライバー', 'Paravirtual drivers') },
      {
        value: 'passthrough',
        label: text('直接割り当て（VT-d／SR-IOV）', 'Direct assignment (VT-d / SR-IOV)'),
      },
    ],
    default: 'paravirtual',
  },
  {
    id: 'containerPath',
    type: 'choice',
    lane: 'docker',
    label: text('コンテナの I/O の経路', 'Container I/O path'),
    help: text(
      '既定の経路（ネットワークは veth とブリッジと NAT、ディスクは overlay の書き込みレイヤー）か、近道（--network host、ボリューム）か。',
      'The default path (veth, bridge and NAT for the network; overlay’s writable layer for disk) or the short cut (--network host, a volume).',
    ),
    provenance: assumed('Docker の既定の構成を既定にしました。', 'Docker’s defaults by default.'),
    options: [
      { value: 'default', label: text('既定（ブリッジ＋NAT／overlay）', 'Default (bridge + NAT / overlay)') },
      {
        value: 'direct',
        label: text('近道（host ネットワーク／ボリューム）', 'Short cut (host network / volume)'),
      },
    ],
    default: 'default',
  },
];

const articleFull = figure(
  'article-full-io',
  text('記事：完全仮想化の I/O の損失', 'Article: I/O loss under full virtualization'),
  14,
  'percent',
  cited(
    sources.article,
    '「サービス仮想化技術の分類」1. 完全仮想化：ネットワークとハードディスクの I/O が約 8〜20 % 失われる',
  ),
  { low: 8, high: 20 },
);
const articlePv = figure(
  'article-pv-io',
  text('記事：準仮想化ドライバーの I/O の損失', 'Article: I/O loss with paravirtual drivers'),
  2,
  'percent',
  cited(sources.article, '「サービス仮想化技術の分類」2. 準仮想化：8〜20 % から 2 % に'),
);
const articleMemory = figure(
  'article-memory',
  text('記事：完全仮想化のメモリ読み書きの損失', 'Article: memory read/write loss under full virtualization'),
  2,
  'percent',
  cited(sources.article, '「サービス仮想化技術の分類」1. 完全仮想化：メモリの読み書きが約 2 % 失われる'),
);
const felterKvmDisk = figure(
  'felter-kvm-random-iops',
  text(
    '研究：KVM のランダム I/O の IOPS の減少（ネイティブ比）',
    'Study: fewer random-I/O IOPS on KVM (vs native)',
  ),
  50,
  'percent',
  cited(
    sources['felter-2014'],
    'Block I/O (fio), random I/O results; Conclusions: “KVM delivers only half as many IOPS because each I/O operation must go through QEMU”',
  ),
);
const felterDockerDisk = figure(
  'felter-docker-random-iops',
  text(
    '研究：Docker（ボリューム）のランダム I/O の IOPS の減少',
    'Study: fewer random-I/O IOPS in Docker (volume)',
  ),
  0,
  'percent',
  cited(
    sources['felter-2014'],
    'Block I/O (fio), random I/O results: Docker shows no overhead against native',
  ),
);

/** What the model uses for each path; null where neither the article nor the study gives a figure. */
function modelFigure(lane: LaneId, p: Params): Figure {
  const disk = p.workload === 'disk';
  if (lane === 'docker') {
    const direct = p.containerPath === 'direct';
    if (disk && direct) return felterDockerDisk;
    return figure(
      'docker-path-loss',
      text('このモデルでの I/O の損失', 'I/O loss in this model'),
      disk ? 0 : 5,
      'percent',
      disk
        ? assumed(
            'overlay の書き込みレイヤーは、コピーアップが終わったファイルにはホストのファイルシステムと同じ速さで書けると仮定しました。最初の書き込みではファイル全体のコピーが起きます。',
            'Once a file has been copied up, overlay’s writable layer is assumed as fast as the host file system; the first write copies the whole file.',
          )
        : assumed(
            'veth、ブリッジ、NAT（iptables）を通るぶん、パケットごとの CPU と遅延が増えます。研究もこの増加を報告していますが、ここで使う 5 % は私たちの仮定です。',
            'veth, the bridge and NAT (iptables) add CPU and latency per packet. The study reports this too, but the 5 % used here is our assumption.',
          ),
    );
  }
  if (p.vmPath === 'emulated') return articleFull;
  if (p.vmPath === 'passthrough')
    return figure(
      `${lane}-passthrough-loss`,
      text('このモデルでの I/O の損失', 'I/O loss in this model'),
      2,
      'percent',
      assumed(
        'デバイスが IOMMU を通じてゲストのメモリへ直接 DMA するので、残る損失は割り込みの配送程度と仮定しました。',
        'The device DMAs straight into guest memory through the IOMMU, so the remaining loss is assumed to be little more than interrupt delivery.',
      ),
    );
  if (disk && lane === 'kvm') return felterKvmDisk;
  return articlePv;
}

function vmSteps(lane: 'esxi' | 'kvm', p: Params): Step[] {
  const disk = p.workload === 'disk';
  const esxi = lane === 'esxi';
  const cost = modelFigure(lane, p);
  const path = p.vmPath as 'emulated' | 'paravirtual' | 'passthrough';
  const device: Record<typeof path, Text> = {
    emulated: esxi
      ? disk
        ? text('エミュレートされた LSI Logic／IDE コントローラー', 'an emulated LSI Logic / IDE controller')
        : text('エミュレートされた e1000', 'an emulated e1000')
      : disk
        ? text('QEMU がエミュレートする IDE コントローラー', 'an IDE controller emulated by QEMU')
        : text('QEMU がエミュレートする e1000', 'an e1000 emulated by QEMU'),
    paravirtual: esxi
      ? disk
        ? text('PVSCSI', 'PVSCSI')
        : text('vmxnet3', 'vmxnet3')
      : disk
        ? text('virtio-blk', 'virtio-blk')
        : text('virtio-net', 'virtio-net'),
    passthrough: disk
      ? esxi
        ? text('DirectPath I/O で NVMe コントローラー', 'an NVMe controller through DirectPath I/O')
        : text('VFIO で NVMe コントローラー', 'an NVMe controller through VFIO')
      : esxi
        ? text(
            'DirectPath I/O で NIC（または SR-IOV パススルーで NIC の VF）',
            'a NIC through DirectPath I/O (or a NIC’s VF through SR-IOV passthrough)',
          )
        : text(
            'VFIO で NIC（または SR-IOV で作った NIC の VF）',
            'a NIC (or a NIC’s SR-IOV VF) through VFIO',
          ),
  };
  const how: Record<typeof path, { what: Text; why: Text }> = {
    emulated: {
      what: text(
        `ゲストの標準のドライバーが、${spaced(device.emulated.ja)}のレジスターに触れるたびに VM exit が起き、${esxi ? 'ESXi の VMM' : 'QEMU'} がデバイスの動きを真似します。`,
        `Each time the guest’s stock driver touches a register of ${device.emulated.en}, a VM exit happens and ${esxi ? 'ESXi’s VMM' : 'QEMU'} imitates the device.`,
      ),
      why: text(
        '本物のハードウェアの振る舞いを 1 レジスターずつ再現するので、どの OS でもそのまま動きますが、I/O 1 回に何度もゲストとハイパーバイザーの間を行き来します。',
        'Real hardware is reproduced register by register, so any OS runs unchanged, but one I/O crosses between guest and hypervisor many times.',
      ),
    },
    paravirtual: {
      what: text(
        `ゲストの ${device.paravirtual.ja} ドライバーが共有メモリのリングに要求をまとめて置き、1 回の通知で${esxi ? ' VMkernel ' : disk ? ' QEMU ' : 'ホストカーネルの vhost-net '}に渡します。`,
        `The guest’s ${device.paravirtual.en} driver queues requests in a shared-memory ring and hands them over to ${esxi ? 'VMkernel' : disk ? 'QEMU' : 'vhost-net in the host kernel'} with one notification.`,
      ),
      why: text(
        'ゲストは自分が仮想マシンの中にいると知っているので、ハードウェアを真似る代わりに、まとめて受け渡すための専用のデバイスを使います。',
        'The guest knows it is virtualised, so instead of imitating hardware it uses a device designed for handing work over in batches.',
      ),
    },
    passthrough: {
      what: text(
        `${spaced(device.passthrough.ja)}を VM に直接割り当て、デバイスが IOMMU を通じてゲストのメモリへ直接 DMA します。`,
        `The VM is given ${device.passthrough.en}, and the device DMAs straight into guest memory through the IOMMU.`,
      ),
      why: text(
        'ハイパーバイザーはデータの経路から外れます。代わりに、その VM はホストのデバイスに縛られ、ライブマイグレーションなどが制限されます。',
        'The hypervisor leaves the data path; in exchange the VM is tied to the host’s device, which limits live migration and similar features.',
      ),
    },
  };
  const steps: Step[] = [
    { lane, at: 0, duration: 0, kind: 'work', what: how[path].what, why: how[path].why, costs: [cost] },
  ];
  const compare: Figure[] = path === 'emulated' ? [articleFull, articleMemory] : [articlePv, articleFull];
  if (disk && path === 'paravirtual') compare.push(felterKvmDisk);
  steps.push({
    lane,
    at: 1,
    duration: 0,
    kind: cost.value >= 10 ? 'loss' : 'ready',
    what:
      disk && path === 'paravirtual'
        ? lane === 'kvm'
          ? text(
              '記事は準仮想化ドライバーで損失が 2 % まで下がるとしますが、研究では KVM（virtio）のランダム I/O の IOPS がネイティブの約半分でした。',
              'The article says paravirtual drivers bring the loss down to 2 %, but the study measured KVM (virtio) reaching about half of native random-I/O IOPS.',
            )
          : text(
              '記事は準仮想化ドライバーで損失が 2 % まで下がるとします。研究は ESXi を測っていないので、ESXi の値は記事のものです。',
              'The article says paravirtual drivers bring the loss down to 2 %. The study did not measure ESXi, so the ESXi figure is the article’s.',
            )
        : text(
            '記事の値と、このモデルが使う値を並べます。',
            'The article’s figures beside the one this model uses.',
          ),
    why:
      disk && path === 'paravirtual'
        ? text(
            '小さな I/O を大量に同時に出すと、1 回ごとのゲストとホストの受け渡し（研究では QEMU を通る処理）が効いてきます。2 % は大きな I/O の転送量を見たときの値に近く、IOPS が問題になるワークロードには当てはまりません。',
            'With many small concurrent requests the per-request hand-over between guest and host (through QEMU in the study) dominates. The 2 % resembles large transfers measured by throughput; it does not hold where IOPS matter.',
          )
        : text(
            '記事の 8〜20 % と 2 % は出典の示されていない目安です。研究は準仮想化の KVM と Docker を測り、エミュレーションや直接割り当ては測っていません。',
            'The article’s 8–20 % and 2 % come without a cited measurement. The study measured paravirtual KVM and Docker, not emulation or direct assignment.',
          ),
    costs: compare,
  });
  return steps;
}

function dockerSteps(p: Params): Step[] {
  const disk = p.workload === 'disk';
  const direct = p.containerPath === 'direct';
  const cost = modelFigure('docker', p);
  const what: Text = disk
    ? direct
      ? text(
          'アプリの read／write はシステムコールとしてホストのカーネルに入り、ボリュームのファイルシステムからそのままディスクへ届きます。',
          'The app’s reads and writes enter the host kernel as system calls and reach the disk through the volume’s file system directly.',
        )
      : text(
          '書き込みは overlay の書き込みレイヤーに入ります。下のレイヤーにあるファイルは、最初の書き込みの前にファイルごと上へコピーされます（コピーアップ）。',
          'Writes go to overlay’s writable layer; a file from a lower layer is first copied up whole.',
        )
    : direct
      ? text(
          'コンテナはホストのネットワーク名前空間をそのまま使い、パケットはホストのスタックから直接 NIC に出ます。',
          'The container uses the host’s network namespace, and packets leave through the host stack straight to the NIC.',
        )
      : text(
          'パケットは veth ペアを通ってブリッジ（docker0）に入り、iptables の NAT でアドレスを書き換えられてから NIC に出ます。',
          'Packets cross a veth pair into the bridge (docker0) and are rewritten by iptables NAT before leaving through the NIC.',
        );
  const why: Text = text(
    'コンテナにはエミュレートするデバイスもゲストカーネルもありません。I/O はホストのカーネルのドライバーがそのまま処理するので、コストは経路に足した部分（overlay、veth、NAT）だけです。',
    'A container has no emulated device and no guest kernel: the host kernel’s own drivers handle the I/O, so the only cost is what was added to the path (overlay, veth, NAT).',
  );
  return [
    { lane: 'docker', at: 0, duration: 0, kind: 'work', what, why, costs: [cost] },
    {
      lane: 'docker',
      at: 1,
      duration: 0,
      kind: 'ready',
      what: disk
        ? text(
            '研究では、ボリュームを使った Docker のランダム I/O はネイティブと同等でした。記事も、コンテナの I/O はネイティブに近いとしています。',
            'The study found Docker’s random I/O on a volume as fast as native; the article also says container I/O is close to native.',
          )
        : text(
            '研究は、NAT を使うと遅延と CPU の負担が増え、--net=host でそれを避けられると報告しています。記事は経路の違いに触れていません。',
            'The study reports that NAT adds latency and CPU cost, avoided with --net=host; the article does not mention the path.',
          ),
      why: text(
        'ここでは記事と研究が一致します。違いが出るのは、コンテナの既定の経路が余計な処理を足すときです。',
        'Here the article and the study agree; differences come from what the default path adds.',
      ),
      costs: disk ? [felterDockerDisk] : [],
    },
  ];
}

function run(raw: Params): ScenarioRun {
  const p = normalise(params, raw);
  const steps = sortSteps([...vmSteps('esxi', p), ...vmSteps('kvm', p), ...dockerSteps(p)]);
  const model = {
    esxi: modelFigure('esxi', p),
    kvm: modelFigure('kvm', p),
    docker: modelFigure('docker', p),
  };
  const outcome = (lane: LaneId) => ({
    lane,
    headline: text(
      `このモデルでの I/O の損失：${model[lane].value} %`,
      `I/O loss in this model: ${model[lane].value} %`,
    ),
    figures: [model[lane]],
  });
  const disk = p.workload === 'disk';
  return {
    scenario: 'io',
    params: p,
    timed: false,
    steps,
    outcomes: { esxi: outcome('esxi'), kvm: outcome('kvm'), docker: outcome('docker') },
    charts: [
      {
        id: 'io-loss-by-path',
        title: text('I/O の経路ごとの損失：記事と研究', 'I/O loss by path: the article and the study'),
        unit: 'percent',
        categories: [
          { id: 'emulated', label: text('完全エミュレーション', 'Full emulation') },
          { id: 'paravirtual', label: text('準仮想化（KVM virtio）', 'Paravirtual (KVM virtio)') },
          { id: 'container', label: text('コンテナ（ボリューム）', 'Container (volume)') },
        ],
        series: [
          {
            id: 'article',
            label: text('記事', 'Article'),
            values: [articleFull.value, articlePv.value, null],
          },
          {
            id: 'study',
            label: text('研究（Felter ほか、ランダム I/O）', 'Study (Felter et al., random I/O)'),
            values: disk ? [null, felterKvmDisk.value, felterDockerDisk.value] : [null, null, null],
          },
        ],
      },
      {
        id: 'io-loss-by-lane',
        title: text('このモデルでのレーンごとの損失', 'Loss per lane in this model'),
        unit: 'percent',
        categories: (['esxi', 'kvm', 'docker'] as const).map((lane) => ({
          id: lane,
          label: laneNames[lane],
        })),
        series: [
          {
            id: 'model',
            label: text('モデル', 'Model'),
            values: [model.esxi.value, model.kvm.value, model.docker.value],
          },
        ],
      },
    ],
  };
}

export const io: Scenario = {
  id: 'io',
  title: text('I/O の多いワークロード', 'An I/O-heavy workload'),
  summary: text(
    'ディスクやネットワークを激しく使うアプリを、VM とコンテナで動かします。I/O 1 回がどこを通り、どれだけ失われるのでしょうか。',
    'An app that hammers the disk or the network runs in a VM and in a container. Which way does one request travel, and what does it lose?',
  ),
  params,
  assumptions: [
    text(
      '研究（Felter ほか、2014）は KVM（virtio）と Docker をネイティブと比べたもので、ESXi、完全エミュレーション、直接割り当ては測っていません。そこに研究の値はありません。',
      'The study (Felter et al., 2014) compared KVM (virtio) and Docker with native; it did not measure ESXi, full emulation or direct assignment, which have no study figure here.',
    ),
    text(
      '研究の値は 2014 年のハードウェアとソフトウェアのものです。virtio の複数キュー化や io_uring など、その後の改良で差は変わりえます。',
      'The study’s figures are from 2014 hardware and software; later work (multi-queue virtio, io_uring…) may change the gap.',
    ),
    text(
      '直接割り当ての 2 %、コンテナの NAT の 5 % は私たちの仮定です。',
      'The 2 % for direct assignment and 5 % for container NAT are our assumptions.',
    ),
    text(
      '損失はネイティブ（仮想化なし）に対する割合で表します。',
      'Losses are relative to native (no virtualisation).',
    ),
  ],
  measurements: [],
  run,
};
