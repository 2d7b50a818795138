// How the core gets its files, injected so the same core runs in Node (read from public/guest/)
// and in a browser Web Worker (fetch from the site). Implementations: node-assets.ts (Node), worker.ts (browser, with download progress).

export interface GuestAssets {
  /** The v86 WebAssembly module (node_modules/v86/build/v86.wasm), compiled once and cached. */
  wasm(): Promise<WebAssembly.Module>;
  /** SeaBIOS (public/guest/seabios.bin). Only a cold boot needs it. */
  bios(): Promise<ArrayBuffer>;
  /** The kernel with its built-in initramfs (public/guest/bzImage). Only a cold boot needs it. */
  kernel(): Promise<ArrayBuffer>;
  /** The saved state, zstd-compressed (public/guest/state.bin.zst). Rejects if it cannot be had. */
  state(): Promise<ArrayBuffer>;
  /**
   * The index of the lazily served tree, in v86's basefs format (public/guest/lazy.json). Only a cold boot
   * needs it: a saved state carries the index it was made with.
   */
  lazyIndex(): Promise<unknown>;
  /**
   * One file of the lazily served tree, as stored: `key` is `<sha256>.zst` (public/guest/lazy/<key>). Called at
   * most once per key and machine (lazy-files.ts keeps what it fetched).
   */
  lazyFile(key: string): Promise<ArrayBuffer>;
}

/** Compiles the v86 wasm once per URL or path and hands out the same module afterwards. */
export function cachedModule(load: () => Promise<ArrayBuffer>): () => Promise<WebAssembly.Module> {
  let module: Promise<WebAssembly.Module> | undefined;
  return () => {
    if (!module) {
      module = load().then((bytes) => WebAssembly.compile(bytes));
      // A failed load is not cached: the next guest tries again.
      module.catch(() => {
        module = undefined;
      });
    }
    return module;
  };
}
