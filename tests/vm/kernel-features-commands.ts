// Every shell block of the chapter "kernel-features" (content/docs/chapters/kernel-features.mdx and its English
// twin), in page order, exactly as the Run button types it. tests/vm/kernel-features.test.ts runs each one on the
// real guest; tests/content/kernel-features.test.ts fails if a page's blocks and these lists ever differ, so a
// command cannot reach the page without a test.

/**
 * Blocks of "Try it" that stand alone, before the hand-built container: the VM test runs each on the program
 * channel and checks its output.
 */
export const standaloneBlocks = {
  jailList: 'ls /srv/jail /srv/jail/bin',
  jailMotd: 'chroot /srv/jail cat /etc/motd',
  jailPs: "chroot /srv/jail sh -c 'mount -t proc proc /proc; ps | head -n 4; umount /proc'",
  jailEscape:
    "chroot /srv/jail sh -c 'mount -t proc proc /proc; chroot /proc/1/root cat /etc/motd; umount /proc'",
  nsList: 'ls -l /proc/$$/ns',
  nsmap: 'nsmap 1 $$',
  uts: "unshare -u sh -c 'hostname container; hostname'; hostname",
  pidNspid: `unshare -p -f sh -c 'echo "PID inside: $$"; exec grep NSpid /proc/self/status'`,
  pidNoFork: `unshare -p sh -c 'echo "sh: $$"; sh -c "echo child: \\$\\$"; sh -c "echo child: \\$\\$"; echo end'`,
  pidForChildren: "unshare -p sh -c 'sleep 1 & ls -l /proc/$$/ns/pid /proc/$$/ns/pid_for_children'",
  pidPs: 'unshare -p -f --mount-proc ps',
  mount: "unshare -m sh -c 'mount -t tmpfs scratch /mnt; touch /mnt/inside; ls /mnt'; ls /mnt",
  ipc: 'ipcmk -Q; cat /proc/sysvipc/msg; unshare -i cat /proc/sysvipc/msg',
  net: "ping -c 1 127.0.0.1 | grep transmitted; unshare -n ping -c 1 127.0.0.1; unshare -n sh -c 'ip link set lo up; ping -c 1 127.0.0.1 | grep transmitted'",
  veth: "unshare -n sleep 60 & P=$!; sleep 1; ip link add vk type veth peer name vk-in; ip link set vk-in netns $P; ip addr add 10.9.9.1/24 dev vk; ip link set vk up; nsenter -t $P -n sh -c 'ip addr add 10.9.9.2/24 dev vk-in; ip link set vk-in up; ip -o -4 addr show vk-in'; ping -c 1 10.9.9.2 | grep transmitted; ip link del vk; kill $P",
  userDenied: 'setpriv --reuid=1000 --regid=1000 --clear-groups unshare -u true',
  userNs:
    "setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sh -c 'id; cat /proc/self/uid_map; grep CapEff /proc/self/status; hostname hacked'",
  userNsUts:
    "setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -u sh -c 'hostname inner; hostname'; hostname",
  userNsRoot:
    "echo 'root only' > /tmp/rootonly; chmod 600 /tmp/rootonly; unshare -U -r sh -c 'cat /proc/self/uid_map; cat /tmp/rootonly'; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sh -c 'cat /proc/self/uid_map; cat /tmp/rootonly'",
  userNsRootLimits:
    "echo 'learner only' > /tmp/learneronly; chown 1000:1000 /tmp/learneronly; chmod 600 /tmp/learneronly; unshare -U -r sh -c 'cat /tmp/learneronly; hostname hacked; mknod /tmp/null c 1 3'",
  cgroupNs:
    "mkdir -p /sys/fs/cgroup/demo; sh -c 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs; cat /proc/self/cgroup; unshare -C cat /proc/self/cgroup'",
  timeNs: 'uptime; unshare -T --boottime 86400 uptime; unshare -T --boottime 86400 -f uptime',
  nsenter:
    "unshare -u sh -c 'hostname inner; exec sleep 300' & P=$!; sleep 1; nsenter -t $P -u hostname; nsmap 1 $P; kill $P",
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
  cgroupKill: `mkdir -p /sys/fs/cgroup/kill-demo; sh -c 'echo $$ > /sys/fs/cgroup/kill-demo/cgroup.procs; sleep 300 & sleep 300 & wait' & sleep 1; cat /sys/fs/cgroup/kill-demo/cgroup.procs /sys/fs/cgroup/kill-demo/cgroup.events; echo 1 > /sys/fs/cgroup/kill-demo/cgroup.kill; sleep 1; cat /sys/fs/cgroup/kill-demo/cgroup.events; echo "left: $(wc -l < /sys/fs/cgroup/kill-demo/cgroup.procs)"`,
  cpu: [
    'echo "10000 100000" > /sys/fs/cgroup/lab/cpu.max',
    `sh -c 'echo $$ > /sys/fs/cgroup/lab/cgroup.procs; exec timeout 2 sh -c "while :; do :; done"'`,
    'grep throttled /sys/fs/cgroup/lab/cpu.stat',
  ].join('\n'),
  io: 'cat /sys/fs/cgroup/lab/io.stat; echo "io.stat: $(wc -l < /sys/fs/cgroup/lab/io.stat) lines"',
  caps: "grep -E '^(Cap|NoNewPrivs|Seccomp)' /proc/$$/status",
  learnerCaps: 'setpriv --reuid=1000 --regid=1000 --clear-groups grep CapEff /proc/self/status',
  dropCaps: `setpriv --bounding-set=-all,+net_bind_service sh -c 'grep -E "^Cap(Prm|Eff|Bnd)" /proc/$$/status; hostname box'`,
  decodeCaps: 'capsh --decode=0000000000000400',
  inheritCaps:
    "setpriv --inh-caps=+sys_admin setpriv --bounding-set=-sys_admin sh -c 'grep Cap /proc/$$/status; hostname box; hostname; hostname vlab'",
  seccomp: `seccomp-run --deny mkdir -- sh -c 'grep -E "^(NoNewPrivs|Seccomp):" /proc/$$/status; mkdir /tmp/x'`,
  smackLabel: "echo 'for admins only' > /tmp/plans; chsmack -a Private /tmp/plans; chsmack /tmp/plans",
  smackBypass:
    "echo 'Intruder Private -' > /sys/fs/smackfs/load2; sh -c 'echo Intruder > /proc/self/attr/current; cat /tmp/plans'",
  smackDeny:
    "echo 'Intruder Private -' > /sys/fs/smackfs/load2; sh -c 'echo Intruder > /proc/self/attr/current; exec setpriv --bounding-set=-mac_override,-mac_admin cat /tmp/plans'",
  smackAllow:
    "echo 'Intruder Private r' > /sys/fs/smackfs/load2; sh -c 'echo Intruder > /proc/self/attr/current; exec setpriv --bounding-set=-mac_override,-mac_admin cat /tmp/plans'; grep Intruder /sys/fs/smackfs/load2",
  landlock: `landlock-run --ro /bin --ro /usr --ro /etc -- sh -c 'cat /etc/hostname; echo hello > /tmp/note; stat -c "%n: %s bytes" /srv/jail/README; cat /srv/jail/README'`,
  overlayMount: [
    'mkdir -p /tmp/layers/upper /tmp/layers/work /tmp/layers/merged',
    "grep -q ' /tmp/layers/merged ' /proc/mounts || mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/tmp/layers/upper,workdir=/tmp/layers/work /tmp/layers/merged",
    'ls /tmp/layers/merged; cat /tmp/layers/merged/etc/greeting',
  ].join('\n'),
  overlayCopyUp:
    "echo 'changed in the container' > /tmp/layers/merged/etc/greeting; cat /tmp/layers/merged/etc/greeting /var/lib/images/app/etc/greeting; ls -R /tmp/layers/upper",
  overlayWhiteout:
    'rm -f /tmp/layers/merged/etc/os-release; ls /tmp/layers/merged/etc /var/lib/images/base/etc; ls -l /tmp/layers/upper/etc/os-release',
} as const;

/**
 * "Build a container by hand": one session in the learner's console, in order. From step 3 on, the blocks are
 * typed into the shell that `unshare` started (the container's PID 1), which only a terminal session can show.
 */
export const capstoneBlocks = {
  overlay: [
    'mkdir -p /tmp/box/upper /tmp/box/work /tmp/box/root',
    "grep -q ' /tmp/box/root ' /proc/mounts || mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/tmp/box/upper,workdir=/tmp/box/work /tmp/box/root",
    'ls /tmp/box/root',
  ].join('\n'),
  cgroup: [
    'mkdir -p /sys/fs/cgroup/box',
    'echo 16M > /sys/fs/cgroup/box/memory.max',
    'echo 10 > /sys/fs/cgroup/box/pids.max',
  ].join('\n'),
  enter: "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec unshare -m -u -i -n -p -f -C sh'",
  hostname: 'hostname box',
  private: 'mount --make-rprivate /',
  pivot: 'cd /tmp/box/root && mkdir -p oldroot && pivot_root . oldroot && cd /',
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

/** Blocks of "How it works underneath", after the hand-built container; they stand alone like the first ones. */
export const underneathBlocks = {
  pivotShared: `unshare -m sh -c 'mount --make-rshared /; mount -t tmpfs newroot /mnt; mkdir /mnt/old; cd /mnt; pivot_root . old; mount --make-rprivate /; pivot_root . old && echo "pivot_root worked"'`,
} as const;

/**
 * The <ContainerScript id="container-by-hand"> of the same section: builds the container on the program channel
 * and leaves it running. Both pages define it as `export const containerByHand = String.raw\`…\``; the content
 * test checks they hold exactly this text.
 */
export const containerScript = String.raw`box=/run/box-script cg=/sys/fs/cgroup/box-script
if [ -s $box/pid ]; then kill -9 $(cat $box/pid) 2>/dev/null; sleep 1; fi
rm -rf $box; mkdir -p $box/upper/sbin $box/work $box/root $cg
cp /usr/local/lib/vlab-tools $box/upper/sbin/vlab-tools
echo 16M > $cg/memory.max
echo 10 > $cg/pids.max
cat > $box/init.sh <<'INIT'
mount --make-rprivate /
mount -t overlay box -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/box-script/upper,workdir=/run/box-script/work /run/box-script/root
hostname box
cd /run/box-script/root && mkdir -p old && pivot_root . old && cd /
mount -t proc proc /proc && umount -l /old && rmdir /old
exec /sbin/vlab-tools setpriv --bounding-set=-all,+net_bind_service /sbin/vlab-tools seccomp-run --deny mount,umount2,unshare,setns,mkdir,mkdirat -- sleep 100000
INIT
sh -c "echo \$\$ > $cg/cgroup.procs; exec unshare -m -u -i -n -p -f sh $box/init.sh" >/dev/null 2>&1 &
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  P=$(nsmap | awk -v cg=/box-script '$7 == cg && $4 ~ /,1$/ && $5 == 2 { print $1 }')
  [ -n "$P" ] && break
  sleep 0.5
done
[ -n "$P" ] || { echo "the container did not start"; exit 1; }
echo $P > $box/pid
echo "container: PID $P on the host, PID 1 inside ($(grep NSpid /proc/$P/status | tr -s '\t' ' '))"
echo "hostname: $(nsenter -t $P -u hostname)"
echo "root: $(awk '$5 == "/" { print $(NF-2), $NF }' /proc/$P/mountinfo | cut -d, -f1-2)"
echo "files: $(ls /proc/$P/root | tr '\n' ' ')"
echo "cgroup: $(cat /proc/$P/cgroup), memory.max $(cat $cg/memory.max), pids.max $(cat $cg/pids.max)"
echo "capabilities: $(capsh --decode=$(awk '/^CapEff/ { print $2 }' /proc/$P/status))"
echo "seccomp: $(awk '/^Seccomp:/ { print $2 }' /proc/$P/status) (2 = filter)"
for ns in mnt uts ipc pid net; do
  [ "$(readlink /proc/$P/ns/$ns)" != "$(readlink /proc/1/ns/$ns)" ] && echo "namespace: $(readlink /proc/$P/ns/$ns) (host: $(readlink /proc/1/ns/$ns))"
done`;

/** All shell blocks of the chapter, in the order the page shows them. */
export const chapterBlocks: readonly string[] = [
  ...Object.values(standaloneBlocks),
  ...Object.values(capstoneBlocks),
  ...Object.values(underneathBlocks),
];
