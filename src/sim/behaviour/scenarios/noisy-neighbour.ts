// Scenario 8, a noisy neighbour: one instance wants every core and all the memory it can get, beside victims
// that need a steady share. Each lane limits it with its own knobs (ESXi shares/reservations/limits; libvirt's
// cgroup settings on the QEMU process; Docker's --cpu-shares/--cpus/--memory), the VMM's third job in the
// article. CPU is modelled as weighted max-min fair share (noisy-neighbour-model.ts); memory by what bounds
// the noisy instance; I/O is described, not computed.
import { normalise } from '../params.ts';
import { sources } from '../sources.ts';
import type {
  ChartSpec,
  Figure,
  LaneId,
  LaneOutcome,
  Measurement,
  ParamSpec,
  Params,
  Scenario,
  Step,
} from '../types.ts';
import { assumed, byLane, cited, derived, figure, round, sortSteps, text } from './lane-steps.ts';
import {
  type CpuConsumer,
  type CpuWeightFormula,
  cpuWeightFromShares,
  type EsxiSharesLevel,
  esxiSharesPerVcpu,
  shareCpu,
} from './noisy-neighbour-model.ts';

const workloadAssumption = assumed(
  '説明のために選んだ値です。ホストと負荷の大きさを変えて試せます。',
  'A value chosen for the illustration; change the host and workload to try others.',
);

const params: readonly ParamSpec[] = [
  {
    id: 'hostCores',
    type: 'number',
    unit: 'count',
    min: 4,
    max: 64,
    step: 1,
    default: 16,
    label: text('ホストの CPU コア数', 'Host CPU cores'),
    help: text('3 つのレーンで同じ大きさのホストを使います。', 'All three lanes use a host of this size.'),
    provenance: workloadAssumption,
  },
  {
    id: 'noisyVcpus',
    type: 'number',
    unit: 'vcpu',
    min: 1,
    max: 64,
    step: 1,
    default: 16,
    label: text('騒がしいインスタンスの vCPU（スレッド）数', 'Noisy instance: vCPUs (threads)'),
    help: text(
      '騒がしいインスタンスはこの数の vCPU（コンテナではスレッド）をすべて使い切ろうとします。VM は vCPU の数より多くのコアを使えません。',
      'The noisy instance keeps this many vCPUs (threads, for the container) busy. A VM can never use more cores than it has vCPUs.',
    ),
    provenance: workloadAssumption,
  },
  {
    id: 'victims',
    type: 'number',
    unit: 'count',
    min: 1,
    max: 12,
    step: 1,
    default: 5,
    label: text('ほかのインスタンスの数', 'Other instances (victims)'),
    help: text(
      '同じホストで安定して動いてほしいインスタンスです。',
      'Instances on the same host that should keep running steadily.',
    ),
    provenance: workloadAssumption,
  },
  {
    id: 'victimVcpus',
    type: 'number',
    unit: 'vcpu',
    min: 0.5,
    max: 16,
    step: 0.5,
    default: 3,
    label: text('ほかのインスタンス 1 つが必要な CPU（コア）', 'CPU each victim needs (cores)'),
    help: text(
      'この分の CPU 時間が得られれば、そのインスタンスは遅れずに仕事をこなせるものとします。',
      'With this much CPU time a victim keeps up with its work; with less it falls behind.',
    ),
    provenance: workloadAssumption,
  },
  {
    id: 'hostMemGiB',
    type: 'number',
    unit: 'GiB',
    min: 8,
    max: 512,
    step: 8,
    default: 64,
    label: text('ホストのメモリ', 'Host memory'),
    help: text('3 つのレーンで同じです。', 'The same in all three lanes.'),
    provenance: workloadAssumption,
  },
  {
    id: 'victimMemGiB',
    type: 'number',
    unit: 'GiB',
    min: 1,
    max: 64,
    step: 1,
    default: 8,
    label: text('ほかのインスタンス 1 つのメモリ', 'Memory of each victim'),
    help: text(
      'VM では構成したメモリ、コンテナでは使用中のメモリです。',
      'Configured memory of a victim VM; memory in use by a victim container.',
    ),
    provenance: workloadAssumption,
  },
  {
    id: 'noisyVmMemGiB',
    type: 'number',
    unit: 'GiB',
    min: 1,
    max: 256,
    step: 1,
    default: 16,
    label: text('騒がしい VM に構成したメモリ', 'Memory configured for the noisy VM'),
    help: text(
      'VM のレーンだけに効きます。VM のゲストは構成されたメモリより多くを見ることができません。コンテナにはこの大きさがなく、上限は --memory だけです。',
      'Only for the VM lanes: a guest never sees more memory than it was configured with. A container has no such size; only --memory bounds it.',
    ),
    provenance: workloadAssumption,
  },
  {
    id: 'esxiNoisyShares',
    type: 'choice',
    lane: 'esxi',
    options: [
      { value: 'low', label: text('低（vCPU あたり 500）', 'Low (500 per vCPU)') },
      { value: 'normal', label: text('標準（vCPU あたり 1000）', 'Normal (1000 per vCPU)') },
      { value: 'high', label: text('高（vCPU あたり 2000）', 'High (2000 per vCPU)') },
    ],
    default: 'normal',
    label: text('騒がしい VM の CPU シェア', 'CPU shares of the noisy VM'),
    help: text(
      'シェアは vCPU の数に比例します。ほかの VM は「標準」のままです。',
      'Shares grow with the number of vCPUs. The other VMs stay at Normal.',
    ),
    provenance: cited(sources['vsphere-shares-level'], 'SharesLevel: low, normal, high (For CPU)'),
  },
  {
    id: 'esxiVictimReservation',
    type: 'number',
    lane: 'esxi',
    unit: 'vcpu',
    min: 0,
    max: 16,
    step: 0.5,
    default: 0,
    label: text('ほかの VM それぞれの CPU 予約（コア）', 'CPU reservation of each other VM (cores)'),
    help: text(
      'ESXi は MHz で予約します。ここではコア 1 つ分のクロックを 1 とします。予約の合計がホストを超える VM はパワーオンできません。',
      'ESXi reserves MHz; here one core’s clock counts as 1. A VM whose reservation no longer fits the host cannot be powered on.',
    ),
    provenance: cited(sources['vsphere-resource-allocation'], 'reservation'),
  },
  {
    id: 'esxiNoisyLimit',
    type: 'number',
    lane: 'esxi',
    unit: 'vcpu',
    min: 0,
    max: 64,
    step: 0.5,
    default: 0,
    label: text(
      '騒がしい VM の CPU 制限（コア、0 は無制限）',
      'CPU limit of the noisy VM (cores, 0 = unlimited)',
    ),
    help: text('制限は、ホストが空いていても超えられません。', 'A limit holds even when the host is idle.'),
    provenance: cited(sources['vsphere-resource-allocation'], 'limit'),
  },
  {
    id: 'kvmNoisyWeight',
    type: 'number',
    lane: 'kvm',
    unit: 'ratio',
    min: 1,
    max: 10000,
    step: 1,
    default: 100,
    label: text(
      '騒がしい VM の cpu.weight（libvirt の <shares>）',
      'cpu.weight of the noisy VM (libvirt <shares>)',
    ),
    help: text(
      'QEMU プロセスの cgroup の重みです。ほかの VM は既定値 100 のままです。',
      'The weight of the QEMU process’s cgroup. The other VMs keep the default, 100.',
    ),
    provenance: cited(
      sources['kernel-cgroup-v2'],
      'Controllers › CPU › cpu.weight (default 100, range [1, 10000])',
    ),
  },
  {
    id: 'kvmNoisyQuota',
    type: 'number',
    lane: 'kvm',
    unit: 'vcpu',
    min: 0,
    max: 64,
    step: 0.5,
    default: 0,
    label: text('騒がしい VM の CPU 上限（コア、0 はなし）', 'CPU cap of the noisy VM (cores, 0 = none)'),
    help: text(
      'libvirt の <cputune> の period と quota で、QEMU の cgroup の cpu.max に入ります。',
      'libvirt’s <cputune> period and quota, written to cpu.max of the QEMU cgroup.',
    ),
    provenance: cited(sources['libvirt-formatdomain'], 'CPU Tuning: <period>, <quota>, <global_quota>'),
  },
  {
    id: 'dockerNoisyCpuShares',
    type: 'number',
    lane: 'docker',
    unit: 'ratio',
    min: 2,
    max: 4096,
    step: 2,
    default: 1024,
    label: text('騒がしいコンテナの --cpu-shares', '--cpu-shares of the noisy container'),
    help: text(
      'ほかのコンテナは既定値 1024 のままです。cgroup v2 では runc がこれを cpu.weight に換算します（下の「換算式」）。',
      'The other containers keep the default, 1024. On cgroup v2 runc converts it to cpu.weight (see "conversion" below).',
    ),
    provenance: cited(sources['docker-resource-constraints'], 'CPU › --cpu-shares (default 1024)'),
  },
  {
    id: 'dockerCpuWeightFormula',
    type: 'choice',
    lane: 'docker',
    options: [
      {
        value: 'linear',
        label: text(
          'runc 1.3.1 まで（線形：1024 は 39、256 は 10）',
          'runc up to 1.3.1 (linear: 1024 → 39, 256 → 10)',
        ),
      },
      {
        value: 'quadratic',
        label: text(
          'runc 1.3.2 から（1024 は 100、256 は 35）',
          'runc 1.3.2 and later (1024 → 100, 256 → 35)',
        ),
      },
    ],
    default: 'linear',
    label: text('--cpu-shares から cpu.weight への換算式', 'Conversion from --cpu-shares to cpu.weight'),
    help: text(
      'cgroup v2 のホストで runc が使う式です。線形の式では --cpu-shares の比がほぼそのまま cpu.weight の比になりますが、runc 1.3.2 からの式では比が変わります（1024 対 256 は 4 倍から約 2.9 倍に）。',
      'The formula runc uses on a cgroup v2 host. The linear one keeps the ratio of --cpu-shares in cpu.weight, nearly; the one of runc 1.3.2 and later does not (1024 against 256 goes from 4 times to about 2.9 times).',
    ),
    provenance: cited(
      sources['opencontainers-cgroups-cpu-weight'],
      'ConvertCPUSharesToCgroupV2Value: old 1 + ((shares − 2) × 9999) / 262142; new ⌈10^((L² + 125L) / 612 − 7/34)⌉, L = log2(shares)',
    ),
  },
  {
    id: 'dockerNoisyCpus',
    type: 'number',
    lane: 'docker',
    unit: 'vcpu',
    min: 0,
    max: 64,
    step: 0.5,
    default: 0,
    label: text('騒がしいコンテナの --cpus（0 はなし）', '--cpus of the noisy container (0 = none)'),
    help: text('cpu.max に入る上限です。', 'A cap, written to cpu.max.'),
    provenance: cited(sources['docker-resource-constraints'], 'CPU › --cpus'),
  },
  {
    id: 'dockerNoisyMemoryGiB',
    type: 'number',
    lane: 'docker',
    unit: 'GiB',
    min: 0,
    max: 512,
    step: 1,
    default: 0,
    label: text('騒がしいコンテナの --memory（0 はなし）', '--memory of the noisy container (0 = none)'),
    help: text(
      'memory.max に入る上限です。超えると、そのコンテナの中のプロセスが OOM キルされます。',
      'A limit written to memory.max; going over it OOM-kills a process inside that container.',
    ),
    provenance: cited(sources['docker-resource-constraints'], 'Memory › --memory'),
  },
];

export interface CpuResult {
  /** Victims that run (an ESXi VM whose reservation does not fit is not powered on). */
  readonly running: number;
  readonly victimEach: number;
  readonly noisy: number;
  /** What the noisy instance gets when every victim is idle: less than the host means a cap left cores idle. */
  readonly noisyAlone: number;
}

export interface MemoryResult {
  /** The most memory the noisy instance can take (GiB). */
  readonly noisyMax: number;
  /** True when the noisy instance can push the host into reclaim/OOM that hits the victims. */
  readonly hostPressure: boolean;
}

const num = (p: Params, id: string) => p[id] as number;

function lanesConsumers(
  p: Params,
  lane: LaneId,
): { noisy: CpuConsumer; victim: CpuConsumer; running: number } {
  const noisyVcpus = num(p, 'noisyVcpus');
  const victimVcpus = num(p, 'victimVcpus');
  const capOf = (v: number) => (v > 0 ? v : Number.POSITIVE_INFINITY);
  if (lane === 'esxi') {
    const level = p.esxiNoisyShares as EsxiSharesLevel;
    const reservation = num(p, 'esxiVictimReservation');
    // Admission control: a VM powers on only while every reservation still fits the host.
    const running =
      reservation > 0
        ? Math.min(num(p, 'victims'), Math.floor(num(p, 'hostCores') / reservation))
        : num(p, 'victims');
    return {
      running,
      noisy: {
        demand: noisyVcpus,
        weight: esxiSharesPerVcpu[level] * noisyVcpus,
        cap: capOf(num(p, 'esxiNoisyLimit')),
        floor: 0,
      },
      victim: {
        demand: victimVcpus,
        weight: esxiSharesPerVcpu.normal * Math.ceil(victimVcpus),
        cap: Number.POSITIVE_INFINITY,
        floor: reservation,
      },
    };
  }
  if (lane === 'kvm')
    return {
      running: num(p, 'victims'),
      noisy: {
        demand: noisyVcpus,
        weight: num(p, 'kvmNoisyWeight'),
        cap: capOf(num(p, 'kvmNoisyQuota')),
        floor: 0,
      },
      victim: { demand: victimVcpus, weight: 100, cap: Number.POSITIVE_INFINITY, floor: 0 },
    };
  const weights = dockerWeights(p);
  return {
    running: num(p, 'victims'),
    noisy: {
      demand: noisyVcpus,
      weight: weights.noisy,
      cap: capOf(num(p, 'dockerNoisyCpus')),
      floor: 0,
    },
    victim: { demand: victimVcpus, weight: weights.victim, cap: Number.POSITIVE_INFINITY, floor: 0 },
  };
}

/** The cpu.weight runc writes for the noisy container and for a victim left at --cpu-shares 1024. */
export function dockerWeights(p: Params): { noisy: number; victim: number } {
  const formula = p.dockerCpuWeightFormula as CpuWeightFormula;
  return {
    noisy: cpuWeightFromShares(num(p, 'dockerNoisyCpuShares'), formula),
    victim: cpuWeightFromShares(1024, formula),
  };
}

/** CPU each party gets in one lane, under contention and with the victims idle (unrounded: checks compare it). */
export function cpuResult(p: Params, lane: LaneId): CpuResult {
  const { noisy, victim, running } = lanesConsumers(p, lane);
  const host = num(p, 'hostCores');
  const shares = shareCpu(host, [noisy, ...Array.from({ length: running }, () => victim)]);
  const [alone] = shareCpu(host, [noisy]);
  return {
    running,
    noisy: shares[0] ?? 0,
    victimEach: running > 0 ? (shares[1] ?? 0) : 0,
    noisyAlone: alone ?? 0,
  };
}

export function memoryResult(p: Params, lane: LaneId): MemoryResult {
  const host = num(p, 'hostMemGiB');
  const victimsMem = num(p, 'victims') * num(p, 'victimMemGiB');
  if (lane === 'docker') {
    const limit = num(p, 'dockerNoisyMemoryGiB');
    const noisyMax = limit > 0 ? Math.min(limit, host) : host;
    return { noisyMax, hostPressure: noisyMax + victimsMem > host };
  }
  const noisyMax = num(p, 'noisyVmMemGiB');
  return { noisyMax, hostPressure: noisyMax + victimsMem > host };
}

const laneNames = { esxi: 'ESXi', kvm: 'KVM', docker: 'Docker' } as const;

function cpuFigures(lane: LaneId, p: Params, cpu: CpuResult): Figure[] {
  const why = derived(
    'ホストのコア数、各インスタンスの需要、重み・予約・上限から、重み付きの最大最小公平配分で計算しました（モデルの前提を参照）。',
    'Computed by weighted max-min fair sharing from the host’s cores, each instance’s demand and its weights, reservations and caps (see the model’s assumptions).',
  );
  return [
    figure(
      `${lane}-victim-cpu`,
      text('ほかのインスタンス 1 つが得る CPU', 'CPU each victim gets'),
      round(cpu.victimEach),
      'vcpu',
      why,
    ),
    figure(
      `${lane}-victim-need`,
      text('ほかのインスタンス 1 つが必要な CPU', 'CPU each victim needs'),
      num(p, 'victimVcpus'),
      'vcpu',
      workloadAssumption,
    ),
    figure(
      `${lane}-noisy-cpu`,
      text('騒がしいインスタンスが得る CPU', 'CPU the noisy instance gets'),
      round(cpu.noisy),
      'vcpu',
      why,
    ),
    figure(
      `${lane}-noisy-alone`,
      text(
        'ほかがアイドルのとき騒がしいインスタンスが使える CPU',
        'CPU the noisy instance can use when the others are idle',
      ),
      round(cpu.noisyAlone),
      'vcpu',
      why,
    ),
  ];
}

const capExample = figure(
  'cpu-max-half',
  text('cpu.max「50000 100000」で使える CPU', 'CPU allowed by cpu.max "50000 100000"'),
  50,
  'percent',
  cited(sources['kernel-cgroup-v2'], 'Controllers › CPU › cpu.max (quota per period)'),
);
const weightExample = figure(
  'cpu-weight-quarter',
  text(
    'cpu.weight 100 と 300 が 1 つの CPU を取り合うときの前者の取り分',
    'Share of cpu.weight 100 against 300 on one busy CPU',
  ),
  25,
  'percent',
  cited(sources['kernel-cgroup-v2'], 'Resource Distribution Models › Weights (100 / (100 + 300))'),
);

function weightFigures(p: Params): Figure[] {
  const weights = dockerWeights(p);
  const why = derived(
    'パラメーター「--cpu-shares から cpu.weight への換算式」の式で換算しました。',
    'Converted with the formula chosen in "Conversion from --cpu-shares to cpu.weight".',
  );
  return [
    figure(
      'docker-noisy-weight',
      text(
        `騒がしいコンテナの cpu.weight（--cpu-shares ${num(p, 'dockerNoisyCpuShares')}）`,
        `cpu.weight of the noisy container (--cpu-shares ${num(p, 'dockerNoisyCpuShares')})`,
      ),
      weights.noisy,
      'ratio',
      why,
    ),
    figure(
      'docker-victim-weight',
      text(
        'ほかのコンテナの cpu.weight（--cpu-shares 1024）',
        'cpu.weight of each other container (--cpu-shares 1024)',
      ),
      weights.victim,
      'ratio',
      why,
    ),
    figure(
      'docker-weight-2000',
      text(
        '--cpu-shares 2000 の cpu.weight（runc 1.3.1 では 77、1.3.2 からは 170）',
        'cpu.weight for --cpu-shares 2000 (77 with runc 1.3.1, 170 from 1.3.2)',
      ),
      (p.dockerCpuWeightFormula as CpuWeightFormula) === 'linear' ? 77 : 170,
      'ratio',
      cited(
        sources['runc-cpu-weight-change'],
        'Description: --cpu-shares 2000 gives cpu.weight 77 with runc v1.3.1 and 170 with v1.4.0-rc.1; the title names v1.3.2 too',
      ),
    ),
  ];
}

function steps(p: Params): Step[] {
  const out: Step[] = [];
  const victims = num(p, 'victims');
  for (const lane of ['esxi', 'kvm', 'docker'] as const) {
    const cpu = cpuResult(p, lane);
    const mem = memoryResult(p, lane);
    const starved = cpu.running < victims || cpu.victimEach + 1e-9 < num(p, 'victimVcpus');
    out.push({
      lane,
      at: 0,
      duration: 0,
      kind: 'work',
      what:
        lane === 'docker'
          ? text(
              `騒がしいコンテナが ${num(p, 'noisyVcpus')} 本のスレッドで CPU を回し、メモリを確保し続けます。`,
              `The noisy container spins ${num(p, 'noisyVcpus')} threads and keeps allocating memory.`,
            )
          : text(
              `騒がしい VM が ${num(p, 'noisyVcpus')} 個の vCPU をすべて使い、ゲストの中でメモリを確保し続けます。`,
              `The noisy VM keeps all ${num(p, 'noisyVcpus')} vCPUs busy and keeps allocating memory inside its guest.`,
            ),
      why:
        lane === 'docker'
          ? text(
              'コンテナはホストのカーネルが動かす普通のプロセスです。制限を付けなければ、スレッドはホストのどのコアでも動けます。',
              'A container is ordinary processes run by the host’s kernel; without limits its threads may run on every core of the host.',
            )
          : text(
              'vCPU はハイパーバイザーがスケジュールするスレッドです（ESXi では VMkernel のワールド、KVM では QEMU プロセスのスレッド）。VM は vCPU の数より多くのコアを使えません。',
              'Each vCPU is a thread the hypervisor schedules (a VMkernel world on ESXi, a thread of the QEMU process on KVM); a VM cannot use more cores than it has vCPUs.',
            ),
      costs: [],
    });
    out.push({
      lane,
      at: 1000,
      duration: 0,
      kind: starved ? 'loss' : 'contained',
      what: starved
        ? text(
            cpu.running < victims
              ? `予約がホストに収まらず、${victims} 台中 ${cpu.running} 台しかパワーオンできません。動いている VM はそれぞれ ${round(cpu.victimEach)} コアを得ます。`
              : `ほかのインスタンスはそれぞれ ${round(cpu.victimEach)} コアしか得られず、必要な ${num(p, 'victimVcpus')} コアに届きません。`,
            cpu.running < victims
              ? `The reservations do not fit the host: only ${cpu.running} of ${victims} VMs power on. Those running get ${round(cpu.victimEach)} cores each.`
              : `Each victim gets only ${round(cpu.victimEach)} cores, short of the ${num(p, 'victimVcpus')} it needs.`,
          )
        : text(
            `ほかのインスタンスはそれぞれ必要な ${round(cpu.victimEach)} コアを得て、騒がしいインスタンスは残りの ${round(cpu.noisy)} コアを使います。`,
            `Each victim gets the ${round(cpu.victimEach)} cores it needs; the noisy instance uses the remaining ${round(cpu.noisy)}.`,
          ),
      why: cpuWhy(lane),
      costs: [
        ...cpuFigures(lane, p, cpu),
        ...(lane === 'docker' ? [...weightFigures(p), capExample, weightExample] : []),
      ],
    });
    out.push({
      lane,
      at: 2000,
      duration: 0,
      kind: mem.hostPressure ? 'loss' : 'contained',
      what: memoryWhat(lane, p, mem),
      why: memoryWhy(lane),
      costs: [
        figure(
          `${lane}-noisy-memory`,
          text('騒がしいインスタンスが取れるメモリの最大', 'Most memory the noisy instance can take'),
          mem.noisyMax,
          'GiB',
          derived(
            lane === 'docker'
              ? '--memory（なければホストのメモリ全体）から求めました。'
              : 'VM に構成したメモリです。ゲストはそれ以上を見ることができません。',
            lane === 'docker'
              ? 'From --memory (the whole host’s memory when unset).'
              : 'The VM’s configured memory: the guest cannot see more.',
          ),
        ),
      ],
    });
    out.push({
      lane,
      at: 3000,
      duration: 0,
      kind: 'work',
      what: text(
        'ディスクとネットワークの取り合いを抑える仕組みもあります。',
        'Disk and network contention have their own controls.',
      ),
      why: ioWhy(lane),
      costs: [],
    });
  }
  return out;
}

function cpuWhy(lane: LaneId) {
  if (lane === 'esxi')
    return text(
      'VMkernel のスケジューラーは、CPU が足りないときだけシェアの比で分けます。シェアは vCPU の数に比例するので、vCPU の多い VM は既定のままでも多く取ります。予約は競合時にも必ず渡す量で、使わない分はほかの VM が使えます。制限はホストが空いていても超えられません。',
      'The VMkernel scheduler divides CPU by shares only when it runs short. Shares grow with the vCPU count, so a VM with many vCPUs gets more even at the defaults. A reservation is what a VM gets even under contention, and any of it left unused goes to others; a limit holds even on an idle host.',
    );
  if (lane === 'kvm')
    return text(
      'VM は Linux のプロセス（QEMU）なので、libvirt が VM ごとに作る cgroup の設定で Linux のスケジューラーが配分します。cpu.weight は競合したときだけ効く比率で、既定では VM の大きさに関係なく同じ重みです。cpu.max の上限は空いていても効きます。CPU の予約に当たる設定はありません。',
      'A VM is a Linux process (QEMU), so the Linux scheduler divides CPU by the cgroup libvirt makes for each VM. cpu.weight is a ratio that only matters under contention, and by default every VM weighs the same whatever its size; a cpu.max cap applies even on an idle host. There is no CPU reservation.',
    );
  return text(
    '同じ Linux の cgroup の仕組みです。--cpu-shares は競合時だけ効く比率、--cpus は空いていても効く上限です。Kubernetes では、CPU の requests が cgroup の重みになるので、requests を満たす分は競合時にも得られます。limits は cpu.max の上限になります。',
    'The same Linux cgroup mechanism: --cpu-shares is a ratio that matters only under contention, --cpus a cap that holds even when the host is idle. In Kubernetes a container’s CPU request becomes its cgroup weight, so it gets its request even under contention; its limit becomes a cpu.max cap.',
  );
}

function memoryWhat(lane: LaneId, p: Params, mem: MemoryResult) {
  const victimsMem = num(p, 'victims') * num(p, 'victimMemGiB');
  const host = num(p, 'hostMemGiB');
  if (lane === 'docker')
    return mem.hostPressure
      ? text(
          `騒がしいコンテナは最大 ${mem.noisyMax} GiB まで取れます。ほかのコンテナの ${victimsMem} GiB と合わせるとホストの ${host} GiB を超え、カーネルがほかのコンテナのキャッシュまで回収し、最後はホスト全体の OOM キラーが動きます。`,
          `The noisy container can take up to ${mem.noisyMax} GiB. With the victims’ ${victimsMem} GiB that is more than the host’s ${host} GiB: the kernel reclaims the victims’ caches too, and in the end the host-wide OOM killer runs.`,
        )
      : text(
          `--memory の ${mem.noisyMax} GiB に達すると、騒がしいコンテナの中のプロセスが OOM キルされます。ほかのコンテナの ${victimsMem} GiB には届きません。`,
          `At its --memory of ${mem.noisyMax} GiB a process inside the noisy container is OOM-killed; the victims’ ${victimsMem} GiB are not touched.`,
        );
  return mem.hostPressure
    ? text(
        `VM に構成したメモリの合計（${mem.noisyMax + victimsMem} GiB）がホストの ${host} GiB を超えています（オーバーコミット）。騒がしい VM が全部を使うと、ハイパーバイザーはほかの VM からもメモリを回収します。`,
        `The VMs’ configured memory (${mem.noisyMax + victimsMem} GiB) is more than the host’s ${host} GiB (overcommitted). When the noisy VM touches all of its memory, the hypervisor reclaims memory from the other VMs too.`,
      )
    : text(
        `騒がしい VM が構成された ${mem.noisyMax} GiB を使い切ると、その VM のゲストの中で OOM キラーが動きます。ほかの VM のメモリには届きません。`,
        `When the noisy VM has used its ${mem.noisyMax} GiB, the OOM killer inside its own guest runs; the other VMs’ memory is not touched.`,
      );
}

function memoryWhy(lane: LaneId) {
  if (lane === 'esxi')
    return text(
      'VM のメモリの大きさは構成で決まります。オーバーコミットしたときは、ESXi がページ共有、バルーニング、圧縮、スワップで回収し、どの VM から回収するかはメモリのシェア・予約・制限で決まります。',
      'A VM’s memory size is fixed by its configuration. When memory is overcommitted, ESXi reclaims by page sharing, ballooning, compression and swapping, and memory shares, reservations and limits decide which VMs give it up.',
    );
  if (lane === 'kvm')
    return text(
      'ゲストのメモリは QEMU プロセスのメモリです。大きさは構成で決まりますが、オーバーコミットするとホストのカーネルが回収し、足りなければホストの OOM キラーが QEMU プロセスごと VM を止めることもあります。libvirt の <memtune> で cgroup の上限も付けられます。',
      'Guest memory is the QEMU process’s memory. Its size is configured, but when it is overcommitted the host kernel reclaims it, and if that is not enough the host’s OOM killer may kill a QEMU process, taking its whole VM down. libvirt’s <memtune> can also set cgroup limits.',
    );
  return text(
    'コンテナにはゲスト OS がないので、「構成したメモリの大きさ」もありません。上限は cgroup の memory.max（--memory）だけで、付けなければホストのメモリ全体が対象です。',
    'A container has no guest OS, so there is no configured memory size: the only bound is the cgroup’s memory.max (--memory). Without it the whole host’s memory is fair game.',
  );
}

function ioWhy(lane: LaneId) {
  if (lane === 'esxi')
    return text(
      'ディスクは VM ごとのシェアと IOPS の制限、データストアが混んだときに働く Storage I/O Control で、ネットワークは Network I/O Control で配分します。',
      'Disk: per-VM disk shares and IOPS limits, and Storage I/O Control when a datastore is congested; network: Network I/O Control.',
    );
  if (lane === 'kvm')
    return text(
      'libvirt の <blkiotune>（重み）と、ディスクごとの <iotune>（IOPS・帯域の上限）を使います。cgroup v2 では io.weight と io.max です。重みが効くのは、比例配分する I/O コントローラー（BFQ や io.cost）があるときだけです。',
      'libvirt’s <blkiotune> (weights) and per-disk <iotune> (IOPS and bandwidth caps); on cgroup v2, io.weight and io.max. Weights only work with a proportional I/O controller (BFQ or io.cost).',
    );
  return text(
    '--blkio-weight と --device-read-bps などで、cgroup v2 の io.weight と io.max を設定します。重みには比例配分する I/O コントローラーが必要で、io.max の上限はいつでも効きます。',
    '--blkio-weight and --device-read-bps and friends set io.weight and io.max on cgroup v2. Weights need a proportional I/O controller; io.max caps always apply.',
  );
}

function outcome(lane: LaneId, p: Params): LaneOutcome {
  const cpu = cpuResult(p, lane);
  const mem = memoryResult(p, lane);
  const served = cpu.running === num(p, 'victims') && cpu.victimEach + 1e-9 >= num(p, 'victimVcpus');
  const idle = num(p, 'hostCores') - Math.min(num(p, 'hostCores'), cpu.noisyAlone);
  return {
    lane,
    headline: text(
      `${laneNames[lane]}：ほかのインスタンスは ${served ? '必要な CPU を得ます' : 'CPU が足りません'}。メモリは${mem.hostPressure ? 'ほかにも影響します' : '騒がしいインスタンスの中で止まります'}。${idle > 0 ? `ほかがアイドルでも ${round(idle)} コアが使われずに残ります。` : ''}`,
      `${laneNames[lane]}: victims ${served ? 'get the CPU they need' : 'are short of CPU'}; memory ${mem.hostPressure ? 'pressure reaches the others' : 'stays inside the noisy instance'}.${idle > 0 ? ` Even with the others idle, ${round(idle)} cores stay unused.` : ''}`,
    ),
    figures: [...cpuFigures(lane, p, cpu)],
  };
}

function charts(p: Params): ChartSpec[] {
  const lanes = ['esxi', 'kvm', 'docker'] as const;
  const cpu = lanes.map((lane) => cpuResult(p, lane));
  return [
    {
      id: 'cpu-per-instance',
      title: text('競合時の CPU（コア）', 'CPU under contention (cores)'),
      unit: 'vcpu',
      categories: lanes.map((lane) => ({ id: lane, label: text(laneNames[lane], laneNames[lane]) })),
      series: [
        {
          id: 'victim',
          label: text('ほかのインスタンス 1 つ', 'Each victim'),
          values: cpu.map((c) => round(c.victimEach)),
        },
        { id: 'need', label: text('必要な量', 'Needed'), values: lanes.map(() => num(p, 'victimVcpus')) },
        {
          id: 'noisy',
          label: text('騒がしいインスタンス', 'Noisy instance'),
          values: cpu.map((c) => round(c.noisy)),
        },
        {
          id: 'noisy-alone',
          label: text('ほかがアイドルのときの騒がしいインスタンス', 'Noisy instance, others idle'),
          values: cpu.map((c) => round(c.noisyAlone)),
        },
      ],
    },
  ];
}

const measurements: readonly Measurement[] = [
  {
    id: 'cpu-max-half',
    label: text(
      'cpu.max「50000 100000」の cgroup で 2 秒間 CPU を回し、使えた CPU の割合を測る',
      'Spin a CPU for 2 s in a cgroup with cpu.max "50000 100000" and measure the share it got',
    ),
    compareTo: 'cpu-max-half',
    unit: 'percent',
    timeoutMs: 30_000,
    // Only shell builtins inside the measured window (the busy loop, read, kill): a tool fetched lazily over
    // 9p on first use (timeout, sleep) would eat into the window on a slow machine. /proc/uptime and
    // cpu.stat's first line (usage_usec) are read with the read builtin.
    script: `cg=/sys/fs/cgroup/vlab-measure-cap
rmdir $cg 2>/dev/null; mkdir $cg && echo "50000 100000" > $cg/cpu.max || exit 1
sh -c "echo \\$\\$ > $cg/cgroup.procs; while :; do :; done" >/dev/null 2>&1 &
spin=$!
sleep 0.5
read t0 _ < /proc/uptime; read _ u0 < $cg/cpu.stat
sleep 2
read t1 _ < /proc/uptime; read _ u1 < $cg/cpu.stat
kill $spin; wait; rmdir $cg
awk -v u="$((u1 - u0))" -v a="$t0" -v b="$t1" 'BEGIN { printf "value=%.1f\\n", u / ((b - a) * 10000) }'`,
  },
  {
    id: 'cpu-weight-quarter',
    label: text(
      'cpu.weight 100 と 300 の cgroup で同時に CPU を回し、前者の取り分を測る',
      'Spin a CPU in two cgroups at once, cpu.weight 100 and 300, and measure the first one’s share',
    ),
    compareTo: 'cpu-weight-quarter',
    unit: 'percent',
    timeoutMs: 30_000,
    script: `a=/sys/fs/cgroup/vlab-measure-w100 b=/sys/fs/cgroup/vlab-measure-w300
rmdir $a $b 2>/dev/null; mkdir $a $b && echo 100 > $a/cpu.weight && echo 300 > $b/cpu.weight || exit 1
spin=
for cg in $a $b; do sh -c "echo \\$\\$ > $cg/cgroup.procs; while :; do :; done" >/dev/null 2>&1 & spin="$spin $!"; done
# Skip the first second (both loops starting), then count two seconds of steady contention; only builtins
# (read, the loops) run inside the window.
sleep 1; read _ a0 < $a/cpu.stat; read _ b0 < $b/cpu.stat
sleep 2; read _ a1 < $a/cpu.stat; read _ b1 < $b/cpu.stat
kill $spin; wait; rmdir $a $b
awk -v a="$((a1 - a0))" -v b="$((b1 - b0))" 'BEGIN { printf "value=%.1f\\n", a * 100 / (a + b) }'`,
  },
];

export const noisyNeighbour: Scenario = {
  id: 'noisy-neighbour',
  title: text('騒がしい隣人', 'A noisy neighbour'),
  summary: text(
    '1 つのインスタンスが CPU とメモリをあるだけ使おうとします。ハイパーバイザーの 3 つ目の仕事は、それでほかのインスタンスが引きずり落とされないように資源を制限することです。各レーンの設定を変えて、ほかのインスタンスが何を得るかを見てください。',
    'One instance tries to take all the CPU and memory it can. A hypervisor’s third job is to limit resources so that one instance cannot drag the others down. Change each lane’s settings and watch what the others get.',
  ),
  params,
  assumptions: [
    text(
      'CPU は重み付きの最大最小公平配分で計算します。各インスタンスは必要な量（上限があればその小さいほう）までしか使わず、余りは重みの比で分けます。予約は競合時の下限です。実際のスケジューラーが長い目で見て近づく値で、瞬間ごとの揺れ、SMT、NUMA、ゲストの中のスケジューリングは扱いません。',
      'CPU is computed as weighted max-min fair sharing: each instance uses at most what it needs (or its cap, if lower) and the rest is divided by weight; a reservation is a floor under contention. It is what real schedulers converge to over time; it ignores moment-to-moment jitter, SMT, NUMA and scheduling inside guests.',
    ),
    text(
      'ほかのインスタンスはそれぞれのプラットフォームの既定値のままです（ESXi は「標準」シェア、cpu.weight 100、--cpu-shares 1024）。ESXi のシェアは vCPU 数に比例し、ほかの VM の vCPU 数は必要なコア数を切り上げた値とします。',
      'The victims keep each platform’s defaults (Normal shares on ESXi, cpu.weight 100, --cpu-shares 1024). ESXi shares grow with the vCPU count; a victim VM has as many vCPUs as the cores it needs, rounded up.',
    ),
    text(
      'ESXi の予約と制限は MHz で設定しますが、ここではコア 1 つ分を 1 として数えます。アドミッションコントロールは予約の合計がホストに収まるかだけを見ます（HA のフェイルオーバー容量は考えません）。',
      'ESXi reservations and limits are set in MHz; here one core counts as 1. Admission control only checks that the reservations fit the host (no HA failover capacity).',
    ),
    text(
      'Docker のホストは cgroup v2 とし、--cpu-shares は runc が換算した cpu.weight の比で配分します。runc 1.3.1 までの線形の式なら --cpu-shares の比がほぼ保たれますが、1.3.2 からの式では保たれません。コンテナのプロセスとホストのほかのプロセスとの取り合いは扱いません。',
      'The Docker host runs cgroup v2, and CPU is divided by the ratio of the cpu.weight runc converts --cpu-shares to. The linear formula of runc up to 1.3.1 keeps the ratio of --cpu-shares, nearly; the formula of 1.3.2 and later does not. Contention with host processes outside the containers is not modelled.',
    ),
    text(
      'メモリは、騒がしいインスタンスが取れる最大量とほかのインスタンスの使用量の合計がホストのメモリを超えるかだけを見ます。ハイパーバイザー自身やカーネルが使うメモリは含めません。I/O は仕組みを説明するだけで計算しません。',
      'Memory only checks whether the most the noisy instance can take plus the victims’ memory exceeds the host’s; the memory of the hypervisor or kernel itself is left out. I/O is described, not computed.',
    ),
  ],
  measurements,
  run(input: Params) {
    const p = normalise(params, input);
    return {
      scenario: 'noisy-neighbour',
      params: p,
      steps: sortSteps(steps(p)),
      outcomes: byLane((lane) => outcome(lane, p)),
      charts: charts(p),
      timed: false,
    };
  },
};
