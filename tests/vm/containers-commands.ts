// Every shell block of the chapter "containers" (content/docs/chapters/containers.mdx and its English twin), in
// page order, exactly as the Run button types it. tests/vm/containers.test.ts runs each one on the real guest;
// tests/content/containers.test.ts fails if a page's blocks and this list ever differ.

export const blocks = {
  /** The two image layers the environments are made of, and the base layer's os-release. */
  layers: 'ls /var/lib/images/base /var/lib/images/app; cat /var/lib/images/base/etc/os-release',
  /** One root file system per environment: an overlay of app over base, with its own inittab and start-up script. */
  roots: [
    'for c in web db; do',
    '  mkdir -p /run/$c/upper/etc/init.d /run/$c/work /run/$c/root',
    "  printf '::sysinit:/etc/init.d/rcS\\n::respawn:/bin/sleep 3600\\n' > /run/$c/upper/etc/inittab",
    "  printf '#!/bin/sh\\nmount -t proc proc /proc\\nhostname %s\\n/app/run.sh > /tmp/app.log\\n' $c > /run/$c/upper/etc/init.d/rcS",
    '  chmod +x /run/$c/upper/etc/init.d/rcS',
    '  mount -t overlay $c -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/$c/upper,workdir=/run/$c/work /run/$c/root',
    'done',
    'ls /run/web/root; cat /run/web/root/etc/inittab /run/web/root/etc/init.d/rcS',
  ].join('\n'),
  /** Start both: new mount, UTS and PID namespaces, pivot_root into the environment's root, exec its init. */
  start: [
    "cat > /run/start-env <<'EOF'",
    'cd /run/$1/root && mkdir -p old && pivot_root . old && cd /',
    'umount -l /old && rmdir /old',
    'exec /bin/init',
    'EOF',
    'for c in web db; do unshare -m -u -p -f sh /run/start-env $c > /dev/null 2>&1 & done',
    'for t in $(seq 60); do [ "$(nsmap | awk \'$17 == "sleep" && $16 ~ /^(web|db)$/\' | wc -l)" -ge 2 ] && break; sleep 1; done',
  ].join('\n'),
  /** The host's view: the two inits are PID 1 of their own PID namespaces (nsmap's NSpid ends in 1). */
  hostView: "nsmap | awk 'NR == 1 || $4 ~ /,1$/'",
  /** The same with procps' ps: host PIDs with each process's PID and UTS namespaces. */
  hostPs: 'ps -o pid,ppid,pidns,utsns,comm -C init,sleep',
  /** The two inits' host PIDs in W and D (kept by the learner's shell for the following blocks), and NSpid. */
  pids: [
    'W=$(nsmap | awk \'$16 == "web" && $17 == "init" { print $1 }\')',
    'D=$(nsmap | awk \'$16 == "db" && $17 == "init" { print $1 }\')',
    'grep NSpid /proc/$W/status /proc/$D/status',
  ].join('\n'),
  /** Inside each environment (all its namespaces, through nsenter): its own process list, PID 1 its init. */
  insidePs: 'nsenter -t $W -a ps; nsenter -t $D -a ps',
  /** Inside: its hostname, what the start-up script's application printed, and its root directory. */
  insideView:
    'nsenter -t $W -a hostname; nsenter -t $W -a cat /tmp/app.log; nsenter -t $D -a cat /tmp/app.log; nsenter -t $W -a ls /',
  /** Namespace by namespace: the host's, web's and db's link for each of the eight types. */
  namespaces:
    'for ns in mnt uts ipc pid net user cgroup time; do echo "$ns $(readlink /proc/1/ns/$ns) $(readlink /proc/$W/ns/$ns) $(readlink /proc/$D/ns/$ns)"; done',
  /** One kernel: the same release and the same memory total, whoever asks. */
  kernel:
    'uname -r; nsenter -t $W -a uname -r; grep MemTotal /proc/meminfo; nsenter -t $W -a grep MemTotal /proc/meminfo',
  /** A system call made inside web, seen from the host: an ordinary uname(2) answered with web's hostname. */
  syscall: 'strace -qq -f -e trace=uname -e signal=none nsenter -t $W -a uname -n',
  /** Clean up: SIGKILL to each PID 1 ends its whole PID namespace; then the overlays go. */
  stop: [
    'kill -9 $W $D; sleep 1',
    "nsmap | awk '$4 ~ /,1$/' | wc -l",
    'umount /run/web/root /run/db/root; rm -rf /run/web /run/db /run/start-env',
  ].join('\n'),
} as const;

/** Defines W and D as the `pids` block leaves them in the learner's shell (each test command is a new shell). */
export const pidVariables = blocks.pids.split('\n').slice(0, 2).join('\n');

/** The blocks in the order the pages show them. */
export const chapterBlocks: readonly string[] = [
  blocks.layers,
  blocks.roots,
  blocks.start,
  blocks.hostView,
  blocks.hostPs,
  blocks.pids,
  blocks.insidePs,
  blocks.insideView,
  blocks.namespaces,
  blocks.kernel,
  blocks.syscall,
  blocks.stop,
];
