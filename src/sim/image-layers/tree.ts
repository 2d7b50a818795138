// File trees as the model holds them: a flat map from absolute path to entry. The root `/` is implied (a
// directory owned by root, mode 0755) and never stored. Paths have no trailing slash and no `.`/`..` parts.
// No timestamps: the model leaves mtime out on purpose (see README.md, "What is simplified").

/** A regular file. `size` is its length in bytes; `content` is what a learner sees when opening it. */
export interface FileEntry {
  readonly type: 'file';
  /** Permission bits, e.g. 0o644. */
  readonly mode: number;
  /** User that owns it, as a uid string ('0' is root) or the name given to USER / --chown. */
  readonly owner: string;
  readonly size: number;
  readonly content: string;
}

export interface DirEntry {
  readonly type: 'dir';
  readonly mode: number;
  readonly owner: string;
}

export type FsEntry = FileEntry | DirEntry;

/** A whole file system: absolute path → entry. */
export type Tree = Readonly<Record<string, FsEntry>>;

export const ROOT_OWNER = '0';
export const ROOT_DIR: DirEntry = { type: 'dir', mode: 0o755, owner: ROOT_OWNER };

/** `a/./b//c/../d` → `/a/b/d`, resolved against `cwd` when relative. `..` above `/` stays at `/`. */
export function normalisePath(path: string, cwd = '/'): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Every ancestor of `path` from the top down, without `/` and without `path` itself. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  let p = parentOf(path);
  while (p !== '/') {
    out.unshift(p);
    p = parentOf(p);
  }
  return out;
}

/** True when `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}

export function entryAt(tree: Tree, path: string): FsEntry | undefined {
  return path === '/' ? ROOT_DIR : tree[path];
}

/** Direct children's paths of a directory, sorted. */
export function childrenOf(tree: Tree, dir: string): string[] {
  return Object.keys(tree)
    .filter((p) => p !== dir && parentOf(p) === dir)
    .sort();
}

/** Bytes of all regular files in a tree. */
export function treeBytes(tree: Tree): number {
  let total = 0;
  for (const entry of Object.values(tree)) if (entry.type === 'file') total += entry.size;
  return total;
}

export function sameEntry(a: FsEntry | undefined, b: FsEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type !== b.type || a.mode !== b.mode || a.owner !== b.owner) return false;
  return a.type === 'dir' || (b.type === 'file' && a.size === b.size && a.content === b.content);
}

/** `0o644` → `"0644"`. */
export function formatMode(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

/** The tree sorted by path, as a new object (for stable serialisation and display). */
export function sortedTree(tree: Record<string, FsEntry>): Tree {
  const out: Record<string, FsEntry> = {};
  for (const path of Object.keys(tree).sort()) out[path] = tree[path] as FsEntry;
  return out;
}
