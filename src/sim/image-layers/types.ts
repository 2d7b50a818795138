// The model's state and the shapes its operations return. Everything is plain JSON (no classes, no Maps, no
// functions), so a widget can keep the state in localStorage or a URL and hand it back unchanged.
import type { Text } from '../citation.ts';
import type { Digest } from './digest.ts';
import type { Changes, Layer } from './layer.ts';

export type { Text };

/**
 * The runtime part of an OCI image config (https://github.com/opencontainers/image-spec/blob/main/config.md,
 * "config"): what a container started from the image gets. Field names as the spec writes them.
 */
export interface RunConfig {
  readonly User?: string;
  readonly ExposedPorts?: Readonly<Record<string, Record<string, never>>>;
  /** `NAME=value` strings, in order. */
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[];
  readonly Cmd?: readonly string[];
  readonly Volumes?: Readonly<Record<string, Record<string, never>>>;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly StopSignal?: string;
  readonly Shell?: readonly string[];
  /** HEALTHCHECK's test, as Docker stores it (`["CMD-SHELL", "…"]`, `["NONE"]`). */
  readonly Healthcheck?: { readonly Test: readonly string[] };
}

export interface HistoryEntry {
  /** The instruction as the builder records it (`RUN /bin/sh -c apk add curl`, `ENV A=1`). */
  readonly created_by: string;
  /** True when the step made no layer (metadata only, or a file-system step that changed nothing). */
  readonly empty_layer?: true;
  readonly comment?: string;
}

/** An OCI image config. No `created` timestamps: the model is deterministic (README.md). */
export interface ImageConfig {
  readonly architecture: 'amd64';
  readonly os: 'linux';
  readonly config: RunConfig;
  readonly rootfs: { readonly type: 'layers'; readonly diff_ids: readonly Digest[] };
  readonly history: readonly HistoryEntry[];
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
}

/** An OCI image manifest (https://github.com/opencontainers/image-spec/blob/main/manifest.md). */
export interface Manifest {
  readonly schemaVersion: 2;
  readonly mediaType: 'application/vnd.oci.image.manifest.v1+json';
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

/** An image in the local store. Its id is its config's digest, as Docker's image ID is. */
export interface Image {
  readonly id: Digest;
  readonly config: ImageConfig;
  readonly manifest: Manifest;
  readonly manifestDigest: Digest;
}

/** A container: an image's layers, read-only, under one writable layer of its own. */
export interface Container {
  readonly id: string;
  readonly image: Digest;
  /** The writable layer ("upper directory"), in the same whiteout form a committed layer has. */
  readonly upper: Changes;
}

/** A simulated registry: blobs and manifests addressed by digest, and tags pointing at manifests. */
export interface Registry {
  readonly layers: Readonly<Record<Digest, Layer>>;
  readonly configs: Readonly<Record<Digest, ImageConfig>>;
  readonly manifests: Readonly<Record<Digest, Manifest>>;
  /** `name:tag` → manifest digest. */
  readonly tags: Readonly<Record<string, Digest>>;
}

/** A build cache entry: the layer a file-system step made, or null when it changed nothing. */
export interface CacheEntry {
  readonly layer: Digest | null;
  /** The instruction that made it, for display. */
  readonly createdBy: string;
}

/** The whole model: one Docker host (layer store, images, containers, build cache) and one registry. */
export interface LayersState {
  /** Every layer on local disk, shared by all images, containers and the build cache. */
  readonly layers: Readonly<Record<Digest, Layer>>;
  readonly images: Readonly<Record<Digest, Image>>;
  /** `name:tag` → image id. */
  readonly tags: Readonly<Record<string, Digest>>;
  readonly containers: Readonly<Record<string, Container>>;
  /** cache key → result. */
  readonly buildCache: Readonly<Record<string, CacheEntry>>;
  readonly registry: Registry;
  /** Next container number (containers are `c1`, `c2`, … so that states stay deterministic). */
  readonly nextContainer: number;
}

/** An error the learner sees, in both languages; `line` (1-based) when it comes from a Dockerfile line. */
export interface ModelError {
  readonly code: string;
  readonly message: Text;
  readonly line?: number;
}

/** Every operation answers with a new state and a report, or with an explained error (state unchanged). */
export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: ModelError };

export function fail(code: string, ja: string, en: string, line?: number): { ok: false; error: ModelError } {
  return {
    ok: false,
    error: line === undefined ? { code, message: { ja, en } } : { code, message: { ja, en }, line },
  };
}

export function text(ja: string, en: string): Text {
  return { ja, en };
}
