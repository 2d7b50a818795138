// Images: a config (with the ordered diff_ids of its layers) and a manifest pointing at the config and the
// layer blobs, each addressed by the digest of its canonical JSON.
import { canonicalJson, type Digest, digestOf, utf8Length } from './digest.ts';
import type { Layer } from './layer.ts';
import type { HistoryEntry, Image, ImageConfig, Manifest, RunConfig } from './types.ts';

/**
 * Layers here are stored uncompressed, so a layer's blob digest equals its diff_id. Registries usually hold
 * gzip- or zstd-compressed blobs whose digest differs from the diff_id (config.md, "rootfs"; layer.md).
 */
export const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';
export const CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';

export function makeConfig(
  run: RunConfig,
  layers: readonly Layer[],
  history: readonly HistoryEntry[],
): ImageConfig {
  return {
    architecture: 'amd64',
    os: 'linux',
    config: run,
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    history,
  };
}

export function makeImage(config: ImageConfig, layers: readonly Layer[]): Image {
  const configJson = canonicalJson(config);
  const id = digestOf(configJson);
  const manifest: Manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: CONFIG_MEDIA_TYPE, digest: id, size: utf8Length(configJson) },
    layers: layers.map((l) => ({ mediaType: LAYER_MEDIA_TYPE, digest: l.digest, size: l.size })),
  };
  return { id, config, manifest, manifestDigest: digestOf(canonicalJson(manifest)) };
}

/** `alpine` → `alpine:latest`; a reference with a tag or a digest is kept. */
export function normaliseRef(ref: string): string {
  const trimmed = ref.trim();
  if (trimmed.includes('@')) return trimmed;
  const lastSlash = trimmed.lastIndexOf('/');
  return trimmed.slice(lastSlash + 1).includes(':') ? trimmed : `${trimmed}:latest`;
}

/** `NAME=value` list → object, later entries winning. */
export function envRecord(env: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of env ?? []) {
    const i = item.indexOf('=');
    if (i > 0) out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
}

/** Sets NAME in a `NAME=value` list, keeping its place if present (Docker's order). */
export function withEnv(env: readonly string[] | undefined, name: string, value: string): string[] {
  const list = [...(env ?? [])];
  const i = list.findIndex((e) => e.startsWith(`${name}=`));
  if (i >= 0) list[i] = `${name}=${value}`;
  else list.push(`${name}=${value}`);
  return list;
}

export type { Digest };
