// Every shell block of the chapter "hypervisors" (content/docs/chapters/hypervisors.mdx and its English twin), in
// page order, exactly as the Run button types it. tests/vm/hypervisors.test.ts runs each one on the real guest;
// tests/content/hypervisors.test.ts fails if a page's blocks and this list ever differ.

export const blocks = {
  /** How many CPUs report VT-x (vmx) or AMD-V (svm): none in v86. */
  kvmFlags: 'grep -c -w -e vmx -e svm /proc/cpuinfo',
  /** A privileged instruction in ring 3: #GP, delivered as SIGSEGV (src/guest/tools/ring3.c). */
  cli: 'ring3 cli',
  /** More privileged instructions, each stopped the same way. */
  privileged: 'for i in sti hlt in out mov-cr3 rdmsr; do ring3 $i; done',
  /** Sensitive but unprivileged: they run in ring 3 without a trap (Robin & Irvine 2000). */
  sensitive: 'for i in popf smsw sgdt; do ring3 $i; done',
  /** The proper way: ioperm(2) opens port 0x80 in the task's I/O bitmap, then out works. */
  ioperm: 'ring3 --ioperm out',
  /** Without CAP_SYS_RAWIO the kernel refuses. */
  iopermDenied: "su learner -c 'ring3 --ioperm out'",
  /** iopl(3): all ports, but cli still faults and the kernel skips it as a NOP (Linux 5.18+). */
  iopl: 'ring3 --iopl out; ring3 --iopl cli; dmesg | tail -n 1',
} as const;

/** The blocks in the order the pages show them. */
export const chapterBlocks: readonly string[] = [
  blocks.kvmFlags,
  blocks.cli,
  blocks.privileged,
  blocks.sensitive,
  blocks.ioperm,
  blocks.iopermDenied,
  blocks.iopl,
];
