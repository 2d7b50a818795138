// Every command of the chapter "kernel-features", run on the real guest as the page shows it, with the output
// the page describes. The blocks themselves live in ./kernel-features-commands.ts (tests/content/ checks that the
// pages show exactly those). man pages: namespaces(7), pid_namespaces(7), user_namespaces(7), mount_namespaces(7),
// cgroups(7), capabilities(7), landlock(7), chroot(2), pivot_root(2);
// cgroup v2: https://www.kernel.org/doc/html/v6.1/admin-guide/cgroup-v2.html
// overlayfs: https://www.kernel.org/doc/html/v6.1/filesystems/overlayfs.html
import { describe, expect, it } from 'vitest';
import { loadExercises } from '../../src/exercises/load.ts';
import { useRestoredGuest } from './guest-fixture.ts';
import {
  standaloneBlocks as block,
  capstoneBlocks as capstone,
  containerScript,
  underneathBlocks as underneath,
} from './kernel-features-commands.ts';

const { sh, run, guest } = useRestoredGuest();

/** A terminal control sequence (ESC [ … letter); built from a string because Biome rejects control characters in regex literals. */
const CONTROL_SEQUENCE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

/** The 17 fields of each process line of `nsmap` (format in src/guest/README.md), keyed by PID. */
function nsmapRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.trim().split('\n')) {
    if (line.startsWith('#nsmap ')) continue;
    const fields = line.split(' ');
    if (fields.length !== 17) throw new Error(`not an nsmap line: ${line}`);
    rows.set(fields[0] ?? '', fields);
  }
  return rows;
}
const NSMAP_HEADER =
  '#nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm';
/** nsmap's namespace columns, mnt to time (0-based field indexes 7 to 14). */
const NS_FIELDS = { mnt: 7, uts: 8, ipc: 9, pid: 10, net: 11, user: 12, cgroup: 13, time: 14 } as const;

/** The number after `key` on a "key value" line (cgroup flat-keyed files, /proc/<pid>/status). */
function field(text: string, key: string): number {
  const match = new RegExp(`^${key}\\s+(\\d+)$`, 'm').exec(text);
  if (!match?.[1]) throw new Error(`no "${key}" in:\n${text}`);
  return Number(match[1]);
}

describe('try it: chroot', () => {
  it('the jail holds busybox, a few links and a README', async () => {
    const out = await sh(block.jailList);
    expect(out).toContain('README');
    expect(out).toMatch(/^busybox$/m);
  });

  it('/etc/motd is out of sight inside the jail', async () => {
    const result = await run(block.jailMotd);
    expect(result.output).toBe("cat: can't open '/etc/motd': No such file or directory\n");
    expect(result.exitCode).toBe(1);
  });

  it("the host's processes are visible from the jail: init is PID 1", async () => {
    const out = await sh(block.jailPs);
    expect(out.split('\n')[0]).toMatch(/^PID\s+USER\s+COMMAND$/);
    expect(out).toMatch(/^\s*1\s+0\s+init$/m);
  });

  it("root leaves the jail through /proc/1/root and reads the host's /etc/motd", async () => {
    const out = await sh(block.jailEscape);
    expect(out).toContain('Virtualization Lab / 仮想化ラボ');
    // The escape cleans up after itself, so the block can be run again.
    expect(await sh(`grep -c ' /srv/jail/proc ' /proc/mounts || true`)).toBe('0\n');
  });
});

describe('try it: namespaces', () => {
  it('/proc/$$/ns has one link per namespace type, named type:[inode]', async () => {
    const out = await sh(block.nsList);
    for (const type of ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']) {
      expect(out).toMatch(new RegExp(` ${type} -> ${type}:\\[\\d+\\]$`, 'm'));
    }
  });

  it('nsmap: init and this shell share all eight namespaces', async () => {
    const out = await sh(block.nsmap);
    expect(out.split('\n')[0]).toBe(NSMAP_HEADER);
    const rows = nsmapRows(out);
    expect(rows.size).toBe(2);
    const init = rows.get('1');
    const shell = [...rows.values()].find((row) => row[0] !== '1');
    expect(init?.[16]).toBe('init');
    expect(shell?.[16]).toBe('sh');
    for (const index of Object.values(NS_FIELDS)) expect(shell?.[index]).toBe(init?.[index]);
  });

  it('uts: container inside, vlab outside', async () => {
    expect(await sh(block.uts)).toBe('container\nvlab\n');
  });

  it('pid: PID 1 inside, and NSpid lists the outer PID and 1 (the output the page shows)', async () => {
    const out = await sh(block.pidNspid);
    expect(out).toMatch(/^PID inside: 1\nNSpid:\t\d+\t1\n$/);
  });

  it('pid: without -f, sh stays outside, its first child is PID 1, and after it exits no fork works', async () => {
    const result = await run(block.pidNoFork);
    const match = /^sh: (\d+)\nchild: 1\nsh: can't fork: Cannot allocate memory\n$/.exec(result.output);
    expect(match, result.output).not.toBeNull();
    expect(match?.[1]).not.toBe('1');
    expect(result.exitCode).not.toBe(0); // sh gave up before `echo end`
  });

  it('pid: after unshare -p, pid stays the host namespace and only pid_for_children points to the new one', async () => {
    const out = await sh(block.pidForChildren);
    const links = [...out.matchAll(/\/ns\/(pid|pid_for_children) -> pid:\[(\d+)\]$/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(links.map(([name]) => name)).toEqual(['pid', 'pid_for_children']);
    const host = /pid:\[(\d+)\]/.exec(await sh('readlink /proc/1/ns/pid'))?.[1];
    expect(links[0]?.[1]).toBe(host);
    expect(links[1]?.[1]).not.toBe(host);
  });

  it('pid: with --mount-proc, ps lists only itself as PID 1', async () => {
    const rows = (await sh(block.pidPs)).trim().split('\n');
    // procps ps: PID TTY TIME CMD.
    expect(rows[0]).toMatch(/^\s*PID\s+TTY\s+TIME\s+CMD$/);
    expect(rows.slice(1).map((row) => row.trim().split(/\s+/))).toEqual([
      ['1', '?', expect.stringMatching(/^\d\d:\d\d:\d\d$/), 'ps'],
    ]);
  });

  it('mount: only the inner ls sees the file', async () => {
    expect(await sh(block.mount)).toBe('inside\n');
  });

  it('ipc: the queue made outside is listed outside, and inside only the header remains', async () => {
    const lines = (await sh(block.ipc)).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Message queue id: \d+$/);
    const headers = lines.flatMap((line, i) => (/^\s+key\s+msqid/.test(line) ? [i] : []));
    expect(headers).toHaveLength(2);
    const [outside = 0, inside = 0] = headers;
    expect(inside - outside - 1).toBeGreaterThanOrEqual(1); // at least one queue outside
    expect(inside).toBe(lines.length - 1); // nothing after the inner header
  });

  it('net: ping to 127.0.0.1 works outside, is unreachable inside, and works once lo is up', async () => {
    const lines = (await sh(block.net)).trimEnd().split('\n');
    const ok = '1 packets transmitted, 1 packets received, 0% packet loss';
    expect(lines[0]).toBe(ok);
    expect(lines).toContain('ping: sendto: Network is unreachable');
    expect(lines.at(-1)).toBe(ok);
  });

  it('veth: a pair between the host and a network namespace carries a ping, and is gone afterwards', async () => {
    const lines = (await sh(block.veth)).trim().split('\n');
    expect(lines[0]).toMatch(/^\d+: vk-in\s+inet 10\.9\.9\.2\/24 /);
    expect(lines.at(-1)).toBe('1 packets transmitted, 1 packets received, 0% packet loss');
    expect((await run('ip link show vk')).exitCode).not.toBe(0);
    // Safe to run again: the names are free once more.
    expect((await sh(block.veth)).trim().split('\n').at(-1)).toContain('1 packets received');
  });

  it('user: the learner may not create a UTS namespace', async () => {
    const result = await run(block.userDenied);
    expect(result.output).toContain('Operation not permitted');
    expect(result.exitCode).not.toBe(0);
  });

  it('user: root with all capabilities inside, uid 1000 outside, and still no way to rename the host', async () => {
    const result = await run(block.userNs);
    expect(result.output).toContain('uid=0(root) gid=0(root)');
    expect(result.output).toMatch(/^\s*0\s+1000\s+1$/m);
    expect(result.output).toContain('CapEff:\t000001ffffffffff');
    expect(result.output).toContain('hostname: sethostname: Operation not permitted');
    expect(await sh('hostname')).toBe('vlab\n');
  });

  it('user: the learner creates a UTS namespace inside its own user namespace and renames it', async () => {
    expect(await sh(block.userNsUts)).toBe('inner\nvlab\n');
  });

  it("user: root's unshare -U -r maps 0 to 0 and reads root's file; the learner's maps 0 to 1000 and may not", async () => {
    const result = await run(block.userNsRoot);
    const lines = result.output.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]?.trim().split(/\s+/)).toEqual(['0', '0', '1']);
    expect(lines[1]).toBe('root only');
    expect(lines[2]?.trim().split(/\s+/)).toEqual(['0', '1000', '1']);
    expect(lines[3]).toBe("cat: can't open '/tmp/rootonly': Permission denied");
    expect(result.exitCode).toBe(1);
  });

  it("user: root's own user namespace keeps uid 0 but cannot read another user's file, rename the host or mknod", async () => {
    const result = await run(block.userNsRootLimits);
    expect(result.output).toBe(
      [
        "cat: can't open '/tmp/learneronly': Permission denied",
        'hostname: sethostname: Operation not permitted',
        'mknod: /tmp/null: Operation not permitted',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).not.toBe(0);
    expect(await sh('hostname')).toBe('vlab\n');
    expect((await run('test -e /tmp/null')).exitCode).toBe(1);
    // The same root, outside the user namespace, reads the file (CAP_DAC_OVERRIDE); inside, root's own files.
    expect(await sh('cat /tmp/learneronly')).toBe('learner only\n');
    expect(await sh(`unshare -U -r head -c 5 /etc/shadow`)).toBe('root:');
  });

  it('cgroup: 0::/demo outside, 0::/ inside', async () => {
    expect(await sh(block.cgroupNs)).toBe('0::/demo\n0::/\n');
  });

  it('time: only the forked child (-f) sees a day more; without -f uptime reads the host clock', async () => {
    const lines = (await sh(block.timeNs)).trim().split('\n');
    expect(lines).toHaveLength(3);
    const [host, withoutFork, withFork] = lines;
    expect(host).not.toMatch(/day/);
    expect(withoutFork).not.toMatch(/day/);
    expect(withFork).toMatch(/ up 1 day, /);
  });

  it('nsenter: reads the host name of the parked namespace; nsmap shows only its uts differs from init', async () => {
    const out = await sh(block.nsenter);
    const [name, header, ...rest] = out.trim().split('\n');
    expect(name).toBe('inner');
    expect(header).toBe(NSMAP_HEADER);
    const rows = nsmapRows(rest.join('\n'));
    const init = rows.get('1');
    const parked = [...rows.values()].find((row) => row[0] !== '1');
    expect(parked?.[16]).toBe('sleep');
    expect(parked?.[15]).toBe('inner'); // the hostname column
    expect(init?.[15]).toBe('vlab');
    for (const [type, index] of Object.entries(NS_FIELDS)) {
      if (type === 'uts') expect(parked?.[index]).not.toBe(init?.[index]);
      else expect(parked?.[index], type).toBe(init?.[index]);
    }
  });
});

describe('try it: cgroups (in page order, on the cgroup "lab")', () => {
  it('five controllers are available and handed down', async () => {
    const [available, handedDown] = (await sh(block.controllers)).trim().split('\n');
    const set = (line = '') => line.split(' ').sort();
    expect(set(available)).toEqual(['cpu', 'cpuset', 'io', 'memory', 'pids']);
    expect(set(handedDown)).toEqual(set(available));
    // The order the kernel prints them in, as Figure 4 (CgroupTree) shows them.
    expect(available).toBe('cpuset cpu io memory pids');
  });

  it('a new directory is a new cgroup with its control files', async () => {
    const files = (await sh(block.labCreate)).trim().split('\n');
    expect(files).toEqual(
      expect.arrayContaining(['cgroup.procs', 'memory.max', 'pids.max', 'cpu.max', 'io.stat']),
    );
  });

  it('children follow their parent: three PIDs in cgroup.procs, and 0::/lab', async () => {
    const lines = (await sh(block.labTracking)).trim().split('\n');
    expect(lines.slice(0, 3).every((line) => /^\d+$/.test(line))).toBe(true);
    expect(lines.slice(3)).toEqual(['0::/lab']);
  });

  it('memory.max 8M: dd is killed (137) and oom_kill counts it', async () => {
    const out = await sh(block.memory);
    // The shell reports its child killed by SIGKILL.
    expect(out).toMatch(/^Killed$/m);
    expect(out).toContain('exit status: 137');
    expect(field(out, 'oom_kill')).toBeGreaterThanOrEqual(1);
  });

  it("pids.max 5: the sixth sleep can't fork, and pids.events counts it", async () => {
    const out = await sh(block.pids);
    expect(out).toContain("can't fork");
    expect(field(out, 'max')).toBeGreaterThanOrEqual(1);
  });

  it('cgroup.kill: the three processes in kill-demo are killed at once, and the cgroup is empty again', async () => {
    const lines = (await sh(block.cgroupKill)).trim().split('\n');
    expect(lines.slice(0, 3).every((line) => /^\d+$/.test(line))).toBe(true);
    expect(lines.slice(3)).toEqual(['populated 1', 'frozen 0', 'populated 0', 'frozen 0', 'left: 0']);
    expect(await sh('cat /sys/fs/cgroup/kill-demo/cgroup.procs')).toBe('');
  });

  it('cpu.max 10%: a busy loop is throttled', async () => {
    // The shell of the pids block exits at the failed fork and leaves its sleeps in lab for 2 s; under pids.max 5
    // they would make timeout's own fork fail. A reader gets there more slowly than this test does.
    await sh('while [ "$(cat /sys/fs/cgroup/lab/pids.current)" != 0 ]; do sleep 0.2; done', 10_000);
    const out = await sh(block.cpu);
    // The shell reports the loop that timeout ended with SIGTERM.
    expect(out).toMatch(/^Terminated$/m);
    expect(field(out, 'nr_throttled')).toBeGreaterThan(0);
    expect(field(out, 'throttled_usec')).toBeGreaterThan(0);
  });

  it('io: no disk, so io.stat is empty', async () => {
    expect(await sh(block.io)).toBe('io.stat: 0 lines\n');
  });
});

describe('try it: capabilities and seccomp', () => {
  it('the root shell has all 41 capabilities, empty inheritable and ambient sets, no no_new_privs, no seccomp filter', async () => {
    const out = await sh(block.caps);
    for (const set of ['CapPrm', 'CapEff', 'CapBnd']) expect(out).toContain(`${set}:\t000001ffffffffff`);
    for (const set of ['CapInh', 'CapAmb']) expect(out).toContain(`${set}:\t0000000000000000`);
    expect(out).toMatch(/^NoNewPrivs:\t0$/m);
    expect(out).toMatch(/^Seccomp:\t0$/m);
    expect(await sh('cat /proc/sys/kernel/cap_last_cap')).toBe('40\n');
  });

  it('the learner has none', async () => {
    expect(await sh(block.learnerCaps)).toBe('CapEff:\t0000000000000000\n');
  });

  it('root with only net_bind_service left in the bounding set: permitted and effective follow; no renaming', async () => {
    const result = await run(block.dropCaps);
    expect(result.output).toBe(
      [
        'CapPrm:\t0000000000000400',
        'CapEff:\t0000000000000400',
        'CapBnd:\t0000000000000400',
        'hostname: sethostname: Operation not permitted',
        '',
      ].join('\n'),
    );
    expect(await sh('hostname')).toBe('vlab\n');
  });

  it('capsh decodes 0x400 as cap_net_bind_service', async () => {
    expect(await sh(block.decodeCaps)).toBe('0x0000000000000400=cap_net_bind_service\n');
  });

  it('the bounding set does not mask the inheritable set: root gets sys_admin back at exec and renames the host', async () => {
    const result = await run(block.inheritCaps);
    expect(result.output).toBe(
      [
        'CapInh:\t0000000000200000',
        'CapPrm:\t000001ffffffffff',
        'CapEff:\t000001ffffffffff',
        'CapBnd:\t000001ffffdfffff',
        'CapAmb:\t0000000000000000',
        'box',
        '',
      ].join('\n'),
    );
    expect(result.exitCode).toBe(0);
    expect(await sh('hostname')).toBe('vlab\n'); // the block names it back
  });

  it('seccomp: no_new_privs is set, a filter is active, and mkdir fails with EPERM, for root', async () => {
    const result = await run(block.seccomp);
    expect(result.output).toBe(
      "NoNewPrivs:\t1\nSeccomp:\t2\nmkdir: can't create directory '/tmp/x': Operation not permitted\n",
    );
    expect(result.exitCode).toBe(1);
    expect((await run('test -e /tmp/x')).exitCode).toBe(1);
  });

  it('Smack: a label; root with CAP_MAC_OVERRIDE ignores "-"; without it "-" denies, "r" allows (page order, twice)', async () => {
    for (let round = 0; round < 2; round++) {
      expect(await sh(block.smackLabel)).toBe('/tmp/plans access="Private"\n');
      expect(await sh(block.smackBypass)).toBe('for admins only\n');
      const denied = await run(block.smackDeny);
      expect(denied.output).toBe("cat: can't open '/tmp/plans': Permission denied\n");
      expect(denied.exitCode).toBe(1);
      expect(await sh(block.smackAllow)).toBe('for admins only\nIntruder Private r\n');
    }
    // The shell that ran the blocks keeps its label "_".
    expect(await sh('cat /proc/self/attr/current')).toBe('_');
  });

  it('Smack, as the text says: no rule between two labels denies; a file labelled _ is readable by any label, not writable', async () => {
    await sh("echo 'for admins only' > /tmp/plans; chsmack -a Private /tmp/plans; echo public > /tmp/public");
    expect(await sh('chsmack /tmp/public')).toBe('/tmp/public access="_"\n');
    const result = await run(
      `sh -c 'echo Stranger > /proc/self/attr/current; exec setpriv --bounding-set=-mac_override,-mac_admin sh -c "cat /tmp/plans; cat /tmp/public; echo x >> /tmp/public"'`,
    );
    expect(result.output).toBe(
      [
        "cat: can't open '/tmp/plans': Permission denied",
        'public',
        "sh: can't create /tmp/public: Permission denied",
        '',
      ].join('\n'),
    );
    expect((await run('grep Stranger /sys/fs/smackfs/load2')).exitCode).toBe(1); // no rule was involved
  });

  it('Landlock: root reads below --ro, may not write to /tmp, may stat outside the ruleset but not read there', async () => {
    const result = await run(block.landlock);
    const lines = result.output.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('vlab');
    expect(lines[1]).toBe("sh: can't create /tmp/note: Permission denied");
    expect(lines[2]).toMatch(/^\/srv\/jail\/README: \d+ bytes$/);
    expect(lines[3]).toBe("cat: can't open '/srv/jail/README': Permission denied");
    expect(result.exitCode).toBe(1);
    expect((await run('test -e /tmp/note')).exitCode).toBe(1);
  });
});

describe('try it: overlayfs (in page order, twice: the blocks are safe to repeat)', () => {
  it('app over base; copy-up on the first write; a whiteout for a deleted lower file', async () => {
    for (let round = 0; round < 2; round++) {
      // The first time the greeting comes from the app layer; once rewritten, from the upper layer.
      const greeting = round === 0 ? 'hello from the app layer' : 'changed in the container';
      const merged = (await sh(block.overlayMount)).trim().split('\n');
      expect(merged).toEqual(['app', 'bin', 'dev', 'etc', 'proc', 'sys', 'tmp', greeting]);
      expect(await sh(`grep -c ' /tmp/layers/merged ' /proc/mounts`)).toBe('1\n');

      const copyUp = (await sh(block.overlayCopyUp)).split('\n').filter(Boolean);
      expect(copyUp).toEqual([
        'changed in the container',
        'hello from the app layer', // the app layer itself is unchanged
        '/tmp/layers/upper:',
        'etc',
        '/tmp/layers/upper/etc:',
        'greeting',
        ...(round === 0 ? [] : ['os-release']), // the whiteout made in the first round
      ]);

      const whiteout = (await sh(block.overlayWhiteout)).split('\n').filter(Boolean);
      expect(whiteout.slice(0, 5)).toEqual([
        '/tmp/layers/merged/etc:',
        'greeting',
        '/var/lib/images/base/etc:',
        'greeting',
        'os-release',
      ]);
      expect(whiteout[5]).toMatch(
        /^c-{9}\s+\d+\s+root\s+root\s+0,\s+0 .* \/tmp\/layers\/upper\/etc\/os-release$/,
      );
      expect(whiteout).toHaveLength(6);
    }
    // The upper and work directories share /tmp's file system, as overlayfs requires.
    expect(await sh('stat -c %d /tmp/layers/upper /tmp/layers/work')).toMatch(/^(\d+)\n\1\n$/);
  });
});

describe('build a container by hand (typed into the console, as the Run buttons do)', () => {
  let marks = 0;
  /** Types a block and a marker into the learner's console; resolves with what the console printed. */
  const type = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      marks += 1;
      const mark = `__kf_${marks}__`;
      let out = '';
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no ${mark} after ${JSON.stringify(text)}; console:\n${out}`));
      }, 30_000);
      const subscription = guest().onConsoleOutput((chunk) => {
        out += chunk;
        if (!out.includes(mark)) return;
        clearTimeout(timer);
        subscription.dispose();
        // Drop carriage returns and terminal control sequences (the shell asks for the cursor position).
        resolve(out.replace(/\r/g, '').replace(CONTROL_SEQUENCE, ''));
      });
      guest().sendConsoleInput(`${text}\r`);
      // The echoed input reads "$((n+0))", so only the shell's own output contains the marker.
      guest().sendConsoleInput(`echo __kf_$((${marks}+0))__\r`);
    });
  const failure = /not found|Invalid argument|Permission denied|No such file|can't/;

  it('runs every step in order with the results the page describes', async () => {
    const listing = /app\s+bin\s+dev\s+etc\s+proc\s+sys\s+tmp\n/;

    const overlay = await type(capstone.overlay);
    expect(overlay).toMatch(listing);
    expect(overlay).not.toMatch(failure);
    expect(await type(capstone.cgroup)).not.toMatch(failure);
    expect(await type(capstone.enter)).not.toMatch(failure);
    expect(await type(capstone.hostname)).toContain('root@box:~#');
    expect(await type(capstone.private)).not.toMatch(failure);
    // Nothing in the container's mount namespace propagates any more.
    expect(await type(`grep -c shared: /proc/self/mountinfo`)).toMatch(/^0$/m);
    const pivot = await type(capstone.pivot);
    expect(pivot).not.toMatch(failure);
    expect(pivot).toMatch(/^@box:\/# /m); // no /etc/passwd in the image: no user name
    expect(await type(capstone.proc)).not.toMatch(failure);
    expect(await type(capstone.dev)).not.toMatch(failure);

    const look = await type(capstone.look);
    expect(look).toMatch(listing);
    expect(look).toMatch(/^box$/m);
    const pids = [...look.matchAll(/^\s*(\d+)\s+0\s+/gm)].map((m) => m[1]);
    expect(pids[0]).toBe('1');
    expect(pids).toHaveLength(2); // this shell and ps

    const lookProc = await type(capstone.lookProc);
    expect(lookProc).toMatch(listing); // /proc/1/root is the container's own root now
    expect(lookProc).toMatch(/^0::\/$/m);
    expect(lookProc).toMatch(/^1: lo: <LOOPBACK>/m);
    expect(lookProc).not.toMatch(/^2: /m);

    const app = await type(capstone.app);
    expect(app).toContain('hello from the app layer');
    expect(app).toMatch(/running as pid \d+ on box/);

    const oom = await type(capstone.oom);
    expect(oom).toContain('Killed');
    expect(oom).toContain('exit status: 137');

    expect(await type(capstone.forks)).toContain("can't fork");
    expect(await type(capstone.exit)).toContain('root@vlab:~#');

    const host = await type(capstone.hostCheck);
    expect(host).toMatch(/^vlab$/m);
    expect(field(host, 'oom_kill')).toBeGreaterThanOrEqual(1);
    expect(field(host, 'max')).toBeGreaterThanOrEqual(1);
    // PID 1 took the sleeps with it, and the overlay stays mounted on the host for another run.
    expect(await sh('cat /sys/fs/cgroup/box/pids.current')).toBe('0\n');
    expect(await sh(`grep -c ' /tmp/box/root ' /proc/mounts`)).toBe('1\n');
  });

  it('can be run a second time (the blocks are safe to repeat)', async () => {
    expect(await type(capstone.overlay)).not.toMatch(failure);
    expect(await type(capstone.cgroup)).not.toMatch(failure);
    await type(capstone.enter);
    await type(capstone.hostname);
    expect(await type(capstone.private)).not.toMatch(failure);
    expect(await type(capstone.pivot)).not.toMatch(failure);
    expect(await type(capstone.proc)).not.toMatch(failure);
    expect(await type(capstone.dev)).not.toMatch(failure);
    expect(await type(capstone.app)).toContain('hello from the app layer');
    expect(await type(capstone.exit)).toContain('root@vlab:~#');
  });
});

describe('how it works underneath: pivot_root and mount propagation', () => {
  it('pivot_root fails with EINVAL while / is shared, and works after mount --make-rprivate /', async () => {
    expect(await sh(underneath.pivotShared)).toBe(
      "pivot_root: failed to change root from `.' to `old': Invalid argument\npivot_root worked\n",
    );
    // It all happened in a namespace of its own: the host has no shared mount and no tmpfs on /mnt.
    expect(await sh(`grep -c shared: /proc/self/mountinfo || true`)).toBe('0\n');
    expect(await sh(`grep -c ' /mnt ' /proc/mounts || true`)).toBe('0\n');
  });
});

describe('the container script (<ContainerScript id="container-by-hand">)', () => {
  const exercise = loadExercises().find((e) => e.id === 'container-by-hand');

  it('builds the container, leaves it running and prints what it built', async () => {
    const out = await sh(containerScript, 60_000);
    expect(out).toMatch(/^container: PID \d+ on the host, PID 1 inside \(NSpid: \d+ 1\)$/m);
    expect(out).toMatch(/^hostname: box$/m);
    expect(out).toMatch(/^root: overlay rw,lowerdir=\/var\/lib\/images\/app:\/var\/lib\/images\/base$/m);
    expect(out).toMatch(/^files: app bin dev etc proc sbin sys tmp $/m);
    expect(out).toMatch(/^cgroup: 0::\/box-script, memory.max 16777216, pids.max 10$/m);
    expect(out).toMatch(/^capabilities: 0x0000000000000400=cap_net_bind_service$/m);
    expect(out).toMatch(/^seccomp: 2 \(2 = filter\)$/m);
    for (const ns of ['mnt', 'uts', 'ipc', 'pid', 'net'])
      expect(out).toMatch(new RegExp(`^namespace: ${ns}:\\[\\d+\\] \\(host: ${ns}:\\[\\d+\\]\\)$`, 'm'));
  });

  it('passes every check of the container-by-hand exercise', async () => {
    expect(exercise).toBeDefined();
    if (exercise?.kind !== 'linux') throw new Error('container-by-hand is not a linux exercise');
    for (const task of exercise.tasks) {
      const result = await run(task.check);
      expect({ task: task.id, exitCode: result.exitCode, output: result.output }).toMatchObject({
        task: task.id,
        exitCode: 0,
      });
    }
  });

  it('can be run again: the old container goes, a new one stands', async () => {
    const before = await sh('cat /run/box-script/pid');
    const out = await sh(containerScript, 60_000);
    expect(out).toMatch(/^seccomp: 2 /m);
    const after = await sh('cat /run/box-script/pid');
    expect(after).not.toBe(before);
    expect((await run(`test -d /proc/${before.trim()}`)).exitCode).not.toBe(0);
  });
});
