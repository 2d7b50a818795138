// nsmap [-k] [PID...]: one line per process with its namespaces, cgroup and confinement, for the
// exercise checks and the chapter's live namespace map. One exec instead of a shell loop over
// /proc: under emulation each process costs ~50 ms, while this reads ~10 small files per process.
// The format is a contract with src/ (documented in src/guest/README.md, "nsmap"):
//
//   #nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm
//   1 0 0 1 0 000001ffffffffff / 4026531841 4026531838 4026531839 4026531836 4026531840 4026531837 4026531835 4026531834 vlab init
//
// Fields are separated by one space; text fields (cgroup, hostname, comm) escape space, tab,
// newline, backslash and other bytes outside 0x21-0x7e as \ooo (octal, like /proc/mounts);
// a value that could not be read (the process exited, a kernel thread has no hostname) is "-".
// Namespaces are the inode numbers of /proc/PID/ns/* (namespaces(7)); hostname is read by
// entering the process's UTS namespace with setns(2), once per namespace.
// https://man7.org/linux/man-pages/man7/namespaces.7.html  https://man7.org/linux/man-pages/man5/proc.5.html
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "tools.h"

static const char *const ns_names[] = {"mnt", "uts", "ipc", "pid", "net", "user", "cgroup", "time"};
enum { NS_COUNT = sizeof ns_names / sizeof ns_names[0], NS_UTS = 1 };

struct proc_info {
  int pid, ppid;
  char uid[16], nspid[96], seccomp[4], capeff[24], comm[80], cgroup[512], hostname[300];
  unsigned long ns[NS_COUNT];
};

// Reads a small /proc file whole; returns its length or -1.
static int read_small(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n < 0) return -1;
  buf[n] = 0;
  return (int)n;
}

static void escape(char *out, size_t size, const char *in, size_t len) {
  size_t o = 0;
  for (size_t i = 0; i < len && o + 5 < size; i++) {
    unsigned char c = (unsigned char)in[i];
    if (c > 0x20 && c < 0x7f && c != '\\') out[o++] = (char)c;
    else o += (size_t)snprintf(out + o, size - o, "\\%03o", c);
  }
  out[o] = 0;
  if (o == 0) strcpy(out, "-");
}

// The value after "Key:" in /proc/PID/status, whitespace runs joined by `sep`.
static void status_field(const char *status, const char *key, char *out, size_t size, char sep) {
  strcpy(out, "-");
  size_t klen = strlen(key);
  for (const char *line = status; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (strncmp(line, key, klen) != 0 || line[klen] != ':') continue;
    const char *p = line + klen + 1;
    size_t o = 0;
    while (*p && *p != '\n' && o + 2 < size) {
      if (isspace((unsigned char)*p)) {
        while (*p == ' ' || *p == '\t') p++;
        if (o > 0 && *p && *p != '\n') out[o++] = sep;
        continue;
      }
      out[o++] = *p++;
    }
    out[o] = 0;
    if (o == 0) strcpy(out, "-");
    return;
  }
}

struct uts_cache {
  unsigned long inode;
  char hostname[300];
};
static struct uts_cache uts_seen[64];
static int uts_count;

static void hostname_of(struct proc_info *p) {
  strcpy(p->hostname, "-");
  if (p->ns[NS_UTS] == 0) return;
  for (int i = 0; i < uts_count; i++)
    if (uts_seen[i].inode == p->ns[NS_UTS]) return (void)strcpy(p->hostname, uts_seen[i].hostname);
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/ns/uts", p->pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct utsname u;
  // Entering a UTS namespace changes only what uname(2) answers this process; nsmap is root
  // in the initial user namespace, which setns(2) requires (CAP_SYS_ADMIN over its owner).
  if (fd >= 0 && setns(fd, CLONE_NEWUTS) == 0 && uname(&u) == 0)
    escape(p->hostname, sizeof p->hostname, u.nodename, strlen(u.nodename));
  if (fd >= 0) close(fd);
  if (uts_count < (int)(sizeof uts_seen / sizeof uts_seen[0])) {
    uts_seen[uts_count].inode = p->ns[NS_UTS];
    strcpy(uts_seen[uts_count++].hostname, p->hostname);
  }
}

// Fills *p; returns -1 if the process is gone, 1 if it is a kernel thread that is not wanted.
static int collect(int pid, struct proc_info *p, int want_kernel_threads) {
  char path[64], buf[2048];
  memset(p, 0, sizeof *p);
  p->pid = pid;
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  if (read_small(path, buf, sizeof buf) < 0) return -1;
  char name[64], ppid[16];
  status_field(buf, "PPid", ppid, sizeof ppid, ' ');
  p->ppid = atoi(ppid);
  // Kernel threads are kthreadd (PID 2) and its children; they never leave the initial namespaces.
  if (!want_kernel_threads && (pid == 2 || p->ppid == 2)) return 1;
  status_field(buf, "Name", name, sizeof name, ' ');
  status_field(buf, "Uid", p->uid, sizeof p->uid, ' ');
  p->uid[strcspn(p->uid, " ")] = 0;  // the real uid, first of "real effective saved fs"
  status_field(buf, "NSpid", p->nspid, sizeof p->nspid, ',');
  status_field(buf, "Seccomp", p->seccomp, sizeof p->seccomp, ' ');
  status_field(buf, "CapEff", p->capeff, sizeof p->capeff, ' ');
  // status escapes nothing in Name (a comm may hold spaces); /proc/PID/comm is the raw name.
  snprintf(path, sizeof path, "/proc/%d/comm", pid);
  int n = read_small(path, buf, sizeof buf);
  if (n > 0 && buf[n - 1] == '\n') n--;
  escape(p->comm, sizeof p->comm, n > 0 ? buf : name, n > 0 ? (size_t)n : strlen(name));
  // cgroup v2 only: a single line "0::/path" (cgroups(7)).
  snprintf(path, sizeof path, "/proc/%d/cgroup", pid);
  strcpy(p->cgroup, "-");
  if ((n = read_small(path, buf, sizeof buf)) > 0) {
    char *line = strstr(buf, "0::");
    if (line) escape(p->cgroup, sizeof p->cgroup, line + 3, strcspn(line + 3, "\n"));
  }
  for (int i = 0; i < NS_COUNT; i++) {
    char link[64];
    snprintf(path, sizeof path, "/proc/%d/ns/%s", pid, ns_names[i]);
    ssize_t len = readlink(path, link, sizeof link - 1);
    if (len <= 0) continue;
    link[len] = 0;
    char *open_bracket = strchr(link, '[');
    if (open_bracket) p->ns[i] = strtoul(open_bracket + 1, NULL, 10);
  }
  return 0;
}

static void print(const struct proc_info *p) {
  printf("%d %d %s %s %s %s %s", p->pid, p->ppid, p->uid, p->nspid, p->seccomp, p->capeff, p->cgroup);
  for (int i = 0; i < NS_COUNT; i++)
    if (p->ns[i]) printf(" %lu", p->ns[i]);
    else printf(" -");
  printf(" %s %s\n", p->hostname, p->comm);
}

static int by_number(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int nsmap_main(int argc, char **argv) {
  int with_kernel_threads = 0, opt;
  while ((opt = getopt(argc, argv, "+k")) != -1) {
    if (opt == 'k') with_kernel_threads = 1;
    else {
      fprintf(stderr, "usage: nsmap [-k] [PID...]   (-k: include kernel threads)\n");
      return 2;
    }
  }
  static int pids[4096];
  int count = 0;
  if (optind < argc) {
    for (int i = optind; i < argc && count < 4096; i++) pids[count++] = atoi(argv[i]);
  } else {
    DIR *proc = opendir("/proc");
    if (!proc) return perror("nsmap: /proc"), 1;
    for (struct dirent *e; (e = readdir(proc)) && count < 4096;)
      if (isdigit((unsigned char)e->d_name[0])) pids[count++] = atoi(e->d_name);
    closedir(proc);
  }
  qsort(pids, (size_t)count, sizeof pids[0], by_number);
  printf("#nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm\n");
  int self = getpid(), missing = 0;
  struct proc_info info;
  int listed = optind < argc;
  for (int i = 0; i < count; i++) {
    if (!listed && pids[i] == self) continue;
    int rc = collect(pids[i], &info, with_kernel_threads || listed);
    if (rc < 0 && listed) missing = 1;
    if (rc != 0) continue;
    hostname_of(&info);
    print(&info);
  }
  return missing;
}
