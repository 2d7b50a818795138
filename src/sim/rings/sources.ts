// Where the ring simulator's rules and numbers come from. The rules (which instruction faults at which CPL,
// which VM exits the VMCS can ask for, what UMIP changes) are the Intel SDM's; the story of the three scenarios
// is Popek & Goldberg's theorem, Robin & Irvine's list of x86 instructions that break it, and VMware's papers on
// binary translation and hardware assistance. Cycle counts are orders of magnitude: each `Cost` says whether a
// source gives it or we chose it, and why.
import type { Provenance, Source, Text } from '../behaviour/types.ts';

export const ringSources = {
  popekGoldberg: {
    id: 'popek-goldberg',
    title: 'Formal Requirements for Virtualizable Third Generation Architectures',
    by: 'G. J. Popek, R. P. Goldberg, Communications of the ACM 17(7)',
    year: 1974,
    url: 'https://doi.org/10.1145/361011.361073',
  },
  robinIrvine: {
    id: 'robin-irvine',
    title: "Analysis of the Intel Pentium's Ability to Support a Secure Virtual Machine Monitor",
    by: 'J. S. Robin, C. E. Irvine, 9th USENIX Security Symposium',
    year: 2000,
    url: 'https://www.usenix.org/events/sec2000/robin.html',
  },
  adamsAgesen: {
    id: 'adams-agesen',
    title: 'A Comparison of Software and Hardware Techniques for x86 Virtualization',
    by: 'K. Adams, O. Agesen (VMware), ASPLOS XII',
    year: 2006,
    url: 'https://doi.org/10.1145/1168857.1168860',
  },
  agesen2012: {
    id: 'agesen-2012',
    title: 'Software Techniques for Avoiding Hardware Virtualization Exits',
    by: 'O. Agesen, J. Mattson, R. Rugina, J. Sheldon (VMware), USENIX ATC',
    year: 2012,
    url: 'https://www.usenix.org/conference/atc12/technical-sessions/presentation/agesen',
  },
  intelSdm: {
    id: 'intel-sdm',
    title: 'Intel 64 and IA-32 Architectures Software Developer’s Manual, Volume 3',
    by: 'Intel',
    url: 'https://www.intel.com/content/www/us/en/developer/articles/technical/intel-sdm.html',
  },
  intelExits: {
    id: 'intel-vm-exits',
    title: 'Virtualization and Performance: Understanding VM Exits',
    by: 'Intel Developer Zone blog',
    year: 2009,
    url: 'https://software.intel.com/en-us/blogs/2009/06/25/virtualization-and-performance-understanding-vm-exits',
  },
  linuxIopl: {
    id: 'linux-iopl',
    title: 'x86/iopl: Fake iopl(3) CLI/STI usage (since Linux 5.5 iopl(3) is emulated with the I/O bitmap)',
    by: 'The Linux kernel, commit b968e84b509d',
    year: 2021,
    url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=b968e84b509da593c50dc3db679e1d33de701f78',
  },
  linuxUmip: {
    id: 'linux-umip',
    title: 'arch/x86/kernel/umip.c: emulation for instructions protected by UMIP',
    by: 'The Linux kernel',
    url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/arch/x86/kernel/umip.c',
  },
} as const satisfies Record<string, Source>;

/** Where in the SDM each rule is (section titles, which stay put while the numbers move between editions). */
export const sdmWhere = {
  privileged: 'Vol. 3A, “Privileged Instructions” (#GP(0) when CPL ≠ 0)',
  iopl: 'Vol. 1, “I/O Privilege Level” and “I/O Permission Bit Map”; Vol. 2A CLI and Vol. 2B STI (#GP when CPL > IOPL)',
  popf: 'Vol. 2B, POPF (IF changes only when CPL ≤ IOPL; with too little privilege the bit stays, no exception)',
  umip: 'Vol. 3A, “Control Registers”, CR4.UMIP (SGDT, SIDT, SLDT, SMSW, STR → #GP at CPL > 0)',
  exits:
    'Vol. 3C, “Instructions That Cause VM Exits Unconditionally” / “Conditionally” (CPUID, HLT exiting, …)',
  priority: 'Vol. 3C, “Relative Priority of Faults and VM Exits” (a CPL or IOPL fault comes before the exit)',
  ept: 'Vol. 3C, “The Extended Page Table Mechanism (EPT)”',
} as const;

/** A cost in CPU cycles, with where the number comes from. */
export interface Cost {
  readonly id: CostId;
  readonly label: Text;
  readonly cycles: number;
  readonly provenance: Provenance;
}

export type CostId =
  | 'simple'
  | 'system'
  | 'io'
  | 'kernel-entry'
  | 'vmm-trap'
  | 'vmm-work'
  | 'bt-inline'
  | 'bt-callout'
  | 'vm-exit';

const orderOfMagnitude: Text = {
  ja: '桁の目安として選んだ値です（仮定）。実際の値は CPU の世代やモデルによって大きく変わります。',
  en: 'An order of magnitude we chose (an assumption); the real figure varies widely between CPU generations and models.',
};

export const costs: Readonly<Record<CostId, Cost>> = {
  simple: {
    id: 'simple',
    label: { ja: '通常の命令（レジスター演算など）', en: 'An ordinary instruction (register arithmetic…)' },
    cycles: 1,
    provenance: { kind: 'assumption', reason: orderOfMagnitude },
  },
  system: {
    id: 'system',
    label: {
      ja: 'システム命令をネイティブに実行（CR3 の書き換え、MSR、CPUID など）',
      en: 'A system instruction run natively (CR3 load, MSR write, CPUID…)',
    },
    cycles: 100,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: '数十〜数百サイクルかかる命令の目安として 100 を選びました（仮定）。CR3 の書き換えは TLB のフラッシュも伴います。',
        en: 'We chose 100 as a round figure for instructions that take tens to hundreds of cycles (an assumption); a CR3 load also flushes the TLB.',
      },
    },
  },
  io: {
    id: 'io',
    label: { ja: 'I/O ポートへのアクセス（ネイティブ）', en: 'An I/O port access (native)' },
    cycles: 1000,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: 'I/O ポートへのアクセスはデバイスの応答を待つため、マイクロ秒単位になることがあります。目安として 1,000 を選びました（仮定）。',
        en: 'A port access waits for the device and can take on the order of a microsecond; we chose 1,000 as a round figure (an assumption).',
      },
    },
  },
  'kernel-entry': {
    id: 'kernel-entry',
    label: {
      ja: '例外・システムコールでカーネルに入って戻る',
      en: 'Into a kernel and back (exception or system call)',
    },
    cycles: 150,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: 'ハードウェアによるリングの切り替えと、ハンドラーの入口・出口の目安です（仮定）。投機実行の脆弱性への対策が有効だと、これより数倍かかります。',
        en: 'The hardware ring switch plus a handler’s entry and exit, as an order of magnitude (an assumption); with speculative-execution mitigations it takes several times more.',
      },
    },
  },
  'vmm-trap': {
    id: 'vmm-trap',
    label: {
      ja: 'VMM へのトラップと復帰（CPU 支援なし）',
      en: 'A trap into the VMM and back (no CPU support)',
    },
    cycles: 1000,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: '例外で VMM に入り、命令を解読して戻るまでの目安です（仮定）。Adams & Agesen（2006）は、トラップを伴う命令をバイナリ変換で置き換えるとトラップのコストを丸ごと省けることを示しています。',
        en: 'An exception into the VMM, decoding the instruction and returning, as an order of magnitude (an assumption). Adams & Agesen (2006) show that translating a trapping instruction removes the trap’s cost altogether.',
      },
    },
  },
  'vmm-work': {
    id: 'vmm-work',
    label: { ja: 'VMM がエミュレーションする作業', en: 'The VMM’s work to emulate it' },
    cycles: 300,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: '仮想 CPU の状態を書き換える程度の処理の目安です（仮定）。デバイスのエミュレーションやシャドーページテーブルの更新は、これより大きくなります。',
        en: 'Roughly what updating the virtual CPU’s state costs (an assumption); emulating a device or updating shadow page tables costs more.',
      },
    },
  },
  'bt-inline': {
    id: 'bt-inline',
    label: {
      ja: 'バイナリ変換：VMM の中の仮想 CPU の状態を読み書きするコードに置き換え',
      en: 'Binary translation: replaced by code that reads or writes the virtual CPU in memory',
    },
    cycles: 5,
    provenance: {
      kind: 'derived',
      reason: {
        ja: 'Adams & Agesen（2006）によれば、cli のような命令は変換後、仮想 CPU の割り込みフラグをメモリに書く数命令になり、トラップは起きません。「数命令」を 5 サイクルとしました。',
        en: 'Adams & Agesen (2006): once translated, an instruction such as cli becomes a few instructions that write the virtual CPU’s interrupt flag in memory, with no trap. We count “a few instructions” as 5 cycles.',
      },
    },
  },
  'bt-callout': {
    id: 'bt-callout',
    label: {
      ja: 'バイナリ変換：VMM の処理ルーチンの呼び出しに置き換え',
      en: 'Binary translation: replaced by a call into the VMM',
    },
    cycles: 100,
    provenance: {
      kind: 'assumption',
      reason: {
        ja: '変換されたコードから VMM の関数を呼ぶだけなので、トラップより 1 桁小さいと仮定しました。',
        en: 'The translated code calls a VMM routine directly; we assume it costs an order of magnitude less than a trap.',
      },
    },
  },
  'vm-exit': {
    id: 'vm-exit',
    label: { ja: 'VM exit と VM entry の往復', en: 'A VM exit and VM entry round trip' },
    cycles: 1000,
    provenance: {
      kind: 'derived',
      reason: {
        ja: 'Intel の解説は、VM exit 1 回の遷移に「数百から数千サイクル」かかるとしています。その範囲の切りのよい値として 1,000 を選びました。Agesen ほか（2012）は、世代ごとにこの往復が短くなってきたことを報告しています。',
        en: 'Intel’s explanation puts one VM exit transition at “hundreds or thousands of cycles”; we chose 1,000 as a round figure in that range. Agesen et al. (2012) report the round trip getting shorter with each CPU generation.',
      },
    },
  },
};
