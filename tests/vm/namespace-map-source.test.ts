// The namespace map reads the guest with activeSource (src/sim/namespace-sources.ts): its command must run on the
// real guest and its parser must read what comes back, so a guest change that breaks the format fails here.
// The procfs source is checked the same way, against the same processes.
import { describe, expect, it } from 'vitest';
import { groupsOf } from '../../src/sim/namespace-map.ts';
import { activeSource, procfsSource } from '../../src/sim/namespace-sources.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh, run } = useRestoredGuest();

describe.each([activeSource, procfsSource])('the $name source on the real guest', (source) => {
  it('parses the idle guest: init and the agent, all in the host namespaces', async () => {
    const result = await run(source.command);
    expect(result.exitCode).toBe(0);
    const snapshot = source.parse(result.output);
    // The console's shell, and nothing of the command that read the guest.
    expect(snapshot.processes.map((p) => p.comm)).toEqual(['init', 'sh', 'vlab-agent']);
    expect(snapshot.processes.every((p) => p.pid !== 2)).toBe(true); // no kernel threads
    for (const type of ['pid', 'mnt', 'uts', 'net'] as const) {
      // The command's own processes may come and go, but nothing here is outside the host's namespaces.
      expect(groupsOf(snapshot, type).filter((g) => !g.host)).toEqual([]);
    }
  });

  it('sees a new PID namespace and a new UTS namespace, with the inodes /proc shows', async () => {
    // Both sleeps must be running before the map is read: wait for them (a fixed second was too short on a loaded
    // machine, where unshare's first start fetches it over 9p). Counted with builtins between two short sleeps.
    await sh(
      `unshare -p -f sleep 300 >/dev/null 2>&1 & unshare -u sh -c 'hostname mapped; exec sleep 301' >/dev/null 2>&1 &
      for i in $(seq 100); do
        n=0; for p in /proc/[0-9]*; do read -r c < $p/comm 2>/dev/null && [ "$c" = sleep ] && n=$((n + 1)); done
        [ $n -ge 2 ] && break; sleep 0.2
      done`,
      30_000,
    );
    try {
      const snapshot = source.parse((await run(source.command)).output);
      const inner = snapshot.processes.find((p) => p.comm === 'sleep' && p.ppid !== 1);
      const renamed = snapshot.processes.find((p) => p.comm === 'sleep' && p.ppid === 1);
      expect(inner).toBeDefined();
      expect(renamed).toBeDefined();
      const link = async (pid: number, type: string) =>
        Number(/\[(\d+)\]/.exec(await sh(`readlink /proc/${pid}/ns/${type}`))?.[1]);
      expect(inner?.ns.pid).toBe(await link(inner?.pid ?? 0, 'pid'));
      expect(renamed?.ns.uts).toBe(await link(renamed?.pid ?? 0, 'uts'));
      const pidGroups = groupsOf(snapshot, 'pid');
      expect(pidGroups.find((g) => !g.host)?.pids).toEqual([inner?.pid]);
      expect(groupsOf(snapshot, 'uts').find((g) => !g.host)?.pids).toEqual([renamed?.pid]);
    } finally {
      // SIGKILL: PID 1 of a PID namespace ignores signals it has no handler for, SIGTERM included.
      // (pkill -f would also match the shell running it.) This guest runs no other sleep.
      await sh('kill -9 $(pidof sleep); sleep 0.2; true');
    }
  });
});
