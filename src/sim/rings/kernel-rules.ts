// What the kernel's instructions do in each scenario: natively in ring 0, in the deprivileged guest kernel's
// ring 1 with or without binary translation, and in ring 0 of VMX non-root mode. The helpers and the user-code
// rules are in rules.ts.
import type { Text } from '../behaviour/types.ts';
import type { OpId } from './program.ts';
import {
  emulation,
  interrupt,
  leak,
  type Machine,
  NAME,
  native,
  pageFault,
  type StepBody,
  silent,
  translated,
  trapToVmm,
  vmExit,
} from './rules.ts';
import type { RingState } from './types.ts';

/** The interrupt flag a kernel's popf or iret restores: pushf's value, or 1 (iret returns to user code). */
function restoredIF(op: OpId, m: Machine): boolean {
  if (op === 'iret' || op === 'sysret') return true;
  return m.stack.pop() ?? true;
}

export function kernelStep(op: OpId, state: RingState, m: Machine): StepBody {
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
