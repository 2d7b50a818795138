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

import { kernelStep } from './kernel-rules.ts';
import { instructionText, parseProgram } from './program.ts';
import { type Machine, userStep } from './rules.ts';
import {
  defaultRingState,
  isScenario,
  type Outcome,
  placeOf,
  type RingCounts,
  type RingRun,
  type RingState,
  type RingStep,
} from './types.ts';

export * from './types.ts';

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
