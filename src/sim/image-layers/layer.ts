// Layers: a change set of a file tree, in the OCI image-spec's form
// (https://github.com/opencontainers/image-spec/blob/main/layer.md): added and modified files and directories
// in their entirety, removals as whiteout files `.wh.<name>` beside the removed name, and `.wh..wh..opq` in a
// directory whose lower contents are all hidden (an opaque whiteout). A layer is addressed by the SHA-256 of
// a canonical serialisation of its entries (sorted by path; type, mode, owner, size and content of each), so
// its digest is a function of its content only. Real layers are tar archives (often gzip-compressed) whose
// headers also carry timestamps; see README.md for what that changes.
import { canonicalJson, type Digest, digestOf } from './digest.ts';
import {
  ancestorsOf,
  baseName,
  type FsEntry,
  isWithin,
  joinPath,
  parentOf,
  sameEntry,
  sortedTree,
  type Tree,
} from './tree.ts';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_WHITEOUT = '.wh..wh..opq';

/** A whiteout: the file `<dir>/.wh.<name>` that removes `<dir>/<name>` of the layers below. */
export interface WhiteoutEntry {
  readonly type: 'whiteout';
}
/** `<dir>/.wh..wh..opq`: every child of `<dir>` in the layers below is hidden. */
export interface OpaqueEntry {
  readonly type: 'opaque';
}
export type DiffEntry = FsEntry | WhiteoutEntry | OpaqueEntry;

/** One entry of a layer, with its path (a whiteout's path is its own `.wh.` name, as in the tar). */
export type LayerEntry = DiffEntry & { readonly path: string };

export interface Layer {
  /** sha256 of the canonical serialisation of `entries`. */
  readonly digest: Digest;
  /** Bytes of the regular files in the layer (whiteouts and directories count 0). */
  readonly size: number;
  /** Sorted by path. */
  readonly entries: readonly LayerEntry[];
}

/** A change set being assembled (a container's writable layer, a build step's diff): path → entry. */
export type Changes = Readonly<Record<string, DiffEntry>>;

export function whiteoutPathFor(path: string): string {
  return joinPath(parentOf(path), `${WHITEOUT_PREFIX}${baseName(path)}`);
}

export function opaquePathFor(dir: string): string {
  return joinPath(dir, OPAQUE_WHITEOUT);
}

/** The path a whiteout entry removes (`/etc/.wh.motd` → `/etc/motd`). */
export function whitedOutPath(whiteoutPath: string): string {
  return joinPath(parentOf(whiteoutPath), baseName(whiteoutPath).slice(WHITEOUT_PREFIX.length));
}

function serialise(entry: LayerEntry): unknown[] {
  switch (entry.type) {
    case 'file':
      return [entry.path, 'file', entry.mode, entry.owner, entry.size, entry.content];
    case 'dir':
      return [entry.path, 'dir', entry.mode, entry.owner];
    default:
      return [entry.path, entry.type];
  }
}

/** A layer from a change set; the order of `changes` does not matter. */
export function makeLayer(changes: Changes): Layer {
  const entries: LayerEntry[] = Object.keys(changes)
    .sort()
    .map((path) => ({ ...(changes[path] as DiffEntry), path }));
  let size = 0;
  for (const e of entries) if (e.type === 'file') size += e.size;
  return { digest: digestOf(canonicalJson(entries.map(serialise))), size, entries };
}

export function layerChanges(layer: Layer): Changes {
  const out: Record<string, DiffEntry> = {};
  for (const { path, ...entry } of layer.entries) out[path] = entry as DiffEntry;
  return out;
}

/**
 * The tree a change set makes on top of `lower`, as the image-spec applies a layer: opaque whiteouts and
 * whiteouts remove what the lower tree has (never what this same change set adds), then additions replace.
 */
export function applyChanges(lower: Tree, changes: Changes): Tree {
  const out: Record<string, FsEntry> = { ...lower };
  const paths = Object.keys(changes);
  for (const path of paths) {
    const entry = changes[path] as DiffEntry;
    if (entry.type === 'opaque') {
      const dir = parentOf(path);
      for (const p of Object.keys(lower)) if (p !== dir && isWithin(p, dir)) delete out[p];
    } else if (entry.type === 'whiteout') {
      const gone = whitedOutPath(path);
      for (const p of Object.keys(lower)) if (isWithin(p, gone)) delete out[p];
    }
  }
  for (const path of paths) {
    const entry = changes[path] as DiffEntry;
    if (entry.type === 'file' || entry.type === 'dir') {
      // A file over a lower directory replaces the directory and everything in it (layer.md, "Changeset
      // over existing files").
      if (entry.type === 'file' && lower[path]?.type === 'dir') {
        for (const p of Object.keys(lower)) if (isWithin(p, path)) delete out[p];
      }
      out[path] = entry;
    }
  }
  return sortedTree(out);
}

export function applyLayer(lower: Tree, layer: Layer): Tree {
  return applyChanges(lower, layerChanges(layer));
}

/** The tree made by stacking layers, lowest first. */
export function stackLayers(layers: readonly Layer[]): Tree {
  let tree: Tree = {};
  for (const layer of layers) tree = applyLayer(tree, layer);
  return tree;
}

/**
 * The change set from `before` to `after`, as a snapshotter's differ writes it: each added or modified entry
 * in its entirety with the directories above it, and for each removed entry one explicit whiteout (only for
 * the topmost removed path; the image-spec says implementations SHOULD write explicit whiteouts rather than
 * opaque ones).
 */
export function diffTrees(before: Tree, after: Tree): Changes {
  const out: Record<string, DiffEntry> = {};
  const withParents = (path: string) => {
    for (const a of ancestorsOf(path)) {
      const dir = after[a];
      if (dir !== undefined && out[a] === undefined) out[a] = dir;
    }
  };
  for (const path of Object.keys(after)) {
    if (!sameEntry(before[path], after[path])) {
      out[path] = after[path] as FsEntry;
      withParents(path);
    }
  }
  for (const path of Object.keys(before)) {
    if (after[path] !== undefined) continue;
    // Only the topmost removed path gets a whiteout; below a directory that became a file, nothing.
    const covered = ancestorsOf(path).some((a) => after[a] === undefined || after[a]?.type === 'file');
    if (covered) continue;
    out[whiteoutPathFor(path)] = { type: 'whiteout' };
    withParents(path);
  }
  return out;
}

export function isEmptyChanges(changes: Changes): boolean {
  return Object.keys(changes).length === 0;
}
