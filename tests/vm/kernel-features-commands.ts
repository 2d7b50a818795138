// Every shell block of the chapter "kernel-features" (content/docs/chapters/kernel-features.mdx and its English
// twin), in page order, exactly as the Run button types it. tests/vm/kernel-features.test.ts runs each one on the
// real guest; tests/content/kernel-features.test.ts fails if a page's blocks and these lists ever differ, so a
// command cannot reach the page without a test.

/** Blocks that stand alone: the VM test runs each on the program channel and checks its output. */
export const standaloneBlocks = {
  jailList: 'ls /srv/jail /srv/jail/bin',
  jailMotd: 'chroot /srv/jail cat /etc/motd',
  jailPs: "chroot /srv/jail sh -c 'mount -t proc proc /proc; ps | head -n 4; umount /proc'",
  jailEscape:
    "chroot /srv/jail sh -c 'mount -t proc proc /proc; chroot /proc/1/root cat /etc/motd; umount /proc'",
  nsList: 'ls -l /proc/$$/ns',
  uts: "unshare -u sh -c 'hostname container; hostname'; hostname",
  pidNspid: `unshare -p -f sh -c 'echo "PID inside: $$"; exec grep NSpid /proc/self/status'`,
  pidPs: 'unshare -p -f --mount-proc ps',
  mount: "unshare -m sh -c 'mount -t tmpfs scratch /mnt; touch /mnt/inside; ls /mnt'; ls /mnt",
  ipc: 'ipcmk -Q; cat /proc/sysvipc/msg; unshare -i cat /proc/sysvipc/msg',
  net: "ping -c 1 127.0.0.1 | grep transmitted; unshare -n ping -c 1 127.0.0.1; unshare -n sh -c 'ip link set lo up; ping -c 1 127.0.0.1 | grep transmitted'",
  userDenied: 'setpriv --reuid=1000 --regid=1000 --clear-groups unshare -u true',
  userNs:
    "setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sh -c 'id; cat /proc/self/uid_map; grep CapEff /proc/self/status; hostname hacked'",
  cgroupNs:
    "mkdir -p /sys/fs/cgroup/demo; sh -c 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs; cat /proc/self/cgroup; unshare -C cat /proc/self/cgroup'",
  timeNs: 'unshare -T --boottime 86400 -f uptime; uptime',
  nsenter:
    "unshare -u sh -c 'hostname inner; exec sleep 300' & P=$!; sleep 1; nsenter -t $P -u hostname; ls -l /proc/$P/ns/uts /proc/$$/ns/uts; kill $P",
  controllers: 'cat /sys/fs/cgroup/cgroup.controllers /sys/fs/cgroup/cgroup.subtree_control',
  labCreate: 'mkdir -p /sys/fs/cgroup/lab; ls /sys/fs/cgroup/lab',
  labTracking:
    "sh -c 'echo $$ > /sys/fs/cgroup/lab/cgroup.procs; sleep 1 & cat /sys/fs/cgroup/lab/cgroup.procs; cat /proc/self/cgroup'",
  memory: [
    'echo 8M > /sys/fs/cgroup/lab/memory.max',
    "sh -c 'echo $$ > /sys/fs/cgroup/lab/cgroup.procs; exec dd if=/dev/zero of=/dev/null bs=32M count=1'",
    'echo "exit status: $?"',
    'grep oom_kill /sys/fs/cgroup/lab/memory.events',
  ].join('\n'),
  pids: [
    'echo 5 > /sys/fs/cgroup/lab/pids.max',
    "sh -c 'echo $$ > /sys/fs/cgroup/lab/cgroup.procs; for i in 1 2 3 4 5 6; do sleep 2 & done; wait'",
    'cat /sys/fs/cgroup/lab/pids.events',
  ].join('\n'),
  cpu: [
    'echo "10000 100000" > /sys/fs/cgroup/lab/cpu.max',
    `sh -c 'echo $$ > /sys/fs/cgroup/lab/cgroup.procs; exec timeout 2 sh -c "while :; do :; done"'`,
    'grep throttled /sys/fs/cgroup/lab/cpu.stat',
  ].join('\n'),
  io: 'cat /sys/fs/cgroup/lab/io.stat; echo "io.stat: $(wc -l < /sys/fs/cgroup/lab/io.stat) lines"',
  caps: "grep -E '^(Cap|Seccomp)' /proc/self/status",
  learnerCaps: 'setpriv --reuid=1000 --regid=1000 --clear-groups grep CapEff /proc/self/status',
} as const;

/**
 * "Build a container by hand": one session in the learner's console, in order. From step 3 on, the blocks are
 * typed into the shell that `unshare` started (the container's PID 1), which only a terminal session can show.
 */
export const capstoneBlocks = {
  rootfs: [
    'mkdir -p /tmp/box/upper /tmp/box/work /tmp/box/rootfs',
    "grep -q ' /tmp/box/rootfs ' /proc/mounts || mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/tmp/box/upper,workdir=/tmp/box/work /tmp/box/rootfs",
    'ls /tmp/box/rootfs',
  ].join('\n'),
  cgroup: [
    'mkdir -p /sys/fs/cgroup/box',
    'echo 16M > /sys/fs/cgroup/box/memory.max',
    'echo 10 > /sys/fs/cgroup/box/pids.max',
  ].join('\n'),
  enter: "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec unshare -m -u -i -n -p -f -C sh'",
  hostname: 'hostname box',
  movableRoot: 'mount --rbind / /mnt && cd /mnt && mount --move . / && exec chroot . sh',
  pivot: 'cd /tmp/box/rootfs && mkdir -p oldroot && pivot_root . oldroot && cd /',
  proc: 'mount -t proc proc /proc && umount -l /oldroot && rmdir /oldroot',
  dev: 'mount -t tmpfs -o mode=755 dev /dev && mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5',
  look: 'ls /; hostname; ps',
  lookProc: 'ls /proc/1/root; cat /proc/self/cgroup; ip -o link',
  app: '/app/run.sh',
  oom: 'dd if=/dev/zero of=/dev/null bs=32M count=1; echo "exit status: $?"',
  forks: 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 60 & done',
  exit: 'exit',
  hostCheck: 'hostname; grep oom_kill /sys/fs/cgroup/box/memory.events; cat /sys/fs/cgroup/box/pids.events',
} as const;

/** All shell blocks of the chapter, in the order the page shows them. */
export const chapterBlocks: readonly string[] = [
  ...Object.values(standaloneBlocks),
  ...Object.values(capstoneBlocks),
];
