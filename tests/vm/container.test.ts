// Pieces of a hand-made container the chapter relies on: pivot_root onto the image overlay (which
// needs vlab-init, tools/init.c), and a fork bomb held by pids.max that leaves the guest answering.
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { guest, sh } = useRestoredGuest();

/** Median of 5 `echo` round trips, paced like a checker (bench.ts does the same). */
async function medianEchoMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const { output } = await guest().run('echo alive');
    times.push(performance.now() - started);
    expect(output).toBe('alive\n');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return times.sort((a, b) => a - b)[2] ?? Number.POSITIVE_INFINITY;
}

describe('container pieces', () => {
  it('/ is a bind mount of rootfs (vlab-init), so pivot_root onto an overlay works', async () => {
    expect(await sh(`awk '$2 == "/" { print $1, $3 }' /proc/mounts`)).toBe('rootfs rootfs\n');
    const out = await sh(
      `mkdir -p /run/pr/upper /run/pr/work /run/pr/root
       unshare -m -p -f sh -c '
         mount -t overlay pr -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=/run/pr/upper,workdir=/run/pr/work /run/pr/root
         mkdir -p /run/pr/root/old && cd /run/pr/root && pivot_root . old && umount -l /old && mount -t proc proc /proc
         cat /etc/greeting; ls /; awk "{ print \\$5, \\$(NF - 2) }" /proc/self/mountinfo'`,
    );
    const [greeting, ...rest] = out.trim().split('\n');
    expect(greeting).toMatch(/\S/);
    expect(greeting).toBe((await sh('cat /var/lib/images/app/etc/greeting')).trim());
    expect(rest).toContain('old'); // the empty mount point left in the upper layer
    expect(rest).not.toContain('usr'); // the host's tree is gone
    expect(rest.slice(-2)).toEqual(['/ overlay', '/proc proc']);
  });

  it('a fork bomb in a cgroup with pids.max hits the limit and the guest keeps answering', async () => {
    const baseline = await medianEchoMs();
    await sh(
      `cg=/sys/fs/cgroup/bomb; mkdir -p $cg; echo 16 > $cg/pids.max
       sh -c "echo \\$\\$ > $cg/cgroup.procs; bomb() { bomb | bomb & }; bomb" >/dev/null 2>&1 &
       until awk '$1 == "max" && $2 >= 1 { hit = 1 } END { exit !hit }' $cg/pids.events; do :; done`,
    );
    // While it runs: the cgroup is full and commands still come back.
    const during = performance.now();
    expect(Number(await sh('cat /sys/fs/cgroup/bomb/pids.current'))).toBeLessThanOrEqual(16);
    const duringMs = performance.now() - during;
    await sh(
      'echo 1 > /sys/fs/cgroup/bomb/cgroup.kill; until [ "$(cat /sys/fs/cgroup/bomb/pids.current)" = 0 ]; do :; done',
    );
    // After it: the echo round trip is back near what it was before the bomb. Both medians move
    // with the host's load (seen: 39 ms before, 132 ms after on a loaded host), so the bound is
    // loose; the bench holds the budget.
    const after = await medianEchoMs();
    expect(after).toBeLessThan(Math.max(baseline * 3, baseline + 150));
    expect(duringMs).toBeLessThan(10_000);
  });
});
