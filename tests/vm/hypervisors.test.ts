// Every command of the chapter "hypervisors", run on the real guest as the page shows it, with the output the page
// describes. The blocks live in ./hypervisors-commands.ts (tests/content/hypervisors.test.ts checks that the pages
// show exactly those). What v86 does with each instruction is what the page claims a real x86 CPU does:
// Intel SDM Vol. 3A (privileged instructions raise #GP(0) at CPL > 0; cli/sti/in/out when CPL > IOPL), Vol. 1
// (the I/O permission bitmap); the kernel side: arch/x86/kernel/traps.c (exc_general_protection,
// fixup_iopl_exception), ioperm(2), iopl(2).
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';
import { blocks } from './hypervisors-commands.ts';

const { run, sh } = useRestoredGuest();

const gp = (name: string) =>
  `CPL 3 (cs=0x73): ${name}\n${name}: SIGSEGV (si_code 128 SI_KERNEL), trap 13 (#GP), error code 0\n`;

describe('you are inside an emulator', () => {
  it('no CPU of this machine reports VT-x (vmx) or AMD-V (svm)', async () => {
    const result = await run(blocks.kvmFlags);
    expect(result.output).toBe('0\n');
  });
});

describe('privileged instructions from ring 3', () => {
  it('cli raises #GP (trap 13), which the kernel delivers as SIGSEGV with SI_KERNEL', async () => {
    const result = await run(blocks.cli);
    expect(result.output).toBe(gp('cli'));
    expect(result.exitCode).toBe(1);
  });

  it('sti, hlt, in, out, mov from cr3 and rdmsr are each stopped the same way', async () => {
    const result = await run(blocks.privileged);
    expect(result.output).toBe(['sti', 'hlt', 'in', 'out', 'mov-cr3', 'rdmsr'].map(gp).join(''));
  });

  it('popf, smsw and sgdt are sensitive but run in ring 3 without a trap; popf leaves IF at 1', async () => {
    // The page says v86's CPU has no UMIP (which would make smsw and sgdt fault, and Linux emulate them).
    expect((await run('grep -c -w umip /proc/cpuinfo')).output).toBe('0\n');
    const lines = (await sh(blocks.sensitive)).trimEnd().split('\n');
    expect(lines).toEqual([
      'CPL 3 (cs=0x73): popf',
      'popf: asked for IF=0, no trap, IF is still 1',
      'popf: executed, no fault',
      'CPL 3 (cs=0x73): smsw',
      // CR0 = PE | MP | ET | NE; the GDT of CPU 0 in the cpu_entry_area (fixed for this kernel), 32 entries.
      'smsw: CR0 low bits = 0x0033 (PE=1: protected mode) read from ring 3',
      'smsw: executed, no fault',
      'CPL 3 (cs=0x73): sgdt',
      'sgdt: GDT base = 0xffc01000, limit = 0x00ff read from ring 3',
      'sgdt: executed, no fault',
    ]);
  });
});

describe('the proper way: ask the kernel', () => {
  it('after ioperm(0x80, 1, 1) out to port 0x80 runs in ring 3', async () => {
    expect(await sh(blocks.ioperm)).toBe(
      "ioperm(0x80, 1, 1) = 0: port 0x80 open in this task's I/O bitmap\nCPL 3 (cs=0x73): out\nout: executed, no fault\n",
    );
  });

  it('without CAP_SYS_RAWIO the kernel refuses ioperm', async () => {
    const result = await run(blocks.iopermDenied);
    expect(result.output).toBe('ring3: ioperm(0x80, 1, 1): Operation not permitted\n');
    expect(result.exitCode).toBe(1);
  });

  it('after iopl(3) out runs, and cli faults but the kernel skips it as a NOP and logs it', async () => {
    const lines = (await sh(blocks.iopl)).trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'iopl(3) = 0',
      'CPL 3 (cs=0x73): out',
      'out: executed, no fault',
      'iopl(3) = 0',
      'CPL 3 (cs=0x73): cli',
      'cli: executed, no fault',
    ]);
    expect(lines[6]).toMatch(
      /^\[ *\d+\.\d+\] traps: ring3\[\d+\] attempts to use CLI\/STI, pretending it's a NOP, ip:[0-9a-f]+ in vlab-tools\[[0-9a-f]+\+[0-9a-f]+\]$/,
    );
  });
});
