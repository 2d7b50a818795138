// The ring and trap simulator's model: an instruction sequence (program.ts) stepped through one of three
// scenarios, and for every step who runs it (ring, VMX root or non-root), what happens (runs natively, traps to
// a kernel, traps to the VMM and is emulated, is rewritten by binary translation, causes a VM exit, or runs and
// silently does the wrong thing), and what it costs (sources.ts). Pure; the rules are the Intel SDM's.
//
// - native: classic x86, the kernel in ring 0 and applications in ring 3.
// - software: a VMM without CPU support (32-bit VMware style). The VMM owns ring 0, the guest kernel is
//   deprivileged to ring 1 ("ring compression"), applications stay in ring 3. Instructions that fault in ring 1
//   trap into the VMM, which emulates them; with `bt` the VMM also translates the guest kernel's code, so the
//   sensitive but unprivileged instructions (popf, pushf, sgdt, smsw, str…) never run as written. Without
//   `bt` (trap-and-emulate only) they run and go silently wrong: Popek & Goldberg's condition does not hold.
// - vtx: hardware assistance (Intel VT-x; AMD-V is alike and calls the exit #VMEXIT). The guest kernel runs
//   in ring 0 of VMX non-root mode, the VMM in VMX root mode. VM exits happen for what the VMCS asks for, and
//   for CPUID always.
//
// The guest's interrupt flag is followed through the run, because the classic failure is about it: in ring 1
// with IOPL 0, popf and iret leave IF unchanged without a fault, and pushf pushes the real IF, not the one the
// guest kernel set with cli (which trapped, so the VMM knows it).
import type { Text } from '../behaviour/types.ts';
import {
  faultsInRing3,
  type Instruction,
  instructionText,
  type OpId,
  opClass,
  type ParseError,
  parseProgram,
  umipOps,
} from './program.ts';
import { type Cost, type CostId, costs } from './sources.ts';

export const scenarioIds = ['native', 'software', 'vtx'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** The VM-execution controls the learner can set (Intel SDM Vol. 3C); the others are as KVM sets them. */
export interface VmcsControls {
  /** EPT on: guest page faults, CR3 loads and INVLPG stay in the guest (no shadow page tables). */
  readonly ept: boolean;
  /** "HLT exiting" (KVM sets it unless the vCPU owns its physical CPU). */
  readonly hltExiting: boolean;
  /** "Descriptor-table exiting": LGDT, LIDT, SGDT, SIDT, LLDT, SLDT, LTR, STR exit. */
  readonly descriptorTableExiting: boolean;
  /** "RDTSC exiting" (off: the guest reads the TSC with the VMCS's offset added). */
  readonly rdtscExiting: boolean;
}

export interface RingState {
  readonly scenario: ScenarioId;
  /** software scenario: the VMM translates the guest kernel's code (off: trap-and-emulate only). */
  readonly bt: boolean;
  /** CR4.UMIP is set (a CPU from Intel Cannon Lake / AMD Zen 2 on): sgdt, sidt, smsw, str fault at CPL > 0. */
  readonly umip: boolean;
  readonly vmcs: VmcsControls;
  /** The learner's program, as typed. */
  readonly program: string;
}

export const defaultVmcs: VmcsControls = {
  ept: true,
  hltExiting: true,
  descriptorTableExiting: false,
  rdtscExiting: false,
};

export type Outcome = 'native' | 'kernel' | 'vmm' | 'translated' | 'exit' | 'silent';
export const outcomes: readonly Outcome[] = ['native', 'kernel', 'vmm', 'translated', 'exit', 'silent'];

export type Mode = 'legacy' | 'non-root' | 'root';
export type Runner = 'app' | 'kernel' | 'guest-kernel' | 'vmm';

export interface Place {
  readonly runner: Runner;
  readonly ring: 0 | 1 | 3;
  readonly mode: Mode;
}

/** VM exit reasons (Intel SDM Vol. 3D, Appendix C, "VMX Basic Exit Reasons"), with their numbers. */
export const exitReasons = {
  'external-interrupt': { number: 1, name: 'External interrupt' },
  exception: { number: 0, name: 'Exception or non-maskable interrupt (NMI)' },
  cpuid: { number: 10, name: 'CPUID' },
  hlt: { number: 12, name: 'HLT' },
  invlpg: { number: 14, name: 'INVLPG' },
  rdtsc: { number: 16, name: 'RDTSC' },
  'cr-access': { number: 28, name: 'Control-register accesses' },
  io: { number: 30, name: 'I/O instruction' },
  wrmsr: { number: 32, name: 'WRMSR' },
  'gdtr-idtr': { number: 46, name: 'Access to GDTR or IDTR' },
  'ldtr-tr': { number: 47, name: 'Access to LDTR or TR' },
} as const;
export type ExitReason = keyof typeof exitReasons;

export interface RingStep {
  /** 0-based position in the run. */
  readonly index: number;
  readonly instruction: Instruction;
  /** The canonical text, `mov cr3, eax`. */
  readonly text: string;
  /** Where the instruction is attempted. */
  readonly at: Place;
  readonly outcome: Outcome;
  /** The exception the instruction raised, if any. */
  readonly fault?: '#GP' | '#PF';
  /** Who takes control because of it (a kernel, the VMM), when someone does. */
  readonly handler?: Place;
  readonly exitReason?: ExitReason;
  readonly what: Text;
  /** For a silent error: what goes wrong because of it. */
  readonly consequence?: Text;
  /** The cost's parts; their cycles add up to `cycles`. */
  readonly costs: readonly Cost[];
  readonly cycles: number;
  /** Binary translation translated a new block of guest-kernel code at this step. */
  readonly startsBlock: boolean;
  /** The guest kernel's interrupt flag as it set it, after this step (native: the kernel's IF). */
  readonly guestIF: boolean;
  /** The interrupt flag that takes effect for the guest after this step (the VMM's virtual IF; native: IF). */
  readonly effectiveIF: boolean;
}

export interface RingCounts {
  readonly steps: number;
  readonly native: number;
  /** Control went to a kernel (native or guest) through the hardware: #GP, #PF, a system call, an interrupt. */
  readonly kernelTraps: number;
  /** Traps into the VMM (software scenario). */
  readonly vmmTraps: number;
  readonly exits: number;
  /** Instructions binary translation rewrote. */
  readonly translated: number;
  /** Blocks of guest-kernel code the translator translated (a run of guest-kernel instructions, once). */
  readonly translatedBlocks: number;
  readonly silent: number;
  readonly cycles: number;
}

export interface RingRun {
  readonly state: RingState;
  readonly errors: readonly ParseError[];
  readonly steps: readonly RingStep[];
  readonly counts: RingCounts;
}

export function isScenario(value: unknown): value is ScenarioId {
  return scenarioIds.some((s) => s === value);
}

/** Any value made into a valid state: unknown fields dropped, missing ones from `fallback`. */
export function normaliseRingState(value: unknown, fallback: RingState = defaultRingState): RingState {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const vmcsRaw =
    typeof raw.vmcs === 'object' && raw.vmcs !== null ? (raw.vmcs as Record<string, unknown>) : {};
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    scenario: isScenario(raw.scenario) ? raw.scenario : fallback.scenario,
    bt: bool(raw.bt, fallback.bt),
    umip: bool(raw.umip, fallback.umip),
    vmcs: {
      ept: bool(vmcsRaw.ept, fallback.vmcs.ept),
      hltExiting: bool(vmcsRaw.hltExiting, fallback.vmcs.hltExiting),
      descriptorTableExiting: bool(vmcsRaw.descriptorTableExiting, fallback.vmcs.descriptorTableExiting),
      rdtscExiting: bool(vmcsRaw.rdtscExiting, fallback.vmcs.rdtscExiting),
    },
    program: typeof raw.program === 'string' ? raw.program : fallback.program,
  };
}

const VMM: Place = { runner: 'vmm', ring: 0, mode: 'legacy' };
const VMM_ROOT: Place = { runner: 'vmm', ring: 0, mode: 'root' };

/** Where `who` runs in a scenario. */
export function placeOf(scenario: ScenarioId, who: Instruction['who']): Place {
  if (who === 'user') return { runner: 'app', ring: 3, mode: scenario === 'vtx' ? 'non-root' : 'legacy' };
  if (scenario === 'native') return { runner: 'kernel', ring: 0, mode: 'legacy' };
  if (scenario === 'software') return { runner: 'guest-kernel', ring: 1, mode: 'legacy' };
  return { runner: 'guest-kernel', ring: 0, mode: 'non-root' };
}

/** The kernel that handles a fault or system call from user code, without a VMM in the way. */
function kernelOf(scenario: ScenarioId): Place {
  return placeOf(scenario, 'kernel');
}

interface Machine {
  /** What the guest kernel set (native: the kernel's IF). */
  guestIF: boolean;
  /** What is in effect for the guest: native/vtx the real IF, software the VMM's virtual IF. */
  effectiveIF: boolean;
  /** pushf's pushes, as the value the guest kernel got. */
  stack: boolean[];
  /** Whether the previous step was the guest kernel's (for counting translated blocks). */
  inKernelBlock: boolean;
}

type StepBody = Omit<
  RingStep,
  'index' | 'instruction' | 'text' | 'at' | 'cycles' | 'guestIF' | 'effectiveIF' | 'startsBlock'
>;

const c = (...ids: CostId[]) => ids.map((id) => costs[id]);

const nativeCost = (op: OpId): Cost[] =>
  op === 'in' || op === 'out'
    ? c('io')
    : opClass[op] === 'ordinary' && op === 'alu'
      ? c('simple')
      : op === 'cli' || op === 'sti' || op === 'pushf' || op === 'popf'
        ? c('simple')
        : c('system');

const NAME: Readonly<Record<OpId, string>> = {
  alu: 'ALU',
  cli: 'cli',
  sti: 'sti',
  pushf: 'pushf',
  popf: 'popf',
  in: 'in',
  out: 'out',
  hlt: 'hlt',
  'mov-cr3': 'mov cr3',
  lgdt: 'lgdt',
  lidt: 'lidt',
  invlpg: 'invlpg',
  wrmsr: 'wrmsr',
  sgdt: 'sgdt',
  sidt: 'sidt',
  smsw: 'smsw',
  str: 'str',
  syscall: 'syscall',
  int80: 'int 0x80',
  sysret: 'sysret',
  iret: 'iret',
  cpuid: 'cpuid',
  rdtsc: 'rdtsc',
  'page-fault': '#PF',
  interrupt: 'IRQ',
};

/** What a user program's privileged instruction does on bare metal or in a guest: #GP to its kernel. */
function gpFault(op: OpId, scenario: ScenarioId): StepBody {
  const iopl = opClass[op] === 'iopl';
  const umip = umipOps.includes(op);
  const why: Text = iopl
    ? {
        ja: `${NAME[op]} は CPL > IOPL（3 > 0）なので #GP になります`,
        en: `${NAME[op]} at CPL 3 > IOPL 0 raises #GP`,
      }
    : umip
      ? {
          ja: `UMIP が有効なので、${NAME[op]} は CPL > 0 で #GP になります`,
          en: `with UMIP on, ${NAME[op]} raises #GP at CPL > 0`,
        }
      : {
          ja: `${NAME[op]} はリング 0 専用の特権命令なので #GP になります`,
          en: `${NAME[op]} is privileged (ring 0 only) and raises #GP`,
        };
  if (scenario === 'software')
    return {
      outcome: 'vmm',
      fault: '#GP',
      handler: VMM,
      what: {
        ja: `${why.ja}。本物の IDT は VMM のものなので VMM が受け取り、ゲストカーネルの #GP ハンドラーに渡します。`,
        en: `${why.en}. The real IDT is the VMM’s, so the VMM takes it and passes it on to the guest kernel’s #GP handler.`,
      },
      costs: c('vmm-trap', 'vmm-work', 'kernel-entry'),
    };
  return {
    outcome: 'kernel',
    fault: '#GP',
    handler: kernelOf(scenario),
    what:
      scenario === 'vtx'
        ? {
            ja: `${why.ja}。権限の違反は VM exit より優先されるので、ゲストの IDT を通ってゲストカーネルに届きます（VM exit なし）。`,
            en: `${why.en}. A privilege fault takes priority over a VM exit, so it goes through the guest’s IDT to the guest kernel (no VM exit).`,
          }
        : umip && scenario === 'native'
          ? {
              ja: `${why.ja}。カーネルが受け取ります（Linux は古いプログラムのために sgdt・sidt・smsw をダミーの値でエミュレートします）。`,
              en: `${why.en}. The kernel takes it (Linux emulates sgdt, sidt and smsw with dummy values for old programs).`,
            }
          : {
              ja: `${why.ja}。カーネルが受け取り、ふつうはプロセスに SIGSEGV を送ります。`,
              en: `${why.en}. The kernel takes it and normally sends the process SIGSEGV.`,
            },
    costs: c('kernel-entry'),
  };
}

function vmExit(reason: ExitReason, what: Text): StepBody {
  const r = exitReasons[reason];
  return {
    outcome: 'exit',
    handler: VMM_ROOT,
    exitReason: reason,
    what: {
      ja: `VM exit（理由 ${r.number}：${r.name}）。VMX root モードの VMM が${what.ja}、VM entry でゲストに戻ります。`,
      en: `VM exit (reason ${r.number}: ${r.name}). The VMM in VMX root mode ${what.en}, then re-enters the guest.`,
    },
    costs: c('vm-exit', 'vmm-work'),
  };
}

const trapToVmm = (op: OpId, how: Text, why?: Text): StepBody => ({
  outcome: 'vmm',
  fault: '#GP',
  handler: VMM,
  what: {
    ja: `${why?.ja ?? `リング 1 では ${NAME[op]} は特権違反になるので`}、#GP で VMM にトラップします。VMM が${how.ja}（トラップ・アンド・エミュレート）。`,
    en: `${why?.en ?? `In ring 1 ${NAME[op]} is a privilege violation`}: #GP traps into the VMM, which ${how.en} (trap and emulate).`,
  },
  costs: c('vmm-trap', 'vmm-work'),
});

const translated = (op: OpId, how: Text, callout: boolean): StepBody => ({
  outcome: 'translated',
  what: {
    ja: `バイナリ変換：${NAME[op]} はそのまま実行されず、${how.ja}。トラップは起きません。`,
    en: `Binary translation: the VMM never runs ${NAME[op]} as written; ${how.en}. No trap.`,
  },
  costs: c(callout ? 'bt-callout' : 'bt-inline', ...(callout ? (['vmm-work'] as const) : [])),
});

const native = (op: OpId, what: Text): StepBody => ({
  outcome: 'native',
  what,
  costs: nativeCost(op),
});

const silent = (op: OpId, what: Text, consequence: Text): StepBody => ({
  outcome: 'silent',
  what,
  consequence,
  costs: nativeCost(op),
});

/** How the software scenario's VMM handles each privileged kernel instruction, in words. */
const emulation: Partial<Record<OpId, Text>> = {
  cli: {
    ja: '仮想 CPU の割り込みフラグ（仮想 IF）を 0 にします',
    en: 'clears the virtual CPU’s interrupt flag',
  },
  sti: { ja: '仮想 IF を 1 にします', en: 'sets the virtual interrupt flag' },
  in: {
    ja: '仮想デバイスをエミュレートして値を返します',
    en: 'emulates the virtual device and returns its value',
  },
  out: { ja: '仮想デバイスへの書き込みをエミュレートします', en: 'emulates the write to the virtual device' },
  hlt: {
    ja: 'この仮想 CPU を次の割り込みまで休ませ、物理 CPU を他に回します',
    en: 'parks this virtual CPU until its next interrupt and gives the physical CPU to others',
  },
  'mov-cr3': {
    ja: 'ゲストのページテーブルに対応するシャドーページテーブルに切り替えます',
    en: 'switches to the shadow page tables that mirror the guest’s',
  },
  lgdt: {
    ja: 'ゲストの GDT を記録し、VMM が使うシャドー GDT を作り直します',
    en: 'records the guest’s GDT and rebuilds the shadow GDT the VMM runs it with',
  },
  lidt: {
    ja: 'ゲストの IDT を記録します（本物の IDT は VMM のもののままです）',
    en: 'records the guest’s IDT (the real IDT stays the VMM’s)',
  },
  invlpg: {
    ja: 'シャドーページテーブルの該当エントリーを無効にします',
    en: 'invalidates the matching shadow page-table entry',
  },
  wrmsr: {
    ja: '仮想 CPU の MSR に書き込みます',
    en: 'writes the virtual CPU’s MSR',
  },
  sysret: {
    ja: 'ゲストのユーザーコード（リング 3）への復帰を代わりに行います',
    en: 'performs the return to the guest’s user code (ring 3) for it',
  },
  sgdt: {
    ja: 'ゲスト自身の GDTR の値を返します',
    en: 'returns the guest’s own GDTR',
  },
  sidt: { ja: 'ゲスト自身の IDTR の値を返します', en: 'returns the guest’s own IDTR' },
  smsw: { ja: 'ゲストの仮想 CR0 の値を返します', en: 'returns the guest’s virtual CR0' },
  str: { ja: 'ゲストのタスクレジスターの値を返します', en: 'returns the guest’s task register' },
};

/** What the guest kernel reads wrongly when a sensitive register read runs as written in ring 1. */
const leak: Partial<Record<OpId, Text>> = {
  sgdt: {
    ja: 'ゲストは自分の GDT ではなく VMM の GDT の場所を読みます。VM の中にいることが分かり、VMM のメモリの配置も漏れます。',
    en: 'The guest reads where the VMM’s GDT is, not its own: it can tell it runs in a VM, and learns where the VMM’s memory is.',
  },
  sidt: {
    ja: 'ゲストは自分の IDT ではなく VMM の IDT の場所を読みます（2004 年の「Red Pill」は、この違いで VM を見分けました）。',
    en: 'The guest reads where the VMM’s IDT is, not its own (the 2004 “Red Pill” told VMs apart this way).',
  },
  smsw: {
    ja: 'ゲストは自分の仮想 CR0 ではなく本物の CR0 の下位ビットを読みます（VMM が管理する TS などのビットが違って見えます）。',
    en: 'The guest reads the real CR0’s low bits, not its virtual CR0 (bits the VMM manages, such as TS, differ).',
  },
  str: {
    ja: 'ゲストは自分のタスクレジスターではなく VMM の TSS のセレクターを読みます。',
    en: 'The guest reads the VMM’s TSS selector instead of its own task register.',
  },
};

function userStep(op: OpId, state: RingState, m: Machine): StepBody {
  const { scenario, umip, vmcs } = state;
  if (faultsInRing3(op) || (umip && umipOps.includes(op))) return gpFault(op, scenario);
  switch (op) {
    case 'syscall':
    case 'int80':
      if (scenario === 'software')
        return {
          outcome: 'vmm',
          handler: VMM,
          what: {
            ja: `${NAME[op]} はリング 0 に入りますが、リング 0 にいるのは VMM です。VMM が受け取り、リング 1 のゲストカーネルのシステムコール入口に渡します。`,
            en: `${NAME[op]} enters ring 0, and ring 0 is the VMM’s: the VMM takes it and passes it on to the guest kernel’s system-call entry in ring 1.`,
          },
          costs: c('vmm-trap', 'kernel-entry'),
        };
      return {
        outcome: 'kernel',
        handler: kernelOf(scenario),
        what:
          scenario === 'vtx'
            ? {
                ja: `${NAME[op]} はゲストの中でリング 3 からリング 0 に移ります。VM exit は起きず、ネイティブと同じ速さです。`,
                en: `${NAME[op]} goes from ring 3 to ring 0 inside the guest: no VM exit, as fast as on bare metal.`,
              }
            : {
                ja: `${NAME[op]} でリング 3 からリング 0 のカーネルに移ります。`,
                en: `${NAME[op]} goes from ring 3 to the kernel in ring 0.`,
              },
        costs: c('kernel-entry'),
      };
    case 'page-fault':
      return pageFault(scenario, vmcs, 'user');
    case 'interrupt':
      return interrupt(state, m, true);
    case 'cpuid':
      if (scenario === 'vtx')
        return vmExit('cpuid', {
          ja: 'ゲストに見せる仮想 CPU の値を返し',
          en: 'returns the virtual CPU’s values',
        });
      if (scenario === 'software')
        return silent(
          op,
          {
            ja: 'cpuid はどのリングでもトラップせずに実行され、本物の CPU の情報を返します。ユーザーのコードは変換されないので、バイナリ変換でも防げません。',
            en: 'cpuid runs at any ring without a trap and reports the real CPU. User code is not translated, so binary translation cannot catch it either.',
          },
          {
            ja: 'アプリケーションは仮想 CPU ではなくホストの CPU の機能を見ます。別のホストに移ると、その機能がないかもしれません。',
            en: 'The application sees the host CPU’s features, not the virtual CPU’s; after a move to another host they may be missing.',
          },
        );
      return native(op, { ja: 'cpuid は CPU の情報を返します。', en: 'cpuid reports the CPU.' });
    case 'rdtsc':
      if (scenario === 'vtx' && vmcs.rdtscExiting)
        return vmExit('rdtsc', { ja: 'ゲスト用の時刻を返し', en: 'returns the guest’s time' });
      return native(op, {
        ja:
          scenario === 'vtx'
            ? 'rdtsc は VM exit なしで TSC を読みます（VMCS の TSC オフセットが足されます）。'
            : 'rdtsc はリング 3 でも読めます（CR4.TSD が 0 のため）。',
        en:
          scenario === 'vtx'
            ? 'rdtsc reads the TSC without a VM exit (the VMCS’s TSC offset is added).'
            : 'rdtsc works in ring 3 (CR4.TSD is 0).',
      });
    case 'sgdt':
    case 'sidt':
    case 'smsw':
    case 'str':
      // UMIP off (on was handled above).
      if (scenario === 'software')
        return silent(
          op,
          {
            ja: `${NAME[op]} はリング 3 でもトラップせずに実行されます。ユーザーのコードは変換されないので、バイナリ変換でも防げません。`,
            en: `${NAME[op]} runs in ring 3 without a trap. User code is not translated, so binary translation cannot catch it.`,
          },
          leak[op] ?? { ja: '', en: '' },
        );
      if (scenario === 'vtx' && vmcs.descriptorTableExiting && op !== 'smsw')
        return vmExit(op === 'str' ? 'ldtr-tr' : 'gdtr-idtr', {
          ja: 'ゲストの値を返し',
          en: 'returns the guest’s value',
        });
      return native(op, {
        ja: `${NAME[op]} はリング 3 でもトラップせずに実行され、カーネル自身の値を読みます（カーネルのアドレスが漏れるので、UMIP が作られました）。`,
        en: `${NAME[op]} runs in ring 3 without a trap and reads the kernel’s own value (it leaks kernel addresses, which is why UMIP exists).`,
      });
    case 'pushf':
      return native(op, {
        ja: 'pushf はフラグ（IF は 1）をスタックに積みます。',
        en: 'pushf pushes the flags (IF is 1).',
      });
    case 'popf':
      return native(op, {
        ja: 'CPL 3 > IOPL 0 なので、popf は IF を変えません（例外は起きません）。ユーザーのコードにとってはこれが本来の動作です。',
        en: 'At CPL 3 > IOPL 0, popf leaves IF unchanged without an exception: for user code that is the architecture working as designed.',
      });
    default:
      return native(op, {
        ja: 'ふつうの命令として、そのまま実行されます。',
        en: 'An ordinary instruction: it runs as it is.',
      });
  }
}

function pageFault(scenario: ScenarioId, vmcs: VmcsControls, who: Instruction['who']): StepBody {
  if (scenario === 'software')
    return {
      outcome: 'vmm',
      fault: '#PF',
      handler: VMM,
      what: {
        ja: 'ページフォールトは VMM の IDT に届きます。VMM はシャドーページテーブルを埋めて戻るか（ゲストには見えないフォールト）、ゲストカーネルのハンドラーに渡します。',
        en: 'The page fault reaches the VMM’s IDT. The VMM either fills in its shadow page tables (a fault the guest never sees) or passes it to the guest kernel’s handler.',
      },
      costs: c('vmm-trap', 'vmm-work'),
    };
  if (scenario === 'vtx' && !vmcs.ept)
    return {
      ...vmExit('exception', {
        ja: 'シャドーページテーブルを直すかゲストに #PF を注入し',
        en: 'fixes its shadow page tables or injects the #PF into the guest',
      }),
      fault: '#PF',
    };
  return {
    outcome: 'kernel',
    fault: '#PF',
    handler: kernelOf(scenario),
    what:
      scenario === 'vtx'
        ? {
            ja: 'EPT があるので、ゲストのページフォールトはゲストの IDT を通ってゲストカーネルが処理します（VM exit なし）。',
            en: 'With EPT the guest’s page fault goes through the guest’s IDT to the guest kernel (no VM exit).',
          }
        : {
            ja: `ページフォールトで${who === 'user' ? 'リング 3 から' : ''}カーネルのハンドラーに入ります。`,
            en: `The page fault enters the kernel’s handler${who === 'user' ? ' from ring 3' : ''}.`,
          },
    costs: c('kernel-entry'),
  };
}

function interrupt(state: RingState, m: Machine, fromUser: boolean): StepBody {
  const enabled = fromUser || m.effectiveIF;
  if (state.scenario === 'native')
    return enabled
      ? {
          outcome: 'kernel',
          handler: kernelOf('native'),
          what: {
            ja: '外部割り込みで、カーネルの割り込みハンドラーに入ります。',
            en: 'The external interrupt enters the kernel’s interrupt handler.',
          },
          costs: c('kernel-entry'),
        }
      : {
          outcome: 'native',
          what: {
            ja: 'カーネルが割り込みを禁止している（IF = 0）ので、割り込みは sti まで保留されます。',
            en: 'The kernel has interrupts disabled (IF = 0): the interrupt is held until sti.',
          },
          costs: [],
        };
  const deliver: Text = m.effectiveIF
    ? { ja: 'ゲストに割り込みを注入します', en: 'injects it into the guest' }
    : m.guestIF
      ? {
          ja: '仮想 IF が 0 のままなので、割り込みを保留し続けます（ゲストカーネルは割り込みを許可したつもりなので、この割り込みは届きません）',
          en: 'keeps it pending, because the virtual IF is still 0 (the guest kernel believes it enabled interrupts, so it never gets this one)',
        }
      : {
          ja: 'ゲストが割り込みを禁止しているので、許可されるまで保留します',
          en: 'holds it until the guest enables interrupts',
        };
  if (state.scenario === 'vtx') {
    const exit = vmExit('external-interrupt', { ja: '', en: '' });
    const r = exitReasons['external-interrupt'];
    return {
      ...exit,
      what: {
        ja: `VM exit（理由 ${r.number}：${r.name}）。VMX root モードの VMM がホストのハンドラーで割り込みを処理します。VMM は${deliver.ja}。そのあと VM entry でゲストに戻ります。`,
        en: `VM exit (reason ${r.number}: ${r.name}). The VMM in VMX root mode handles the interrupt with the host’s handler and ${deliver.en}, then re-enters the guest.`,
      },
    };
  }
  return {
    outcome: 'vmm',
    handler: VMM,
    what: {
      ja: `本物の割り込みは、本物の IDT を持つ VMM に届きます。VMM は${deliver.ja}。`,
      en: `The real interrupt reaches the VMM, which owns the real IDT; it ${deliver.en}.`,
    },
    costs: c('vmm-trap', 'vmm-work'),
  };
}

/** The interrupt flag a kernel's popf or iret restores: pushf's value, or 1 (iret returns to user code). */
function restoredIF(op: OpId, m: Machine): boolean {
  if (op === 'iret' || op === 'sysret') return true;
  return m.stack.pop() ?? true;
}

function kernelStep(op: OpId, state: RingState, m: Machine): StepBody {
  const { scenario, bt, umip, vmcs } = state;
  if (op === 'page-fault') return pageFault(scenario, vmcs, 'kernel');
  if (op === 'interrupt') return interrupt(state, m, false);

  if (scenario === 'native') {
    switch (op) {
      case 'cli':
      case 'sti':
        m.guestIF = m.effectiveIF = op === 'sti';
        break;
      case 'pushf':
        m.stack.push(m.effectiveIF);
        break;
      case 'popf':
      case 'iret':
      case 'sysret':
        m.guestIF = m.effectiveIF = restoredIF(op, m);
        break;
    }
    return native(op, {
      ja: 'カーネルはリング 0 で動くので、そのまま実行されます。',
      en: 'The kernel runs in ring 0: it runs as it is.',
    });
  }

  if (scenario === 'vtx') {
    switch (op) {
      case 'cli':
      case 'sti':
        m.guestIF = m.effectiveIF = op === 'sti';
        break;
      case 'pushf':
        m.stack.push(m.effectiveIF);
        break;
      case 'popf':
      case 'iret':
      case 'sysret':
        m.guestIF = m.effectiveIF = restoredIF(op, m);
        break;
    }
    const inGuest: Text = {
      ja: 'ゲストカーネルは non-root モードのリング 0 で動くので、VM exit なしにそのまま実行されます',
      en: 'The guest kernel runs in ring 0 of non-root mode: it runs as it is, with no VM exit',
    };
    switch (op) {
      case 'cpuid':
        return vmExit('cpuid', {
          ja: '仮想 CPU の値を返し（CPUID は無条件に VM exit します）',
          en: 'returns the virtual CPU’s values (CPUID always exits)',
        });
      case 'hlt':
        return vmcs.hltExiting
          ? vmExit('hlt', {
              ja: 'この仮想 CPU を次の割り込みまで休ませ、物理 CPU を他に回し',
              en: 'parks the vCPU until its next interrupt, giving the physical CPU to others',
            })
          : native(op, {
              ja: 'HLT exiting がオフなので、物理 CPU が non-root モードのまま次の割り込みまで止まります（仮想 CPU が物理 CPU を専有する場合の設定です）。',
              en: 'HLT exiting is off: the physical CPU halts in non-root mode until the next interrupt (a setting for a vCPU that owns its core).',
            });
      case 'in':
      case 'out':
        return vmExit('io', {
          ja: '仮想デバイスをエミュレートし',
          en: 'emulates the virtual device',
        });
      case 'wrmsr':
        return vmExit('wrmsr', {
          ja: '仮想 CPU の MSR に書き込み（MSR ビットマップが、この MSR への書き込みを捕まえる設定です）',
          en: 'writes the virtual MSR (the MSR bitmap intercepts writes to this MSR)',
        });
      case 'mov-cr3':
        return vmcs.ept
          ? native(op, {
              ja: `${inGuest.ja}。EPT があるので、CR3 の書き換えはゲスト自身のページテーブルを指すだけです。`,
              en: `${inGuest.en}. With EPT a CR3 load just points at the guest’s own page tables.`,
            })
          : vmExit('cr-access', {
              ja: 'シャドーページテーブルを切り替え',
              en: 'switches shadow page tables',
            });
      case 'invlpg':
        return vmcs.ept
          ? native(op, { ja: `${inGuest.ja}（EPT あり）。`, en: `${inGuest.en} (EPT on).` })
          : vmExit('invlpg', {
              ja: 'シャドーページテーブルの該当エントリーを無効にし',
              en: 'invalidates the shadow entry',
            });
      case 'lgdt':
      case 'lidt':
      case 'sgdt':
      case 'sidt':
        return vmcs.descriptorTableExiting
          ? vmExit('gdtr-idtr', { ja: '命令をエミュレートし', en: 'emulates the instruction' })
          : native(op, {
              ja: `${inGuest.ja}。GDTR と IDTR は VMCS のゲスト領域から読み込まれたゲスト自身の値です。`,
              en: `${inGuest.en}. GDTR and IDTR hold the guest’s own values, loaded from the VMCS’s guest-state area.`,
            });
      case 'str':
        return vmcs.descriptorTableExiting
          ? vmExit('ldtr-tr', { ja: '命令をエミュレートし', en: 'emulates the instruction' })
          : native(op, { ja: `${inGuest.ja}。`, en: `${inGuest.en}.` });
      case 'smsw':
        return native(op, {
          ja: `${inGuest.ja}。VMM が管理する CR0 のビットは、VMCS の読み出し用シャドーの値が返ります。`,
          en: `${inGuest.en}. For CR0 bits the VMM owns, it reads the VMCS’s read shadow.`,
        });
      case 'rdtsc':
        return vmcs.rdtscExiting
          ? vmExit('rdtsc', { ja: 'ゲスト用の時刻を返し', en: 'returns the guest’s time' })
          : native(op, {
              ja: `${inGuest.ja}（VMCS の TSC オフセットが足されます）。`,
              en: `${inGuest.en} (the VMCS’s TSC offset is added).`,
            });
      default:
        return native(op, { ja: `${inGuest.ja}。`, en: `${inGuest.en}.` });
    }
  }

  // software: the guest kernel in ring 1.
  if (bt) {
    switch (op) {
      case 'cli':
      case 'sti':
        m.guestIF = m.effectiveIF = op === 'sti';
        break;
      case 'pushf':
        m.stack.push(m.effectiveIF);
        break;
      case 'popf':
      case 'iret':
      case 'sysret':
        m.guestIF = m.effectiveIF = restoredIF(op, m);
        break;
    }
    switch (op) {
      case 'alu':
      case 'rdtsc':
        return native(op, {
          ja: 'そのまま変換キャッシュに写され、ネイティブの速さで動きます。',
          en: 'Copied unchanged into the translation cache; it runs at native speed.',
        });
      case 'cli':
      case 'sti':
      case 'pushf':
      case 'popf':
        return translated(
          op,
          {
            ja: 'メモリ上の仮想 IF を読み書きする数命令に置き換えられます',
            en: 'it becomes a few instructions on the virtual IF in memory',
          },
          false,
        );
      case 'sgdt':
      case 'sidt':
      case 'smsw':
      case 'str':
        return translated(
          op,
          {
            ja: 'VMM が覚えているゲスト自身の値（仮想の GDTR、IDTR、CR0、TR）を返すコードに置き換えられます',
            en: 'it becomes code that returns the guest’s own value (the virtual GDTR, IDTR, CR0 or TR the VMM keeps)',
          },
          false,
        );
      case 'cpuid':
        return translated(
          op,
          {
            ja: '仮想 CPU の値を返す VMM の呼び出しに置き換えられます',
            en: 'it becomes a call into the VMM that returns the virtual CPU',
          },
          true,
        );
      case 'iret':
        return translated(
          op,
          {
            ja: 'ゲストのユーザーコードへの復帰を VMM が行う呼び出しに置き換えられます',
            en: 'it becomes a call in which the VMM returns to the guest’s user code',
          },
          true,
        );
      default:
        return translated(
          op,
          {
            ja: `VMM を呼び出すコードに置き換えられます。VMM が${emulation[op]?.ja ?? '処理します'}`,
            en: `it becomes a call into the VMM, which ${emulation[op]?.en ?? 'handles it'}`,
          },
          true,
        );
    }
  }

  // software, trap-and-emulate only.
  switch (op) {
    case 'cli':
    case 'sti':
      m.guestIF = m.effectiveIF = op === 'sti';
      return trapToVmm(op, emulation[op] ?? { ja: '', en: '' }, {
        ja: `CPL 1 > IOPL 0 なので ${NAME[op]} は例外になり`,
        en: `At CPL 1 > IOPL 0, ${NAME[op]} faults`,
      });
    case 'in':
    case 'out':
      return trapToVmm(op, emulation[op] ?? { ja: '', en: '' }, {
        ja: `CPL 1 > IOPL 0 で、I/O 許可ビットマップもこのポートを許していないので ${NAME[op]} は例外になり`,
        en: `At CPL 1 > IOPL 0, with no port granted in the I/O bitmap, ${NAME[op]} faults`,
      });
    case 'hlt':
    case 'mov-cr3':
    case 'lgdt':
    case 'lidt':
    case 'invlpg':
    case 'wrmsr':
      return trapToVmm(op, emulation[op] ?? { ja: '', en: '' });
    case 'sysret':
      m.guestIF = m.effectiveIF = restoredIF(op, m);
      return trapToVmm(op, emulation[op] ?? { ja: '', en: '' });
    case 'pushf': {
      // The real IF is 1 while the guest runs (the VMM needs its interrupts); the guest's own is virtual.
      m.stack.push(true);
      if (m.effectiveIF)
        return native(op, {
          ja: 'pushf は本物のフラグを積みます。いまは仮想 IF も 1 なので、たまたま正しい値です。',
          en: 'pushf pushes the real flags; the virtual IF is 1 too just now, so the value happens to be right.',
        });
      return silent(
        op,
        {
          ja: 'pushf はトラップせず、本物のフラグ（IF = 1）を積みます。ゲストカーネルが cli で 0 にした仮想 IF ではありません。',
          en: 'pushf does not trap and pushes the real flags (IF = 1), not the virtual IF the guest kernel cleared with cli.',
        },
        {
          ja: 'ゲストカーネルは割り込みが許可されていると読み違えます。あとで popf でこの値を戻すと、許可したつもりになります。',
          en: 'The guest kernel reads interrupts as enabled. When a later popf restores this value, it believes it enabled them.',
        },
      );
    }
    case 'popf':
    case 'iret': {
      const wanted = restoredIF(op, m);
      m.guestIF = wanted;
      if (wanted === m.effectiveIF)
        return native(op, {
          ja: `${NAME[op]} は CPL 1 > IOPL 0 なので IF を変えませんが、いまは変える必要がない値なので結果は正しくなります。`,
          en: `At CPL 1 > IOPL 0, ${NAME[op]} leaves IF unchanged, but the value it restores is the current one, so the result is right.`,
        });
      return silent(
        op,
        {
          ja: `${NAME[op]} は IF = ${wanted ? 1 : 0} を戻そうとしますが、CPL 1 > IOPL 0 なので CPU は IF の変更を黙って無視します。例外は起きず、VMM は何も知りません。`,
          en: `${NAME[op]} restores IF = ${wanted ? 1 : 0}, but at CPL 1 > IOPL 0 the CPU silently ignores the change: no exception, and the VMM never learns of it.`,
        },
        wanted
          ? {
              ja: '仮想 IF は 0 のままです。ゲストカーネルは割り込みを許可したつもりですが、VMM は割り込みを届けません。タイマー割り込みも届かず、ゲストは止まって見えます。',
              en: 'The virtual IF stays 0: the guest kernel believes it enabled interrupts, but the VMM will not deliver them; not even the timer gets through, and the guest appears to hang.',
            }
          : {
              ja: '仮想 IF は 1 のままです。ゲストカーネルは割り込みを禁止したつもりですが、危険な区間に割り込みが入ります。',
              en: 'The virtual IF stays 1: the guest kernel believes interrupts are off, but they arrive in its critical section.',
            },
      );
    }
    case 'sgdt':
    case 'sidt':
    case 'smsw':
    case 'str':
      if (umip)
        return trapToVmm(op, emulation[op] ?? { ja: '', en: '' }, {
          ja: `UMIP が有効なので、CPL 1 の ${NAME[op]} は例外になり`,
          en: `With UMIP on, ${NAME[op]} at CPL 1 faults`,
        });
      return silent(
        op,
        {
          ja: `${NAME[op]} は特権命令ではないので、リング 1 でもトラップせずに実行され、本物の（VMM の）値を読みます。`,
          en: `${NAME[op]} is not privileged: it runs in ring 1 without a trap and reads the real value, the VMM’s.`,
        },
        leak[op] ?? { ja: '', en: '' },
      );
    case 'cpuid':
      return silent(
        op,
        {
          ja: 'cpuid はトラップせずに実行され、本物の CPU の情報を返します。',
          en: 'cpuid runs without a trap and reports the real CPU.',
        },
        {
          ja: 'ゲストカーネルは VMM が見せたい仮想 CPU ではなく、ホストの CPU の機能を見ます。',
          en: 'The guest kernel sees the host CPU’s features, not the virtual CPU the VMM means to present.',
        },
      );
    default:
      return native(op, {
        ja: 'リング 1 でもそのまま実行されます。',
        en: 'It runs as it is in ring 1.',
      });
  }
}

export function runRings(input: RingState): RingRun {
  const state = normaliseRingState(input);
  const { instructions, errors } = parseProgram(state.program);
  const m: Machine = { guestIF: true, effectiveIF: true, stack: [], inKernelBlock: false };
  const steps = instructions.map((instruction, index): RingStep => {
    const kernel = instruction.who === 'kernel';
    const code = instruction.op !== 'interrupt' && instruction.op !== 'page-fault';
    const startsBlock = kernel && code && state.scenario === 'software' && state.bt && !m.inKernelBlock;
    m.inKernelBlock = kernel && instruction.op !== 'iret' && instruction.op !== 'sysret';
    const body = kernel ? kernelStep(instruction.op, state, m) : userStep(instruction.op, state, m);
    return {
      index,
      instruction,
      text: instructionText(instruction),
      at: placeOf(state.scenario, instruction.who),
      ...body,
      startsBlock,
      cycles: body.costs.reduce((sum, cost) => sum + cost.cycles, 0),
      guestIF: m.guestIF,
      effectiveIF: m.effectiveIF,
    };
  });
  return { state, errors, steps, counts: countSteps(steps) };
}

/** The running counts of the first `upTo` steps (all by default). */
export function countSteps(steps: readonly RingStep[], upTo = steps.length): RingCounts {
  const shown = steps.slice(0, upTo);
  const count = (outcome: Outcome) => shown.filter((s) => s.outcome === outcome).length;
  return {
    steps: shown.length,
    native: count('native'),
    kernelTraps: count('kernel'),
    vmmTraps: count('vmm'),
    exits: count('exit'),
    translated: count('translated'),
    translatedBlocks: shown.filter((s) => s.startsBlock).length,
    silent: count('silent'),
    cycles: shown.reduce((sum, s) => sum + s.cycles, 0),
  };
}

/** A program's run under another configuration (checks replay the learner's program in each scenario). */
export function runAs(state: RingState, changes: Partial<RingState>): RingRun {
  return runRings({ ...state, ...changes });
}

export const defaultRingState: RingState = {
  scenario: 'native',
  bt: true,
  umip: false,
  vmcs: defaultVmcs,
  program: '',
};
