// setpriv --reuid=UID --regid=GID --clear-groups CMD...: the subset of util-linux setpriv(1)
// that the lessons use to run a command as the unprivileged learner. busybox setpriv has no --reuid.
// https://man7.org/linux/man-pages/man1/setpriv.1.html
#define _GNU_SOURCE
#include <getopt.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "tools.h"

int setpriv_main(int argc, char **argv) {
  static const struct option options[] = {
      {"reuid", required_argument, 0, 'u'},
      {"regid", required_argument, 0, 'g'},
      {"clear-groups", no_argument, 0, 'c'},
      {0, 0, 0, 0},
  };
  long uid = -1, gid = -1;
  int clear_groups = 0, opt;
  while ((opt = getopt_long(argc, argv, "+", options, NULL)) != -1) {
    if (opt == 'u') uid = strtol(optarg, NULL, 10);
    else if (opt == 'g') gid = strtol(optarg, NULL, 10);
    else if (opt == 'c') clear_groups = 1;
    else goto usage;
  }
  if (optind >= argc) goto usage;
  // Order matters: groups and gid first, while we still have CAP_SETGID.
  if (clear_groups && setgroups(0, NULL) != 0) return perror("setpriv: setgroups"), 1;
  if (gid >= 0 && setresgid(gid, gid, gid) != 0) return perror("setpriv: setresgid"), 1;
  if (uid >= 0 && setresuid(uid, uid, uid) != 0) return perror("setpriv: setresuid"), 1;
  execvp(argv[optind], argv + optind);
  perror("setpriv: exec");
  return 127;
usage:
  fprintf(stderr, "usage: setpriv [--reuid=UID] [--regid=GID] [--clear-groups] COMMAND [ARG...]\n");
  return 2;
}
