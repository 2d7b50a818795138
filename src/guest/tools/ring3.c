// ring3 [--ioperm|--iopl] INSTRUCTION: runs one x86 instruction in user mode (ring 3) and reports what the
// CPU and the kernel did with it, for the hypervisors chapter (protection rings, Popek and Goldberg).
//   #GP at CPL 3, which Linux turns into SIGSEGV: hlt mov-cr3 rdmsr (privileged: CPL 0 only) and cli sti in out
//   (allowed only at CPL <= IOPL, and Linux keeps IOPL 0)
//   sensitive but not privileged (run at CPL 3 without a trap; why x86 needed binary translation): smsw sgdt popf
//   --ioperm  first ioperm(0x80, 1, 1): the kernel opens port 0x80 in this task's TSS I/O bitmap (CAP_SYS_RAWIO)
//   --iopl    first iopl(3): since Linux 5.5 emulated with an all-ports I/O bitmap, so in/out work but
//             cli/sti still fault; since 5.18 the kernel then skips them and logs "pretending it's a NOP"
// Intel SDM Vol. 3A, section "Privileged Instructions" (chapter "Protection"); Vol. 1, section "I/O Permission Bit
// Map" (chapter "Input/Output"); ioperm(2), iopl(2);
// Robin & Irvine 2000 (the sensitive, unprivileged x86 instructions).
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/io.h>
#include <ucontext.h>
#include <unistd.h>
#include "tools.h"

static sigjmp_buf back;
static volatile sig_atomic_t trap_number = -1, error_code = -1, signal_code = 0, signal_number = 0;

static void on_fault(int sig, siginfo_t *info, void *context) {
  const ucontext_t *uc = context;
  signal_number = sig;
  signal_code = info->si_code;
  // The kernel copies the exception vector and error code into the signal frame (arch/x86/kernel/signal.c).
  trap_number = (int)uc->uc_mcontext.gregs[REG_TRAPNO];
  error_code = (int)uc->uc_mcontext.gregs[REG_ERR];
  siglongjmp(back, 1);
}

static const char *vector_name(int n) {
  switch (n) {
  case 6: return "#UD";
  case 13: return "#GP";
  case 14: return "#PF";
  default: return "?";
  }
}

static int run(const char *name) {
  uint32_t value = 0;
  if (strcmp(name, "cli") == 0) __asm__ volatile("cli");
  else if (strcmp(name, "sti") == 0) __asm__ volatile("sti");
  else if (strcmp(name, "hlt") == 0) __asm__ volatile("hlt");
  else if (strcmp(name, "out") == 0) __asm__ volatile("outb %%al, $0x80" ::"a"(0x42));
  else if (strcmp(name, "in") == 0) {
    uint8_t b;
    __asm__ volatile("inb $0x80, %0" : "=a"(b));
    printf("in: port 0x80 read 0x%02x\n", b);
  } else if (strcmp(name, "mov-cr3") == 0) {
    __asm__ volatile("mov %%cr3, %0" : "=r"(value));
    printf("mov-cr3: CR3 = 0x%08x\n", value);
  } else if (strcmp(name, "rdmsr") == 0) {
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0x10));  // IA32_TIME_STAMP_COUNTER
    printf("rdmsr: MSR 0x10 = 0x%08x%08x\n", hi, lo);
  } else if (strcmp(name, "smsw") == 0) {
    __asm__ volatile("smsw %0" : "=r"(value));
    printf("smsw: CR0 low bits = 0x%04x (PE=%u: protected mode) read from ring 3\n", value & 0xffff, value & 1);
  } else if (strcmp(name, "sgdt") == 0) {
    struct __attribute__((packed)) {
      uint16_t limit;
      uint32_t base;
    } gdtr;
    __asm__ volatile("sgdt %0" : "=m"(gdtr));
    printf("sgdt: GDT base = 0x%08x, limit = 0x%04x read from ring 3\n", gdtr.base, gdtr.limit);
  } else if (strcmp(name, "popf") == 0) {
    // Clear IF (bit 9) with POPF: at CPL 3 with IOPL 0 the CPU keeps IF as it was and raises nothing.
    uint32_t before, after;
    __asm__ volatile("pushf\n\tpop %0\n\tmov %0, %1\n\tand $~0x200, %1\n\tpush %1\n\tpopf\n\tpushf\n\tpop %1"
                     : "=&r"(before), "=&r"(after));
    printf("popf: asked for IF=0, no trap, IF is still %u\n", (after >> 9) & 1);
    (void)before;
  } else {
    return -1;
  }
  return 0;
}

static int usage(void) {
  fputs("usage: ring3 [--ioperm|--iopl] cli|sti|hlt|in|out|mov-cr3|rdmsr|smsw|sgdt|popf\n", stderr);
  return 2;
}

int ring3_main(int argc, char **argv) {
  int first = 1;
  if (argc == 3 && strcmp(argv[1], "--ioperm") == 0) {
    if (ioperm(0x80, 1, 1) != 0) return perror("ring3: ioperm(0x80, 1, 1)"), 1;
    puts("ioperm(0x80, 1, 1) = 0: port 0x80 open in this task's I/O bitmap");
    first = 2;
  } else if (argc == 3 && strcmp(argv[1], "--iopl") == 0) {
    if (iopl(3) != 0) return perror("ring3: iopl(3)"), 1;
    puts("iopl(3) = 0");
    first = 2;
  } else if (argc != 2 || argv[1][0] == '-') {
    return usage();
  }
  const char *name = argv[first];
  uint16_t cs;
  __asm__("mov %%cs, %0" : "=r"(cs));
  printf("CPL %u (cs=0x%02x): %s\n", cs & 3, cs, name);
  fflush(stdout);

  struct sigaction sa = {.sa_sigaction = on_fault, .sa_flags = SA_SIGINFO};
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  if (sigsetjmp(back, 1) == 0) {
    if (run(name) != 0) return usage();
    printf("%s: executed, no fault\n", name);
    return 0;
  }
  printf("%s: %s (si_code %d%s), trap %d (%s), error code %d\n", name, signal_number == SIGSEGV ? "SIGSEGV" : "SIGILL", signal_code,
         signal_code == SI_KERNEL ? " SI_KERNEL" : "", trap_number, vector_name(trap_number), error_code);
  return 1;
}
