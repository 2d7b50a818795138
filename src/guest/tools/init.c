// vlab-init, the guest's /init: makes / a mount with a parent, then execs busybox init.
//
// The kernel unpacks the initramfs into "rootfs", the root of the mount tree, and pivot_root(2)
// refuses to move that one away (EINVAL: "the current root is not a mount point with a parent",
// see pivot_root(2) NOTES and Documentation/filesystems/ramfs-rootfs-initramfs.rst). Container
// runtimes pivot_root into their image, and so do the lessons; so, like switch_root(8) but
// without copying anything, bind-mount rootfs onto /mnt, move that mount over / and chroot into
// it. Everything started afterwards (init, the shells, the agent) has that bind mount as its
// root, and pivot_root works in any new mount namespace.
// https://man7.org/linux/man-pages/man2/pivot_root.2.html
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mount.h>
#include <unistd.h>
#include "tools.h"

int init_main(int argc, char **argv) {
  (void)argc;
  // Each step is the one switch_root(8) does; on failure boot on with rootfs as it is.
  if (mount("/", "/mnt", NULL, MS_BIND, NULL) != 0) perror("vlab-init: bind / on /mnt");
  else if (chdir("/mnt") != 0) perror("vlab-init: chdir /mnt");
  else if (mount(".", "/", NULL, MS_MOVE, NULL) != 0) perror("vlab-init: move /mnt to /");
  else if (chroot(".") != 0) perror("vlab-init: chroot");
  if (chdir("/") != 0) perror("vlab-init: chdir /");
  argv[0] = "init";
  execv("/sbin/init", argv);
  perror("vlab-init: exec /sbin/init");
  return 127;
}
