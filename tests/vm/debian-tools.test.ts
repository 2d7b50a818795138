// The real Debian tools, served lazily over 9p (src/guest/README.md): everyday commands as their man pages
// and blogs write them, run in the ordinary shell, each with the shape of output it must give. Also proves
// that the names resolve to Debian's files (not busybox applets) and that a file is fetched once per machine.
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { guest, sh, run } = useRestoredGuest();

interface ToolCase {
  /** The man page the command is taken from. */
  page: string;
  command: string;
  /** What its output must look like (matched against the whole output, stdout and stderr together). */
  output: RegExp;
}

const cases: ToolCase[] = [
  // util-linux
  {
    page: 'unshare(1)',
    command: `unshare --mount --propagation private findmnt -n -o PROPAGATION /`,
    output: /^private\n$/,
  },
  {
    page: 'unshare(1)',
    command: `unshare --pid --fork --mount-proc --kill-child ps -o pid,comm`,
    output: /^\s*PID COMMAND\n\s*1 ps\n$/,
  },
  {
    page: 'unshare(1)',
    command: `unshare --uts sh -c 'hostname inner; hostname'; hostname`,
    output: /^inner\nvlab\n$/,
  },
  { page: 'unshare(1)', command: `unshare --user --map-root-user id -u`, output: /^0\n$/ },
  {
    page: 'unshare(1)',
    command: `unshare --time --monotonic=3600 cat /proc/self/timens_offsets`,
    output: /^monotonic\s+3600\s+0\nboottime\s+0\s+0\n$/,
  },
  { page: 'unshare(1)', command: `unshare --cgroup --ipc --net ip -br link`, output: /^lo\s+DOWN\s/ },
  { page: 'nsenter(1)', command: `nsenter --target 1 --uts --mount hostname`, output: /^vlab\n$/ },
  {
    page: 'lsns(8)',
    command: `lsns --type uts --noheadings --output NS,TYPE,PID`,
    output: /^\s*4026\d+ uts\s+1\n$/,
  },
  { page: 'lsns(8)', command: `lsns --json --type pid`, output: /"namespaces": \[/ },
  { page: 'findmnt(8)', command: `findmnt --noheadings --output FSTYPE /proc`, output: /^proc\n$/ },
  {
    page: 'findmnt(8)',
    command: `findmnt --noheadings --output TARGET,SOURCE,FSTYPE /opt/vlab`,
    output: /^\/opt\/vlab\s+host9p\s+9p\n$/,
  },
  {
    page: 'mount(8)',
    command: `mount -t tmpfs -o size=1m scratch /mnt && findmnt -n -o SOURCE,FSTYPE,OPTIONS /mnt; umount /mnt`,
    output: /^scratch\s+tmpfs\s+rw,relatime,size=1024k\n$/,
  },
  {
    page: 'mount(8)',
    command: `mkdir -p /tmp/src /tmp/dst && mount --bind /tmp/src /tmp/dst && mountpoint /tmp/dst; umount /tmp/dst`,
    output: /^\/tmp\/dst is a mountpoint\n$/,
  },
  {
    page: 'setpriv(1)',
    command: `setpriv --dump`,
    output: /^uid: 0\neuid: 0\n[\s\S]*Capability bounding set: chown,/,
  },
  {
    page: 'setpriv(1)',
    command: `setpriv --reuid=1000 --regid=1000 --clear-groups id`,
    output: /^uid=1000\(learner\) gid=1000\(learner\)/,
  },
  {
    page: 'setpriv(1)',
    command: `setpriv --no-new-privs grep NoNewPrivs /proc/self/status`,
    output: /^NoNewPrivs:\s+1\n$/,
  },
  {
    page: 'setpriv(1)',
    command: `setpriv --bounding-set -net_raw grep CapBnd /proc/self/status`,
    output: /^CapBnd:\s+000001ffffffdfff\n$/,
  },
  {
    page: 'pivot_root(8)',
    command: `pivot_root --version`,
    output: /^pivot_root from util-linux 2\.38\.1\n$/,
  },
  {
    page: 'ipcmk(1)',
    command: `id=$(ipcmk --queue | awk '{ print $NF }') && ipcs -q | grep -c " $id " && ipcrm -q "$id"`,
    output: /^Message queue id: \d+\n|^1\n$/,
  },
  { page: 'taskset(1)', command: `taskset -p 1`, output: /^pid 1's current affinity mask: [13]\n$/ },
  {
    page: 'chrt(1)',
    command: `chrt -p 1`,
    output: /^pid 1's current scheduling policy: SCHED_OTHER\npid 1's current scheduling priority: 0\n$/,
  },
  {
    page: 'prlimit(1)',
    command: `prlimit --pid 1 --nofile --noheadings`,
    output: /^NOFILE\s+max number of open files\s+\d+\s+\d+\s+files\n$/,
  },
  {
    page: 'dmesg(1)',
    command: `dmesg --level=notice | grep -m1 'Linux version'`,
    output: /Linux version 6\.1\.\d+/,
  },
  // iproute2
  { page: 'ip-address(8)', command: `ip -br addr`, output: /^lo\s+UNKNOWN\s+127\.0\.0\.1\/8 \n$/ },
  { page: 'ip-address(8)', command: `ip -j addr show lo`, output: /"ifname":"lo"/ },
  {
    page: 'ip-link(8)',
    command: `ip link add veth-a type veth peer name veth-b && ip -br link show type veth; ip link del veth-a`,
    output: /^veth-b@veth-a\s+DOWN\s[\s\S]*\nveth-a@veth-b\s+DOWN\s/,
  },
  {
    page: 'ip-netns(8)',
    command: `ip netns add blue && ip netns list && ip netns exec blue ip -br link; ip netns del blue`,
    output: /^blue\nlo\s+DOWN\s/,
  },
  {
    page: 'bridge(8)',
    command: `ip link add br0 type bridge && ip link add veth-c type veth peer name veth-d && ip link set veth-c master br0 && bridge link; ip link del veth-c; ip link del br0`,
    output: /^\d+: veth-c@veth-d: <[^>]*> mtu 1500 master br0 state disabled/,
  },
  {
    page: 'ip-route(8)',
    command: `ip route show table local`,
    output:
      /^local 127\.0\.0\.0\/8 dev lo proto kernel scope host src 127\.0\.0\.1 \nlocal 127\.0\.0\.1 dev lo /m,
  },
  {
    page: 'ss(8)',
    command: `nc -l -p 8080 & sleep 0.5; ss -ltn; kill $!`,
    output:
      /^State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:PortProcess\s*\nLISTEN\s+0\s+\d+\s+0\.0\.0\.0:8080\s+0\.0\.0\.0:\*/,
  },
  // procps
  {
    page: 'ps(1)',
    command: `ps -o pid,pidns,comm -p 1`,
    output: /^\s*PID\s+PIDNS COMMAND\n\s*1 4026\d+ init\n$/,
  },
  {
    page: 'ps(1)',
    command: `ps -eo pid,user,comm --sort pid | head -2`,
    output: /^\s*PID USER\s+COMMAND\n\s*1 root\s+init\n$/,
  },
  { page: 'pgrep(1)', command: `pgrep -x init`, output: /^1\n$/ },
  { page: 'pkill(1)', command: `sleep 60 & pkill -x sleep && wait $! ; echo $?`, output: /^143\n$/ },
  {
    page: 'free(1)',
    command: `free -m`,
    output: /^\s+total\s+used\s+free\s+shared\s+buff\/cache\s+available\nMem:\s+\d+/,
  },
  { page: 'uptime(1)', command: `uptime`, output: /^ \d\d:\d\d:\d\d up .* load average: / },
  { page: 'top(1)', command: `top -b -n 1 | head -1`, output: /^top - \d\d:\d\d:\d\d up / },
  { page: 'sysctl(8)', command: `sysctl kernel.hostname`, output: /^kernel\.hostname = vlab\n$/ },
  // psmisc
  { page: 'pstree(1)', command: `pstree -p 1 | head -1`, output: /^init\(1\)/ },
  { page: 'killall(1)', command: `sleep 60 & killall sleep && wait $!; echo $?`, output: /^143\n$/ },
  { page: 'fuser(1)', command: `fuser /dev/ttyS1 2>&1`, output: /^\/dev\/ttyS1:\s+\d+/ },
  // libcap2-bin
  { page: 'capsh(1)', command: `capsh --print | head -1`, output: /^Current: =ep\n$/ },
  {
    page: 'capsh(1)',
    command: `capsh --decode=0x0000000000200001`,
    output: /^0x0000000000200001=cap_chown,cap_sys_admin\n$/,
  },
  {
    page: 'capsh(1)',
    command: `capsh --drop=cap_chown -- -c 'grep CapBnd /proc/self/status'`,
    output: /^CapBnd:\s+000001fffffffffe\n$/,
  },
  { page: 'getpcaps(8)', command: `getpcaps 1`, output: /^1: =ep\n$/ },
  {
    page: 'setcap(8)',
    command: `cp /bin/busybox /tmp/pinger && setcap cap_net_raw+ep /tmp/pinger && getcap /tmp/pinger`,
    output: /^\/tmp\/pinger cap_net_raw=ep\n$/,
  },
  // strace, bash
  {
    page: 'strace(1)',
    command: `strace -e trace=execve true 2>&1`,
    output: /^execve\("\/[a-z/]*true", \["true"\], .*\) = 0\n\+\+\+ exited with 0 \+\+\+\n$/,
  },
  {
    page: 'strace(1)',
    command: `strace -f -e trace=chdir sh -c 'cd /tmp' 2>&1`,
    output: /chdir\("\/tmp"\) += 0/,
  },
  {
    page: 'bash(1)',
    command: `bash -c 'declare -A m=([k]=v); echo "\${BASH_VERSINFO[0]} \${m[k]}"'`,
    output: /^5 v\n$/,
  },
];

describe('Debian tools on PATH', () => {
  it('every name resolves to Debian’s file, not to a busybox applet', async () => {
    const names =
      'unshare nsenter lsns findmnt mount umount pivot_root switch_root setpriv ip bridge ss ps top free pgrep pkill pstree killall fuser capsh getpcaps setcap getcap strace bash ipcmk';
    const out = await sh(`for c in ${names}; do echo "$c $(readlink -f "$(command -v "$c")")"; done`);
    for (const line of out.trim().split('\n')) expect(line).toMatch(/^\S+ \/opt\/vlab\/\S+$/);
    // What busybox keeps: the shell itself and, for PAM's sake, su (still applets: `command -v` names them bare).
    expect(await sh('command -v sh; command -v su; readlink /bin/sh; readlink /bin/su')).toBe(
      'sh\nsu\n/bin/busybox\n/bin/busybox\n',
    );
  });

  it.each(cases)('$page: $command', async ({ command, output }) => {
    const result = await run(command, 30_000);
    expect(result.output).toMatch(output);
  });

  it(`covers at least 30 commands from the man pages`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('fetches a file once per machine, however often it is opened', async () => {
    await sh('crun --version');
    const before = guest().lazyFileStats;
    await sh('crun --version; crun --version');
    expect(guest().lazyFileStats).toEqual(before);
  });
});
