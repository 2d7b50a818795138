// Every command of the chapter "containers", run on the real guest as the page shows it, with the output the page
// describes. The blocks live in ./containers-commands.ts (tests/content/containers.test.ts checks that the pages
// show exactly those). Host PIDs and namespace inode numbers vary from run to run (the page says so): they are
// compared with each other, not with fixed values.
// pid_namespaces(7): https://man7.org/linux/man-pages/man7/pid_namespaces.7.html ; pivot_root(2);
// busybox init reads /etc/inittab (::sysinit: runs first, ::respawn: restarts): busybox examples/inittab.
import { describe, expect, it } from 'vitest';
import { blocks, pidVariables } from './containers-commands.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();
/** A block that uses W and D, as the learner's shell runs it after the `pids` block. */
const withPids = (block: string, timeoutMs?: number) => sh(`${pidVariables}\n${block}`, timeoutMs);

const NSMAP_HEADER =
  '#nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm';

describe('two environments on one kernel', () => {
  it('the image has two layers; base says who it is in os-release', async () => {
    expect(await sh(blocks.layers)).toBe(
      '/var/lib/images/app:\napp\netc\n\n/var/lib/images/base:\nbin\ndev\netc\nproc\nsys\ntmp\nNAME="vlab base image"\nID=vlab-base\n',
    );
  });

  it('each environment gets an overlay root with its own inittab and start-up script', async () => {
    expect(await sh(blocks.roots)).toBe(
      [
        'app',
        'bin',
        'dev',
        'etc',
        'proc',
        'sys',
        'tmp',
        '::sysinit:/etc/init.d/rcS',
        '::respawn:/bin/sleep 3600',
        '#!/bin/sh',
        'mount -t proc proc /proc',
        'hostname web',
        '/app/run.sh > /tmp/app.log',
        '',
      ].join('\n'),
    );
  });

  it('both start: each init has run its start-up script and respawned its sleep', async () => {
    expect(await sh(blocks.start, 90_000)).toBe('');
    expect(await sh(`nsmap | awk '$17 == "sleep" && $16 ~ /^(web|db)$/ { print $16 }' | sort`)).toBe(
      'db\nweb\n',
    );
  });

  it('from the host, each init is PID 1 of its own PID namespace (NSpid ends in 1), with its own mnt and uts', async () => {
    const [header, ...rows] = (await sh(blocks.hostView)).trimEnd().split('\n');
    expect(header).toBe(NSMAP_HEADER);
    const host = (await sh('nsmap 1')).trimEnd().split('\n')[1]?.split(' ') ?? [];
    const envs = rows.map((row) => row.split(' '));
    // Sorted by PID: which of the two background unshares forks first varies (the page says the numbers vary).
    expect(envs.map((f) => `${f[15]} ${f[16]}`).sort()).toEqual(['db init', 'web init']);
    for (const f of envs) {
      expect(f[3]).toBe(`${f[0]},1`);
      // mnt, uts and pid differ from the host's; ipc, net, user, cgroup and time are the host's.
      for (const i of [7, 8, 10]) expect(f[i]).not.toBe(host[i]);
      for (const i of [9, 11, 12, 13, 14]) expect(f[i]).toBe(host[i]);
    }
    expect(envs[0]?.[10]).not.toBe(envs[1]?.[10]);
  });

  it("procps' ps on the host lists the host's init and both environments' inits and sleeps, with their namespaces", async () => {
    const rows = (await sh(blocks.hostPs, 60_000)).trimEnd().split('\n');
    expect(rows[0]?.trim().split(/\s+/)).toEqual(['PID', 'PPID', 'PIDNS', 'UTSNS', 'COMMAND']);
    const procs = rows.slice(1).map((row) => row.trim().split(/\s+/));
    expect(procs.map((p) => p[4])).toEqual(['init', 'init', 'init', 'sleep', 'sleep']);
    expect(procs[0]?.slice(0, 2)).toEqual(['1', '0']);
    const pidns = new Set(procs.map((p) => p[2]));
    expect(pidns.size).toBe(3); // the host's and one per environment
    // Each sleep is the child of an environment's init, in that init's namespaces.
    for (const sleep of procs.slice(3)) {
      const parent = procs.find((p) => p[0] === sleep[1]);
      expect(parent?.[4]).toBe('init');
      expect(parent?.slice(2, 4)).toEqual(sleep.slice(2, 4));
    }
  });

  it('NSpid of each init: its host PID, then 1', async () => {
    const out = await sh(blocks.pids);
    expect(out).toMatch(/^\/proc\/(\d+)\/status:NSpid:\t\1\t1\n\/proc\/(\d+)\/status:NSpid:\t\2\t1\n$/);
  });

  it('inside, each sees only its own processes: init as PID 1 and the same PIDs in both', async () => {
    const out = await withPids(blocks.insidePs);
    const lists = out.split(/^(?=PID\s+USER\s+COMMAND$)/m).map((list) => list.trimEnd().split('\n'));
    expect(lists).toHaveLength(2);
    const [web = [], db = []] = lists;
    expect(web[1]).toMatch(/^\s+1 0\s+init$/);
    expect(web.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
      db.map((l) => l.replace(/\s+/g, ' ').trim()),
    );
    expect(web.slice(2).map((l) => l.trim().split(/\s+/).slice(2).join(' '))).toEqual([
      '/bin/sleep 3600',
      'ps',
    ]);
  });

  it("inside: web's hostname, the application's output in each (the same PID), and the image's root", async () => {
    const lines = (await withPids(blocks.insideView)).trimEnd().split('\n');
    expect(lines[0]).toBe('web');
    expect(lines[1]).toBe('hello from the app layer');
    const web = /^running as pid (\d+) on web$/.exec(lines[2] ?? '');
    expect(web).not.toBeNull();
    expect(lines[3]).toBe('hello from the app layer');
    expect(lines[4]).toBe(`running as pid ${web?.[1]} on db`);
    expect(lines.slice(5)).toEqual(['app', 'bin', 'dev', 'etc', 'proc', 'sys', 'tmp']);
  });

  it('namespace by namespace: mnt, uts and pid are three different ones; the other five are shared', async () => {
    const rows = (await withPids(blocks.namespaces)).trimEnd().split('\n');
    expect(rows.map((r) => r.split(' ')[0])).toEqual([
      'mnt',
      'uts',
      'ipc',
      'pid',
      'net',
      'user',
      'cgroup',
      'time',
    ]);
    for (const row of rows) {
      const [type, host, web, db] = row.split(' ');
      for (const link of [host, web, db]) expect(link).toMatch(new RegExp(`^${type}:\\[\\d+\\]$`));
      const distinct = new Set([host, web, db]).size;
      expect(distinct, row).toBe(['mnt', 'uts', 'pid'].includes(type ?? '') ? 3 : 1);
    }
  });

  it('one kernel: the same release and the same MemTotal inside as on the host', async () => {
    const [hostRelease, webRelease, hostMem, webMem] = (await withPids(blocks.kernel)).trimEnd().split('\n');
    expect(hostRelease).toMatch(/^6\.1\.\d+$/);
    expect(webRelease).toBe(hostRelease);
    expect(hostMem).toMatch(/^MemTotal:\s+\d+ kB$/);
    expect(webMem).toBe(hostMem);
  });

  it("strace on the host sees web's uname(2) go to the kernel, answered with web's hostname", async () => {
    const lines = (await withPids(blocks.syscall, 60_000)).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[pid\s+\d+\] uname\(\{sysname="Linux", nodename="web", \.\.\.\}\) = 0$/);
    expect(lines[1]).toBe('web');
  });

  it('SIGKILL to each init ends its PID namespace; the overlays are unmounted and removed', async () => {
    expect(await withPids(blocks.stop)).toBe('0\n');
    expect(await sh("grep -c ' overlay ' /proc/mounts || true")).toBe('0\n');
    expect(await sh('ls /run')).not.toMatch(/\b(web|db|start-env)\b/);
    expect(await sh('hostname')).toBe('vlab\n');
  });
});
