// Shared by the image-layers tests: unwrap an Outcome (failing with its English message), deep-freeze a state
// so that any mutation by the model throws, and a plain JSON snapshot of what an image is made of.
import type { Image, LayersState, Outcome } from '../../../../src/sim/image-layers/index.ts';

export function ok<T>(outcome: Outcome<T>): T {
  if (!outcome.ok)
    throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message.en}`);
  return outcome;
}

export function errorOf<T>(outcome: Outcome<T>): { code: string; line?: number; ja: string; en: string } {
  if (outcome.ok) throw new Error('expected an error');
  return {
    code: outcome.error.code,
    ...(outcome.error.line ? { line: outcome.error.line } : {}),
    ...outcome.error.message,
  };
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Everything an image is: its config, its manifest and every layer's entries, as JSON. */
export function imageSnapshot(state: LayersState, image: Image): string {
  return JSON.stringify({
    image,
    layers: image.config.rootfs.diff_ids.map((d) => state.layers[d]),
  });
}
