// The ring and trap simulator's model: the rules of each scenario (Intel SDM), the properties issue 15 asks
// for (fast-check), the parser, the presets and the exercise checks.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ringChecks, ringStateProblems } from '../../../../src/sim/rings/checks.ts';
import {
  countSteps,
  defaultRingState,
  normaliseRingState,
  outcomes,
  type RingState,
  runRings,
  scenarioIds,
} from '../../../../src/sim/rings/model.ts';
import { presetIds, presets } from '../../../../src/sim/rings/presets.ts';
import {
  faultsInRing3,
  formatProgram,
  type OpId,
  opClass,
  parseProgram,
} from '../../../../src/sim/rings/program.ts';

/** One line a learner could write for each op (both markers where the op allows both). */
const samples: readonly [OpId, string][] = [
  ['alu', 'add eax, ebx'],
  ['alu', 'mov eax, [ebx]'],
  ['cli', 'cli'],
  ['sti', 'sti'],
  ['pushf', 'pushf'],
  ['popf', 'popf'],
  ['in', 'in al, dx'],
  ['out', 'out 0x80, al'],
  ['hlt', 'hlt'],
  ['mov-cr3', 'mov cr3, eax'],
  ['lgdt', 'lgdt [gdt_desc]'],
  ['lidt', 'lidt [idt_desc]'],
  ['invlpg', 'invlpg [eax]'],
  ['wrmsr', 'wrmsr'],
  ['sgdt', 'sgdt [buf]'],
  ['sidt', 'sidt [buf]'],
  ['smsw', 'smsw eax'],
  ['str', 'str eax'],
  ['syscall', 'syscall'],
  ['int80', 'int 0x80'],
  ['sysret', 'sysret'],
  ['iret', 'iret'],
  ['cpuid', 'cpuid'],
  ['rdtsc', 'rdtsc'],
  ['page-fault', '#PF'],
  ['interrupt', 'irq'],
];
const userOnly = new Set<OpId>(['syscall', 'int80']);
const kernelOnly = new Set<OpId>(['iret']);
const line = fc
  .constantFrom(...samples)
  .chain(([op, text]) =>
    fc
      .constantFrom(...(userOnly.has(op) ? ['user'] : kernelOnly.has(op) ? ['kernel'] : ['user', 'kernel']))
      .map((who) => `${who}: ${text}`),
  );
const program = fc.array(line, { minLength: 0, maxLength: 20 }).map((lines) => lines.join('\n'));
const state = fc.record({
  scenario: fc.constantFrom(...scenarioIds),
  bt: fc.boolean(),
  umip: fc.boolean(),
  vmcs: fc.record({
    ept: fc.boolean(),
    hltExiting: fc.boolean(),
    descriptorTableExiting: fc.boolean(),
    rdtscExiting: fc.boolean(),
  }),
  program,
});

const run = (program: string, changes: Partial<RingState> = {}) =>
  runRings({ ...defaultRingState, ...changes, program });

describe('properties', () => {
  test('no privileged instruction ever completes in ring 3 without a trap, in any scenario', () => {
    fc.assert(
      fc.property(state, (s) => {
        for (const step of runRings(s).steps)
          if (step.at.ring === 3 && faultsInRing3(step.instruction.op)) {
            expect(step.fault).toBe('#GP');
            expect(['kernel', 'vmm']).toContain(step.outcome);
            expect(step.handler?.ring).toBe(0);
          }
      }),
    );
  });

  test('under VT-x the guest kernel runs in ring 0 of VMX non-root mode, and VM exits go to the VMM in root mode', () => {
    fc.assert(
      fc.property(state, (s) => {
        for (const step of runRings({ ...s, scenario: 'vtx' }).steps) {
          expect(step.at.mode).toBe('non-root');
          if (step.instruction.who === 'kernel')
            expect(step.at).toEqual({ runner: 'guest-kernel', ring: 0, mode: 'non-root' });
          if (step.outcome === 'exit') expect(step.handler).toEqual({ runner: 'vmm', ring: 0, mode: 'root' });
        }
      }),
    );
  });

  test('without CPU support the guest kernel never runs in ring 0 (ring 1), and only the VMM does', () => {
    fc.assert(
      fc.property(state, (s) => {
        for (const step of runRings({ ...s, scenario: 'software' }).steps) {
          expect(step.at.ring).not.toBe(0);
          if (step.instruction.who === 'kernel') expect(step.at.ring).toBe(1);
          if (step.handler?.ring === 0) expect(step.handler.runner).toBe('vmm');
        }
      }),
    );
  });

  test('silent errors happen only in the software scenario, and never with binary translation in guest-kernel code', () => {
    fc.assert(
      fc.property(state, (s) => {
        const r = runRings(s);
        for (const step of r.steps.filter((x) => x.outcome === 'silent')) {
          expect(r.state.scenario).toBe('software');
          if (r.state.bt) expect(step.instruction.who).toBe('user');
        }
        expect(r.steps.some((x) => x.outcome === 'exit')).toBe(
          r.state.scenario === 'vtx' && r.counts.exits > 0,
        );
        if (r.state.scenario !== 'software') expect(r.counts.vmmTraps + r.counts.translated).toBe(0);
      }),
    );
  });

  test('the counts are the sums of the steps’ outcomes and costs, at every point of the run', () => {
    fc.assert(
      fc.property(state, fc.nat(25), (s, upTo) => {
        const r = runRings(s);
        const counts = countSteps(r.steps, upTo);
        const shown = r.steps.slice(0, upTo);
        const by = Object.fromEntries(outcomes.map((o) => [o, shown.filter((x) => x.outcome === o).length]));
        expect(counts).toEqual({
          steps: shown.length,
          native: by.native,
          kernelTraps: by.kernel,
          vmmTraps: by.vmm,
          exits: by.exit,
          translated: by.translated,
          translatedBlocks: shown.filter((x) => x.startsBlock).length,
          silent: by.silent,
          cycles: shown.reduce((sum, x) => sum + x.cycles, 0),
        });
        for (const step of shown)
          expect(step.cycles).toBe(step.costs.reduce((sum, cost) => sum + cost.cycles, 0));
        expect(r.counts).toEqual(countSteps(r.steps));
      }),
    );
  });

  test('every cost is a non-negative number of cycles with its provenance', () => {
    fc.assert(
      fc.property(state, (s) => {
        for (const step of runRings(s).steps)
          for (const cost of step.costs) {
            expect(cost.cycles).toBeGreaterThanOrEqual(0);
            expect(['source', 'assumption', 'derived']).toContain(cost.provenance.kind);
          }
      }),
    );
  });

  test('parser round trip: parse(format(parse(x))) equals parse(x), and the canonical text is a fixed point', () => {
    fc.assert(
      fc.property(program, (text) => {
        const once = parseProgram(text);
        expect(once.errors).toEqual([]);
        const canonical = formatProgram(once.instructions);
        const twice = parseProgram(canonical);
        const strip = (p: typeof once) => p.instructions.map(({ line: _line, ...rest }) => rest);
        expect(strip(twice)).toEqual(strip(once));
        expect(formatProgram(twice.instructions)).toBe(canonical);
      }),
    );
  });
});

describe('the scenarios, instruction by instruction', () => {
  test('classic x86: the kernel runs everything natively in ring 0; a user cli is #GP to the kernel', () => {
    const r = run('kernel: cli\nkernel: mov cr3, eax\nuser: cli\nuser: add eax, 1');
    expect(r.steps.map((s) => [s.at.ring, s.outcome])).toEqual([
      [0, 'native'],
      [0, 'native'],
      [3, 'kernel'],
      [3, 'native'],
    ]);
  });

  test('the popf problem: trap-and-emulate alone loses the kernel’s popf, binary translation and VT-x do not', () => {
    const text = 'kernel: pushf\nkernel: cli\nkernel: popf';
    const outcomesOf = (changes: Partial<RingState>) => run(text, changes).steps.map((s) => s.outcome);
    expect(outcomesOf({ scenario: 'software', bt: false })).toEqual(['native', 'vmm', 'silent']);
    expect(outcomesOf({ scenario: 'software', bt: true })).toEqual([
      'translated',
      'translated',
      'translated',
    ]);
    expect(outcomesOf({ scenario: 'vtx' })).toEqual(['native', 'native', 'native']);
    const lost = run(text, { scenario: 'software', bt: false }).steps[2];
    expect([lost?.guestIF, lost?.effectiveIF]).toEqual([true, false]);
  });

  test('a popf in a deprivileged guest kernel without BT is silently wrong whenever it would change IF', () => {
    expect(run('kernel: cli\nkernel: popf', { scenario: 'software', bt: false }).steps[1]?.outcome).toBe(
      'silent',
    );
    // Restoring the value already in effect does no harm.
    expect(run('kernel: pushf\nkernel: popf', { scenario: 'software', bt: false }).steps[1]?.outcome).toBe(
      'native',
    );
  });

  test('after a lost popf, the VMM holds the guest’s interrupts', () => {
    const r = run(presets.popf.program, { scenario: 'software', bt: false });
    expect(r.counts.silent).toBe(2);
    expect(r.steps.at(-1)?.what.en).toMatch(/never gets this one/);
  });

  test('sgdt: leaks the VMM’s GDTR in ring 1 without BT; UMIP makes it trap; user code leaks even with BT', () => {
    const k = (changes: Partial<RingState>) => run('kernel: sgdt [buf]', changes).steps[0]?.outcome;
    expect(k({ scenario: 'software', bt: false })).toBe('silent');
    expect(k({ scenario: 'software', bt: false, umip: true })).toBe('vmm');
    expect(k({ scenario: 'software', bt: true })).toBe('translated');
    expect(k({ scenario: 'vtx' })).toBe('native');
    expect(k({ scenario: 'vtx', vmcs: { ...defaultRingState.vmcs, descriptorTableExiting: true } })).toBe(
      'exit',
    );
    const u = (changes: Partial<RingState>) => run('user: sidt [buf]', changes).steps[0]?.outcome;
    expect(u({ scenario: 'software', bt: true })).toBe('silent');
    expect(u({ scenario: 'software', bt: true, umip: true })).toBe('vmm');
    // The VMM set the real CR4.UMIP: it answers a user sidt itself, as it does the guest kernel's.
    expect(
      run('user: sidt [buf]', { scenario: 'software', umip: true }).steps[0]?.costs.map((c) => c.id),
    ).toEqual(['vmm-trap', 'vmm-work']);
    expect(u({ scenario: 'native', umip: true })).toBe('kernel');
    // A user cli faults even after iopl(3): since Linux 5.5 that only opens the I/O bitmap.
    expect(run('user: cli', { scenario: 'native' }).steps[0]?.what.en).toMatch(/iopl\(3\) leaves IOPL at 0/);
    // Linux emulates all five UMIP instructions for user space (sldt and str too, in current kernels).
    expect(run('user: str eax', { scenario: 'native', umip: true }).steps[0]?.what.en).toMatch(
      /sgdt, sidt, sldt, smsw and str/,
    );
  });

  test('VT-x: cpuid always exits; hlt, mov cr3 and #PF follow the VMCS; a privilege fault comes before the exit', () => {
    const vtx = (text: string, vmcs: Partial<RingState['vmcs']> = {}) =>
      run(text, { scenario: 'vtx', vmcs: { ...defaultRingState.vmcs, ...vmcs } }).steps.map(
        (s) => s.exitReason ?? s.outcome,
      );
    expect(vtx('kernel: cpuid\nuser: cpuid')).toEqual(['cpuid', 'cpuid']);
    expect(vtx('kernel: hlt\nkernel: mov cr3, eax\nkernel: #PF')).toEqual(['hlt', 'native', 'kernel']);
    expect(vtx('kernel: hlt\nkernel: mov cr3, eax\nkernel: #PF', { hltExiting: false, ept: false })).toEqual([
      'native',
      'cr-access',
      'exception',
    ]);
    expect(vtx('user: hlt\nuser: out dx, al\nuser: syscall\nkernel: sysret')).toEqual([
      'kernel',
      'kernel',
      'kernel',
      'native',
    ]);
    expect(vtx('kernel: out dx, al\nkernel: wrmsr\nkernel: cli\nkernel: popf')).toEqual([
      'io',
      'wrmsr',
      'native',
      'native',
    ]);
  });

  test('without CPU support a system call goes through the VMM; under VT-x it does not exit', () => {
    const outcomesOf = (scenario: RingState['scenario']) =>
      run(presets.syscall.program, { scenario }).steps.map((s) => s.outcome);
    expect(outcomesOf('software')).toEqual([
      'native',
      'vmm',
      'native',
      'translated',
      'native',
      'vmm',
      'translated',
    ]);
    expect(outcomesOf('vtx')).toEqual(['native', 'kernel', 'native', 'native', 'native', 'kernel', 'native']);
  });

  test('binary translation counts one block per run of guest-kernel code', () => {
    const r = run(presets.syscall.program, { scenario: 'software', bt: true });
    expect(r.counts.translatedBlocks).toBe(2);
    expect(run(presets.syscall.program, { scenario: 'software', bt: false }).counts.translatedBlocks).toBe(0);
  });

  test('every preset parses and every op has a class', () => {
    for (const id of presetIds) expect(parseProgram(presets[id].program).errors).toEqual([]);
    for (const [op] of samples) expect(opClass[op]).toBeDefined();
  });
});

describe('the parser', () => {
  test('markers, comments, blank lines and a line that inherits the marker above', () => {
    const p = parseProgram('; a comment\nuser: MOV  EAX,1 ; set\n\n  syscall\nring 0: iretq\nkernel:#pf');
    expect(p.errors).toEqual([]);
    expect(p.instructions.map((i) => [i.line, i.who, i.op])).toEqual([
      [2, 'user', 'alu'],
      [4, 'user', 'syscall'],
      [5, 'kernel', 'iret'],
      [6, 'kernel', 'page-fault'],
    ]);
    expect(formatProgram(p.instructions)).toBe('user: mov eax, 1\nuser: syscall\nkernel: iret\nkernel: #PF');
  });

  test('each error names its line', () => {
    const p = parseProgram(
      'cli\nuser: frobnicate\nring 1: cli\nkernel: syscall\nkernel: mov cr0, eax\nuser: hlt eax\nkernel: int 3',
    );
    expect(p.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(p.errors[1]?.text.en).toContain('frobnicate');
    expect(p.errors[1]?.text.ja).toContain('frobnicate');
    expect(p.instructions).toEqual([]);
  });
});

describe('state and checks', () => {
  test('normalise keeps a valid state and fills the rest', () => {
    const s: RingState = { ...defaultRingState, scenario: 'vtx', program: 'kernel: hlt' };
    expect(normaliseRingState(s)).toEqual(s);
    expect(normaliseRingState({ scenario: 'nope', vmcs: { ept: 1 } })).toEqual(defaultRingState);
  });

  test('stateProblems names each field', () => {
    expect(ringStateProblems({ scenario: 'software', program: 'kernel: cli' })).toEqual([]);
    expect(
      ringStateProblems({
        scenario: 'vmx',
        program: 3,
        bt: 'yes',
        vmcs: { ept: true, vpid: true },
        extra: 1,
      }),
    ).toEqual([
      'extra: Received "extra" / Expected only "scenario", "program", "bt", "umip" and "vmcs"',
      'scenario: Received "vmx" / Expected one of native, software, vtx',
      'program: Received 3 / Expected a string of at most 2000 characters',
      'bt: Received "yes" / Expected true or false',
      'vmcs.vpid: Received "vpid" / Expected one of ept, hltExiting, descriptorTableExiting, rdtscExiting',
    ]);
  });

  test('the exercise checks', () => {
    const solution = 'kernel: pushf\nkernel: cli\nkernel: mov cr3, eax\nkernel: popf\nkernel: hlt';
    const s = (program: string, vmcs: Partial<RingState['vmcs']> = {}): RingState => ({
      ...defaultRingState,
      program,
      vmcs: { ...defaultRingState.vmcs, ...vmcs },
    });
    const silentIF = ringChecks.ringsInterruptFlagSilentWithoutBt;
    const oneExit = ringChecks.ringsOneVmExitUnderVtx;
    if (!silentIF || !oneExit) throw new Error('checks missing');
    expect(silentIF(s(solution)).passed).toBe(true);
    expect(oneExit(s(solution)).passed).toBe(true);
    expect(oneExit(s(solution, { hltExiting: false })).passed).toBe(false);
    expect(
      silentIF(s('kernel: sgdt [buf]\nkernel: smsw eax\nkernel: str eax\nkernel: cpuid')).evidence.en,
    ).toMatch(/not a wrong interrupt flag/);
    expect(silentIF(s('kernel: cli\nkernel: popf')).passed).toBe(false);
    // #PF and irq are events, not instructions: they do not make up the four.
    const padded = silentIF(s('kernel: cli\nkernel: popf\nkernel: irq\nkernel: #PF'));
    expect(padded.passed).toBe(false);
    expect(padded.evidence.en).toMatch(/2 instruction\(s\)/);
    expect(silentIF(s('kernel: cli\nkernel: popf\nkernel: nop\nkernel: irq\nkernel: nop')).passed).toBe(true);
    // sysret is privileged: it traps in ring 1, so the VMM gets the interrupt flag right.
    expect(silentIF(s('kernel: pushf\nkernel: cli\nkernel: cpuid\nkernel: sysret')).passed).toBe(false);
    expect(silentIF(s(`${solution}\nuser: add eax, 1`)).passed).toBe(false);
    expect(silentIF(s(`${solution}\nkernel: bogus`)).evidence.en).toMatch(/Line 6/);
  });
});
