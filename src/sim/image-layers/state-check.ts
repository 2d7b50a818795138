// Checking a state that came from outside (localStorage, a URL, an exercise file) before using it: its shape,
// and that every content address still matches its content, so a hand-edited state cannot claim a digest it
// does not have.
import { canonicalJson, digestOf } from './digest.ts';
import { makeImage } from './image.ts';
import { layerChanges, makeLayer } from './layer.ts';
import type { LayersState } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems with `value` as a LayersState, each naming the field; empty when the model can use it. */
export function layersStateProblems(value: unknown): string[] {
  if (!isObject(value)) return ['state: Expected an object'];
  const problems: string[] = [];
  for (const key of ['layers', 'images', 'tags', 'containers', 'buildCache', 'registry'])
    if (!isObject(value[key])) problems.push(`${key}: Expected an object`);
  if (
    typeof value.nextContainer !== 'number' ||
    !Number.isInteger(value.nextContainer) ||
    value.nextContainer < 1
  )
    problems.push('nextContainer: Expected a positive integer');
  if (problems.length > 0) return problems;
  const state = value as unknown as LayersState;
  try {
    for (const [digest, layer] of Object.entries(state.layers)) {
      if (makeLayer(layerChanges(layer)).digest !== digest)
        problems.push(`layers.${digest}: content does not match its digest`);
    }
    for (const [id, image] of Object.entries(state.images)) {
      if (digestOf(canonicalJson(image.config)) !== id)
        problems.push(`images.${id}: config does not match its digest`);
      for (const d of image.config.rootfs.diff_ids)
        if (!state.layers[d]) problems.push(`images.${id}: layer ${d} is not in layers`);
      const layers = image.config.rootfs.diff_ids.map((d) => state.layers[d]).filter((l) => l !== undefined);
      if (
        layers.length === image.config.rootfs.diff_ids.length &&
        makeImage(image.config, layers).manifestDigest !== image.manifestDigest
      )
        problems.push(`images.${id}: manifest does not match its digest`);
    }
    for (const [tag, id] of Object.entries(state.tags))
      if (!state.images[id]) problems.push(`tags.${tag}: no image ${id}`);
    for (const [cid, c] of Object.entries(state.containers)) {
      if (c.id !== cid) problems.push(`containers.${cid}: id is ${c.id}`);
      if (!state.images[c.image]) problems.push(`containers.${cid}: no image ${c.image}`);
      if (!isObject(c.upper)) problems.push(`containers.${cid}.upper: Expected an object`);
    }
    for (const [digest, layer] of Object.entries(state.registry.layers))
      if (makeLayer(layerChanges(layer)).digest !== digest)
        problems.push(`registry.layers.${digest}: content does not match its digest`);
    for (const [tag, m] of Object.entries(state.registry.tags))
      if (!state.registry.manifests[m]) problems.push(`registry.tags.${tag}: no manifest ${m}`);
  } catch (error) {
    problems.push(`state: malformed (${error instanceof Error ? error.message : String(error)})`);
  }
  return problems;
}
