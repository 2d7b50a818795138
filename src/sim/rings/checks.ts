// Named checks over the ring simulator's state, for `kind: widget` exercises (a task's `check` names one), and
// the strict validation of a state as an exercise file writes it. Each check replays the learner's program in
// the configuration it is about, whichever scenario the widget shows, and says what it saw.
import type { CheckOutcome } from '../citation.ts';
import {
  defaultRingState,
  exitReasons,
  isScenario,
  normaliseRingState,
  type RingRun,
  type RingState,
  runAs,
  scenarioIds,
} from './model.ts';
import { MAX_PROGRAM_CHARS } from './program.ts';

/** The guest-kernel sequence of content/exercises/19-ring-traps has at least this many instructions (events not counted). */
export const MIN_KERNEL_INSTRUCTIONS = 4;

const errorsOf = (run: RingRun): CheckOutcome | undefined => {
  const first = run.errors[0];
  if (!first) return undefined;
  return {
    passed: false,
    evidence: {
      ja: `プログラムに読めない行があります（${run.errors.length} か所）。${first.line} 行目：${first.text.ja}`,
      en: `The program has ${run.errors.length} line(s) the simulator cannot read. Line ${first.line}: ${first.text.en}`,
    },
  };
};

/**
 * The program is a guest-kernel sequence (every line `kernel:`, at least MIN_KERNEL_INSTRUCTIONS), and under
 * the software scenario with trap-and-emulate only (no binary translation) the guest kernel's interrupt flag
 * goes silently wrong: a pushf, popf or iret runs without a trap and does not do what the kernel meant.
 */
function interruptFlagSilentWithoutBt(state: RingState): CheckOutcome {
  const run = runAs(state, { scenario: 'software', bt: false });
  const bad = errorsOf(run);
  if (bad) return bad;
  const users = run.steps.filter((s) => s.instruction.who === 'user');
  if (users.length > 0)
    return {
      passed: false,
      evidence: {
        ja: `${users.map((s) => `${s.instruction.line} 行目`).join('、')}はユーザーのコードです。すべての行をゲストカーネル（kernel:）の命令にしてください。`,
        en: `Line(s) ${users.map((s) => s.instruction.line).join(', ')} are user code; every line must be the guest kernel’s (kernel:).`,
      },
    };
  // #PF and irq are events, not instructions: they do not count towards the minimum.
  const instructions = run.steps.filter(
    (s) => s.instruction.op !== 'interrupt' && s.instruction.op !== 'page-fault',
  ).length;
  if (instructions < MIN_KERNEL_INSTRUCTIONS)
    return {
      passed: false,
      evidence: {
        ja: `命令は ${instructions} 個です（#PF と irq は命令に数えません）。${MIN_KERNEL_INSTRUCTIONS} 個以上にしてください。`,
        en: `${instructions} instruction(s) (#PF and irq are not instructions); write at least ${MIN_KERNEL_INSTRUCTIONS}.`,
      },
    };
  const silent = run.steps.filter((s) => s.outcome === 'silent');
  const flag = silent.filter((s) => ['pushf', 'popf', 'iret'].includes(s.instruction.op));
  const where = flag[0];
  if (where)
    return {
      passed: true,
      evidence: {
        ja: `トラップ・アンド・エミュレートだけの場合、${where.instruction.line} 行目の ${where.text} で、ゲストカーネルが認識している割り込みフラグと VMM の仮想 IF が黙って食い違います（VMM へのトラップ ${run.counts.vmmTraps} 回、サイレントエラー ${run.counts.silent} 個）。`,
        en: `With trap and emulate only, line ${where.instruction.line} (${where.text}) silently gets the interrupt flag wrong (${run.counts.vmmTraps} trap(s) into the VMM, ${run.counts.silent} silent error(s)).`,
      },
    };
  return {
    passed: false,
    evidence:
      silent.length > 0
        ? {
            ja: `サイレントエラーは ${silent.map((s) => s.text).join('、')} ですが、割り込みフラグの誤りではありません（読み出した値の誤りです）。`,
            en: `The silent errors (${silent.map((s) => s.text).join(', ')}) are wrong values read, not a wrong interrupt flag.`,
          }
        : {
            ja: `トラップ・アンド・エミュレートだけでも、割り込みフラグは正しく保たれます（VMM へのトラップ ${run.counts.vmmTraps} 回、サイレントエラーなし）。`,
            en: `Even with trap and emulate only, the interrupt flag stays right (${run.counts.vmmTraps} trap(s) into the VMM, no silent error).`,
          },
  };
}

/** Under VT-x with the VMCS controls in the state, the program causes exactly one VM exit. */
function oneVmExitUnderVtx(state: RingState): CheckOutcome {
  const run = runAs(state, { scenario: 'vtx' });
  const bad = errorsOf(run);
  if (bad) return bad;
  if (run.steps.length === 0)
    return { passed: false, evidence: { ja: 'プログラムが空です。', en: 'The program is empty.' } };
  const exits = run.steps.filter((s) => s.outcome === 'exit');
  const list = exits
    .map((s) => `${s.instruction.line}: ${s.text} (${s.exitReason ? exitReasons[s.exitReason].name : ''})`)
    .join('; ');
  const { ept, hltExiting, descriptorTableExiting, rdtscExiting } = state.vmcs;
  const flags = (on: string, off: string, sep: string) =>
    [
      `EPT ${ept ? on : off}`,
      `HLT exiting ${hltExiting ? on : off}`,
      `descriptor-table exiting ${descriptorTableExiting ? on : off}`,
      `RDTSC exiting ${rdtscExiting ? on : off}`,
    ].join(sep);
  return {
    passed: exits.length === 1,
    evidence: {
      ja: `VT-x（${flags('オン', 'オフ', '、')}）では VM exit が ${exits.length} 回です${list ? `（${list}）` : ''}。`,
      en: `Under VT-x (${flags('on', 'off', ', ')}): ${exits.length} VM exit(s)${list ? ` (${list})` : ''}.`,
    },
  };
}

export const ringChecks: Readonly<Record<string, (state: RingState) => CheckOutcome>> = {
  ringsInterruptFlagSilentWithoutBt: (state) => interruptFlagSilentWithoutBt(normaliseRingState(state)),
  ringsOneVmExitUnderVtx: (state) => oneVmExitUnderVtx(normaliseRingState(state)),
};

const VMCS_KEYS = Object.keys(defaultRingState.vmcs);

/**
 * Problems with a state as an exercise file writes it: `{ scenario, program, bt?, umip?, vmcs? }` (vmcs may
 * name some of its four controls), each field named, nothing else.
 */
export function ringStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`: Received ${JSON.stringify(value)} / Expected an object with "scenario" and "program"`];
  const { scenario, program, bt, umip, vmcs, ...rest } = value as Record<string, unknown>;
  const problems = Object.keys(rest).map(
    (k) => `${k}: Received "${k}" / Expected only "scenario", "program", "bt", "umip" and "vmcs"`,
  );
  if (!isScenario(scenario))
    problems.push(
      `scenario: Received ${JSON.stringify(scenario)} / Expected one of ${scenarioIds.join(', ')}`,
    );
  if (typeof program !== 'string' || program.length > MAX_PROGRAM_CHARS)
    problems.push(
      `program: Received ${JSON.stringify(program)?.slice(0, 60)} / Expected a string of at most ${MAX_PROGRAM_CHARS} characters`,
    );
  for (const [name, flag] of [
    ['bt', bt],
    ['umip', umip],
  ] as const)
    if (flag !== undefined && typeof flag !== 'boolean')
      problems.push(`${name}: Received ${JSON.stringify(flag)} / Expected true or false`);
  if (vmcs !== undefined) {
    if (typeof vmcs !== 'object' || vmcs === null || Array.isArray(vmcs))
      problems.push(`vmcs: Received ${JSON.stringify(vmcs)} / Expected an object of ${VMCS_KEYS.join(', ')}`);
    else
      for (const [key, flag] of Object.entries(vmcs))
        if (!VMCS_KEYS.includes(key))
          problems.push(`vmcs.${key}: Received "${key}" / Expected one of ${VMCS_KEYS.join(', ')}`);
        else if (typeof flag !== 'boolean')
          problems.push(`vmcs.${key}: Received ${JSON.stringify(flag)} / Expected true or false`);
  }
  return problems;
}

export type { RingState };
