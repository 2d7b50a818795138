// The ring simulator's vocabulary: scenarios, the VMCS controls, the state a widget keeps, and what a run
// reports per step. Shared by the step rules (rules.ts) and the run (model.ts).
import type { Text } from '../behaviour/types.ts';
import type { Instruction, ParseError } from './program.ts';
import type { Cost } from './sources.ts';

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
  /** CR4.UMIP is set (newer Intel CPUs, from about 2017; AMD from Zen 2): sgdt, sidt, smsw, str fault at CPL > 0. */
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

/** Where `who` runs in a scenario. */
export function placeOf(scenario: ScenarioId, who: Instruction['who']): Place {
  if (who === 'user') return { runner: 'app', ring: 3, mode: scenario === 'vtx' ? 'non-root' : 'legacy' };
  if (scenario === 'native') return { runner: 'kernel', ring: 0, mode: 'legacy' };
  if (scenario === 'software') return { runner: 'guest-kernel', ring: 1, mode: 'legacy' };
  return { runner: 'guest-kernel', ring: 0, mode: 'non-root' };
}

export const defaultRingState: RingState = {
  scenario: 'native',
  bt: true,
  umip: false,
  vmcs: defaultVmcs,
  program: '',
};
