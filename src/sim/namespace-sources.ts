// Where the namespace map's data comes from: a shell command run in the guest on the program channel, and
// the parser of its output. Two sources: the guest's `nsmap` helper (one process, one line each; the map uses
// it) and a plain procfs reader (awk + stat, for a guest without nsmap). To read the guest another way, write
// one more NamespaceSource and point `activeSource` at it; nothing else changes.
import {
  isNamespaceType,
  NAMESPACE_TYPES,
  type NamespaceType,
  type ProcessInfo,
  type Snapshot,
  snapshotOf,
} from './namespace-map.ts';

export interface NamespaceSource {
  /** A short name, for error messages. */
  name: string;
  /** The command run in the guest, as root, by `sh`. Its output (stdout and stderr) goes to parse(). */
  command: string;
  /** Throws NamespaceParseError when the output is not what the command prints. */
  parse(output: string): Snapshot;
}

/** Output that is not what the source's command prints: says what was expected and what was received. */
export class NamespaceParseError extends Error {
  readonly source: string;
  readonly expected: string;
  readonly received: string;
  readonly line: number | undefined;

  constructor(source: string, expected: string, received: string, line?: number) {
    const where = line === undefined ? '' : ` on line ${line}`;
    super(`${source}: expected ${expected}${where}, received ${JSON.stringify(received.slice(0, 120))}`);
    this.name = 'NamespaceParseError';
    this.source = source;
    this.expected = expected;
    this.received = received;
    this.line = line;
  }
}

const PROCFS_HEADER = '#vlab-nsmap-procfs 1';

/**
 * One shell, few processes (each costs ~50 ms emulated): awk reads every /proc/<pid>/stat and prints
 * `P <pid> <ppid> <comm>` for each process that is neither a kernel thread (PID 2 and its children) nor part
 * of this command ($$ and its descendants); one `stat` then prints the namespace links of those processes.
 * `cat` goes first because busybox awk stops at a file that vanished; processes that exit half-way lose their
 * links and are left out by the parser. /proc/<pid>/stat: proc(5); the comm may hold spaces and ")", so it is
 * cut at the last ")".
 */
function procfsCommand(): string {
  const paths = NAMESPACE_TYPES.map((type) => `%s/ns/${type}`).join(' ');
  const args = NAMESPACE_TYPES.map(() => '$2').join(', ');
  return `cd /proc || exit 1
L=$(cat [0-9]*/stat 2>/dev/null | awk -v self=$$ '{
  c = $0; sub(/^[^(]*\\(/, "", c); sub(/\\)[^)]*$/, "", c)
  r = $0; sub(/^.*\\) /, "", r); split(r, f, " ")
  gsub(/[^ -~]/, "?", c)
  pid = $1 + 0; pp[pid] = f[2] + 0; cm[pid] = c; all[++n] = pid
}
END {
  for (i = 1; i <= n; i++) {
    q = all[i]
    for (hops = 0; q > 2 && q != self && hops < 64; hops++) q = pp[q] + 0
    if (q != 2 && q != self) print "P", all[i], pp[all[i]], cm[all[i]]
  }
}')
echo '${PROCFS_HEADER}'
[ -n "$L" ] || exit 0
echo "$L"
stat -c '%N' $(echo "$L" | awk '{ printf "${paths} ", ${args} }') 2>/dev/null
exit 0`;
}

const PROCESS_LINE = /^P (\d+) (\d+) (.*)$/;
const LINK_LINE = /^'(\d+)\/ns\/([a-z]+)' -> '([a-z]+):\[(\d+)\]'$/;

function fail(expected: string, received: string, line?: number): never {
  throw new NamespaceParseError('procfs', expected, received, line);
}

/** Parses what procfsCommand prints. Processes whose links could not all be read (they exited) are left out. */
export function parseProcfs(output: string): Snapshot {
  const lines = output.split('\n');
  if (lines[0] !== PROCFS_HEADER) fail(`the first line "${PROCFS_HEADER}"`, lines[0] ?? '', 1);
  const found = new Map<
    number,
    { pid: number; ppid: number; comm: string; ns: Partial<Record<NamespaceType, number>> }
  >();
  for (const [index, text] of lines.entries()) {
    const lineNo = index + 1;
    if (index === 0 || text === '') continue;
    const process = PROCESS_LINE.exec(text);
    if (process) {
      const pid = Number(process[1]);
      if (found.has(pid)) fail(`each PID once`, text, lineNo);
      found.set(pid, { pid, ppid: Number(process[2]), comm: process[3] ?? '', ns: {} });
      continue;
    }
    const link = LINK_LINE.exec(text);
    if (!link) fail(`"P <pid> <ppid> <comm>" or "'<pid>/ns/<type>' -> '<type>:[<inode>]'"`, text, lineNo);
    const [, pid, type, linkType, inode] = link as unknown as [string, string, string, string, string];
    const entry = found.get(Number(pid));
    if (!entry) fail(`a "P ${pid} …" line before its namespace links`, text, lineNo);
    if (!isNamespaceType(type) || type !== linkType)
      fail(`a link of one of ${NAMESPACE_TYPES.join(', ')} naming its own type`, text, lineNo);
    entry.ns[type] = Number(inode);
  }
  const complete = [...found.values()].filter((p): p is ProcessInfo =>
    NAMESPACE_TYPES.every((type) => p.ns[type] !== undefined),
  );
  // The command runs as root in the host's namespaces, so init is always there unless /proc is not procfs.
  if (!complete.some((p) => p.pid === 1))
    fail('PID 1 (init) among the processes (is /proc mounted?)', lines.slice(1, 4).join(' | '));
  return snapshotOf(complete);
}

/** Prints a snapshot the way procfsCommand does (for tests and fixtures): parseProcfs(formatProcfs(s)) = s. */
export function formatProcfs(snapshot: Snapshot): string {
  const lines = [PROCFS_HEADER];
  for (const p of snapshot.processes) lines.push(`P ${p.pid} ${p.ppid} ${p.comm}`);
  for (const p of snapshot.processes)
    for (const type of NAMESPACE_TYPES) lines.push(`'${p.pid}/ns/${type}' -> '${type}:[${p.ns[type]}]'`);
  return `${lines.join('\n')}\n`;
}

export const procfsSource: NamespaceSource = {
  name: 'procfs',
  command: procfsCommand(),
  parse: parseProcfs,
};

/**
 * `nsmap` output, format 1 (src/guest/README.md, "nsmap output"): the header below, then one line per process
 * sorted by PID, 17 fields separated by single spaces. The map needs pid, ppid, the eight namespace inodes and
 * comm; the other fields are checked for shape only.
 */
export const NSMAP_HEADER =
  '#nsmap 1 pid ppid uid nspid seccomp capeff cgroup mnt uts ipc pid net user cgroup time hostname comm';
const NSMAP_FIELDS = 17;
/** The order of the namespace fields in an nsmap line (fields 8 to 15). */
const NSMAP_NAMESPACES = ['mnt', 'uts', 'ipc', 'pid', 'net', 'user', 'cgroup', 'time'] as const;
const DECIMAL = /^\d+$/;

/** nsmap escapes bytes outside `!`…`~` and the backslash as `\ooo` (octal), as /proc/mounts does. */
function unescapeNsmap(field: string): string {
  // The bytes become %XX and decodeURIComponent reads them as UTF-8 (no TextDecoder: src/sim has no DOM lib).
  const percent = field.replace(/\\([0-7]{3})|[^\\]/g, (char, octal?: string) =>
    octal === undefined
      ? encodeURIComponent(char)
      : `%${Number.parseInt(octal, 8).toString(16).padStart(2, '0')}`,
  );
  try {
    return decodeURIComponent(percent);
  } catch {
    return field; // not UTF-8: show it as nsmap printed it
  }
}

/** Parses what `nsmap` prints. A process that exited while nsmap read it (`-` in its fields) is left out. */
export function parseNsmap(output: string): Snapshot {
  const fail = (expected: string, received: string, line?: number): never => {
    throw new NamespaceParseError('nsmap', expected, received, line);
  };
  const lines = output.split('\n');
  if (lines[0] !== NSMAP_HEADER) fail(`the first line "${NSMAP_HEADER}"`, lines[0] ?? '', 1);
  const processes = new Map<number, ProcessInfo>();
  for (const [index, text] of lines.entries()) {
    const lineNo = index + 1;
    if (index === 0 || text === '') continue;
    const fields = text.split(' ');
    if (fields.length !== NSMAP_FIELDS)
      fail(`${NSMAP_FIELDS} fields separated by single spaces`, text, lineNo);
    const [pid = '', ppid = '', , , , , , ...rest] = fields;
    const inodes = rest.slice(0, NSMAP_NAMESPACES.length);
    const comm = rest[NSMAP_NAMESPACES.length + 1] ?? '';
    if (!DECIMAL.test(pid)) fail('a PID (decimal) as the first field', text, lineNo);
    if (processes.has(Number(pid))) fail('each PID once', text, lineNo);
    // "-": the process exited between nsmap listing it and reading its links.
    if (ppid === '-' || inodes.includes('-')) continue;
    if (!DECIMAL.test(ppid) || !inodes.every((inode) => DECIMAL.test(inode)))
      fail('decimal ppid and namespace inodes (fields 2 and 8-15)', text, lineNo);
    const ns = Object.fromEntries(NSMAP_NAMESPACES.map((type, i) => [type, Number(inodes[i])])) as Record<
      NamespaceType,
      number
    >;
    processes.set(Number(pid), { pid: Number(pid), ppid: Number(ppid), comm: unescapeNsmap(comm), ns });
  }
  if (!processes.has(1)) fail('PID 1 (init) among the processes', lines.slice(1, 4).join(' | '));
  return snapshotOf(processes.values());
}

export const nsmapSource: NamespaceSource = {
  name: 'nsmap',
  // exec: the shell that runs the command becomes nsmap, which leaves itself out, so the map never shows the
  // process that reads it.
  command: 'exec nsmap',
  parse: parseNsmap,
};

/** The source the map uses: nsmap, one process in the guest instead of procfs's several (~2x faster). */
export const activeSource: NamespaceSource = nsmapSource;
