// FROM: the base image's layers, config and history become the start of the build. A base image that is not
// here is pulled from the registry first, as docker build does; `scratch` is the empty image.
import { type BuildState, lineError, splitArgs, substitute } from './build-state.ts';
import { digestOf, shortDigest } from './digest.ts';
import type { DockerInstruction } from './dockerfile-parser.ts';
import { normaliseRef } from './image.ts';
import { pull, type TransferReport } from './registry.ts';
import { findImage, imageLayers, imageTree } from './store.ts';
import type { LayersState, ModelError, Text } from './types.ts';

export type FromOutcome =
  | {
      readonly ok: true;
      readonly state: LayersState;
      readonly pulled?: TransferReport;
      readonly build: BuildState;
      readonly explanation: Text;
    }
  | { readonly ok: false; readonly error: ModelError };

export function startFrom(
  state: LayersState,
  ins: DockerInstruction,
  globalArgs: Readonly<Record<string, string>>,
): FromOutcome {
  const ref = substitute(splitArgs(ins.args)[0] ?? '', globalArgs);
  if (!ref)
    return {
      ok: false,
      error: lineError(ins, 'missing-arguments', {
        ja: 'ベースイメージの名前が必要です。',
        en: 'needs a base image name.',
      }),
    };
  if (Object.keys(ins.flags).length > 0)
    return {
      ok: false,
      error: lineError(ins, 'unsupported-flag', {
        ja: 'FROM のフラグはこのシミュレーターでは扱えません。',
        en: 'This simulator does not handle FROM flags.',
      }),
    };
  const empty = { args: {}, newLayers: {}, newCache: {}, cmdSetHere: false };
  if (ref === 'scratch')
    return {
      ok: true,
      state,
      build: { ...empty, tree: {}, layers: [], run: {}, history: [], cacheKey: digestOf('FROM scratch') },
      explanation: {
        ja: 'scratch（空のイメージ）から始めます：レイヤーは 0 個です。',
        en: 'Starts from scratch (the empty image): no layers.',
      },
    };
  let st = state;
  let pulled: TransferReport | undefined;
  let image = findImage(st, ref);
  if (!image) {
    const p = pull(st, ref);
    if (!p.ok) return { ok: false, error: lineError(ins, p.error.code, p.error.message) };
    st = p.state;
    pulled = p.report;
    image = st.images[p.report.imageId];
  }
  if (!image)
    return {
      ok: false,
      error: lineError(ins, 'no-such-image', { ja: `${ref} がありません。`, en: `No such image: ${ref}.` }),
    };
  const layers = imageLayers(st, image);
  const build: BuildState = {
    ...empty,
    tree: imageTree(st, image),
    layers,
    // The build's own copy: metadata steps edit it, and the base image's config must never change.
    run: { ...image.config.config },
    history: [...image.config.history],
    cacheKey: digestOf(`FROM ${image.id}`),
  };
  const explanation: Text = {
    ja: `${normaliseRef(ref)} のレイヤー ${layers.length} 個（イメージ ID ${shortDigest(image.id)}）から始めます${pulled ? '。手元になかったので、先にレジストリからプルしました' : ''}。`,
    en: `Starts from the ${layers.length} layer(s) of ${normaliseRef(ref)} (image ID ${shortDigest(image.id)})${pulled ? ', pulled from the registry first since it was not here' : ''}.`,
  };
  return pulled
    ? { ok: true, state: st, pulled, build, explanation }
    : { ok: true, state: st, build, explanation };
}
