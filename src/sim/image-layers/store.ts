// The local store: the initial state, looking images up, the merged tree of an image, removing an image, and
// disk usage with shared layers counted once (what `docker system df -v` reports as shared and unique size).
import { seededRegistry } from './base-images.ts';
import type { Digest } from './digest.ts';
import { normaliseRef } from './image.ts';
import { type Layer, stackLayers } from './layer.ts';
import type { Tree } from './tree.ts';
import { fail, type Image, type LayersState, type Outcome } from './types.ts';

/** An empty Docker host beside a registry holding the base images (alpine:3.20, debian:12-slim, nginx:1.27-alpine). */
export function initialState(): LayersState {
  return {
    layers: {},
    images: {},
    tags: {},
    containers: {},
    buildCache: {},
    registry: seededRegistry(),
    nextContainer: 1,
  };
}

/** A local image by `name:tag`, by image id (`sha256:…`), or by the first 12+ hex digits of its id. */
export function findImage(state: LayersState, ref: string): Image | undefined {
  const trimmed = ref.trim();
  const byTag = state.tags[normaliseRef(trimmed)];
  if (byTag) return state.images[byTag];
  const hex = trimmed.replace(/^sha256:/, '');
  if (/^[0-9a-f]{12,64}$/.test(hex)) {
    const id = Object.keys(state.images).find((d) => d.startsWith(`sha256:${hex}`));
    return id ? state.images[id as Digest] : undefined;
  }
  return undefined;
}

/** The image's layers, lowest first. */
export function imageLayers(state: LayersState, image: Image): Layer[] {
  return image.config.rootfs.diff_ids.map((d) => {
    const layer = state.layers[d];
    if (!layer) throw new Error(`layer ${d} of image ${image.id} is not in the store`);
    return layer;
  });
}

/** The file tree a container of this image starts with: its layers stacked. */
export function imageTree(state: LayersState, image: Image): Tree {
  return stackLayers(imageLayers(state, image));
}

/** Tags that point at an image. */
export function tagsOf(state: LayersState, id: Digest): string[] {
  return Object.keys(state.tags)
    .filter((t) => state.tags[t] === id)
    .sort();
}

/** Layers still needed by an image or by the build cache; the others are deleted. */
export function collectGarbage(state: LayersState): LayersState {
  const keep = new Set<string>();
  for (const img of Object.values(state.images)) for (const d of img.config.rootfs.diff_ids) keep.add(d);
  for (const c of Object.values(state.buildCache)) if (c.layer) keep.add(c.layer);
  const layers: Record<string, Layer> = {};
  for (const [d, l] of Object.entries(state.layers)) if (keep.has(d)) layers[d] = l;
  return { ...state, layers };
}

export interface RemoveImageReport {
  readonly untagged: string[];
  /** Image ids deleted (empty when other tags still point at it). */
  readonly deleted: Digest[];
  /** Layers deleted from disk: those no other image and no build cache entry uses. */
  readonly layersDeleted: Digest[];
}

/**
 * `docker rmi`: untags `ref`; when no tag is left, deletes the image and the layers nothing else uses.
 * Refused while a container uses the image, as Docker does without --force.
 */
export function removeImage(
  state: LayersState,
  ref: string,
): Outcome<{ state: LayersState; report: RemoveImageReport }> {
  const image = findImage(state, ref);
  if (!image) return fail('no-such-image', `イメージ ${ref} はありません。`, `No such image: ${ref}.`);
  const user = Object.values(state.containers).find((c) => c.image === image.id);
  if (user)
    return fail(
      'image-in-use',
      `コンテナ ${user.id} がこのイメージを使っているので削除できません。先にコンテナを削除してください。`,
      `Cannot remove: container ${user.id} is using this image. Remove the container first.`,
    );
  const tags = { ...state.tags };
  const normal = normaliseRef(ref);
  const untagged = tags[normal] === image.id ? [normal] : tagsOf(state, image.id);
  for (const t of untagged) delete tags[t];
  const stillTagged = Object.values(tags).includes(image.id);
  if (stillTagged)
    return { ok: true, state: { ...state, tags }, report: { untagged, deleted: [], layersDeleted: [] } };
  const images = { ...state.images };
  delete images[image.id];
  const after = collectGarbage({ ...state, tags, images });
  const layersDeleted = Object.keys(state.layers).filter((d) => !after.layers[d as Digest]) as Digest[];
  return { ok: true, state: after, report: { untagged, deleted: [image.id], layersDeleted } };
}

export interface ImageUsage {
  readonly id: Digest;
  readonly tags: string[];
  /** Sum of its layers: what it would take alone. */
  readonly size: number;
  /** Bytes in layers that another image also uses. */
  readonly sharedSize: number;
  /** Bytes in layers only this image uses. */
  readonly uniqueSize: number;
  readonly containers: number;
}

export interface DiskUsage {
  readonly images: ImageUsage[];
  /** Writable layers, one per container. */
  readonly containers: { readonly id: string; readonly image: Digest; readonly size: number }[];
  /** Bytes of layers kept only by the build cache. */
  readonly buildCacheSize: number;
  /** Bytes of all layers on disk, each counted once. */
  readonly layersSize: number;
  /** What adding every image's size would give (shared layers counted again for every image). */
  readonly sumOfImageSizes: number;
  /** layersSize plus the containers' writable layers: what the disk really holds. */
  readonly total: number;
}

export function diskUsage(state: LayersState): DiskUsage {
  const usedBy = new Map<string, Set<Digest>>();
  for (const img of Object.values(state.images))
    for (const d of img.config.rootfs.diff_ids) {
      const set = usedBy.get(d) ?? new Set();
      set.add(img.id);
      usedBy.set(d, set);
    }
  const sizeOf = (d: string) => state.layers[d as Digest]?.size ?? 0;
  const images: ImageUsage[] = Object.values(state.images)
    .map((img) => {
      const unique = new Set(img.config.rootfs.diff_ids);
      let size = 0;
      let sharedSize = 0;
      for (const d of unique) {
        size += sizeOf(d);
        if ((usedBy.get(d)?.size ?? 0) > 1) sharedSize += sizeOf(d);
      }
      return {
        id: img.id,
        tags: tagsOf(state, img.id),
        size,
        sharedSize,
        uniqueSize: size - sharedSize,
        containers: Object.values(state.containers).filter((c) => c.image === img.id).length,
      };
    })
    .sort((a, b) => (a.tags[0] ?? a.id).localeCompare(b.tags[0] ?? b.id));
  const containers = Object.values(state.containers).map((c) => {
    let size = 0;
    for (const e of Object.values(c.upper)) if (e.type === 'file') size += e.size;
    return { id: c.id, image: c.image, size };
  });
  let layersSize = 0;
  let buildCacheSize = 0;
  for (const [d, l] of Object.entries(state.layers)) {
    layersSize += l.size;
    if (!usedBy.has(d)) buildCacheSize += l.size;
  }
  const sumOfImageSizes = images.reduce((s, i) => s + i.size, 0);
  return {
    images,
    containers,
    buildCacheSize,
    layersSize,
    sumOfImageSizes,
    total: layersSize + containers.reduce((s, c) => s + c.size, 0),
  };
}
