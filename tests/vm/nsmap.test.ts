// nsmap, the one-line-per-process view the checks and the namespace map widget parse: its format is
// a contract (src/guest/README.md, "nsmap"), so each field is checked against /proc read directly.
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();

const HEADER =
  '#nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm';

interface Row {
  pid: number;
  ppid: number;
  uid: string;
  nspid: string;
  seccomp: string;
  capeff: string;
  cgroup: string;
  ns: string[];
  hostname: string;
  comm: string;
}

function parse(text: string): Row[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  expect(header).toBe(HEADER);
  return lines.map((line) => {
    const f = line.split(' ');
    expect(f.length).toBe(17);
    return {
      pid: Number(f[0]),
      ppid: Number(f[1]),
      uid: f[2] ?? '',
      nspid: f[3] ?? '',
      seccomp: f[4] ?? '',
      capeff: f[5] ?? '',
      cgroup: f[6] ?? '',
      ns: f.slice(7, 15),
      hostname: f[15] ?? '',
      comm: f[16] ?? '',
    };
  });
}

describe('nsmap', () => {
  it('lists user processes sorted by PID, without kernel threads or itself, matching /proc', async () => {
    const rows = parse(await sh('nsmap'));
    const pids = rows.map((r) => r.pid);
    expect(pids).toEqual([...pids].sort((a, b) => a - b));
    const init = rows[0];
    expect(init).toMatchObject({
      pid: 1,
      ppid: 0,
      uid: '0',
      nspid: '1',
      seccomp: '0',
      cgroup: '/',
      hostname: 'vlab',
    });
    expect(init?.capeff).toBe('000001ffffffffff');
    expect(rows.some((r) => r.comm === 'vlab-agent')).toBe(true);
    expect(rows.some((r) => r.comm === 'nsmap' || r.ppid === 2 || r.pid === 2)).toBe(false);
    // The namespace inodes are what readlink shows for PID 1.
    const links = await sh('for n in mnt uts ipc pid net user cgroup time; do readlink /proc/1/ns/$n; done');
    expect(
      links
        .trim()
        .split('\n')
        .map((l) => /\[(\d+)\]/.exec(l)?.[1]),
    ).toEqual(init?.ns);
  });

  it('shows a process in new namespaces with its NSpid chain, hostname, cgroup and seccomp mode', async () => {
    const out = await sh(
      `mkdir -p /sys/fs/cgroup/nsmap-demo
       sh -c 'echo $$ > /sys/fs/cgroup/nsmap-demo/cgroup.procs
              exec unshare -p -u -n -f sh -c "hostname has\\ space; exec seccomp-run --deny mkdir -- sleep 60"' &
       until nsmap | grep -q ' sleep$'; do :; done
       nsmap; kill %1`,
    );
    const rows = parse(out);
    const init = rows[0];
    const sleep = rows.find((r) => r.comm === 'sleep');
    expect(sleep?.nspid).toMatch(/^\d+,1$/);
    expect(sleep?.nspid.split(',')[0]).toBe(String(sleep?.pid));
    expect(sleep?.hostname).toBe('has\\040space'); // escaped like /proc/mounts
    expect(sleep?.cgroup).toBe('/nsmap-demo');
    expect(sleep?.seccomp).toBe('2');
    // mnt, ipc, user, cgroup and time are shared; uts, pid and net are new.
    const differs = init?.ns.map((inode, i) => inode !== sleep?.ns[i]);
    expect(differs).toEqual([false, true, false, true, true, false, false, false]);
  });

  it('-k adds kernel threads; PIDs given select rows; a missing PID makes it exit 1', async () => {
    const all = parse(await sh('nsmap -k'));
    expect(all.some((r) => r.pid === 2)).toBe(true);
    const one = parse(await sh('nsmap 1'));
    expect(one.map((r) => r.pid)).toEqual([1]);
    expect(await sh('nsmap 1 999999 >/dev/null; echo "status $?"')).toBe('status 1\n');
  });
});
