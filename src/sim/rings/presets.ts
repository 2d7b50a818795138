// Programs the learner can start from. Each shows one idea; the comments travel with the text.
import type { Text } from '../behaviour/types.ts';

export const presetIds = ['boot', 'syscall', 'popf', 'leaks', 'io'] as const;
export type PresetId = (typeof presetIds)[number];

export interface Preset {
  readonly id: PresetId;
  readonly label: Text;
  readonly program: string;
}

export const presets: Readonly<Record<PresetId, Preset>> = {
  boot: {
    id: 'boot',
    label: { ja: 'カーネルの起動処理（の一部）', en: 'A kernel booting (a few steps of it)' },
    program: [
      'kernel: cli',
      'kernel: lgdt [gdt_desc]',
      'kernel: lidt [idt_desc]',
      'kernel: mov cr3, eax',
      'kernel: wrmsr',
      'kernel: cpuid',
      'kernel: sti',
      'kernel: hlt',
    ].join('\n'),
  },
  syscall: {
    id: 'syscall',
    label: { ja: 'システムコールの往復', en: 'A system call round trip' },
    program: [
      'user: mov eax, 1',
      'user: syscall',
      'kernel: add eax, ebx',
      'kernel: sysret',
      'user: add eax, 1',
      'user: int 0x80',
      'kernel: iret',
    ].join('\n'),
  },
  popf: {
    id: 'popf',
    label: { ja: 'popf の問題', en: 'The popf problem' },
    program: [
      'kernel: pushf        ; save the flags (IF = 1)',
      'kernel: cli          ; critical section: interrupts off',
      'kernel: add eax, 1',
      'kernel: popf         ; restore the flags: interrupts on again?',
      'kernel: iret',
      'user: add eax, 1',
      'user: irq            ; the timer fires',
    ].join('\n'),
  },
  leaks: {
    id: 'leaks',
    label: {
      ja: '特権状態を読む非特権命令（sgdt、smsw など）',
      en: 'Unprivileged reads of privileged state (sgdt, smsw…)',
    },
    program: [
      'kernel: sgdt [buf]',
      'kernel: smsw eax',
      'kernel: str eax',
      'user: sidt [buf]',
      'user: cpuid',
    ].join('\n'),
  },
  io: {
    id: 'io',
    label: { ja: 'I/O の多いループ', en: 'An I/O-heavy loop' },
    program: [
      'kernel: in al, dx',
      'kernel: out dx, al',
      'kernel: add eax, 1',
      'kernel: in al, dx',
      'kernel: out dx, al',
      'kernel: add eax, 1',
      'kernel: irq',
      'user: out dx, al',
    ].join('\n'),
  },
};

export function isPreset(value: unknown): value is PresetId {
  return presetIds.some((id) => id === value);
}
