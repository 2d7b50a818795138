// vlab-boot-setup: what /etc/init.d/rcS would do with mount, hostname and ip, done with direct
// system calls. Under emulation every exec of busybox costs ~80 ms, and these nine steps were
// a third of the cold boot. /etc/init.d/rcS lists the equivalent shell commands.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tools.h"

struct mount_step {
  const char *source, *target, *type, *options;
  unsigned long flags;
};

static const struct mount_step mounts[] = {
    {"proc", "/proc", "proc", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC},
    {"sysfs", "/sys", "sysfs", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC},
    // Smack's policy interface; the kernel creates the mount point /sys/fs/smackfs.
    // https://www.kernel.org/doc/html/v6.1/admin-guide/LSM/Smack.html
    {"smackfs", "/sys/fs/smackfs", "smackfs", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC},
    {"devtmpfs", "/dev", "devtmpfs", "mode=0755", MS_NOSUID},
    {"devpts", "/dev/pts", "devpts", "gid=5,mode=620,ptmxmode=666", MS_NOSUID | MS_NOEXEC},
    {"tmpfs", "/dev/shm", "tmpfs", "mode=1777", MS_NOSUID | MS_NODEV},
    {"mqueue", "/dev/mqueue", "mqueue", NULL, MS_NOSUID | MS_NODEV | MS_NOEXEC},
    // cgroup v2 only; nsdelegate makes cgroup namespaces delegation boundaries (cgroup-v2.rst).
    {"cgroup2", "/sys/fs/cgroup", "cgroup2", "nsdelegate", MS_NOSUID | MS_NODEV | MS_NOEXEC},
};

static int failures;

static void complain(const char *what, const char *arg) {
  fprintf(stderr, "vlab-boot-setup: %s %s: %s\n", what, arg, strerror(errno));
  failures++;
}

static void set_hostname(void) {
  char name[65] = {0};
  int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
  ssize_t n = fd < 0 ? -1 : read(fd, name, sizeof name - 1);
  if (fd >= 0) close(fd);
  if (n <= 0) return complain("read", "/etc/hostname");
  name[strcspn(name, "\n")] = 0;
  if (sethostname(name, strlen(name)) != 0) complain("sethostname", name);
}

// `ip link set lo up`, via the SIOCSIFFLAGS ioctl (netdevice(7)).
static void loopback_up(void) {
  int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strcpy(ifr.ifr_name, "lo");
  if (sock < 0 || ioctl(sock, SIOCGIFFLAGS, &ifr) != 0) return complain("SIOCGIFFLAGS", "lo");
  ifr.ifr_flags |= IFF_UP;
  if (ioctl(sock, SIOCSIFFLAGS, &ifr) != 0) complain("SIOCSIFFLAGS", "lo");
  close(sock);
}

int boot_setup_main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  for (size_t i = 0; i < sizeof mounts / sizeof mounts[0]; i++) {
    const struct mount_step *m = &mounts[i];
    if (mkdir(m->target, 0755) != 0 && errno != EEXIST) complain("mkdir", m->target);
    if (mount(m->source, m->target, m->type, m->flags, m->options) != 0) complain("mount", m->target);
  }
  // Hand every controller the chapters use down to child cgroups (cgroup-v2.rst, "Enabling and
  // Disabling"); the root cgroup may do this even though it has processes.
  if (write_file("/sys/fs/cgroup/cgroup.subtree_control", "+cpu +cpuset +io +memory +pids") != 0)
    complain("write", "/sys/fs/cgroup/cgroup.subtree_control");
  set_hostname();
  loopback_up();
  return failures ? 1 : 0;
}
