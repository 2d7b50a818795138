import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  countsByType,
  diffSnapshots,
  groupsOf,
  NAMESPACE_TYPES,
  type NamespaceType,
  namespaceName,
  type ProcessInfo,
  snapshotOf,
  summarize,
} from '../../../src/sim/namespace-map.ts';
import { formatProcfs, NamespaceParseError, parseProcfs } from '../../../src/sim/namespace-sources.ts';

// Inodes drawn from a small pool, so processes really share namespaces.
const inode = fc.integer({ min: 4026531830, max: 4026531836 });
const nsRecord = fc.record(
  Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, inode])) as Record<NamespaceType, typeof inode>,
);
/** comm as the guest command prints it: printable ASCII, at most 15 bytes (TASK_COMM_LEN). */
const comm = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 15,
});
const processes = fc.uniqueArray(
  fc.record({
    pid: fc.integer({ min: 1, max: 32768 }),
    ppid: fc.integer({ min: 0, max: 32768 }),
    comm,
    ns: nsRecord,
  }),
  { selector: (p) => p.pid, maxLength: 25 },
);
const init = fc.record({
  pid: fc.constant(1),
  ppid: fc.constant(0),
  comm: fc.constant('init'),
  ns: nsRecord,
});
/** What the guest can show: init is always there (the command runs in the host's PID namespace). */
const snapshots = fc
  .tuple(init, processes)
  .map(([first, rest]) => snapshotOf([first, ...rest.filter((p) => p.pid !== 1)]));

describe('grouping processes by namespace', () => {
  test('every process is in exactly one group of each type', () => {
    fc.assert(
      fc.property(snapshots, (snapshot) => {
        for (const type of NAMESPACE_TYPES) {
          const pids = groupsOf(snapshot, type).flatMap((g) => g.pids);
          expect(pids.sort((a, b) => a - b)).toEqual(snapshot.processes.map((p) => p.pid));
          for (const group of groupsOf(snapshot, type))
            for (const pid of group.pids)
              expect(snapshot.processes.find((p) => p.pid === pid)?.ns[type]).toBe(group.inode);
        }
      }),
    );
  });

  test('does not depend on the order the processes were read in', () => {
    fc.assert(
      fc.property(
        processes.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          for (const type of NAMESPACE_TYPES)
            expect(groupsOf(snapshotOf(shuffled), type)).toEqual(groupsOf(snapshotOf(list), type));
        },
      ),
    );
  });

  test("PID 1's namespace comes first and is the only one marked host", () => {
    fc.assert(
      fc.property(snapshots, (snapshot) => {
        const first = snapshot.processes.find((p) => p.pid === 1);
        for (const type of NAMESPACE_TYPES) {
          const groups = groupsOf(snapshot, type);
          expect(groups.filter((g) => g.host).length).toBe(1);
          expect(groups[0]?.inode).toBe(first?.ns[type]);
          expect(countsByType(snapshot)[type]).toBe(groups.length);
        }
      }),
    );
  });

  test('the summary adds up: host processes plus the others are all processes', () => {
    fc.assert(
      fc.property(snapshots, fc.constantFrom(...NAMESPACE_TYPES), (snapshot, type) => {
        const summary = summarize(snapshot, type);
        const host = groupsOf(snapshot, type).find((g) => g.host)?.pids.length ?? 0;
        expect(host + summary.outsideHost).toBe(snapshot.processes.length);
        expect(summary.largestOther === undefined).toBe(summary.namespaces - (host ? 1 : 0) === 0);
      }),
    );
  });
});

describe('the difference between two snapshots', () => {
  test('a snapshot compared with itself has no changes', () => {
    fc.assert(
      fc.property(snapshots, (s) => {
        const diff = diffSnapshots(s, s);
        expect([
          diff.newNamespaces.size,
          diff.goneNamespaces.size,
          diff.newPids.size,
          diff.gonePids.size,
        ]).toEqual([0, 0, 0, 0]);
      }),
    );
  });

  test('what is new one way is gone the other way, and new namespaces are exactly those not seen before', () => {
    fc.assert(
      fc.property(snapshots, snapshots, (a, b) => {
        const ab = diffSnapshots(a, b);
        const ba = diffSnapshots(b, a);
        expect(ab.newNamespaces).toEqual(ba.goneNamespaces);
        expect(ab.newPids).toEqual(ba.gonePids);
        const before = new Set(
          a.processes.flatMap((p) => NAMESPACE_TYPES.map((t) => namespaceName(t, p.ns[t]))),
        );
        for (const name of ab.newNamespaces) expect(before.has(name)).toBe(false);
      }),
    );
  });

  test('unshare -p adds one PID namespace and one process', () => {
    const host = { pid: 1, ppid: 0, comm: 'init', ns: nsOf(100) };
    const shell = { pid: 26, ppid: 1, comm: 'sh', ns: nsOf(100) };
    const sleeper: ProcessInfo = { pid: 43, ppid: 42, comm: 'sleep', ns: { ...nsOf(100), pid: 200 } };
    const diff = diffSnapshots(snapshotOf([host, shell]), snapshotOf([host, shell, sleeper]));
    expect(diff.newNamespaces).toEqual(new Set(['pid:[200]']));
    expect(diff.newPids).toEqual(new Set([43]));
    expect(summarize(snapshotOf([host, shell, sleeper]), 'pid')).toEqual({
      type: 'pid',
      namespaces: 2,
      processes: 3,
      outsideHost: 1,
      largestOther: { inode: 200, processes: 1 },
    });
  });
});

function nsOf(inode: number): Record<NamespaceType, number> {
  return Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, inode])) as Record<NamespaceType, number>;
}

describe('the procfs source', () => {
  test('parse ∘ format is the identity', () => {
    fc.assert(
      fc.property(snapshots, (s) => {
        expect(parseProcfs(formatProcfs(s))).toEqual(s);
      }),
    );
  });

  test("reads the real guest's output: a new PID namespace, a new mount namespace and a new UTS namespace", () => {
    // Captured from the guest by running the source's command after
    // `unshare -p -f --mount-proc sleep 1000 & unshare -u sh -c 'hostname box; exec sleep 300' &`.
    const raw = readFileSync(new URL('./fixtures/procfs-guest-unshare.txt', import.meta.url), 'utf8');
    const snapshot = parseProcfs(raw);
    expect(snapshot.processes.map((p) => `${p.pid} ${p.comm}`)).toEqual([
      '1 init',
      '26 sh',
      '27 vlab-agent',
      '33 unshare',
      '34 sleep',
      '37 sleep',
    ]);
    const pidGroups = groupsOf(snapshot, 'pid');
    expect(pidGroups.map((g) => [g.host, g.pids])).toEqual([
      [true, [1, 26, 27, 33, 34]],
      [false, [37]],
    ]);
    // unshare --mount-proc puts unshare itself in the new mount namespace, and its child too.
    expect(groupsOf(snapshot, 'mnt').map((g) => g.pids)).toEqual([
      [1, 26, 27, 34],
      [33, 37],
    ]);
    expect(groupsOf(snapshot, 'uts').map((g) => g.pids)).toEqual([[1, 26, 27, 33, 37], [34]]);
    expect(groupsOf(snapshot, 'net')).toHaveLength(1);
  });

  test('keeps spaces and parentheses in a command name', () => {
    const s = snapshotOf([
      { pid: 1, ppid: 0, comm: 'init', ns: nsOf(7) },
      { pid: 5, ppid: 1, comm: 'my (odd) name', ns: nsOf(7) },
    ]);
    expect(parseProcfs(formatProcfs(s)).processes[1]?.comm).toBe('my (odd) name');
  });

  test('rejects output without PID 1, as when /proc is not procfs', () => {
    expect(() => parseProcfs('#vlab-nsmap-procfs 1\n')).toThrow(
      /expected PID 1 \(init\) among the processes/,
    );
  });

  test('leaves out a process that exited before its links were read', () => {
    const raw = `${formatProcfs(snapshotOf([{ pid: 1, ppid: 0, comm: 'init', ns: nsOf(7) }]))}P 99 1 gone\n`;
    expect(parseProcfs(raw).processes.map((p) => p.pid)).toEqual([1]);
  });

  test.each([
    ['empty output', '', /expected the first line "#vlab-nsmap-procfs 1" on line 1, received ""/],
    ['a shell error instead', 'sh: stat: not found\n', /received "sh: stat: not found"/],
    [
      'a stray line',
      '#vlab-nsmap-procfs 1\nP 1 0 init\nSegmentation fault\n',
      /expected "P <pid> <ppid> <comm>" or .* on line 3, received "Segmentation fault"/,
    ],
    [
      'a link without its process',
      "#vlab-nsmap-procfs 1\n'5/ns/pid' -> 'pid:[4]'\n",
      /a "P 5 …" line before/,
    ],
    [
      'a link naming another type',
      "#vlab-nsmap-procfs 1\nP 5 1 x\n'5/ns/pid' -> 'net:[4]'\n",
      /naming its own type/,
    ],
    ['a PID twice', '#vlab-nsmap-procfs 1\nP 5 1 x\nP 5 1 y\n', /each PID once on line 3/],
  ])('rejects %s, saying what it expected and what it got', (_, raw, message) => {
    expect(() => parseProcfs(raw)).toThrow(NamespaceParseError);
    expect(() => parseProcfs(raw)).toThrow(message);
  });
});
