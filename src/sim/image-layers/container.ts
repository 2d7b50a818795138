// Containers: a writable layer on top of an image's read-only layers, as overlayfs gives Docker
// (https://docs.kernel.org/filesystems/overlayfs.html). Reads see the merged view; the first change to a
// file of a lower layer copies the whole file up into the writable layer ("copy up"), together with the
// directories above it; deleting a lower entry leaves a whiteout; a directory deleted and made again is
// opaque, so nothing of the lower one shows through. The writable layer is kept in the OCI form a committed
// layer has (`.wh.<name>`, `.wh..wh..opq`: https://github.com/opencontainers/image-spec/blob/main/layer.md),
// which is what `docker commit` turns into a new image layer
// (https://docs.docker.com/reference/cli/docker/container/commit/). Removing a container discards its
// writable layer and nothing else.
import { utf8Length } from './digest.ts';
import { formatBytes } from './format.ts';
import { makeConfig, makeImage, normaliseRef } from './image.ts';
import {
  applyChanges,
  type Changes,
  type DiffEntry,
  makeLayer,
  opaquePathFor,
  whitedOutPath,
  whiteoutPathFor,
} from './layer.ts';
import { findImage, imageLayers, imageTree } from './store.ts';
import {
  ancestorsOf,
  entryAt,
  type FsEntry,
  isWithin,
  normalisePath,
  parentOf,
  ROOT_OWNER,
  type Tree,
} from './tree.ts';
import { type Container, fail, type Image, type LayersState, type Outcome, type Text } from './types.ts';

/** What one file operation did to the writable layer, for the widget to show. */
export interface WriteReport {
  /** Paths copied up from a lower layer before the change, with the bytes copied. */
  readonly copiedUp: readonly { readonly path: string; readonly bytes: number }[];
  /** Whiteouts added (`.wh.` paths) or removed. */
  readonly whiteoutsAdded: readonly string[];
  readonly whiteoutsRemoved: readonly string[];
  /** An opaque whiteout added for a directory made again. */
  readonly opaque?: string;
  readonly explanation: Text;
}

export type ContainerOutcome = Outcome<{ state: LayersState; report: WriteReport }>;

/** `docker create`: a container of an image, with an empty writable layer. */
export function createContainer(
  state: LayersState,
  imageRef: string,
): Outcome<{ state: LayersState; id: string }> {
  const image = findImage(state, imageRef);
  if (!image)
    return fail('no-such-image', `イメージ ${imageRef} はありません。`, `No such image: ${imageRef}.`);
  const id = `c${state.nextContainer}`;
  const container: Container = { id, image: image.id, upper: {} };
  return {
    ok: true,
    id,
    state: {
      ...state,
      containers: { ...state.containers, [id]: container },
      nextContainer: state.nextContainer + 1,
    },
  };
}

function lookup(state: LayersState, id: string): { container: Container; image: Image; lower: Tree } | null {
  const container = state.containers[id];
  const image = container ? state.images[container.image] : undefined;
  if (!container || !image) return null;
  return { container, image, lower: imageTree(state, image) };
}

const noContainer = (id: string) =>
  fail('no-such-container', `コンテナ ${id} はありません。`, `No such container: ${id}.`);

/** The container's file tree as its processes see it: the writable layer over the image's layers. */
export function mergedView(state: LayersState, id: string): Tree | undefined {
  const found = lookup(state, id);
  return found ? applyChanges(found.lower, found.container.upper) : undefined;
}

/** `docker diff`: A (added), C (changed), D (deleted) paths of the writable layer. */
export function containerChanges(state: LayersState, id: string): { kind: 'A' | 'C' | 'D'; path: string }[] {
  const found = lookup(state, id);
  if (!found) return [];
  const out: { kind: 'A' | 'C' | 'D'; path: string }[] = [];
  for (const [path, e] of Object.entries(found.container.upper)) {
    if (e.type === 'whiteout') out.push({ kind: 'D', path: whitedOutPath(path) });
    else if (e.type === 'file' || e.type === 'dir') out.push({ kind: found.lower[path] ? 'C' : 'A', path });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function withUpper(
  state: LayersState,
  c: Container,
  upper: Record<string, DiffEntry>,
  report: WriteReport,
): ContainerOutcome {
  return {
    ok: true,
    state: { ...state, containers: { ...state.containers, [c.id]: { ...c, upper } } },
    report,
  };
}

/** Copies up the directories above `path` that the writable layer does not hold yet (overlayfs does this). */
function copyUpParents(upper: Record<string, DiffEntry>, merged: Tree, path: string): void {
  for (const dir of ancestorsOf(path)) if (!upper[dir]) upper[dir] = merged[dir] as FsEntry;
}

/** Writes a file (a new one, or a new content for an existing one; `append` adds to its end). */
export function writeFile(
  state: LayersState,
  id: string,
  path: string,
  content: string,
  append = false,
): ContainerOutcome {
  const found = lookup(state, id);
  if (!found) return noContainer(id);
  const p = normalisePath(path);
  const merged = applyChanges(found.lower, found.container.upper);
  const parent = entryAt(merged, parentOf(p));
  if (parent?.type !== 'dir')
    return fail(
      'no-such-directory',
      `${parentOf(p)} というディレクトリはありません。`,
      `There is no directory ${parentOf(p)}.`,
    );
  const existing = merged[p];
  if (existing?.type === 'dir')
    return fail('is-a-directory', `${p} はディレクトリです。`, `${p} is a directory.`);
  const upper: Record<string, DiffEntry> = { ...found.container.upper };
  const copiedUp: { path: string; bytes: number }[] = [];
  const whiteoutsRemoved: string[] = [];
  copyUpParents(upper, merged, p);
  const inUpper = upper[p]?.type === 'file';
  if (existing && !inUpper) copiedUp.push({ path: p, bytes: existing.size });
  const wh = whiteoutPathFor(p);
  if (upper[wh]) {
    delete upper[wh];
    whiteoutsRemoved.push(wh);
  }
  const text = append && existing ? existing.content + content : content;
  upper[p] = {
    type: 'file',
    mode: existing?.mode ?? 0o644,
    owner: existing?.owner ?? ROOT_OWNER,
    size: append && existing ? existing.size + utf8Length(content) : utf8Length(text),
    content: text,
  };
  const explanation: Text =
    copiedUp.length > 0
      ? {
          ja: `${p} は下のレイヤーにあるファイルです。変更の前に、ファイル全体（${formatBytes(existing?.size ?? 0)}）を書き込み可能レイヤーにコピーしました（コピーアップ）。下のレイヤーのファイルはそのままです。`,
          en: `${p} is a file of a lower layer. Before the change, the whole file (${formatBytes(existing?.size ?? 0)}) was copied into the writable layer (copy-up). The lower layer's file is unchanged.`,
        }
      : existing
        ? {
            ja: `${p} は既に書き込み可能レイヤーにあるので、そこで変更しました。`,
            en: `${p} is already in the writable layer, so it was changed there.`,
          }
        : {
            ja: `${p} を書き込み可能レイヤーに新しく作りました。`,
            en: `${p} was created in the writable layer.`,
          };
  return withUpper(state, found.container, upper, {
    copiedUp,
    whiteoutsAdded: [],
    whiteoutsRemoved,
    explanation,
  });
}

/** Makes a directory (its parent must exist). Over a deleted lower directory, the new one is opaque. */
export function makeDirectory(state: LayersState, id: string, path: string): ContainerOutcome {
  const found = lookup(state, id);
  if (!found) return noContainer(id);
  const p = normalisePath(path);
  const merged = applyChanges(found.lower, found.container.upper);
  if (p === '/' || merged[p]) return fail('exists', `${p} は既にあります。`, `${p} already exists.`);
  if (entryAt(merged, parentOf(p))?.type !== 'dir')
    return fail(
      'no-such-directory',
      `${parentOf(p)} というディレクトリはありません。`,
      `There is no directory ${parentOf(p)}.`,
    );
  const upper: Record<string, DiffEntry> = { ...found.container.upper };
  copyUpParents(upper, merged, p);
  upper[p] = { type: 'dir', mode: 0o755, owner: ROOT_OWNER };
  const wh = whiteoutPathFor(p);
  if (upper[wh]) {
    // overlayfs makes a directory created over a whiteout opaque; in a layer that is `.wh..wh..opq`.
    delete upper[wh];
    const opq = opaquePathFor(p);
    upper[opq] = { type: 'opaque' };
    return withUpper(state, found.container, upper, {
      copiedUp: [],
      whiteoutsAdded: [],
      whiteoutsRemoved: [wh],
      opaque: opq,
      explanation: {
        ja: `${p} は下のレイヤーにあって削除したディレクトリです。作り直したディレクトリは不透明（opaque）になり、${opq} が下のレイヤーの中身をすべて隠します。`,
        en: `${p} was a directory of a lower layer that you deleted. The new one is opaque: ${opq} hides everything the lower layers had in it.`,
      },
    });
  }
  return withUpper(state, found.container, upper, {
    copiedUp: [],
    whiteoutsAdded: [],
    whiteoutsRemoved: [],
    explanation: {
      ja: `${p} を書き込み可能レイヤーに作りました。`,
      en: `${p} was created in the writable layer.`,
    },
  });
}

/** Deletes a file, or a directory with `recursive` (like rm -r). */
export function removePath(
  state: LayersState,
  id: string,
  path: string,
  recursive = false,
): ContainerOutcome {
  const found = lookup(state, id);
  if (!found) return noContainer(id);
  const p = normalisePath(path);
  if (p === '/') return fail('root', '/ は削除できません。', 'Cannot remove /.');
  const merged = applyChanges(found.lower, found.container.upper);
  const existing = merged[p];
  if (!existing) return fail('no-such-file', `${p} はありません。`, `${p} does not exist.`);
  const hasChildren = Object.keys(merged).some((q) => q !== p && isWithin(q, p));
  if (existing.type === 'dir' && hasChildren && !recursive)
    return fail(
      'not-empty',
      `${p} は空でないディレクトリです（中身ごと消すには recursive を指定します）。`,
      `${p} is a directory that is not empty (use recursive to delete it with its contents).`,
    );
  const upper: Record<string, DiffEntry> = {};
  for (const [q, e] of Object.entries(found.container.upper)) if (!isWithin(q, p)) upper[q] = e;
  const whiteoutsAdded: string[] = [];
  // Still visible from a lower layer once the writable layer's own copy is gone? Then it needs a whiteout.
  if (applyChanges(found.lower, upper)[p]) {
    copyUpParents(upper, merged, p);
    const wh = whiteoutPathFor(p);
    upper[wh] = { type: 'whiteout' };
    whiteoutsAdded.push(wh);
  }
  const explanation: Text =
    whiteoutsAdded.length > 0
      ? {
          ja: `${p} は下のレイヤーにあるので消せません。代わりにホワイトアウト ${whiteoutsAdded[0]} を書き込み可能レイヤーに置き、マージされた表示から隠しました。下のレイヤーにはまだあり、ディスクも空きません。`,
          en: `${p} is in a lower layer, which cannot change. A whiteout ${whiteoutsAdded[0]} in the writable layer hides it from the merged view instead; the lower layer still has it, and no disk space is freed.`,
        }
      : {
          ja: `${p} は書き込み可能レイヤーにだけあったので、そのまま消えました。`,
          en: `${p} was only in the writable layer, so it is simply gone.`,
        };
  return withUpper(state, found.container, upper, {
    copiedUp: [],
    whiteoutsAdded,
    whiteoutsRemoved: [],
    explanation,
  });
}

export interface CommitReport {
  readonly imageId: Image['id'];
  /** The new layer, or null when the writable layer was empty (no layer, as for an empty build step). */
  readonly layer: { readonly digest: Image['id']; readonly size: number } | null;
  readonly tag?: string;
}

/**
 * `docker commit`: the writable layer becomes a read-only layer on top of the image's layers, in a new image
 * with the same config. The container goes on running with its writable layer as it was.
 */
export function commitContainer(
  state: LayersState,
  id: string,
  tag?: string,
): Outcome<{ state: LayersState; report: CommitReport }> {
  const found = lookup(state, id);
  if (!found) return noContainer(id);
  const upper: Changes = found.container.upper;
  const base = imageLayers(state, found.image);
  const empty = Object.keys(upper).length === 0;
  const layer = empty ? null : makeLayer(upper);
  const layers = layer ? [...base, layer] : base;
  const createdBy = `docker commit ${id}`;
  const history = [
    ...found.image.config.history,
    empty ? { created_by: createdBy, empty_layer: true as const } : { created_by: createdBy },
  ];
  const image = makeImage(makeConfig(found.image.config.config, layers, history), layers);
  const tags = tag ? { ...state.tags, [normaliseRef(tag)]: image.id } : state.tags;
  return {
    ok: true,
    state: {
      ...state,
      layers: layer ? { ...state.layers, [layer.digest]: layer } : state.layers,
      images: { ...state.images, [image.id]: image },
      tags,
    },
    report: {
      imageId: image.id,
      layer: layer ? { digest: layer.digest, size: layer.size } : null,
      ...(tag ? { tag: normaliseRef(tag) } : {}),
    },
  };
}

/** `docker rm`: the container and its writable layer are gone; images and their layers stay as they were. */
export function removeContainer(
  state: LayersState,
  id: string,
): Outcome<{ state: LayersState; discardedBytes: number }> {
  const c = state.containers[id];
  if (!c) return noContainer(id);
  const containers = { ...state.containers };
  delete containers[id];
  let discardedBytes = 0;
  for (const e of Object.values(c.upper)) if (e.type === 'file') discardedBytes += e.size;
  return { ok: true, state: { ...state, containers }, discardedBytes };
}
