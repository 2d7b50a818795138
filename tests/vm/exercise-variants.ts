// Right answers written another way (the other side of near misses): each must pass every task of its exercise,
// run on a fresh guest after the exercise's setup (tests/vm/exercise-variants.test.ts). Plain data, so that
// tests/content/variant-record.test.ts can tell which proofs on record are stale without a guest.
import { supervisorScript } from './cloud-commands.ts';
import { containerScript } from './kernel-features-commands.ts';

const capstone = (lower: string, cgroup: string) => `
box=/run/box cg=/sys/fs/cgroup/lab-box
mkdir -p $box/upper $box/work $box/root ${cgroup}
echo 16M > $cg/memory.max
echo 32 > $cg/pids.max
cat > $box/init.sh <<'INIT'
cd /var/lib/images
mount -t overlay box -o lowerdir=${lower},upperdir=/run/box/upper/,workdir=/run/box/work /run/box/root
hostname box
mkdir -p /run/box/root/sbin /run/box/root/old
cp /usr/local/lib/vlab-tools /run/box/root/sbin/vlab-tools
cd /run/box/root
pivot_root . old
umount -l /old
exec /sbin/vlab-tools setpriv --bounding-set=-all /sbin/vlab-tools seccomp-run --deny mount -- sleep 100000
INIT
sh -c "echo \\$\\$ > ${cgroup}/cgroup.procs; exec unshare -p -m -u -n -f sh $box/init.sh" >/dev/null 2>&1 &
until nsmap | awk '/^#/ { next } $4 ~ /,1$/ && $5 == 2 { f = 1 } END { exit !f }'; do :; done
`;

/** [exercise id, what is different about it, the script]: each must pass every task of its exercise. */
export const variants: readonly (readonly [id: string, title: string, script: string])[] = [
  [
    'netns-veth',
    'two pairs into the namespace, only the second one wired up',
    `unshare -n sleep 100000 >/dev/null 2>&1 &
pid=$!
while [ "$(readlink /proc/$pid/ns/net)" = "$(readlink /proc/1/ns/net)" ]; do :; done
ip link add vh type veth peer name vns
ip link set vns netns $pid
ip link add vh2 type veth peer name vns2
ip link set vns2 netns $pid
ip addr add 10.0.0.1/24 dev vh2
ip link set vh2 up
nsenter -t $pid -n sh -c 'ip addr add 10.0.0.2/24 dev vns2 && ip link set vns2 up'`,
  ],
  [
    'uts-hostname',
    'util-linux long options (--uts --mount --propagation private --kill-child), checked with nsenter --all',
    `unshare --uts --mount --propagation private --kill-child sh -c 'hostname web1; exec sleep 100000' >/dev/null 2>&1 &
until P=$(pgrep -n -x sleep) && [ "$(nsenter --all -t $P hostname)" = web1 ]; do :; done`,
  ],
  ['container-by-hand', "the chapter's own container script (its Run button)", containerScript],
  [
    'pids-fork-bomb',
    'the limit on lab-pids, the bomb in a child cgroup of it (6.1 counts the refusals there)',
    `cg=/sys/fs/cgroup/lab-pids
mkdir -p $cg/bomb
echo +pids > $cg/cgroup.subtree_control
echo 20 > $cg/pids.max
sh -c "echo \\$\\$ > $cg/bomb/cgroup.procs; exec forkbomb" >/dev/null 2>&1 &
until awk '$1 == "max" && $2 >= 1 { hit = 1 } END { exit !hit }' $cg/bomb/pids.events; do :; done
echo 1 > $cg/cgroup.kill
until [ "$(cat $cg/pids.current)" = 0 ]; do :; done`,
  ],
  [
    'overlay-mount',
    'relative lowerdir written after cd, with trailing slashes; upperdir with a trailing slash',
    `mkdir -p /mnt/lab-rw /mnt/lab-overlay
mount -t tmpfs lab-rw /mnt/lab-rw
mkdir /mnt/lab-rw/upper /mnt/lab-rw/work
cd /var/lib/images
mount -t overlay overlay -o lowerdir=app/:base/,upperdir=/mnt/lab-rw/upper/,workdir=/mnt/lab-rw/work /mnt/lab-overlay
cd /
echo mine > /mnt/lab-overlay/etc/greeting`,
  ],
  [
    'container-by-hand',
    'limits on the parent cgroup, the container in a child; relative lowerdir',
    capstone('app:base/', '$cg/inner'),
  ],
  [
    'bridge-ping',
    'VLAN filtering on, both ports moved to VLAN 20',
    `ip netns add red
ip netns add blue
ip link add sw0 up type bridge vlan_filtering 1
ip link add red-port up master sw0 type veth peer name red-eth0 netns red
ip link add blue-port up master sw0 type veth peer name blue-eth0 netns blue
printf 'addr add 10.1.0.1/24 dev red-eth0\\nlink set red-eth0 up\\n' | ip -n red -b -
printf 'addr add 10.1.0.2/24 dev blue-eth0\\nlink set blue-eth0 up\\n' | ip -n blue -b -
printf 'vlan add dev red-port vid 20 pvid untagged\\nvlan del dev red-port vid 1\\nvlan add dev blue-port vid 20 pvid untagged\\nvlan del dev blue-port vid 1\\n' | bridge -b -`,
  ],
  [
    'bridge-ping',
    "a first cable of red's left unaddressed on the bridge; the ping leaves by a second one",
    `ip netns add red
ip netns add blue
ip link add sw0 up type bridge
ip link add red-port up master sw0 type veth peer name red-eth0 netns red
ip link add red-port2 up master sw0 type veth peer name red-eth1 netns red
ip link add blue-port up master sw0 type veth peer name blue-eth0 netns blue
printf 'link set red-eth0 up\\naddr add 10.1.0.1/24 dev red-eth1\\nlink set red-eth1 up\\n' | ip -n red -b -
printf 'addr add 10.1.0.2/24 dev blue-eth0\\nlink set blue-eth0 up\\n' | ip -n blue -b -`,
  ],
  [
    'kvm-capable',
    'the answer with no newline after it, and sti instead of cli (fixup_iopl_exception skips both)',
    `printf no > /root/kvm-capable
ring3 --iopl sti`,
  ],
  [
    'pid-namespace',
    'sh -c with sleep as its only command (ash execs it, so sleep is PID 1)',
    `unshare -p -f sh -c 'sleep 100000' >/dev/null 2>&1 &
until grep -qE '^NSpid:.*[0-9][[:space:]]+1$' /proc/[0-9]*/status 2>/dev/null; do :; done
until grep -q '^Name:.sleep' /proc/[0-9]*/status 2>/dev/null; do :; done`,
  ],
  [
    'memory-oom',
    'memhog in a child of lab-oom (memory.events counts the subtree)',
    `mkdir -p /sys/fs/cgroup/lab-oom
echo 8M > /sys/fs/cgroup/lab-oom/memory.max
echo +memory > /sys/fs/cgroup/lab-oom/cgroup.subtree_control
mkdir /sys/fs/cgroup/lab-oom/inner
sh -c 'echo $$ > /sys/fs/cgroup/lab-oom/inner/cgroup.procs; exec memhog' >/dev/null 2>&1 || true`,
  ],
  [
    'two-inits',
    'chroot instead of pivot_root (the exercise asks only for a root of its own), util-linux long options',
    `for c in red blue; do
  mkdir -p /run/$c/upper /run/$c/work /run/$c/root
  mount -t overlay $c -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/$c/upper,workdir=/run/$c/work /run/$c/root
  unshare --mount --uts --pid --fork chroot /run/$c/root /bin/sh -c "mount -t proc proc /proc; hostname $c; exec /bin/init" >/dev/null 2>&1 &
done
until [ "$(nsmap | awk '$4 ~ /,1$/ && $17 == "init" && $16 ~ /^(red|blue)$/' | wc -l)" -ge 2 ]; do sleep 0.5; done`,
  ],
  [
    'own-root',
    'overlay mounted on the host first; pivot_root . . and umount -l . as runc does (pivot_root(2) NOTES)',
    `mkdir -p /run/sealed/upper /run/sealed/work /run/sealed/root
mount -t overlay sealed -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/sealed/upper,workdir=/run/sealed/work /run/sealed/root
unshare -m -u -p -f sh -c 'hostname sealed; cd /run/sealed/root && pivot_root . . && umount -l . && cd / && exec sleep 100000' >/dev/null 2>&1 &
until nsmap | awk '$4 ~ /,1$/ && $16 == "sealed" && $17 == "sleep" { f = 1 } END { exit !f }'; do sleep 0.5; done`,
  ],
  [
    'host-profile',
    'no set -e, guards through ip link show, the address flushed and added again, memory.max in bytes, #! bash',
    `cat > /root/host-profile.sh <<'PROFILE'
#!/bin/bash
ip link show br-mgmt >/dev/null 2>&1 || ip link add name br-mgmt type bridge
ip addr flush dev br-mgmt
ip addr add 10.10.0.1/24 dev br-mgmt
ip link set dev br-mgmt up
[ -d /sys/fs/cgroup/tenant-a ] || mkdir /sys/fs/cgroup/tenant-a
echo 33554432 > /sys/fs/cgroup/tenant-a/memory.max
echo 20 > /sys/fs/cgroup/tenant-a/pids.max
exit 0
PROFILE`,
  ],
  [
    'replica-supervisor',
    "the chapter's own supervisor (its Run button), pointed at /sys/fs/cgroup/shop",
    `${supervisorScript.replaceAll('pods', 'shop')}
for i in $(seq 60); do
  [ "$(nsmap | awk '$7 ~ /^\\/shop\\// && $4 ~ /,1$/' | wc -l)" -ge 3 ] && break
  sleep 0.5
done`,
  ],
  [
    'replica-supervisor',
    'a loop that tracks PIDs with kill -0, a shell as each PID 1, and the memory limit on the parent cgroup only',
    String.raw`mkdir -p /sys/fs/cgroup/shop
echo +memory > /sys/fs/cgroup/shop/cgroup.subtree_control
echo 32M > /sys/fs/cgroup/shop/memory.max
cat > /root/rs.sh <<'EOF'
cd /sys/fs/cgroup/shop
i=0 pids=''
while :; do
  alive=''
  for p in $pids; do kill -0 $p 2>/dev/null && alive="$alive $p"; done
  pids=$alive
  set -- $pids
  while [ $# -lt 3 ]; do
    i=$((i + 1))
    mkdir rs-$i
    ( echo 0 > rs-$i/cgroup.procs; exec unshare --pid --fork --mount-proc sh -c 'while :; do sleep 1; done' ) </dev/null >/dev/null 2>&1 &
    pids="$pids $!"
    set -- $pids
  done
  sleep 1
done
EOF
sh /root/rs.sh >/dev/null 2>&1 &
for i in $(seq 60); do
  [ "$(nsmap | awk '$7 ~ /^\/shop\// && $4 ~ /,1$/' | wc -l)" -ge 3 ] && break
  sleep 0.5
done`,
  ],
  [
    'container-whiteout',
    'rm run by a process inside the container (its own mount and PID namespaces, chrooted into the merged view)',
    `mkdir -p /run/c1 /mnt/c1
mount -t tmpfs c1 /run/c1
mkdir /run/c1/upper /run/c1/work
mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/c1/upper/,workdir=/run/c1/work /mnt/c1
unshare -m -p -f chroot /mnt/c1 /bin/rm /etc/os-release`,
  ],
  [
    'commit-layer',
    'edited with sed -i, the upper layer committed through tar, both containers on one tmpfs, trailing slashes',
    `mkdir -p /run/ctr /mnt/c1 /mnt/c2
mount -t tmpfs ctr /run/ctr
mkdir -p /run/ctr/c1/upper /run/ctr/c1/work /run/ctr/c2/upper /run/ctr/c2/work
mount -t overlay overlay -o lowerdir=/var/lib/images/app/:/var/lib/images/base/,upperdir=/run/ctr/c1/upper/,workdir=/run/ctr/c1/work /mnt/c1
sed -i '$ a committed by me' /mnt/c1/etc/greeting
mkdir /var/lib/images/mine
tar -C /run/ctr/c1/upper -cf - . | tar -C /var/lib/images/mine -xf -
mount -t overlay overlay -o lowerdir=/var/lib/images/mine/:/var/lib/images/app:/var/lib/images/base,upperdir=/run/ctr/c2/upper,workdir=/run/ctr/c2/work /mnt/c2`,
  ],
  [
    'commit-layer',
    "continued from container-whiteout's /mnt/c1 (as the instructions allow), so the whiteout is committed too; the line appended by printf without a newline",
    `mkdir -p /run/c1 /mnt/c1 /run/c2 /mnt/c2
mount -t tmpfs c1 /run/c1
mkdir /run/c1/upper /run/c1/work
mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/c1/upper,workdir=/run/c1/work /mnt/c1
rm /mnt/c1/etc/os-release
printf 'committed by me' >> /mnt/c1/etc/greeting
mkdir /var/lib/images/mine
cp -a /run/c1/upper/. /var/lib/images/mine/
mount -t tmpfs c2 /run/c2
mkdir /run/c2/upper /run/c2/work
mount -t overlay overlay -o lowerdir=/var/lib/images/mine:/var/lib/images/app:/var/lib/images/base,upperdir=/run/c2/upper,workdir=/run/c2/work /mnt/c2
[ -c /var/lib/images/mine/etc/os-release ] && ! [ -e /mnt/c2/etc/os-release ]`,
  ],
];
