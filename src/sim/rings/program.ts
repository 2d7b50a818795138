// The learner's instruction sequence: one instruction (or event) per line, each with who runs it, e.g.
//
//   user: syscall
//   kernel: mov cr3, eax      ; a comment
//   #PF                       ; no marker: run by the same one as the line above
//
// `parseProgram` turns text into instructions and names every line it cannot read; `formatProgram` writes
// instructions back in the canonical spelling, so parse(format(parse(x))) equals parse(x).
import type { Text } from '../behaviour/types.ts';

export const opIds = [
  'alu',
  'cli',
  'sti',
  'pushf',
  'popf',
  'in',
  'out',
  'hlt',
  'mov-cr3',
  'lgdt',
  'lidt',
  'invlpg',
  'wrmsr',
  'sgdt',
  'sidt',
  'smsw',
  'str',
  'syscall',
  'int80',
  'sysret',
  'iret',
  'cpuid',
  'rdtsc',
  'page-fault',
  'interrupt',
] as const;
export type OpId = (typeof opIds)[number];

export type Who = 'user' | 'kernel';

export interface Instruction {
  /** 1-based line of the program text. */
  readonly line: number;
  readonly who: Who;
  readonly op: OpId;
  /** The mnemonic as written canonically (`add`, `mov`, `out`, `#PF`…). */
  readonly mnemonic: string;
  /** Operands, canonical (lower case, ", " between them); '' when none. */
  readonly operands: string;
}

export interface ParseError {
  readonly line: number;
  readonly text: Text;
}

export interface ParsedProgram {
  readonly instructions: readonly Instruction[];
  readonly errors: readonly ParseError[];
}

export const MAX_INSTRUCTIONS = 40;
export const MAX_PROGRAM_CHARS = 2000;

/** How the classes of instruction behave on bare x86 (Intel SDM; see sources.ts). */
export type OpClass =
  | 'ordinary' // unprivileged and not sensitive
  | 'privileged' // #GP(0) when CPL ≠ 0
  | 'iopl' // #GP when CPL > IOPL (I/O also consults the TSS's I/O permission bitmap)
  | 'sensitive-unprivileged' // reads or changes privileged state at any CPL without a trap
  | 'system-call' // user → kernel on purpose
  | 'return' // kernel → user
  | 'event'; // not an instruction: something that happens while this code runs

export const opClass: Readonly<Record<OpId, OpClass>> = {
  alu: 'ordinary',
  cli: 'iopl',
  sti: 'iopl',
  pushf: 'sensitive-unprivileged',
  popf: 'sensitive-unprivileged',
  in: 'iopl',
  out: 'iopl',
  hlt: 'privileged',
  'mov-cr3': 'privileged',
  lgdt: 'privileged',
  lidt: 'privileged',
  invlpg: 'privileged',
  wrmsr: 'privileged',
  sgdt: 'sensitive-unprivileged',
  sidt: 'sensitive-unprivileged',
  smsw: 'sensitive-unprivileged',
  str: 'sensitive-unprivileged',
  syscall: 'system-call',
  int80: 'system-call',
  sysret: 'privileged',
  iret: 'return',
  cpuid: 'ordinary',
  rdtsc: 'ordinary',
  'page-fault': 'event',
  interrupt: 'event',
};

/**
 * Instructions that fault in ring 3 whatever the scenario: CPL-0 instructions, and the IOPL-sensitive ones
 * because every scenario here runs with IOPL 0 and a user I/O bitmap that grants no port (Linux's default
 * without ioperm/iopl).
 */
export function faultsInRing3(op: OpId): boolean {
  return opClass[op] === 'privileged' || opClass[op] === 'iopl';
}

/** The ones UMIP turns into #GP at CPL > 0 (sldt too, not modelled here). */
export const umipOps: readonly OpId[] = ['sgdt', 'sidt', 'smsw', 'str'];

const ALU = new Set(['add', 'sub', 'xor', 'and', 'or', 'cmp', 'mov', 'inc', 'dec', 'nop', 'test', 'lea']);
const NO_OPERANDS: Readonly<Record<string, OpId>> = {
  cli: 'cli',
  sti: 'sti',
  pushf: 'pushf',
  pushfd: 'pushf',
  pushfq: 'pushf',
  popf: 'popf',
  popfd: 'popf',
  popfq: 'popf',
  hlt: 'hlt',
  wrmsr: 'wrmsr',
  syscall: 'syscall',
  sysret: 'sysret',
  sysretq: 'sysret',
  iret: 'iret',
  iretd: 'iret',
  iretq: 'iret',
  cpuid: 'cpuid',
  rdtsc: 'rdtsc',
};
/** Canonical mnemonic of each fixed op. */
const MNEMONIC: Partial<Record<OpId, string>> = {
  cli: 'cli',
  sti: 'sti',
  pushf: 'pushf',
  popf: 'popf',
  hlt: 'hlt',
  wrmsr: 'wrmsr',
  syscall: 'syscall',
  sysret: 'sysret',
  iret: 'iret',
  cpuid: 'cpuid',
  rdtsc: 'rdtsc',
};
const WITH_OPERANDS: Readonly<Record<string, OpId>> = {
  in: 'in',
  out: 'out',
  lgdt: 'lgdt',
  lidt: 'lidt',
  sgdt: 'sgdt',
  sidt: 'sidt',
  invlpg: 'invlpg',
  smsw: 'smsw',
  str: 'str',
};
const EXAMPLE: Partial<Record<OpId, string>> = {
  in: 'in al, dx',
  out: 'out dx, al',
  lgdt: 'lgdt [gdt_desc]',
  lidt: 'lidt [idt_desc]',
  sgdt: 'sgdt [buf]',
  sidt: 'sidt [buf]',
  invlpg: 'invlpg [eax]',
  smsw: 'smsw eax',
  str: 'str eax',
};
const OPERANDS = /^[a-z0-9_[\]+\-* ]+$/;
const CONTROL_REGISTER = /\bcr\d\b/;
const REGISTER = /^(r[a-d]x|e[a-d]x|r[sd]i|e[sd]i|r[sb]p|e[sb]p|r\d{1,2}|[a-d]x)$/;

/** Who a marker names: user, kernel, ring 3, ring 0 (and app for user). */
function whoOf(marker: string): Who | 'bad' {
  const m = marker.replace(/\s+/g, ' ').trim();
  if (m === 'user' || m === 'app' || m === 'ring 3' || m === 'ring3') return 'user';
  if (m === 'kernel' || m === 'ring 0' || m === 'ring0') return 'kernel';
  return 'bad';
}

function normaliseOperands(text: string): string {
  return text
    .split(',')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .join(', ');
}

type LineResult = { instruction: Omit<Instruction, 'line' | 'who'> } | { error: Text };

function parseInstruction(body: string): LineResult {
  const text = body.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '#pf' || text === 'page fault' || text === 'pagefault')
    return { instruction: { op: 'page-fault', mnemonic: '#PF', operands: '' } };
  if (text === 'irq' || text === 'interrupt')
    return { instruction: { op: 'interrupt', mnemonic: 'irq', operands: '' } };
  const space = text.indexOf(' ');
  const mnemonic = space === -1 ? text : text.slice(0, space);
  const rest = space === -1 ? '' : text.slice(space + 1).trim();
  if (rest && !OPERANDS.test(rest.replace(/,/g, '')))
    return {
      error: {
        ja: `オペランド「${rest}」に使えない文字があります（使えるのは英数字と記号 [ ] + - * , です）。`,
        en: `The operands "${rest}" contain characters the simulator does not read (letters, digits, [ ], +, -, * and commas only).`,
      },
    };
  const operands = rest ? normaliseOperands(rest) : '';
  const fixed = NO_OPERANDS[mnemonic];
  if (fixed) {
    if (operands)
      return {
        error: {
          ja: `${mnemonic} はオペランドを取りません（「${operands}」を消してください）。`,
          en: `${mnemonic} takes no operands (remove "${operands}").`,
        },
      };
    return { instruction: { op: fixed, mnemonic: MNEMONIC[fixed] ?? mnemonic, operands: '' } };
  }
  if (mnemonic === 'int') {
    if (operands === '0x80' || operands === '80h')
      return { instruction: { op: 'int80', mnemonic: 'int', operands: '0x80' } };
    return {
      error: {
        ja: `int は 0x80（32 ビット Linux のシステムコール）だけを扱います（受け取った値：「${operands || '（なし）'}」）。`,
        en: `Only int 0x80 (32-bit Linux's system call) is modelled (received "${operands}").`,
      },
    };
  }
  if (mnemonic === 'mov' && CONTROL_REGISTER.test(operands)) {
    const [dst, src, extra] = operands.split(', ');
    if (dst === 'cr3' && src !== undefined && extra === undefined && REGISTER.test(src))
      return { instruction: { op: 'mov-cr3', mnemonic: 'mov', operands: `cr3, ${src}` } };
    return {
      error: {
        ja: `制御レジスターへの mov は「mov cr3, eax」の形（CR3 への書き込み）だけを扱います（受け取った値：「${operands}」）。`,
        en: `Of the moves to and from control registers, only "mov cr3, eax" (a CR3 load) is modelled (received "${operands}").`,
      },
    };
  }
  if (ALU.has(mnemonic)) {
    if (mnemonic === 'nop' && operands)
      return {
        error: { ja: 'nop はオペランドを取りません。', en: 'nop takes no operands.' },
      };
    if (mnemonic !== 'nop' && !operands)
      return {
        error: {
          ja: `${mnemonic} にはオペランドが必要です（例：「${mnemonic} eax, 1」）。`,
          en: `${mnemonic} needs operands (e.g. "${mnemonic} eax, 1").`,
        },
      };
    return { instruction: { op: 'alu', mnemonic, operands } };
  }
  const withOperands = WITH_OPERANDS[mnemonic];
  if (withOperands) {
    if (!operands)
      return {
        error: {
          ja: `${mnemonic} にはオペランドが必要です（例：「${EXAMPLE[withOperands]}」）。`,
          en: `${mnemonic} needs operands (e.g. "${EXAMPLE[withOperands]}").`,
        },
      };
    return { instruction: { op: withOperands, mnemonic, operands } };
  }
  return {
    error: {
      ja: `「${mnemonic}」は、このシミュレーターが知らない命令です。`,
      en: `The simulator does not know the instruction "${mnemonic}".`,
    },
  };
}

/** Lines with a user-only or kernel-only instruction written for the other. */
function whoProblem(who: Who, op: OpId): Text | undefined {
  if (who === 'kernel' && (op === 'syscall' || op === 'int80'))
    return {
      ja: 'システムコールはユーザーのコードが呼びます。「user: syscall」と書いてください。',
      en: 'A system call is made by user code: write "user: syscall".',
    };
  if (who === 'user' && op === 'iret')
    return {
      ja: 'iret はカーネルからユーザーのコードに戻る命令として扱います。「kernel: iret」と書いてください。',
      en: 'iret is modelled as the kernel’s return to user code: write "kernel: iret".',
    };
  return undefined;
}

export function parseProgram(text: string): ParsedProgram {
  const instructions: Instruction[] = [];
  const errors: ParseError[] = [];
  if (text.length > MAX_PROGRAM_CHARS) {
    errors.push({
      line: 1,
      text: {
        ja: `プログラムが長すぎます（${text.length} 文字。${MAX_PROGRAM_CHARS} 文字まで）。`,
        en: `The program is too long (${text.length} characters; at most ${MAX_PROGRAM_CHARS}).`,
      },
    });
    return { instructions, errors };
  }
  let who: Who | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const code = raw.replace(/;.*$/, '').trim();
    if (!code) return;
    const colon = code.indexOf(':');
    let body = code;
    if (colon !== -1) {
      const marker = whoOf(code.slice(0, colon).toLowerCase());
      if (marker === 'bad') {
        errors.push({
          line,
          text: {
            ja: `「${code.slice(0, colon).trim()}:」は実行者の指定として読めません。user:（アプリケーション）か kernel:（カーネル）と書いてください。`,
            en: `"${code.slice(0, colon).trim()}:" does not say who runs it: write user: (an application) or kernel: (the kernel).`,
          },
        });
        return;
      }
      who = marker;
      body = code.slice(colon + 1);
    }
    if (who === undefined) {
      errors.push({
        line,
        text: {
          ja: '誰が実行するかがわかりません。行の先頭に user: か kernel: を付けてください。',
          en: 'Who runs it? Start the line with user: or kernel:.',
        },
      });
      return;
    }
    if (!body.trim()) {
      errors.push({
        line,
        text: { ja: '命令がありません。', en: 'There is no instruction.' },
      });
      return;
    }
    const result = parseInstruction(body);
    if ('error' in result) {
      errors.push({ line, text: result.error });
      return;
    }
    const problem = whoProblem(who, result.instruction.op);
    if (problem) {
      errors.push({ line, text: problem });
      return;
    }
    if (instructions.length === MAX_INSTRUCTIONS) {
      errors.push({
        line,
        text: {
          ja: `命令は ${MAX_INSTRUCTIONS} 個までです。`,
          en: `At most ${MAX_INSTRUCTIONS} instructions.`,
        },
      });
      return;
    }
    instructions.push({ line, who, ...result.instruction });
  });
  return { instructions, errors };
}

/** One instruction as the canonical line, without its marker: `mov cr3, eax`, `#PF`. */
export function instructionText(instruction: Pick<Instruction, 'mnemonic' | 'operands'>): string {
  return instruction.operands ? `${instruction.mnemonic} ${instruction.operands}` : instruction.mnemonic;
}

/** Instructions back to text, one per line, every line with its marker. */
export function formatProgram(
  instructions: readonly Pick<Instruction, 'who' | 'mnemonic' | 'operands'>[],
): string {
  return instructions.map((i) => `${i.who}: ${instructionText(i)}`).join('\n');
}
