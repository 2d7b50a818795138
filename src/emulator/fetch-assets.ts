// Assets for browsers and Web Workers: fetched from the site (public/guest/ is served as /guest/).
import { cachedModule, type GuestAssets } from './assets.ts';

async function bytesOf(url: URL): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}, expected 200`);
  return response.arrayBuffer();
}

export interface FetchAssetOptions {
  /** Base URL of the guest files, e.g. new URL('/guest/', location.href). */
  guestUrl: URL;
  /** URL of v86.wasm, e.g. from a bundler's `?url` import of 'v86/build/v86.wasm'. */
  wasmUrl: URL;
  stateFile?: string;
}

export function fetchAssets(options: FetchAssetOptions): GuestAssets {
  return {
    wasm: cachedModule(() => bytesOf(options.wasmUrl)),
    bios: () => bytesOf(new URL('seabios.bin', options.guestUrl)),
    kernel: () => bytesOf(new URL('bzImage', options.guestUrl)),
    state: () => bytesOf(new URL(options.stateFile ?? 'state.bin.zst', options.guestUrl)),
  };
}
