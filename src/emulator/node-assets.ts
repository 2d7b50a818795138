// Assets for Node (tests, scripts): files from public/guest/ and node_modules/v86.
// The only file under src/emulator/ that uses Node APIs; the browser worker (worker.ts) builds its own assets.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cachedModule, type GuestAssets } from './assets.ts';

const require = createRequire(import.meta.url);
const defaultGuestDir = new URL('../../public/guest/', import.meta.url);
const wasm = cachedModule(() => bytesOf(require.resolve('v86/build/v86.wasm')));

async function bytesOf(path: string | URL): Promise<ArrayBuffer> {
  const buffer = await readFile(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

export interface NodeAssetOptions {
  /** Folder with bzImage, seabios.bin, the state and the lazy tree; defaults to public/guest/. */
  guestDir?: URL;
  /** State file name inside guestDir; defaults to state.bin.zst. */
  stateFile?: string;
}

export function nodeAssets(options: NodeAssetOptions = {}): GuestAssets {
  const dir = options.guestDir ?? defaultGuestDir;
  return {
    wasm,
    bios: () => bytesOf(new URL('seabios.bin', dir)),
    kernel: () => bytesOf(new URL('bzImage', dir)),
    state: () => bytesOf(new URL(options.stateFile ?? 'state.bin.zst', dir)),
    lazyIndex: async () => JSON.parse(await readFile(new URL('lazy.json', dir), 'utf8')) as unknown,
    lazyFile: (key) => bytesOf(new URL(`lazy/${key}`, dir)),
  };
}
