// Unpacks a zstd-compressed v86 state with the zstd decoder that is compiled into v86.wasm itself, using the
// module the worker has already compiled. v86 would do this in a second worker that compiles the 2 MB wasm
// again (~250 ms on the machines here), and a JavaScript decoder took as long.
// This follows v86 0.5.x's own zstd worker (src/browser/starter.js, zstd_decompress_worker): the same exports,
// and stub imports, since decompression never calls back into the emulator.

interface ZstdExports {
  memory: WebAssembly.Memory;
  zstd_create_ctx(srcLength: number): number;
  zstd_get_src_ptr(ctx: number): number;
  zstd_read(ctx: number, length: number): number;
  zstd_read_free(ptr: number, length: number): void;
  zstd_free_ctx(ctx: number): void;
}

/** The decompressed size recorded in a zstd frame header (RFC 8878, section 3.1.1.1). */
export function zstdContentSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 6 || view.getUint32(0, true) !== 0xfd2fb528) throw new Error('not a zstd frame');
  const descriptor = bytes[4] as number;
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3] as number;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  switch (fcsFlag) {
    case 0:
      if (!singleSegment) throw new Error('zstd frame does not record its content size');
      return bytes[at] as number;
    case 1:
      return view.getUint16(at, true) + 256;
    case 2:
      return view.getUint32(at, true);
    default:
      return Number(view.getBigUint64(at, true));
  }
}

/** Decompresses one zstd frame with v86's built-in decoder. */
export function unzstd(module: WebAssembly.Module, packed: ArrayBuffer): ArrayBuffer {
  const src = new Uint8Array(packed);
  const size = zstdContentSize(src);
  const env: Record<string, WebAssembly.ImportValue> = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (from !== 'env') continue;
    if (kind === 'function') {
      env[name] = () => {
        throw new Error(`v86 zstd decoder called ${name}`);
      };
    } else if (kind === 'table') {
      env[name] = new WebAssembly.Table({ element: 'anyfunc', initial: 1024 });
    }
  }
  const exports = new WebAssembly.Instance(module, { env }).exports as unknown as ZstdExports;
  const ctx = exports.zstd_create_ctx(src.length);
  new Uint8Array(exports.memory.buffer).set(src, exports.zstd_get_src_ptr(ctx));
  const out = exports.zstd_read(ctx, size);
  const result = exports.memory.buffer.slice(out, out + size);
  exports.zstd_read_free(out, size);
  exports.zstd_free_ctx(ctx);
  return result;
}
