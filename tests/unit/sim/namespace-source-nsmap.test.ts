// The namespace map's active source: the guest's nsmap helper (format 1, src/guest/README.md "nsmap output").
// A real capture from the guest, a round trip through a formatter written from the README, and rejections.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  groupsOf,
  NAMESPACE_TYPES,
  type NamespaceType,
  type Snapshot,
  snapshotOf,
} from '../../../src/sim/namespace-map.ts';
import {
  activeSource,
  NamespaceParseError,
  NSMAP_HEADER,
  nsmapSource,
  parseNsmap,
} from '../../../src/sim/namespace-sources.ts';

/** Escapes as nsmap does: every byte outside `!`…`~`, and the backslash, as \ooo. */
function escapeNsmap(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((b) =>
      b < 0x21 || b > 0x7e || b === 0x5c ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b),
    )
    .join('');
}

/** Prints a snapshot as nsmap would (the fields the model does not keep get plausible values). */
function formatNsmap(snapshot: Snapshot): string {
  const order: NamespaceType[] = ['mnt', 'uts', 'ipc', 'pid', 'net', 'user', 'cgroup', 'time'];
  const lines = snapshot.processes.map((p) =>
    [
      p.pid,
      p.ppid,
      0,
      p.pid,
      0,
      '000001ffffffffff',
      '/',
      ...order.map((t) => p.ns[t]),
      'vlab',
      escapeNsmap(p.comm),
    ].join(' '),
  );
  return `${[NSMAP_HEADER, ...lines].join('\n')}\n`;
}

const inode = fc.integer({ min: 4026531830, max: 4026531836 });
const nsRecord = fc.record(
  Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, inode])) as Record<NamespaceType, typeof inode>,
);
/** Any comm the kernel may hold: up to 15 bytes, here any non-NUL ASCII including spaces and backslashes. */
const comm = fc.string({
  unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)),
  maxLength: 15,
});
const snapshots = fc
  .uniqueArray(
    fc.record({
      pid: fc.integer({ min: 2, max: 32768 }),
      ppid: fc.integer({ min: 0, max: 32768 }),
      comm,
      ns: nsRecord,
    }),
    { selector: (p) => p.pid, maxLength: 20 },
  )
  .chain((rest) => nsRecord.map((ns) => snapshotOf([{ pid: 1, ppid: 0, comm: 'init', ns }, ...rest])));

describe('the nsmap source', () => {
  test('is the one the map uses, and runs the nsmap helper', () => {
    expect(activeSource).toBe(nsmapSource);
    expect(nsmapSource.command).toBe('exec nsmap');
  });

  test('parse ∘ format is the identity, escapes included', () => {
    fc.assert(
      fc.property(snapshots, (s) => {
        expect(parseNsmap(formatNsmap(s))).toEqual(s);
      }),
    );
  });

  test("reads the real guest's output: new PID, mount and UTS namespaces, and a confined process", () => {
    // Captured from the guest (plain `nsmap`, so 39 is the shell that ran it; after `unshare -p -f --mount-proc sleep 1000 &`,
    // `unshare -u sh -c 'hostname box; exec sleep 300' &` and a sleep under seccomp-run and setpriv).
    const raw = readFileSync(new URL('./fixtures/nsmap-guest.txt', import.meta.url), 'utf8');
    const snapshot = parseNsmap(raw);
    expect(snapshot.processes.map((p) => `${p.pid} ${p.ppid} ${p.comm}`)).toEqual([
      '1 0 init',
      '26 1 sh',
      '27 1 vlab-agent',
      '33 1 unshare',
      '34 1 sleep',
      '35 1 sleep',
      '37 33 sleep',
      '39 27 sh',
    ]);
    expect(snapshot.processes[0]?.ns).toEqual({
      mnt: 4026531841,
      uts: 4026531838,
      ipc: 4026531839,
      pid: 4026531836,
      net: 4026531840,
      user: 4026531837,
      cgroup: 4026531835,
      time: 4026531834,
    });
    expect(groupsOf(snapshot, 'pid').map((g) => [g.host, g.pids])).toEqual([
      [true, [1, 26, 27, 33, 34, 35, 39]],
      [false, [37]],
    ]);
    // unshare --mount-proc is in the new mount namespace with its child; the renamed host is alone in its UTS.
    expect(groupsOf(snapshot, 'mnt').map((g) => g.pids)).toEqual([
      [1, 26, 27, 34, 35, 39],
      [33, 37],
    ]);
    expect(groupsOf(snapshot, 'uts').map((g) => g.pids)).toEqual([[1, 26, 27, 33, 35, 37, 39], [34]]);
    expect(groupsOf(snapshot, 'net')).toHaveLength(1);
  });

  test('decodes an escaped command name', () => {
    const raw = `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 vlab init\n9 1 0 9 0 0 /a\\040b 1 2 3 4 5 6 7 8 my\\040box my\\040(odd)\\134name\n`;
    expect(parseNsmap(raw).processes[1]?.comm).toBe('my (odd)\\name');
  });

  test('leaves out a process that exited while nsmap read it', () => {
    const raw = `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 vlab init\n9 1 - - - - - - - - - - - - - - -\n`;
    expect(parseNsmap(raw).processes.map((p) => p.pid)).toEqual([1]);
  });

  test.each([
    ['empty output', '', /expected the first line "#nsmap 1 pid ppid/],
    ['the command missing', 'sh: nsmap: not found\n', /on line 1, received "sh: nsmap: not found"/],
    [
      'a future format',
      `${NSMAP_HEADER.replace('#nsmap 1', '#nsmap 2')}\n`,
      /expected the first line "#nsmap 1 .* received "#nsmap 2/,
    ],
    ['no PID 1', `${NSMAP_HEADER}\n`, /expected PID 1 \(init\) among the processes/],
    [
      'a line with a field missing',
      `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 init\n`,
      /expected 17 fields separated by single spaces on line 2/,
    ],
    [
      'a stray line',
      `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 vlab init\nSegmentation fault\n`,
      /17 fields .* on line 3, received "Segmentation fault"/,
    ],
    [
      'a namespace that is not a number',
      `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 x 5 6 7 8 vlab init\n`,
      /decimal ppid and namespace inodes .* on line 2/,
    ],
    [
      'a PID twice',
      `${NSMAP_HEADER}\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 vlab init\n1 0 0 1 0 0 / 1 2 3 4 5 6 7 8 vlab init\n`,
      /each PID once on line 3/,
    ],
  ])('rejects %s, saying what it expected and what it got', (_, raw, message) => {
    expect(() => parseNsmap(raw)).toThrow(NamespaceParseError);
    expect(() => parseNsmap(raw)).toThrow(message);
  });
});
