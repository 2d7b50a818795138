// Capability names and sets, shared by setpriv (--bounding-set, --inh-caps, --ambient-caps) and
// `capsh --decode=HEX`, the libcap command that turns a CapEff/CapBnd mask from
// /proc/PID/status into names. Linux 6.1 knows capabilities 0-40 (capabilities(7)).
// https://man7.org/linux/man-pages/man7/capabilities.7.html
// https://man7.org/linux/man-pages/man1/capsh.1.html
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tools.h"

// Index = capability number, as in <linux/capability.h>.
static const char *const cap_names[] = {
    "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "kill", "setgid", "setuid",
    "setpcap", "linux_immutable", "net_bind_service", "net_broadcast", "net_admin", "net_raw",
    "ipc_lock", "ipc_owner", "sys_module", "sys_rawio", "sys_chroot", "sys_ptrace", "sys_pacct",
    "sys_admin", "sys_boot", "sys_nice", "sys_resource", "sys_time", "sys_tty_config", "mknod",
    "lease", "audit_write", "audit_control", "setfcap", "mac_override", "mac_admin", "syslog",
    "wake_alarm", "block_suspend", "audit_read", "perfmon", "bpf", "checkpoint_restore",
};
const int cap_count = sizeof cap_names / sizeof cap_names[0];

// "net_raw", "cap_net_raw", "CAP_NET_RAW" or "cap_13" -> 13; -1 if unknown.
int cap_from_name(const char *name) {
  if (strncasecmp(name, "cap_", 4) == 0) name += 4;
  char *end;
  long number = strtol(name, &end, 10);
  if (end != name && *end == 0) return number >= 0 && number < cap_count ? (int)number : -1;
  for (int i = 0; i < cap_count; i++)
    if (strcasecmp(name, cap_names[i]) == 0) return i;
  return -1;
}

// Applies a util-linux setpriv list such as "-all,+net_bind_service" to *set.
int cap_apply_list(const char *list, uint64_t *set) {
  char copy[512];
  snprintf(copy, sizeof copy, "%s", list);
  for (char *item = strtok(copy, ","); item; item = strtok(NULL, ",")) {
    if (item[0] != '+' && item[0] != '-') return fprintf(stderr, "setpriv: '%s' must start with + or -\n", item), -1;
    uint64_t bits;
    if (strcmp(item + 1, "all") == 0) bits = (1ULL << cap_count) - 1;
    else {
      int cap = cap_from_name(item + 1);
      if (cap < 0) return fprintf(stderr, "setpriv: unknown capability '%s'\n", item + 1), -1;
      bits = 1ULL << cap;
    }
    if (item[0] == '+') *set |= bits;
    else *set &= ~bits;
  }
  return 0;
}

static void print_decoded(uint64_t mask) {
  printf("0x%016llx=", (unsigned long long)mask);
  const char *sep = "";
  for (int i = 0; i < 64; i++) {
    if (!(mask & (1ULL << i))) continue;
    if (i < cap_count) printf("%scap_%s", sep, cap_names[i]);
    else printf("%s%d", sep, i);
    sep = ",";
  }
  printf("\n");
}

int capsh_main(int argc, char **argv) {
  if (argc == 2 && strncmp(argv[1], "--decode=", 9) == 0) {
    char *end;
    uint64_t mask = strtoull(argv[1] + 9, &end, 16);
    if (end != argv[1] + 9 && *end == 0) return print_decoded(mask), 0;
  }
  fprintf(stderr, "usage: capsh --decode=HEX   (e.g. the CapEff value of /proc/PID/status)\n"
                  "This guest's capsh only decodes; see setpriv for changing capabilities.\n");
  return 2;
}
