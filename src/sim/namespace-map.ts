// The namespace map's model: processes and the namespaces they are in, grouped per namespace type, and what
// changed between two looks at the guest. Pure: where the data comes from is ./namespace-sources.ts.
// namespaces(7): two processes share a namespace exactly when their /proc/<pid>/ns/<type> links name the
// same inode. https://man7.org/linux/man-pages/man7/namespaces.7.html

/** The namespace types the map shows, in the order of its tabs (the names of the links in /proc/<pid>/ns/). */
export const NAMESPACE_TYPES = ['pid', 'mnt', 'uts', 'net', 'ipc', 'user', 'cgroup', 'time'] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

export function isNamespaceType(name: string): name is NamespaceType {
  return (NAMESPACE_TYPES as readonly string[]).includes(name);
}

/** One process as the map sees it. */
export interface ProcessInfo {
  pid: number;
  /** The parent's PID (0 for init), as the host sees it. */
  ppid: number;
  /** The kernel's short command name (/proc/<pid>/stat's second field, at most 15 bytes). */
  comm: string;
  /** The inode number of each of its namespaces. */
  ns: Record<NamespaceType, number>;
}

/** One look at the guest: its processes, sorted by PID. */
export interface Snapshot {
  processes: ProcessInfo[];
}

export function snapshotOf(processes: Iterable<ProcessInfo>): Snapshot {
  return { processes: [...processes].sort((a, b) => a.pid - b.pid) };
}

/** The processes that share one namespace. */
export interface NamespaceGroup {
  type: NamespaceType;
  inode: number;
  /** PIDs in ascending order. */
  pids: number[];
  /** Whether this is PID 1's namespace of this type (the host's, for a machine that is not a container). */
  host: boolean;
}

/** PID 1's namespace of `type`, or undefined when PID 1 is not in the snapshot. */
export function hostInode(snapshot: Snapshot, type: NamespaceType): number | undefined {
  return snapshot.processes.find((p) => p.pid === 1)?.ns[type];
}

/**
 * The namespaces of one type with their processes: the host's first, then the others in the order their
 * lowest PID appeared (so a namespace keeps its place while the learner works).
 */
export function groupsOf(snapshot: Snapshot, type: NamespaceType): NamespaceGroup[] {
  const host = hostInode(snapshot, type);
  const byInode = new Map<number, number[]>();
  for (const process of snapshot.processes) {
    const pids = byInode.get(process.ns[type]) ?? [];
    pids.push(process.pid);
    byInode.set(process.ns[type], pids);
  }
  const groups = [...byInode].map(([inode, pids]) => ({
    type,
    inode,
    pids: pids.sort((a, b) => a - b),
    host: inode === host,
  }));
  return groups.sort((a, b) => Number(b.host) - Number(a.host) || (a.pids[0] ?? 0) - (b.pids[0] ?? 0));
}

/** A namespace, named as the kernel names it in a /proc/<pid>/ns link: `pid:[4026531836]`. */
export function namespaceName(type: NamespaceType, inode: number): string {
  return `${type}:[${inode}]`;
}

/** What changed from one snapshot to the next. */
export interface SnapshotDiff {
  /** Namespaces (as `namespaceName`) that have processes now and had none before. */
  newNamespaces: Set<string>;
  /** Namespaces that had processes before and have none now. */
  goneNamespaces: Set<string>;
  newPids: Set<number>;
  gonePids: Set<number>;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const names = (snapshot: Snapshot) =>
    new Set(snapshot.processes.flatMap((p) => NAMESPACE_TYPES.map((t) => namespaceName(t, p.ns[t]))));
  const pids = (snapshot: Snapshot) => new Set(snapshot.processes.map((p) => p.pid));
  const [namesBefore, namesAfter, pidsBefore, pidsAfter] = [
    names(before),
    names(after),
    pids(before),
    pids(after),
  ];
  const minus = <T>(a: Set<T>, b: Set<T>) => new Set([...a].filter((x) => !b.has(x)));
  return {
    newNamespaces: minus(namesAfter, namesBefore),
    goneNamespaces: minus(namesBefore, namesAfter),
    newPids: minus(pidsAfter, pidsBefore),
    gonePids: minus(pidsBefore, pidsAfter),
  };
}

/** The numbers the map's one-line summary reads out for one type. */
export interface TypeSummary {
  type: NamespaceType;
  namespaces: number;
  processes: number;
  /** Processes outside PID 1's namespace of this type. */
  outsideHost: number;
  /** The namespace other than the host's with the most processes (the one the learner just made, usually). */
  largestOther?: { inode: number; processes: number };
}

export function summarize(snapshot: Snapshot, type: NamespaceType): TypeSummary {
  const groups = groupsOf(snapshot, type);
  const others = groups.filter((g) => !g.host);
  const largest = others.reduce<NamespaceGroup | undefined>(
    (best, g) => (!best || g.pids.length > best.pids.length ? g : best),
    undefined,
  );
  return {
    type,
    namespaces: groups.length,
    processes: snapshot.processes.length,
    outsideHost: others.reduce((n, g) => n + g.pids.length, 0),
    ...(largest ? { largestOther: { inode: largest.inode, processes: largest.pids.length } } : {}),
  };
}

/** How many namespaces of each type the snapshot has (for the tab labels). */
export function countsByType(snapshot: Snapshot): Record<NamespaceType, number> {
  const counts = {} as Record<NamespaceType, number>;
  for (const type of NAMESPACE_TYPES) counts[type] = new Set(snapshot.processes.map((p) => p.ns[type])).size;
  return counts;
}
