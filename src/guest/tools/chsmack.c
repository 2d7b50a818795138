// chsmack [-a LABEL] [-e LABEL] [-m LABEL] [-t] FILE...: the smack-utils command that sets or shows
// a file's Smack labels, which are extended attributes (busybox has no getfattr/setfattr):
//   security.SMACK64 (access), SMACK64EXEC (label a program runs with), SMACK64MMAP, SMACK64TRANSMUTE.
// Without options it prints each file as smack-utils does: FILE access="LABEL" ...
// https://www.kernel.org/doc/html/v6.1/admin-guide/LSM/Smack.html  https://man7.org/linux/man-pages/man7/xattr.7.html
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "tools.h"

static const struct {
  char option;
  const char *attr, *shown;
} labels[] = {
    {'a', "security.SMACK64", "access"},
    {'e', "security.SMACK64EXEC", "execute"},
    {'m', "security.SMACK64MMAP", "mmap"},
};
enum { LABEL_COUNT = sizeof labels / sizeof labels[0] };

static int show(const char *path) {
  char value[256];
  printf("%s", path);
  for (int i = 0; i < LABEL_COUNT; i++) {
    ssize_t n = lgetxattr(path, labels[i].attr, value, sizeof value - 1);
    if (n > 0) printf(" %s=\"%.*s\"", labels[i].shown, (int)n, value);
  }
  if (lgetxattr(path, "security.SMACK64TRANSMUTE", value, sizeof value) > 0) printf(" transmute=\"TRUE\"");
  printf("\n");
  return 0;
}

int chsmack_main(int argc, char **argv) {
  const char *wanted[LABEL_COUNT] = {0};
  int transmute = 0, changes = 0, opt, status = 0;
  while ((opt = getopt(argc, argv, "+a:e:m:t")) != -1) {
    int found = 0;
    for (int i = 0; i < LABEL_COUNT; i++)
      if (opt == labels[i].option) wanted[i] = optarg, found = 1, changes = 1;
    if (opt == 't') transmute = 1, found = 1, changes = 1;
    if (!found) {
      fprintf(stderr, "usage: chsmack [-a LABEL] [-e LABEL] [-m LABEL] [-t] FILE...\n");
      return 2;
    }
  }
  if (optind >= argc) return fprintf(stderr, "chsmack: no file given\n"), 2;
  for (int f = optind; f < argc; f++) {
    if (!changes) {
      show(argv[f]);
      continue;
    }
    for (int i = 0; i < LABEL_COUNT; i++)
      if (wanted[i] && lsetxattr(argv[f], labels[i].attr, wanted[i], strlen(wanted[i]), 0) != 0)
        fprintf(stderr, "chsmack: %s: %s: %m\n", argv[f], labels[i].attr), status = 1;
    // Smack accepts only "TRUE" and only on directories.
    if (transmute && lsetxattr(argv[f], "security.SMACK64TRANSMUTE", "TRUE", 4, 0) != 0)
      fprintf(stderr, "chsmack: %s: transmute: %m\n", argv[f]), status = 1;
  }
  return status;
}
