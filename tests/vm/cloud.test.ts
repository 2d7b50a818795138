// Every command of the chapter "cloud", run on the real guest in page order, with the effect the page claims:
// no vmx/svm and no /dev/kvm in the emulator; the supervisor of <ContainerScript id="supervisor"> starts 3 pods,
// each PID 1 of its own PID namespace, with its own hostname and its own cgroup with limits; a pod killed with
// SIGKILL is replaced within a few seconds; a new replica count is reconciled up and down; once the supervisor is
// stopped the pods keep running but a killed one stays dead, and the script run again tops them up to 3. The
// blocks live in ./cloud-commands.ts (tests/content/cloud.test.ts checks the pages show exactly those). The
// emulator is slow on a loaded machine, so the test polls for each effect (bounded) instead of sleeping a fixed
// time, and prints how long healing took.
import { describe, expect, it } from 'vitest';
import { blocks, supervisorScript } from './cloud-commands.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { run, sh } = useRestoredGuest();

interface Pod {
  cgroup: string;
  pid: number;
  nspid: string;
  hostname: string;
}

async function pods(): Promise<Pod[]> {
  const out = await sh(blocks.listPods);
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [cgroup = '', pid = '', nspid = '', hostname = ''] = line.split(' ');
      return { cgroup, pid: Number(pid), nspid, hostname };
    })
    .sort((a, b) => a.cgroup.localeCompare(b.cgroup));
}

/** Seconds since midnight of an "HH:MM:SS" at the start of a line. */
const seconds = (line: string) => {
  const [h = 0, m = 0, s = 0] = line.slice(0, 8).split(':').map(Number);
  return h * 3600 + m * 60 + s;
};

const names = (list: Pod[]) => list.map((p) => p.cgroup.replace('/pods/', ''));

/** Polls the pods until `done` holds (each poll costs the guest ~1 s), within `ms` of wall time. */
async function podsUntil(done: (list: Pod[]) => boolean, ms = 90_000): Promise<{ list: Pod[]; ms: number }> {
  const start = Date.now();
  let list = await pods();
  while (!done(list) && Date.now() - start < ms) list = await pods();
  return { list, ms: Date.now() - start };
}

/** The pods have settled: every hostname has been set (a pod caught mid-start still shows "vlab"). */
const settled = (want: string[]) => (list: Pod[]) =>
  names(list).join() === want.join() && list.every((p) => p.hostname === p.cgroup.replace('/pods/', ''));

describe('no KVM in here', () => {
  it('the CPU shows neither vmx nor svm, and there is no /dev/kvm', async () => {
    const result = await run(blocks.noKvm);
    expect(result.output).toBe('0\nls: /dev/kvm: No such file or directory\n');
    expect(result.exitCode).not.toBe(0);
  });
});

describe('a control loop keeps the desired number of pods running', () => {
  it('the supervisor script writes the loop, sets 3 replicas and starts it', async () => {
    const out = await sh(supervisorScript, 60_000);
    expect(out).toMatch(/^supervisor: PID \d+, desired replicas: 3\n$/);
    expect(await sh('cat /etc/replicas')).toBe('3\n');
    expect((await run('kill -0 $(cat /run/supervisor.pid)')).exitCode).toBe(0);
  });

  it('three pods come up, each PID 1 of its own PID namespace, with its own hostname', async () => {
    const { list } = await podsUntil(settled(['web-1', 'web-2', 'web-3']));
    expect(names(list)).toEqual(['web-1', 'web-2', 'web-3']);
    for (const pod of list) {
      expect(pod.nspid).toBe(`${pod.pid},1`);
      expect(pod.hostname).toBe(pod.cgroup.replace('/pods/', ''));
    }
    const pidNs = await sh(
      `for p in 1 ${list.map((p) => p.pid).join(' ')}; do readlink /proc/$p/ns/pid; done`,
    );
    expect(new Set(pidNs.trim().split('\n')).size).toBe(4);
    const log = await sh(blocks.log);
    expect(log).toMatch(
      /^\d\d:\d\d:\d\d started web-1\n\d\d:\d\d:\d\d started web-2\n\d\d:\d\d:\d\d started web-3\n$/,
    );
  }, 180_000);

  it("each pod's cgroup has its own limits: 16 MiB of memory, 16 processes", async () => {
    expect(await sh(blocks.limits)).toBe('16777216\n16\n');
    expect(await sh('cat /sys/fs/cgroup/pods/web-2/memory.max /sys/fs/cgroup/pods/web-3/pids.max')).toBe(
      '16777216\n16\n',
    );
  });

  it('SIGTERM does not stop a pod; one killed with SIGKILL is replaced by a new one within a few seconds', async () => {
    const before = await pods();
    const killed = before.find((p) => p.cgroup === '/pods/web-2');
    expect(killed).toBeDefined();
    // The page says a plain kill (SIGTERM) from the host does not stop a namespace's PID 1 without a handler
    // (pid_namespaces(7)); only SIGKILL does.
    await sh(`kill ${killed?.pid}; sleep 1`);
    expect((await run(`test -d /proc/${killed?.pid}`)).exitCode).toBe(0);
    // The kill block runs nsmap first (seconds on a loaded machine), so the clock is read right after it.
    await sh(blocks.killWeb2);
    const killedAt = seconds(await sh('date +%T'));
    const { list } = await podsUntil(settled(['web-1', 'web-3', 'web-4']));
    expect(names(list)).toEqual(['web-1', 'web-3', 'web-4']);
    expect(list.map((p) => p.pid)).not.toContain(killed?.pid);
    // The unshare parent goes too (the namespace's init died), so the cgroup empties and the loop removes it.
    expect((await run('test -d /sys/fs/cgroup/pods/web-2')).exitCode).not.toBe(0);
    const tail = await sh(blocks.tail2);
    expect(tail).toMatch(/^\d\d:\d\d:\d\d web-2 has stopped\n\d\d:\d\d:\d\d started web-4\n$/);
    // The page says about 2 s on the guest's clock (the loop's 1 s period plus a pod's start); allow for load.
    const healed = seconds(tail.split('\n')[1] ?? '') - killedAt;
    console.log(`healing on the guest's clock: web-2 killed → web-4 started after ${healed} s`);
    expect(healed).toBeLessThanOrEqual(8);
  }, 180_000);

  it('a new desired count is reconciled: 5, then 2', async () => {
    await sh(blocks.scaleUp);
    const up = await podsUntil(settled(['web-1', 'web-3', 'web-4', 'web-5', 'web-6']));
    expect(names(up.list)).toEqual(['web-1', 'web-3', 'web-4', 'web-5', 'web-6']);
    await sh(blocks.scaleDown);
    const down = await podsUntil((list) => names(list).join() === 'web-5,web-6');
    expect(names(down.list)).toEqual(['web-5', 'web-6']);
    const log = await sh('cat /run/supervisor.log');
    for (const pod of ['web-1', 'web-3', 'web-4']) expect(log).toContain(` stopping ${pod}\n`);
  }, 240_000);

  it('with the supervisor stopped, the pods keep running, but a killed pod stays dead', async () => {
    const supervisor = (await sh('cat /run/supervisor.pid')).trim();
    await sh(blocks.stopSupervisor);
    // kill(1) returns once the signal is queued; the loop dies when the guest next schedules it (a moment, or
    // seconds on a loaded machine), so wait for it to go (bounded: a supervisor that survives SIGTERM fails here).
    const gone = await run(
      `n=0; while [ -d /proc/${supervisor} ] && [ $n -lt 40 ]; do sleep 0.5; n=$((n+1)); done; ! [ -d /proc/${supervisor} ]`,
    );
    expect(gone.exitCode).toBe(0);
    expect(names(await pods())).toEqual(['web-5', 'web-6']);
    await sh(blocks.killWeb5);
    // Longer than the loop's period (1 s) plus a pod's start: a running supervisor would have replaced it.
    await sh('sleep 4');
    expect(names(await pods())).toEqual(['web-6']);
  });

  it('the supervisor script run again counts the surviving web-6 and starts the two that are missing', async () => {
    await sh(supervisorScript, 60_000);
    // The new loop numbers from 1 again: web-1 and web-2 are free names, web-5's empty cgroup is removed.
    const { list } = await podsUntil(settled(['web-1', 'web-2', 'web-6']));
    expect(names(list)).toEqual(['web-1', 'web-2', 'web-6']);
    expect((await run('test -d /sys/fs/cgroup/pods/web-5')).exitCode).not.toBe(0);
  }, 180_000);
});
