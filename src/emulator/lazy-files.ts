// Where v86's virtio-9p device gets the bytes of the lazily served tree (the Debian tools and the OCI
// image, src/guest/README.md): fetched on the guest's first read of a file, then kept for the life of the
// machine. It replaces v86's own file storage (v86-internals.ts, useLazyFiles) for two reasons:
//  - v86's FS.CloseInode calls storage.uncache() for every file served from the network, so each reopen of
//    a file fetched it again: one `crun --version` made 24 fetches (13.4 MB) instead of 3 (0.76 MB).
//    Here uncache() keeps the bytes; a file is fetched once per machine, however often it is opened.
//  - The bytes come through GuestAssets (read from disk in Node; in the browser from the Cache API or the
//    site), and every fetch is counted (`stats`), for the benchmark and the tests.

/** The storage interface v86's FS uses (v86 src/browser/filestorage.js, FileStorageInterface). */
export interface V86FileStorage {
  read(key: string, offset: number, count: number, fileSize: number): Promise<Uint8Array | null>;
  cache(key: string, data: Uint8Array): Promise<void>;
  uncache(key: string): void;
}

export interface LazyFileStats {
  /** Files fetched so far, and their size as stored (zstd). */
  files: number;
  bytes: number;
}

export class LazyFiles implements V86FileStorage {
  readonly #fetch: (key: string) => Promise<ArrayBuffer>;
  readonly #unzstd: (size: number, packed: Uint8Array) => Uint8Array;
  /** Every file fetched (or being fetched), unpacked: concurrent reads of one file share one fetch. */
  readonly #files = new Map<string, Promise<Uint8Array>>();
  readonly #stats: LazyFileStats = { files: 0, bytes: 0 };

  /**
   * `fetch(key)`: the stored file (`<sha256>.zst`). `unzstd(size, packed)`: unpacks zstd to `size` bytes
   * (v86's own decoder, inside its wasm).
   */
  constructor(
    fetch: (key: string) => Promise<ArrayBuffer>,
    unzstd: (size: number, packed: Uint8Array) => Uint8Array,
  ) {
    this.#fetch = fetch;
    this.#unzstd = unzstd;
  }

  get stats(): LazyFileStats {
    return { ...this.#stats };
  }

  async read(key: string, offset: number, count: number, fileSize: number): Promise<Uint8Array | null> {
    let file = this.#files.get(key);
    if (!file) {
      file = this.#load(key, fileSize);
      this.#files.set(key, file);
      // A failed fetch is not kept: the guest's next read of the file tries again.
      file.catch(() => this.#files.delete(key));
    }
    return (await file).subarray(offset, offset + count);
  }

  async cache(key: string, data: Uint8Array): Promise<void> {
    this.#files.set(key, Promise.resolve(data));
  }

  /** Called by v86 whenever the guest closes a file: the bytes are kept (see the top of this file). */
  uncache(_key: string): void {}

  async #load(key: string, fileSize: number): Promise<Uint8Array> {
    const packed = new Uint8Array(await this.#fetch(key));
    this.#stats.files++;
    this.#stats.bytes += packed.byteLength;
    if (!key.endsWith('.zst')) return packed;
    // zstd of an empty file still has a frame; v86's decoder wants a non-zero size.
    return fileSize === 0 ? new Uint8Array(0) : this.#unzstd(fileSize, packed);
  }
}
