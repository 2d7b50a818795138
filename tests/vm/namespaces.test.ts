// Each namespace type, shown the way the chapters show it: the same question asked inside a new
// namespace and outside it gets different answers. namespaces(7), unshare(1).
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();

describe('namespaces', () => {
  it('pid: the first process is PID 1 and the host processes are invisible', async () => {
    const out = await sh(`unshare -p -f --mount-proc sh -c 'echo "pid=$$"; ls /proc | grep -c "^[0-9]"; ps'`);
    const [pidLine, count] = out.split('\n');
    expect(pidLine).toBe('pid=1');
    // Only sh itself and the ls/grep pipeline are there; the host has init, the agent, shells...
    expect(Number(count)).toBeLessThanOrEqual(3);
    expect(out).not.toContain('vlab-agent');
    expect(out).not.toMatch(/\binit\b/);
    const host = await sh('ps');
    expect(host).toContain('vlab-agent');
  });

  it('uts: a hostname set inside does not change the host', async () => {
    const out = await sh(`unshare -u sh -c 'hostname container; hostname'; hostname`);
    expect(out).toBe('container\nvlab\n');
  });

  it('mount: a mount made inside is not visible outside', async () => {
    const out = await sh(
      `mkdir -p /mnt/ns-demo
       unshare -m sh -c 'mount -t tmpfs demo /mnt/ns-demo && touch /mnt/ns-demo/inside && ls /mnt/ns-demo && grep -c " /mnt/ns-demo " /proc/self/mountinfo'
       echo "outside: $(ls /mnt/ns-demo | wc -l) files, $(grep -c " /mnt/ns-demo " /proc/self/mountinfo) mounts"`,
    );
    expect(out).toBe('inside\n1\noutside: 0 files, 0 mounts\n');
  });

  it('ipc: a message queue made outside is not visible inside', async () => {
    const out = await sh(
      `ipcmk -Q >/dev/null; echo "outside=$(tail -n +2 /proc/sysvipc/msg | wc -l)"; unshare -i sh -c 'echo "inside=$(tail -n +2 /proc/sysvipc/msg | wc -l)"'`,
    );
    expect(out).toMatch(/^outside=[1-9]\d*\ninside=0\n$/);
  });

  it('net: a new network namespace has only lo', async () => {
    const out = await sh(`unshare -n ip -o link show`);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^1: lo: /);
  });

  it('net: a veth pair between two namespaces carries a ping', async () => {
    // No "peer name": the kernel names the peer veth0 (the first unnamed one).
    const out = await sh(
      `unshare -n sleep 60 & A=$!
       unshare -n sleep 60 & B=$!
       # Wait until both have entered their namespaces (a real signal, not a sleep).
       for p in $A $B; do while [ "$(readlink /proc/$p/ns/net)" = "$(readlink /proc/self/ns/net)" ]; do :; done; done
       ip link add va type veth
       ip link set va netns $A
       ip link set veth0 netns $B
       nsenter -t $A -n sh -c 'ip addr add 10.9.0.1/24 dev va && ip link set va up'
       nsenter -t $B -n sh -c 'ip addr add 10.9.0.2/24 dev veth0 && ip link set veth0 up'
       nsenter -t $A -n ping -c 1 -W 5 10.9.0.2; status=$?
       kill $A $B
       exit $status`,
    );
    expect(out).toContain('1 packets transmitted, 1 packets received');
  });

  it('user: the unprivileged learner becomes root inside, mapped to uid 1000 outside', async () => {
    const out = await sh(
      `setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sh -c 'id -u; cat /proc/self/uid_map'`,
    );
    expect(out.split('\n')[0]).toBe('0');
    expect(out.split('\n')[1]?.trim().split(/\s+/)).toEqual(['0', '1000', '1']);
    // Without a user namespace the learner may not create other namespaces.
    const denied = await sh(`setpriv --reuid=1000 --regid=1000 --clear-groups unshare -u true 2>&1 || true`);
    expect(denied).toContain('Operation not permitted');
  });

  it('cgroup: inside a cgroup namespace the own cgroup looks like the root', async () => {
    const out = await sh(
      `mkdir -p /sys/fs/cgroup/ns-demo
       sh -c 'echo $$ > /sys/fs/cgroup/ns-demo/cgroup.procs; cat /proc/self/cgroup; unshare -C cat /proc/self/cgroup'`,
    );
    expect(out).toBe('0::/ns-demo\n0::/\n');
  });

  it('time: boottime and monotonic clocks can be offset inside', async () => {
    const out = await sh(
      `unshare -T --boottime 86400 --monotonic 86400 -f cut -d. -f1 /proc/uptime; cut -d. -f1 /proc/uptime`,
    );
    const [inside, outside] = out.trim().split('\n').map(Number);
    expect(inside).toBeGreaterThanOrEqual(86400);
    expect(outside).toBeLessThan(3600);
  });
});
