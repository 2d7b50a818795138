// vlab-tools: one static multi-call binary for the guest's own plumbing and the helpers no Debian
// package has (util-linux, libcap2-bin and friends are the real ones, served over 9p).
// Like busybox, the applet is chosen by the name it is called by (argv[0]); the initramfs links
// /usr/local/bin/{nsmap,seccomp-run,landlock-run,chsmack,ring3},
// /usr/local/sbin/{vlab-agent,vlab-boot-setup} and /init (the applet "init", see init.c) to it.
// `vlab-tools setpriv` is util-linux's setpriv subset kept for container roots only: copied into one (the
// kernel-features chapter does), a static binary runs where Debian's, which needs glibc from /opt/vlab,
// cannot. On PATH, `setpriv` is util-linux's.
// Linked statically against musl: ~100 KB for all applets, where glibc made it ~800 KB and each exec ~0.2 s slower.
#include <stdio.h>
#include <string.h>
#include "tools.h"

struct applet {
  const char *name;
  int (*main)(int, char **);
};

static const struct applet applets[] = {
    {"vlab-agent", agent_main},
    {"setpriv", setpriv_main},
    {"vlab-boot-setup", boot_setup_main},
    {"init", init_main},
    {"nsmap", nsmap_main},
    {"seccomp-run", seccomp_run_main},
    {"landlock-run", landlock_run_main},
    {"chsmack", chsmack_main},
    {"ring3", ring3_main},
};

int main(int argc, char **argv) {
  const char *name = strrchr(argv[0], '/');
  name = name ? name + 1 : argv[0];
  // `vlab-tools APPLET args...` also works, for debugging.
  if (strcmp(name, "vlab-tools") == 0 && argc > 1) {
    argv++;
    argc--;
    name = argv[0];
  }
  for (size_t i = 0; i < sizeof applets / sizeof applets[0]; i++)
    if (strcmp(name, applets[i].name) == 0) return applets[i].main(argc, argv);
  fprintf(stderr, "vlab-tools: unknown applet '%s' (known:", name);
  for (size_t i = 0; i < sizeof applets / sizeof applets[0]; i++) fprintf(stderr, " %s", applets[i].name);
  fprintf(stderr, ")\n");
  return 127;
}
