#ifndef VLAB_TOOLS_H
#define VLAB_TOOLS_H
int agent_main(int argc, char **argv);
int setpriv_main(int argc, char **argv);
int boot_setup_main(int argc, char **argv);
int init_main(int argc, char **argv);
int nsmap_main(int argc, char **argv);
int seccomp_run_main(int argc, char **argv);
int landlock_run_main(int argc, char **argv);
int chsmack_main(int argc, char **argv);
int ring3_main(int argc, char **argv);
// caps.c: capability names 0..cap_count-1 (capabilities(7)).
#include <stdint.h>
extern const int cap_count;
int cap_from_name(const char *name);
// Applies a setpriv list like "-all,+net_raw" to *set; prints the problem and returns -1 if bad.
int cap_apply_list(const char *list, uint64_t *set);
// Writes all of buf to fd, retrying on short writes and EINTR; returns 0 or -1.
int write_all(int fd, const void *buf, unsigned long len);
// Writes text to a file such as /proc/self/uid_map; returns 0 or -1 (errno set).
int write_file(const char *path, const char *text);
#endif
