// The ring simulator's words, in both languages. The component embeds the page's language as JSON. The
// model's own texts (what each step does, its consequence, the costs' reasons) come with the model.
import type { Outcome, Runner, ScenarioId } from '../../../sim/rings/model.ts';

export interface RingStrings {
  title: string;
  loading: string;
  loadFailed: string;
  scenario: string;
  scenarioName: Record<ScenarioId, string>;
  scenarioNote: Record<ScenarioId, string>;
  bt: string;
  btNote: string;
  umip: string;
  umipNote: string;
  vmcs: string;
  vmcsControls: { ept: string; hltExiting: string; descriptorTableExiting: string; rdtscExiting: string };
  vmcsNote: string;
  rings: string;
  ring: string;
  cpu: string;
  root: string;
  nonRoot: string;
  runner: Record<Runner, string>;
  empty: string;
  program: string;
  programHelp: string;
  preset: string;
  loadPreset: string;
  errors: string;
  line: string;
  step: string;
  play: string;
  pause: string;
  reset: string;
  runAll: string;
  position: string;
  counts: string;
  count: {
    steps: string;
    native: string;
    kernelTraps: string;
    vmmTraps: string;
    exits: string;
    translated: string;
    silent: string;
    cycles: string;
  };
  translatedValue: string;
  cyclesValue: string;
  stepsCaption: string;
  head: { n: string; instruction: string; outcome: string; what: string };
  outcome: Record<Outcome, string>;
  exitReason: string;
  whereValue: string;
  modeName: { legacy: string; 'non-root': string; root: string };
  to: string;
  notYet: string;
  consequence: string;
  costBasis: string;
  provenance: { source: string; assumption: string; derived: string };
  sources: string;
  sourcesNote: string;
  cycles: string;
}

export const ringStrings: Record<'ja' | 'en', RingStrings> = {
  ja: {
    title: 'リングとトラップのシミュレーター',
    loading: 'リングとトラップのシミュレーターを読み込んでいます…',
    loadFailed: 'シミュレーターを読み込めませんでした（{message}）。',
    scenario: 'シナリオ',
    scenarioName: {
      native: '従来の x86（仮想化なし）',
      software: '仮想化：CPU 支援なし',
      vtx: '仮想化：ハードウェア支援（VT-x）',
    },
    scenarioNote: {
      native: 'カーネルはリング 0、アプリケーションはリング 3 で動きます。',
      software:
        'VMM がリング 0 を占め、ゲストカーネルはリング 1 に下げられます（32 ビット時代の VMware の方式）。アプリケーションはリング 3 のままです。VMM はセグメントのリミットでリング 1 から自分のメモリを守っていました。64 ビットのロングモードではこのリミットが効かないため、64 ビットのゲストには AMD がのちに戻したリミット検査か、VT-x が必要でした。',
      vtx: 'VMM は VMX root モード、ゲストカーネルは VMX non-root モードのリング 0、アプリケーションは non-root モードのリング 3 で動きます。AMD-V も同じ考え方で、VM exit を #VMEXIT と呼びます。',
    },
    bt: 'ゲストカーネルのバイナリ変換',
    btNote: 'オフにすると、トラップ・アンド・エミュレートだけの VMM になります。',
    umip: 'UMIP（CR4.UMIP を有効にする）',
    umipNote:
      '2017 年ごろからの Intel の CPU と、AMD の Zen 2 以降にある機能です。sgdt、sidt、sldt、smsw、str を CPL > 0 で #GP にします（CPU 支援なしの VMM が主流だった時代にはまだありませんでした）。',
    vmcs: 'VMCS の設定',
    vmcsControls: {
      ept: 'EPT（拡張ページテーブル）',
      hltExiting: 'HLT exiting',
      descriptorTableExiting: 'descriptor-table exiting',
      rdtscExiting: 'RDTSC exiting',
    },
    vmcsNote:
      'CPUID はどの設定でも VM exit します。I/O 命令と、MSR ビットマップで捕まえる wrmsr も、KVM と同じく VM exit します。',
    rings: 'どのリングで誰が動くか',
    ring: 'リング {n}',
    cpu: 'CPU',
    root: 'VMX root モード',
    nonRoot: 'VMX non-root モード',
    runner: {
      app: 'アプリケーション',
      kernel: 'カーネル',
      'guest-kernel': 'ゲストカーネル',
      vmm: 'VMM',
    },
    empty: '—',
    program: '命令列（1 行に 1 命令）',
    programHelp:
      '各行の先頭に user:（アプリケーション）か kernel:（カーネル）を付けます。例：「kernel: mov cr3, eax」。「#PF」はページフォールト、「irq」は外部割り込みです。「;」から行末まではコメントです。前に pushf のない popf は、IF = 1 の値を戻すものとします。',
    preset: 'プリセット',
    loadPreset: '読み込み',
    errors: '読めない行',
    line: '{n} 行目',
    step: '1 命令進める',
    play: '再生',
    pause: '一時停止',
    reset: '最初に戻す',
    runAll: '最後まで実行',
    position: '{n} / {total} 命令',
    counts: 'ここまでの集計',
    count: {
      steps: '実行した命令',
      native: 'そのまま実行',
      kernelTraps: 'カーネルへのトラップ',
      vmmTraps: 'VMM へのトラップ',
      exits: 'VM exit',
      translated: 'バイナリ変換',
      silent: 'サイレントエラー',
      cycles: 'コストの合計',
    },
    translatedValue: '{n} 命令（{blocks} ブロック）',
    cyclesValue: '{n} サイクル',
    stepsCaption: '実行した命令と、その結果',
    head: {
      n: '#',
      instruction: '命令と実行場所',
      outcome: '結果とコスト',
      what: '何が起きたか',
    },
    outcome: {
      native: 'そのまま実行',
      kernel: 'カーネルへ',
      vmm: 'VMM へトラップ',
      translated: 'バイナリ変換',
      exit: 'VM exit',
      silent: 'サイレントエラー',
    },
    exitReason: '理由',
    whereValue: '{runner}（リング {ring}{mode}）',
    modeName: { legacy: '', 'non-root': '、non-root', root: '、root' },
    to: '→ {place}',
    notYet: 'まだ実行していません。「1 命令進める」か「最後まで実行」を押してください。',
    consequence: '結果として',
    costBasis: 'コストの根拠（サイクル数）',
    provenance: { source: '出典', assumption: '仮定', derived: '導出' },
    sources: '出典',
    sourcesNote: 'サイクル数は桁の目安です。例外やトラップの規則、VM exit の条件は Intel SDM によります。',
    cycles: '{n} サイクル',
  },
  en: {
    title: 'Ring and trap simulator',
    loading: 'Loading the ring and trap simulator…',
    loadFailed: 'The simulator could not be loaded ({message}).',
    scenario: 'Scenario',
    scenarioName: {
      native: 'Classic x86 (no virtualization)',
      software: 'Virtualization: no CPU support',
      vtx: 'Virtualization: hardware-assisted (VT-x)',
    },
    scenarioNote: {
      native: 'The kernel runs in ring 0, applications in ring 3.',
      software:
        'The VMM takes ring 0 and the guest kernel is moved down to ring 1 (32-bit VMware’s way); applications stay in ring 3. The VMM guarded its own memory from ring 1 with segment limits; 64-bit long mode does not enforce them, so 64-bit guests needed the limit checks AMD later brought back, or VT-x.',
      vtx: 'The VMM runs in VMX root mode, the guest kernel in ring 0 of VMX non-root mode, applications in ring 3 of non-root mode. AMD-V works the same way and calls a VM exit #VMEXIT.',
    },
    bt: 'Binary translation of the guest kernel',
    btNote: 'Off: a VMM with trap and emulate only.',
    umip: 'UMIP (CR4.UMIP set)',
    umipNote:
      'On Intel CPUs from about 2017 and AMD from Zen 2: sgdt, sidt, sldt, smsw and str raise #GP at CPL > 0 (it did not exist yet when VMMs without CPU support were the norm).',
    vmcs: 'VMCS settings',
    vmcsControls: {
      ept: 'EPT (extended page tables)',
      hltExiting: 'HLT exiting',
      descriptorTableExiting: 'Descriptor-table exiting',
      rdtscExiting: 'RDTSC exiting',
    },
    vmcsNote:
      'CPUID exits whatever the settings. I/O instructions, and wrmsr to an MSR the MSR bitmap intercepts, exit too, as KVM sets them.',
    rings: 'Who runs in which ring',
    ring: 'Ring {n}',
    cpu: 'CPU',
    root: 'VMX root mode',
    nonRoot: 'VMX non-root mode',
    runner: { app: 'Applications', kernel: 'Kernel', 'guest-kernel': 'Guest kernel', vmm: 'VMM' },
    empty: '—',
    program: 'Instruction sequence (one per line)',
    programHelp:
      'Start each line with user: (an application) or kernel: (the kernel), e.g. "kernel: mov cr3, eax". "#PF" is a page fault, "irq" an external interrupt. A ";" starts a comment. A popf with no pushf before it restores a value with IF = 1.',
    preset: 'Preset',
    loadPreset: 'Load',
    errors: 'Lines the simulator cannot read',
    line: 'Line {n}',
    step: 'Step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Back to the start',
    runAll: 'Run to the end',
    position: '{n} / {total} instructions',
    counts: 'Counts so far',
    count: {
      steps: 'Instructions run',
      native: 'Ran as written',
      kernelTraps: 'Traps into a kernel',
      vmmTraps: 'Traps into the VMM',
      exits: 'VM exits',
      translated: 'Binary translation',
      silent: 'Silent errors',
      cycles: 'Total cost',
    },
    translatedValue: '{n} instructions, {blocks} block(s)',
    cyclesValue: '{n} cycles',
    stepsCaption: 'Instructions run, and what happened',
    head: {
      n: '#',
      instruction: 'Instruction, and where it runs',
      outcome: 'Outcome and cost',
      what: 'What happened',
    },
    outcome: {
      native: 'ran as written',
      kernel: 'into the kernel',
      vmm: 'trap into the VMM',
      translated: 'binary translation',
      exit: 'VM exit',
      silent: 'silent error',
    },
    exitReason: 'reason',
    whereValue: '{runner} (ring {ring}{mode})',
    modeName: { legacy: '', 'non-root': ', non-root', root: ', root' },
    to: '→ {place}',
    notYet: 'Nothing has run yet: press "Step" or "Run to the end".',
    consequence: 'As a result',
    costBasis: 'Where the cycle counts come from',
    provenance: { source: 'source', assumption: 'assumption', derived: 'derived' },
    sources: 'Sources',
    sourcesNote:
      'Cycle counts are orders of magnitude. The fault and trap rules and the VM-exit conditions are the Intel SDM’s.',
    cycles: '{n} cycles',
  },
};
