// setpriv: the subset of util-linux setpriv(1) the lessons use. busybox setpriv has no --reuid
// and no capability options.
//   setpriv [--reuid=UID] [--regid=GID] [--clear-groups] [--no-new-privs]
//           [--bounding-set=LIST] [--inh-caps=LIST] [--ambient-caps=LIST] COMMAND [ARG...]
// LIST is util-linux's: comma-separated +cap / -cap / +all / -all, names as in capabilities(7)
// with or without "cap_" (e.g. --bounding-set=-all,+net_bind_service).
// https://man7.org/linux/man-pages/man1/setpriv.1.html
// https://man7.org/linux/man-pages/man7/capabilities.7.html
#define _GNU_SOURCE
#include <getopt.h>
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tools.h"

// capget(2)/capset(2) structures, version 3 (two 32-bit words per set); musl has no header.
struct cap_header {
  uint32_t version;
  int pid;
};
struct cap_data {
  uint32_t effective, permitted, inheritable;
};
#define CAP_VERSION_3 0x20080522

static int get_caps(struct cap_data data[2]) {
  struct cap_header header = {CAP_VERSION_3, 0};
  return (int)syscall(SYS_capget, &header, data);
}
static int set_caps(struct cap_data data[2]) {
  struct cap_header header = {CAP_VERSION_3, 0};
  return (int)syscall(SYS_capset, &header, data);
}

static int set_bounding(const char *list) {
  uint64_t current = 0, wanted;
  for (int cap = 0; cap < cap_count; cap++)
    if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1) current |= 1ULL << cap;
  wanted = current;
  if (cap_apply_list(list, &wanted) != 0) return -1;
  // The bounding set can only shrink (PR_CAPBSET_DROP needs CAP_SETPCAP).
  if (wanted & ~current) return fprintf(stderr, "setpriv: the bounding set cannot grow\n"), -1;
  for (int cap = 0; cap < cap_count; cap++)
    if ((current & ~wanted) & (1ULL << cap) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0)
      return perror("setpriv: PR_CAPBSET_DROP"), -1;
  return 0;
}

static int set_inheritable(const char *list) {
  struct cap_data data[2];
  if (get_caps(data) != 0) return perror("setpriv: capget"), -1;
  uint64_t set = data[0].inheritable | (uint64_t)data[1].inheritable << 32;
  if (cap_apply_list(list, &set) != 0) return -1;
  data[0].inheritable = (uint32_t)set;
  data[1].inheritable = (uint32_t)(set >> 32);
  if (set_caps(data) != 0) return perror("setpriv: capset (inheritable)"), -1;
  return 0;
}

// An ambient capability must also be permitted and inheritable (PR_CAP_AMBIENT in prctl(2)).
static int set_ambient(const char *list) {
  uint64_t set = 0;
  for (int cap = 0; cap < cap_count; cap++)
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0) == 1) set |= 1ULL << cap;
  if (cap_apply_list(list, &set) != 0) return -1;
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0) return perror("setpriv: ambient clear"), -1;
  for (int cap = 0; cap < cap_count; cap++)
    if (set & (1ULL << cap) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) != 0)
      return fprintf(stderr, "setpriv: raise ambient cap %d: %m (is it in --inh-caps?)\n", cap), -1;
  return 0;
}

int setpriv_main(int argc, char **argv) {
  enum { BOUNDING = 256, INHERITABLE, AMBIENT, NO_NEW_PRIVS };
  static const struct option options[] = {
      {"reuid", required_argument, 0, 'u'},
      {"regid", required_argument, 0, 'g'},
      {"clear-groups", no_argument, 0, 'c'},
      {"bounding-set", required_argument, 0, BOUNDING},
      {"inh-caps", required_argument, 0, INHERITABLE},
      {"ambient-caps", required_argument, 0, AMBIENT},
      {"no-new-privs", no_argument, 0, NO_NEW_PRIVS},
      {0, 0, 0, 0},
  };
  long uid = -1, gid = -1;
  int clear_groups = 0, no_new_privs = 0, opt;
  const char *bounding = NULL, *inheritable = NULL, *ambient = NULL;
  while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
    if (opt == 'u') uid = strtol(optarg, NULL, 10);
    else if (opt == 'g') gid = strtol(optarg, NULL, 10);
    else if (opt == 'c') clear_groups = 1;
    else if (opt == BOUNDING) bounding = optarg;
    else if (opt == INHERITABLE) inheritable = optarg;
    else if (opt == AMBIENT) ambient = optarg;
    else if (opt == NO_NEW_PRIVS) no_new_privs = 1;
    else goto usage;
  }
  if (optind >= argc) goto usage;
  int caps_wanted = bounding || inheritable || ambient;
  // Order matters: groups and gid first, while we still have CAP_SETGID.
  if (clear_groups && setgroups(0, NULL) != 0) return perror("setpriv: setgroups"), 1;
  if (gid >= 0 && setresgid(gid, gid, gid) != 0) return perror("setpriv: setresgid"), 1;
  if (uid >= 0) {
    // Leaving uid 0 clears every capability unless keep-caps is set; keep the permitted set so
    // the capability options below can still be applied (capabilities(7), "Effect of user ID
    // changes on capabilities"), then make it effective again.
    if (caps_wanted && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0) return perror("setpriv: keepcaps"), 1;
    if (setresuid(uid, uid, uid) != 0) return perror("setpriv: setresuid"), 1;
    struct cap_data data[2];
    if (caps_wanted) {
      if (get_caps(data) != 0) return perror("setpriv: capget"), 1;
      data[0].effective = data[0].permitted;
      data[1].effective = data[1].permitted;
      if (set_caps(data) != 0) return perror("setpriv: capset"), 1;
    }
  }
  if (bounding && set_bounding(bounding) != 0) return 1;
  if (inheritable && set_inheritable(inheritable) != 0) return 1;
  if (ambient && set_ambient(ambient) != 0) return 1;
  if (no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return perror("setpriv: no_new_privs"), 1;
  execvp(argv[optind], argv + optind);
  perror("setpriv: exec");
  return 127;
usage:
  fprintf(stderr, "usage: setpriv [--reuid=UID] [--regid=GID] [--clear-groups] [--no-new-privs]\n"
                  "               [--bounding-set=LIST] [--inh-caps=LIST] [--ambient-caps=LIST] COMMAND [ARG...]\n"
                  "LIST: comma-separated +cap, -cap, +all, -all (e.g. -all,+net_bind_service)\n");
  return 2;
}
