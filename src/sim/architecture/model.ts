// The architecture explorer's model: a virtual-machine stack and a container stack side by side, each layer
// either copied per instance or shared by all, with the memory and disk it costs. Totals for N instances are
// shared + N × per-instance. Every number carries its provenance: the source article's example (its 512 MB and
// 4 GB per guest OS), a measurement on this site's guest, or an assumption the widget labels as one. Layers
// both stacks have once (hardware, the host's kernel or hypervisor) are left out of the totals, so the totals
// compare only what the two architectures add.
import type { Text } from '../citation.ts';

export const stackIds = ['vm', 'container'] as const;
export type StackId = (typeof stackIds)[number];

export const layerIds = [
  'vm-app',
  'vm-guest-os',
  'vm-virtual-hardware',
  'vm-hypervisor',
  'vm-hardware',
  'ct-app',
  'ct-environment',
  'ct-image',
  'ct-kernel',
  'ct-hardware',
] as const;
export type LayerId = (typeof layerIds)[number];

/** Where a number comes from; the view shows the article's link, the measurement, or an "assumption" badge. */
export type Provenance =
  | { readonly kind: 'article'; readonly where: Text }
  | { readonly kind: 'measured'; readonly reason: Text }
  | { readonly kind: 'assumption'; readonly reason: Text };

export interface Amount {
  /** MiB per copy of the layer. */
  readonly mib: number;
  readonly provenance: Provenance;
}

export interface Layer {
  readonly id: LayerId;
  readonly stack: StackId;
  /** `per-instance`: every VM or environment has its own copy; `shared`: one for all N. */
  readonly scope: 'per-instance' | 'shared';
  readonly name: Text;
  readonly what: Text;
  readonly memory: Amount;
  readonly disk: Amount;
}

export const MIN_INSTANCES = 1;
export const MAX_INSTANCES = 64;

export interface ArchitectureState {
  /** How many VMs, and how many environments. */
  readonly instances: number;
  /** The layer whose details are shown, if any. */
  readonly layer: LayerId | null;
}

export const defaultArchitectureState: ArchitectureState = { instances: 8, layer: null };

const article = (ja: string, en: string): Provenance => ({ kind: 'article', where: { ja, en } });
const assumed = (ja: string, en: string): Provenance => ({ kind: 'assumption', reason: { ja, en } });
const measured = (ja: string, en: string): Provenance => ({ kind: 'measured', reason: { ja, en } });

const sameApp = assumed(
  'アプリケーションの大きさは例として決めた値です。どちらの構成でも同じ値なので、差には影響しません。',
  'The application’s size is an example we chose. It is the same in both stacks, so it does not change the difference.',
);
const hostOnce = assumed(
  'どちらの構成にもホストが 1 つあるので、比べるときには数えません。',
  'Both stacks have one host, so the comparison leaves it out.',
);

/** Both stacks, top to bottom. */
export const layers: readonly Layer[] = [
  {
    id: 'vm-app',
    stack: 'vm',
    scope: 'per-instance',
    name: { ja: 'アプリケーション', en: 'application' },
    what: {
      ja: 'VM ごとに 1 つ。プロセスのメモリとプログラムのファイルです。',
      en: 'One per VM: the processes’ memory and the program’s files.',
    },
    memory: { mib: 256, provenance: sameApp },
    disk: { mib: 512, provenance: sameApp },
  },
  {
    id: 'vm-guest-os',
    stack: 'vm',
    scope: 'per-instance',
    name: {
      ja: 'ゲスト OS（カーネル、ドライバー、init、サービス）',
      en: 'guest OS (kernel, drivers, init, services)',
    },
    what: {
      ja: 'VM ごとに OS をまるごと 1 つインストールし、起動します。カーネルもページキャッシュも VM の間では共有されません。',
      en: 'A whole operating system is installed and booted in every VM. Kernels and page caches are not shared between VMs.',
    },
    memory: {
      mib: 512,
      provenance: article(
        'OS 仮想化の節：ゲスト OS 1 つあたり 512 MB の RAM',
        'section on OS virtualization: 512 MB of RAM per guest OS',
      ),
    },
    disk: {
      mib: 4096,
      provenance: article(
        'OS 仮想化の節：OS のインストール 1 つあたり 4 GB',
        'section on OS virtualization: 4 GB of disk per operating system installation',
      ),
    },
  },
  {
    id: 'vm-virtual-hardware',
    stack: 'vm',
    scope: 'per-instance',
    name: {
      ja: '仮想ハードウェア（仮想 CPU、仮想デバイス）',
      en: 'virtual hardware (vCPUs, virtual devices)',
    },
    what: {
      ja: 'ハイパーバイザーが VM ごとに用意する CPU とデバイスの状態です。QEMU なら VM ごとに 1 つのプロセスです。',
      en: 'The CPU and device state the hypervisor keeps for each VM; with QEMU, one process per VM.',
    },
    memory: {
      mib: 0,
      provenance: assumed(
        '記事は「アプリケーションや VMM のオーバーヘッドを考慮しない」としているので、ここでも数えません。実際には VM ごとに数十 MiB かかることがあります。',
        'The article leaves out the overhead of the application and the VMM, and so do we here. In practice it can be tens of MiB per VM.',
      ),
    },
    disk: {
      mib: 0,
      provenance: assumed(
        '仮想ハードウェアはディスクを使わないものとします。',
        'Virtual hardware is taken to use no disk.',
      ),
    },
  },
  {
    id: 'vm-hypervisor',
    stack: 'vm',
    scope: 'shared',
    name: { ja: 'ハイパーバイザー（とホスト OS）', en: 'hypervisor (and host OS)' },
    what: {
      ja: 'ホストに 1 つ。すべての VM が共有します。',
      en: 'One per host, shared by every VM.',
    },
    memory: { mib: 0, provenance: hostOnce },
    disk: { mib: 0, provenance: hostOnce },
  },
  {
    id: 'vm-hardware',
    stack: 'vm',
    scope: 'shared',
    name: { ja: 'ハードウェア', en: 'hardware' },
    what: { ja: '物理マシン。すべての VM が共有します。', en: 'The physical machine, shared by every VM.' },
    memory: { mib: 0, provenance: hostOnce },
    disk: { mib: 0, provenance: hostOnce },
  },
  {
    id: 'ct-app',
    stack: 'container',
    scope: 'per-instance',
    name: { ja: 'アプリケーション', en: 'application' },
    what: {
      ja: '環境ごとに 1 つ。VM の場合と同じプロセスとファイルです。',
      en: 'One per environment: the same processes and files as in a VM.',
    },
    memory: { mib: 256, provenance: sameApp },
    disk: { mib: 512, provenance: sameApp },
  },
  {
    id: 'ct-environment',
    stack: 'container',
    scope: 'per-instance',
    name: {
      ja: '環境（init、起動スクリプト、書き込みレイヤー、名前空間）',
      en: 'environment (init, start-up scripts, writable layer, namespaces)',
    },
    what: {
      ja: '環境ごとに複製されるのは、init などのプロセス、書き込みレイヤー、名前空間と cgroup のカーネル内の構造だけです。OS もドライバーもインストールしません。',
      en: 'What each environment gets a copy of: its processes (init and the like), its writable layer, and the kernel’s namespace and cgroup structures. No OS and no driver is installed.',
    },
    memory: {
      mib: 0.15,
      provenance: measured(
        'このサイトのゲストで測った値：8 つの環境（シェル、unshare、sleep）で cgroup に課金されたメモリが約 1.2 MiB（章「仮想化技術の分類」）。',
        'Measured on this site’s guest: eight environments (a shell, unshare and sleep each) charged about 1.2 MiB to their cgroup (chapter "The kinds of virtualization").',
      ),
    },
    disk: {
      mib: 16,
      provenance: assumed(
        '書き込みレイヤーに書く量は例として決めた値です。アプリケーションが書く量で大きく変わります。',
        'How much the writable layer holds is an example we chose; it depends on what the application writes.',
      ),
    },
  },
  {
    id: 'ct-image',
    stack: 'container',
    scope: 'shared',
    name: { ja: 'イメージのレイヤー（読み取り専用）', en: 'image layers (read-only)' },
    what: {
      ja: '同じイメージから作った環境は、読み取り専用のレイヤーを 1 つ共有します。プログラムのページもホストのページキャッシュで共有されます。',
      en: 'Environments made from one image share its read-only layers once; the programs’ pages are shared in the host’s page cache too.',
    },
    memory: {
      mib: 0,
      provenance: assumed(
        'イメージのページキャッシュはホストの分として数えます。',
        'The image’s page cache is counted as the host’s.',
      ),
    },
    disk: {
      mib: 128,
      provenance: assumed(
        'ユーザー空間だけの小さなディストリビューションのイメージを想定した値です。',
        'An example size for a small distribution image holding user space only.',
      ),
    },
  },
  {
    id: 'ct-kernel',
    stack: 'container',
    scope: 'shared',
    name: {
      ja: 'ホストのカーネル（名前空間、cgroup、ドライバー）',
      en: 'host kernel (namespaces, cgroups, drivers)',
    },
    what: {
      ja: 'カーネルは 1 つで、OS 仮想化のレイヤー（名前空間と cgroup）もドライバーもその中にあります。すべての環境のシステムコールがここに直接届きます。',
      en: 'One kernel, with the OS virtualization layer (namespaces and cgroups) and the drivers inside it. Every environment’s system calls come straight here.',
    },
    memory: { mib: 0, provenance: hostOnce },
    disk: { mib: 0, provenance: hostOnce },
  },
  {
    id: 'ct-hardware',
    stack: 'container',
    scope: 'shared',
    name: { ja: 'ハードウェア', en: 'hardware' },
    what: {
      ja: '物理マシン（または VM）。すべての環境が共有します。',
      en: 'The physical machine (or a VM), shared by every environment.',
    },
    memory: { mib: 0, provenance: hostOnce },
    disk: { mib: 0, provenance: hostOnce },
  },
];

export interface Totals {
  readonly memoryMiB: number;
  readonly diskMiB: number;
}

/** Memory and disk a stack adds for `instances` VMs or environments: shared once, per-instance N times. */
export function totals(stack: StackId, instances: number): Totals {
  let memoryMiB = 0;
  let diskMiB = 0;
  for (const layer of layers) {
    if (layer.stack !== stack) continue;
    const copies = layer.scope === 'shared' ? 1 : instances;
    memoryMiB += copies * layer.memory.mib;
    diskMiB += copies * layer.disk.mib;
  }
  return { memoryMiB, diskMiB };
}

export function isLayerId(value: unknown): value is LayerId {
  return typeof value === 'string' && (layerIds as readonly string[]).includes(value);
}

/** Problems with a state, each naming its field; empty when the state is valid. */
export function architectureStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null)
    return ['Received a non-object / Expected { instances, layer }'];
  const { instances, layer } = value as Record<string, unknown>;
  const problems: string[] = [];
  if (
    !Number.isInteger(instances) ||
    (instances as number) < MIN_INSTANCES ||
    (instances as number) > MAX_INSTANCES
  )
    problems.push(
      `instances: Received ${JSON.stringify(instances)} / Expected a whole number from ${MIN_INSTANCES} to ${MAX_INSTANCES}`,
    );
  if (layer !== null && !isLayerId(layer))
    problems.push(
      `layer: Received ${JSON.stringify(layer)} / Expected null or one of ${layerIds.join(', ')}`,
    );
  return problems;
}

/** Any value → a valid state: instances rounded and clamped, an unknown layer dropped. */
export function normaliseArchitectureState(value: Partial<ArchitectureState> | undefined): ArchitectureState {
  // Only numbers count: Number() on an arbitrary object can throw (a toString that returns an object).
  const raw = typeof value?.instances === 'number' ? value.instances : Number.NaN;
  const instances = Number.isFinite(raw)
    ? Math.min(MAX_INSTANCES, Math.max(MIN_INSTANCES, Math.round(raw)))
    : defaultArchitectureState.instances;
  return { instances, layer: isLayerId(value?.layer) ? value.layer : null };
}
