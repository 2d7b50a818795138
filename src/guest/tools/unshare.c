// unshare: the util-linux unshare(1) options the chapters use, including the two busybox 1.35
// lacks: -C/--cgroup and -T/--time with --monotonic/--boottime offsets.
// https://man7.org/linux/man-pages/man1/unshare.1.html
// https://man7.org/linux/man-pages/man7/time_namespaces.7.html
#define _GNU_SOURCE
#include <getopt.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tools.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

enum { OPT_MOUNT_PROC = 256, OPT_MONOTONIC, OPT_BOOTTIME };

static int fail(const char *what) {
  perror(what);
  return 1;
}

// Maps uid/gid 0 inside the new user namespace to the caller's ids outside, like `unshare -r`.
// setgroups must be denied first, or an unprivileged gid_map write fails (user_namespaces(7)).
static int map_root(uid_t uid, gid_t gid) {
  char line[64];
  if (write_file("/proc/self/setgroups", "deny") != 0) return fail("unshare: setgroups");
  snprintf(line, sizeof line, "0 %u 1", (unsigned)uid);
  if (write_file("/proc/self/uid_map", line) != 0) return fail("unshare: uid_map");
  snprintf(line, sizeof line, "0 %u 1", (unsigned)gid);
  if (write_file("/proc/self/gid_map", line) != 0) return fail("unshare: gid_map");
  return 0;
}

// The parent of `--fork` exits the way its child did, so `$?` means what the command did.
static int wait_for(pid_t child) {
  int status;
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  if (waitpid(child, &status, 0) < 0) return fail("unshare: waitpid");
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

int unshare_main(int argc, char **argv) {
  static const struct option options[] = {
      {"mount", no_argument, 0, 'm'},   {"uts", no_argument, 0, 'u'},
      {"ipc", no_argument, 0, 'i'},     {"net", no_argument, 0, 'n'},
      {"pid", no_argument, 0, 'p'},     {"user", no_argument, 0, 'U'},
      {"cgroup", no_argument, 0, 'C'},  {"time", no_argument, 0, 'T'},
      {"fork", no_argument, 0, 'f'},    {"map-root-user", no_argument, 0, 'r'},
      {"mount-proc", optional_argument, 0, OPT_MOUNT_PROC},
      {"monotonic", required_argument, 0, OPT_MONOTONIC},
      {"boottime", required_argument, 0, OPT_BOOTTIME},
      {0, 0, 0, 0},
  };
  int flags = 0, do_fork = 0, do_map_root = 0, opt;
  const char *proc_dir = NULL;
  long monotonic = 0, boottime = 0;
  while ((opt = getopt_long(argc, argv, "+muinpUCTfr", options, NULL)) != -1) {
    switch (opt) {
    case 'm': flags |= CLONE_NEWNS; break;
    case 'u': flags |= CLONE_NEWUTS; break;
    case 'i': flags |= CLONE_NEWIPC; break;
    case 'n': flags |= CLONE_NEWNET; break;
    case 'p': flags |= CLONE_NEWPID; break;
    case 'U': flags |= CLONE_NEWUSER; break;
    case 'C': flags |= CLONE_NEWCGROUP; break;
    case 'T': flags |= CLONE_NEWTIME; break;
    case 'f': do_fork = 1; break;
    case 'r': do_map_root = 1; flags |= CLONE_NEWUSER; break;
    case OPT_MOUNT_PROC: proc_dir = optarg ? optarg : "/proc"; flags |= CLONE_NEWNS; break;
    case OPT_MONOTONIC: monotonic = strtol(optarg, NULL, 10); flags |= CLONE_NEWTIME; break;
    case OPT_BOOTTIME: boottime = strtol(optarg, NULL, 10); flags |= CLONE_NEWTIME; break;
    default:
      fprintf(stderr, "usage: unshare [-muinpUCTfr] [--mount-proc[=DIR]] [--monotonic=S] "
                      "[--boottime=S] [COMMAND [ARG...]]\n");
      return 2;
    }
  }
  uid_t uid = geteuid();
  gid_t gid = getegid();
  if (unshare(flags) != 0) return fail("unshare: unshare");
  // Offsets can only be written before any process has entered the new time namespace.
  if ((flags & CLONE_NEWTIME) && (monotonic || boottime)) {
    char offsets[96];
    snprintf(offsets, sizeof offsets, "monotonic %ld 0\nboottime %ld 0\n", monotonic, boottime);
    if (write_file("/proc/self/timens_offsets", offsets) != 0) return fail("unshare: timens_offsets");
  }
  if (do_map_root && map_root(uid, gid) != 0) return 1;
  if (do_fork) {
    pid_t child = fork();
    if (child < 0) return fail("unshare: fork");
    if (child > 0) return wait_for(child);
  }
  // As util-linux does: make mounts private so nothing done here propagates back to the host.
  if ((flags & CLONE_NEWNS) && mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return fail("unshare: make / private");
  if (proc_dir && mount("proc", proc_dir, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) != 0)
    return fail("unshare: mount proc");
  if (optind < argc) {
    execvp(argv[optind], argv + optind);
    return fail("unshare: exec");
  }
  const char *shell = getenv("SHELL");
  if (!shell) shell = "/bin/sh";
  execl(shell, shell, "-i", (char *)NULL);
  return fail("unshare: exec shell");
}
