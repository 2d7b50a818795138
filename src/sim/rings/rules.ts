// What each instruction does in each scenario, one step at a time: the outcome, the fault, who takes control,
// the VM exit and its reason, the cost, and the words that say why (Intel SDM rules; see sources.ts). The
// machine state a step reads and writes is the guest's interrupt flag and pushf's stack (model.ts explains why).
import type { Text } from '../behaviour/types.ts';
import { faultsInRing3, type Instruction, type OpId, opClass, umipOps } from './program.ts';
import { type Cost, type CostId, costs } from './sources.ts';
import {
  type ExitReason,
  exitReasons,
  type Place,
  placeOf,
  type RingState,
  type RingStep,
  type ScenarioId,
  type VmcsControls,
} from './types.ts';

export const VMM: Place = { runner: 'vmm', ring: 0, mode: 'legacy' };
export const VMM_ROOT: Place = { runner: 'vmm', ring: 0, mode: 'root' };

/** The kernel that handles a fault or system call from user code, without a VMM in the way. */
export function kernelOf(scenario: ScenarioId): Place {
  return placeOf(scenario, 'kernel');
}

export interface Machine {
  /** What the guest kernel set (native: the kernel's IF). */
  guestIF: boolean;
  /** What is in effect for the guest: native/vtx the real IF, software the VMM's virtual IF. */
  effectiveIF: boolean;
  /** pushf's pushes, as the value the guest kernel got. */
  stack: boolean[];
  /** Whether the previous step was the guest kernel's (for counting translated blocks). */
  inKernelBlock: boolean;
}

export type StepBody = Omit<
  RingStep,
  'index' | 'instruction' | 'text' | 'at' | 'cycles' | 'guestIF' | 'effectiveIF' | 'startsBlock'
>;

export const c = (...ids: CostId[]) => ids.map((id) => costs[id]);

/** What an instruction costs when it runs as written: a port access, a simple one, or a system instruction. */
const SIMPLE: ReadonlySet<OpId> = new Set(['alu', 'cli', 'sti', 'pushf', 'popf']);
export const nativeCost = (op: OpId): Cost[] =>
  op === 'in' || op === 'out' ? c('io') : SIMPLE.has(op) ? c('simple') : c('system');

export const NAME: Readonly<Record<OpId, string>> = {
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
export function gpFault(op: OpId, scenario: ScenarioId): StepBody {
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
  if (scenario === 'software' && umip)
    // The real CR4 is the VMM's: it set UMIP to catch these, so it answers for the guest as it does for the
    // guest kernel's (kernel-rules.ts), unless the guest turned UMIP on itself.
    return {
      outcome: 'vmm',
      fault: '#GP',
      handler: VMM,
      what: {
        ja: `${why.ja}。本物の CR4 と IDT は VMM のものなので VMM が受け取り、ゲスト自身の値を返すようにエミュレートします（ゲストが自分で UMIP を有効にしていれば、ゲストカーネルの #GP ハンドラーに渡します）。`,
        en: `${why.en}. The real CR4 and IDT are the VMM’s, so the VMM takes it and emulates it with the guest’s own value (or, if the guest turned UMIP on itself, passes it on to the guest kernel’s #GP handler).`,
      },
      costs: c('vmm-trap', 'vmm-work'),
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
            ja: `${why.ja}。権限の違反は VM exit より優先され、VMCS の例外ビットマップも（KVM と同じく）#GP を捕まえないので、ゲストの IDT を通ってゲストカーネルに届きます（VM exit なし）。`,
            en: `${why.en}. A privilege fault takes priority over a VM exit, and the VMCS’s exception bitmap (as KVM sets it) does not intercept #GP, so it goes through the guest’s IDT to the guest kernel (no VM exit).`,
          }
        : umip && scenario === 'native'
          ? {
              ja: `${why.ja}。カーネルが受け取ります（Linux は Wine などの古いプログラムのために、UMIP の対象の 5 命令 sgdt・sidt・sldt・smsw・str をダミーの値でエミュレートし、SIGSEGV は送りません）。`,
              en: `${why.en}. The kernel takes it (for old programs such as Wine, Linux emulates the five UMIP instructions sgdt, sidt, sldt, smsw and str with dummy values instead of sending SIGSEGV).`,
            }
          : op === 'cli' || op === 'sti'
            ? {
                ja: `${why.ja}。カーネルが受け取り、ふつうはプロセスに SIGSEGV を送ります（Linux 5.5 以降は iopl(3) を呼んでも IOPL は 0 のままで、I/O 許可ビットマップが開くだけです。そのようなプロセスの cli と sti は、Linux 5.15 以降、何もしない命令として読み飛ばされます）。`,
                en: `${why.en}. The kernel takes it and normally sends the process SIGSEGV (since Linux 5.5, iopl(3) leaves IOPL at 0 and only opens the I/O permission bitmap; since 5.15 the kernel skips such a process’s cli and sti as no-ops).`,
              }
            : {
                ja: `${why.ja}。カーネルが受け取り、ふつうはプロセスに SIGSEGV を送ります。`,
                en: `${why.en}. The kernel takes it and normally sends the process SIGSEGV.`,
              },
    costs: c('kernel-entry'),
  };
}

export function vmExit(reason: ExitReason, what: Text): StepBody {
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

export const trapToVmm = (op: OpId, how: Text, why?: Text): StepBody => ({
  outcome: 'vmm',
  fault: '#GP',
  handler: VMM,
  what: {
    ja: `${why?.ja ?? `リング 1 では ${NAME[op]} は特権違反になるので`}、#GP で VMM にトラップします。VMM が${how.ja}（トラップ・アンド・エミュレート）。`,
    en: `${why?.en ?? `In ring 1 ${NAME[op]} is a privilege violation`}: #GP traps into the VMM, which ${how.en} (trap and emulate).`,
  },
  costs: c('vmm-trap', 'vmm-work'),
});

export const translated = (op: OpId, how: Text, callout: boolean): StepBody => ({
  outcome: 'translated',
  what: {
    ja: `バイナリ変換：${NAME[op]} はそのまま実行されず、${how.ja}。トラップは起きません。`,
    en: `Binary translation: the VMM never runs ${NAME[op]} as written; ${how.en}. No trap.`,
  },
  costs: c(callout ? 'bt-callout' : 'bt-inline', ...(callout ? (['vmm-work'] as const) : [])),
});

export const native = (op: OpId, what: Text): StepBody => ({
  outcome: 'native',
  what,
  costs: nativeCost(op),
});

export const silent = (op: OpId, what: Text, consequence: Text): StepBody => ({
  outcome: 'silent',
  what,
  consequence,
  costs: nativeCost(op),
});

/** How the software scenario's VMM handles each privileged kernel instruction, in words. */
export const emulation: Partial<Record<OpId, Text>> = {
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
export const leak: Partial<Record<OpId, Text>> = {
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

export function userStep(op: OpId, state: RingState, m: Machine): StepBody {
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
        ja:
          op === 'sgdt' || op === 'sidt'
            ? `${NAME[op]} はリング 3 でもトラップせずに実行され、カーネル自身の値を読みます（カーネルのアドレスが漏れます。これを防ぐために UMIP が作られました）。`
            : `${NAME[op]} はリング 3 でもトラップせずに実行され、カーネル自身の値を読みます（アドレスではありませんが、カーネルの状態が見えます。UMIP はこれも防ぎます）。`,
        en:
          op === 'sgdt' || op === 'sidt'
            ? `${NAME[op]} runs in ring 3 without a trap and reads the kernel’s own value (it leaks a kernel address, which is why UMIP exists).`
            : `${NAME[op]} runs in ring 3 without a trap and reads the kernel’s own value (not an address, but kernel state; UMIP blocks it too).`,
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

export function pageFault(scenario: ScenarioId, vmcs: VmcsControls, who: Instruction['who']): StepBody {
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

export function interrupt(state: RingState, m: Machine, fromUser: boolean): StepBody {
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
