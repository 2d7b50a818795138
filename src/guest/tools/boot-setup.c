// vlab-boot-setup: what an /etc/init.d/rcS would do with mount, hostname and ip, done with direct
// system calls, called by vlab-init (init.c) before busybox init starts. Under emulation every
// exec of busybox costs ~80 ms: these steps as a script were a third of the cold boot, and
// running them in /init saves the rcS shell too. The equivalent shell commands:
//   mount -t proc proc /proc
//   mount -t sysfs sysfs /sys
//   mount -t smackfs smackfs /sys/fs/smackfs
//   mount -t devtmpfs devtmpfs /dev
//   mkdir -p /dev/pts /dev/shm /dev/mqueue
//   mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
//   mount -t tmpfs -o mode=1777 tmpfs /dev/shm
//   mount -t mqueue mqueue /dev/mqueue
//   mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup     # cgroup v2 only
//   mount -t 9p -o trans=virtio,version=9p2000.L,cache=loose,nodev host9p /opt/vlab   # the Debian tools
//   mount --bind /opt/vlab/srv/jail /srv/jail
//   mount --bind /opt/vlab/var/lib/images/base /var/lib/images/base
//   echo "+cpu +cpuset +io +memory +pids" > /sys/fs/cgroup/cgroup.subtree_control
//   hostname -F /etc/hostname
//   ip link set lo up
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
    // The Debian tools (src/guest/README.md): v86's virtio-9p device, whose files the page fetches on
    // first read. Mounted before the clean state is saved, so the state holds the mount and v86 the
    // file index, never the files. The initramfs links /bin/ip, /lib/i386-linux-gnu ... into it.
    // cache=loose keeps the tools' pages in the guest's page cache between runs: a second `ip -br addr`
    // took a median 470 ms instead of 1382 ms with cache=none (each exec re-read ld.so, libc and the
    // libraries page by page over 9p). Only this guest writes the tree, so a cache cannot go stale.
    // Those pages would land in a learner's saved machine: Guest.saveState (src/emulator/guest.ts) drops
    // clean caches first. https://www.kernel.org/doc/html/v6.1/filesystems/9p.html
    {"host9p", "/opt/vlab", "9p", "trans=virtio,version=9p2000.L,cache=loose", MS_NODEV},
    // The chroot jail and the overlay lessons' base layer carry their own, unmodified busybox (the
    // system's has the applets Debian replaces hidden, so `ps` or `mount` would be missing in them),
    // and two busyboxes do not fit the kernel budget: they live in the 9p tree. Bind mounts, not
    // links, keep their paths (/proc/PID/root, the overlay's lowerdir) as the lessons print them.
    {"/opt/vlab/srv/jail", "/srv/jail", NULL, NULL, MS_BIND},
    {"/opt/vlab/var/lib/images/base", "/var/lib/images/base", NULL, NULL, MS_BIND},
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
