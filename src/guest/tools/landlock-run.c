// landlock-run [--ro PATH]... [--rw PATH]... -- COMMAND [ARG...]
// Sandboxes itself with Landlock, then execs COMMAND: below each --ro path only reading and
// executing is allowed, below each --rw path everything; the rest of the file system is out of
// reach. The restriction binds every child and cannot be lifted, not even by root.
// https://www.kernel.org/doc/html/v6.1/userspace-api/landlock.html
// https://man7.org/linux/man-pages/man7/landlock.7.html
// Files opened before (the shell's stdout, for instance) stay usable: Landlock checks open(2).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tools.h"

// From <linux/landlock.h> (6.1): musl ships no kernel headers.
struct landlock_ruleset_attr {
  uint64_t handled_access_fs;
};
struct landlock_path_beneath_attr {
  uint64_t allowed_access;
  int32_t parent_fd;
} __attribute__((packed));
#define LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#define LANDLOCK_RULE_PATH_BENEATH 1
#define ACCESS_EXECUTE (1ULL << 0)
#define ACCESS_WRITE_FILE (1ULL << 1)
#define ACCESS_READ_FILE (1ULL << 2)
#define ACCESS_READ_DIR (1ULL << 3)
// ABI 1 knows bits 0-12 (remove, make_* ...); ABI 2 (Linux 5.19) adds REFER, bit 13.
#define ACCESS_ABI1 ((1ULL << 13) - 1)
#define ACCESS_REFER (1ULL << 13)
#define ACCESS_FILE_ONLY (ACCESS_EXECUTE | ACCESS_WRITE_FILE | ACCESS_READ_FILE)

static long handled;

static int add_rule(int ruleset, const char *path, uint64_t access) {
  int fd = open(path, O_PATH | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) return fprintf(stderr, "landlock-run: %s: %m\n", path), -1;
  // A rule on a file may only carry the rights that apply to files (landlock_add_rule(2)).
  if (!S_ISDIR(st.st_mode)) access &= ACCESS_FILE_ONLY;
  struct landlock_path_beneath_attr rule = {access & (uint64_t)handled, fd};
  int rc = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  if (rc != 0) fprintf(stderr, "landlock-run: add rule for %s: %m\n", path);
  close(fd);
  return rc;
}

int landlock_run_main(int argc, char **argv) {
  int abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) return perror("landlock-run: Landlock is not available"), 1;
  handled = (long)(ACCESS_ABI1 | (abi >= 2 ? ACCESS_REFER : 0));
  struct landlock_ruleset_attr attr = {(uint64_t)handled};
  int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
  if (ruleset < 0) return perror("landlock-run: create ruleset"), 1;
  int i = 1;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    if (i + 1 >= argc) goto usage;
    uint64_t access;
    if (strcmp(argv[i], "--ro") == 0) access = ACCESS_EXECUTE | ACCESS_READ_FILE | ACCESS_READ_DIR;
    else if (strcmp(argv[i], "--rw") == 0) access = (uint64_t)handled;
    else goto usage;
    if (add_rule(ruleset, argv[++i], access) != 0) return 1;
  }
  if (i + 1 >= argc) goto usage;
  // landlock_restrict_self(2) requires no_new_privs (or CAP_SYS_ADMIN); set it always.
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return perror("landlock-run: no_new_privs"), 1;
  if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) return perror("landlock-run: restrict_self"), 1;
  close(ruleset);
  execvp(argv[i + 1], argv + i + 1);
  perror("landlock-run: exec");
  return 127;
usage:
  fprintf(stderr, "usage: landlock-run [--ro PATH]... [--rw PATH]... -- COMMAND [ARG...]\n");
  return 2;
}
