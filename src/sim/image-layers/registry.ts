// Push and pull against the simulated registry, as the OCI distribution protocol does it: a tag resolves to a
// manifest digest, the manifest names the config and layer blobs by digest, and a client transfers only the
// blobs the other side lacks (a pull skips layers already in the local store; a push asks the registry
// first and skips blobs it has: "Layer already exists").
// https://github.com/opencontainers/distribution-spec/blob/main/spec.md
import type { Digest } from './digest.ts';
import { makeImage, normaliseRef } from './image.ts';
import type { Layer } from './layer.ts';
import { findImage } from './store.ts';
import { fail, type Image, type LayersState, type Outcome } from './types.ts';

export interface BlobTransfer {
  readonly digest: Digest;
  readonly size: number;
  /** `transferred`: copied over; `present`: the receiving side already had a blob with this digest. */
  readonly status: 'transferred' | 'present';
}

export interface TransferReport {
  readonly ref: string;
  readonly manifestDigest: Digest;
  readonly imageId: Digest;
  /** One per layer of the image, lowest first. */
  readonly layers: readonly BlobTransfer[];
  readonly bytesTransferred: number;
  readonly bytesSkipped: number;
}

function report(
  ref: string,
  image: Image,
  layers: readonly Layer[],
  has: (d: Digest) => boolean,
): TransferReport {
  const seen = new Set<string>();
  const transfers: BlobTransfer[] = layers.map((l) => {
    const present = has(l.digest) || seen.has(l.digest);
    seen.add(l.digest);
    return { digest: l.digest, size: l.size, status: present ? 'present' : 'transferred' };
  });
  let bytesTransferred = 0;
  let bytesSkipped = 0;
  for (const t of transfers) {
    if (t.status === 'transferred') bytesTransferred += t.size;
    else bytesSkipped += t.size;
  }
  return {
    ref,
    manifestDigest: image.manifestDigest,
    imageId: image.id,
    layers: transfers,
    bytesTransferred,
    bytesSkipped,
  };
}

/**
 * `docker pull name:tag` or `docker pull name@sha256:…` (a manifest digest). The image is tagged locally
 * with `name:tag` (a pull by digest adds no tag, as in Docker).
 */
export function pull(
  state: LayersState,
  ref: string,
): Outcome<{ state: LayersState; report: TransferReport }> {
  const reg = state.registry;
  const at = ref.indexOf('@');
  const manifestDigest = at >= 0 ? (ref.slice(at + 1) as Digest) : reg.tags[normaliseRef(ref)];
  const manifest = manifestDigest ? reg.manifests[manifestDigest] : undefined;
  if (!manifestDigest || !manifest)
    return fail(
      'not-in-registry',
      `レジストリに ${at >= 0 ? ref : normaliseRef(ref)} はありません（あるのは ${Object.keys(reg.tags).sort().join(', ')}）。`,
      `The registry has no ${at >= 0 ? ref : normaliseRef(ref)} (it has ${Object.keys(reg.tags).sort().join(', ')}).`,
    );
  const config = reg.configs[manifest.config.digest];
  const layers = manifest.layers.map((d) => reg.layers[d.digest]);
  if (!config || layers.some((l) => l === undefined))
    return fail(
      'registry-incomplete',
      'レジストリのデータが欠けています。',
      'The registry is missing a blob.',
    );
  const image = makeImage(config, layers as Layer[]);
  const result = report(normaliseRef(ref), image, layers as Layer[], (d) => state.layers[d] !== undefined);
  const storeLayers = { ...state.layers };
  for (const l of layers as Layer[]) storeLayers[l.digest] = l;
  const tags = at >= 0 ? state.tags : { ...state.tags, [normaliseRef(ref)]: image.id };
  return {
    ok: true,
    state: { ...state, layers: storeLayers, images: { ...state.images, [image.id]: image }, tags },
    report: result,
  };
}

/** `docker push`: uploads a local image under `remoteRef` (default: the same name), sending only missing blobs. */
export function push(
  state: LayersState,
  localRef: string,
  remoteRef = localRef,
): Outcome<{ state: LayersState; report: TransferReport }> {
  const image = findImage(state, localRef);
  if (!image)
    return fail('no-such-image', `イメージ ${localRef} はありません。`, `No such image: ${localRef}.`);
  if (remoteRef.includes('@'))
    return fail(
      'push-by-digest',
      'プッシュ先にはタグを指定してください。',
      'Push to a tag, not to a digest.',
    );
  const layers = image.config.rootfs.diff_ids.map((d) => state.layers[d] as Layer);
  const reg = state.registry;
  const result = report(normaliseRef(remoteRef), image, layers, (d) => reg.layers[d] !== undefined);
  const regLayers = { ...reg.layers };
  for (const l of layers) regLayers[l.digest] = l;
  return {
    ok: true,
    state: {
      ...state,
      registry: {
        layers: regLayers,
        configs: { ...reg.configs, [image.id]: image.config },
        manifests: { ...reg.manifests, [image.manifestDigest]: image.manifest },
        tags: { ...reg.tags, [normaliseRef(remoteRef)]: image.manifestDigest },
      },
    },
    report: result,
  };
}
