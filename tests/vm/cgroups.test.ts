// cgroup v2 limits doing what the chapters say, each counted in the cgroup's own files.
// https://www.kernel.org/doc/html/v6.1/admin-guide/cgroup-v2.html
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();

/** Reads one "key value" line from a flat-keyed cgroup file such as memory.events. */
function field(text: string, key: string): number {
  const match = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`no "${key}" in:\n${text}`);
  return Number(match[1]);
}

describe('cgroup v2', () => {
  it('has cgroup2 at /sys/fs/cgroup with the controllers the chapters use handed down', async () => {
    expect(await sh(`awk '$2 == "/sys/fs/cgroup" { print $3 }' /proc/mounts`)).toBe('cgroup2\n');
    expect((await sh('cat /sys/fs/cgroup/cgroup.subtree_control')).trim().split(' ').sort()).toEqual([
      'cpu',
      'cpuset',
      'io',
      'memory',
      'pids',
    ]);
  });

  it('memory.max: a process over the limit is OOM-killed and memory.events counts it', async () => {
    const out = await sh(
      `cg=/sys/fs/cgroup/mem-demo; mkdir -p $cg; echo 8M > $cg/memory.max
       # dd allocates its 32 MiB block and fills it from /dev/zero: far over 8 MiB.
       sh -c "echo \\$\\$ > $cg/cgroup.procs; exec dd if=/dev/zero of=/dev/null bs=32M count=1" 2>/dev/null
       echo "status=$?"; cat $cg/memory.events`,
    );
    expect(out).toMatch(/^status=137\n/); // 128 + SIGKILL
    expect(field(out, 'oom_kill')).toBeGreaterThanOrEqual(1);
  });

  it('pids.max: forks beyond the limit fail and pids.events counts them', async () => {
    const out = await sh(
      `cg=/sys/fs/cgroup/pids-demo; mkdir -p $cg; echo 3 > $cg/pids.max
       sh -c "echo \\$\\$ > $cg/cgroup.procs
              pids=; for i in 1 2 3 4 5; do sleep 30 & pids=\\"\\$pids \\$!\\"; done; kill \\$pids" 2>&1
       cat $cg/pids.events`,
    );
    expect(out).toMatch(/can't fork|Resource temporarily unavailable/);
    expect(field(out, 'max')).toBeGreaterThanOrEqual(1);
  });

  it('cpu.max: a busy loop limited to 10% is throttled, and nr_throttled grows', async () => {
    const out = await sh(
      `cg=/sys/fs/cgroup/cpu-demo; mkdir -p $cg; echo "10000 100000" > $cg/cpu.max
       echo "before $(grep nr_throttled $cg/cpu.stat)"
       sh -c "echo \\$\\$ > $cg/cgroup.procs; exec timeout 1 sh -c 'while :; do :; done'"
       echo "after $(grep nr_throttled $cg/cpu.stat)"`,
    );
    const before = Number(/^before nr_throttled (\d+)$/m.exec(out)?.[1]);
    const after = Number(/^after nr_throttled (\d+)$/m.exec(out)?.[1]);
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(before);
  });
});
