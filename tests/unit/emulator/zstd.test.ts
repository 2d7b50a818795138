import { readFileSync } from 'node:fs';
import { zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { unzstd, zstdContentSize } from '../../../src/emulator/zstd.ts';

const wasm = readFileSync(new URL('../../../node_modules/v86/build/v86.wasm', import.meta.url));

test('reads the content size from zstd frame headers of several sizes', () => {
  for (const size of [10, 300, 70_000, 5_000_000]) {
    const frame = zstdCompressSync(Buffer.alloc(size, 7));
    expect(zstdContentSize(new Uint8Array(frame))).toBe(size);
  }
  expect(() => zstdContentSize(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow('not a zstd frame');
});

test("v86's built-in decoder unpacks the committed saved state exactly as zlib does", async () => {
  const module = await WebAssembly.compile(wasm);
  const packed = readFileSync(new URL('../../../public/guest/state.bin.zst', import.meta.url));
  const ours = new Uint8Array(
    unzstd(module, packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.length)),
  );
  const reference = new Uint8Array(zstdDecompressSync(packed));
  expect(ours.length).toBe(reference.length);
  expect(Buffer.from(ours).equals(Buffer.from(reference))).toBe(true);
});
