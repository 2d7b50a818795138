// Turns the tree of lazily served files (the Debian tools and the OCI image, src/guest/README.md) into what
// v86's virtio-9p device serves: an index in v86's "basefs" format and one zstd file per distinct content,
// named by its sha256, so that every URL is content-addressed and cacheable for good.
//
// usage: node src/guest/write-lazy-files.ts TREE OUT_DIR
//   writes OUT_DIR/lazy.json      {"fsroot": [...], "version": 3, "size": N}
//          OUT_DIR/lazy/<sha256>.zst   (removes files there that the index no longer names)
//   prints one JSON line: {files, distinctFiles, bytes, zstdBytes}
//
// basefs format (v86 lib/filesystem.js, load_from_json): a node is [name, size, mtime, mode, uid, gid, x]
// where x is the children (directory), the storage key (file: v86 fetches baseurl + key and, for a key
// ending in .zst, decompresses it to `size` bytes) or the target (symlink).
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { constants, zstdCompressSync } from 'node:zlib';

type Node = [string, number, number, number, number, number, Node[] | string];

const [tree, outDir] = process.argv.slice(2);
if (!tree || !outDir)
  throw new Error(
    `usage: write-lazy-files.ts TREE OUT_DIR (received ${JSON.stringify(process.argv.slice(2))})`,
  );
const blobDir = join(outDir, 'lazy');
mkdirSync(blobDir, { recursive: true });

const keys = new Set<string>();
let files = 0;
let bytes = 0;
let zstdBytes = 0;

function fileKey(path: string): string {
  const data = readFileSync(path);
  const key = `${createHash('sha256').update(data).digest('hex')}.zst`;
  files++;
  bytes += data.byteLength;
  const blob = join(blobDir, key);
  if (!keys.has(key)) {
    keys.add(key);
    // Content-addressed: a file already there from an earlier build has these bytes (same zstd, same level).
    if (!existsSync(blob)) {
      // Level 19: compressed once, downloaded by every learner who uses the tool.
      writeFileSync(blob, zstdCompressSync(data, { params: { [constants.ZSTD_c_compressionLevel]: 19 } }));
    }
    zstdBytes += lstatSync(blob).size;
  }
  return key;
}

function node(path: string, name: string): Node {
  const st = lstatSync(path);
  const mtime = Math.floor(st.mtimeMs / 1000);
  if (st.isDirectory()) return [name, 0, mtime, st.mode, st.uid, st.gid, children(path)];
  if (st.isFile()) return [name, st.size, mtime, st.mode, st.uid, st.gid, fileKey(path)];
  if (st.isSymbolicLink()) {
    const target = readlinkSync(path);
    return [name, Buffer.byteLength(target), mtime, st.mode, st.uid, st.gid, target];
  }
  throw new Error(
    `${path}: not a file, directory or symlink (mode ${st.mode.toString(8)}); the lazy tree has only those`,
  );
}

function children(dir: string): Node[] {
  // Sorted bytewise, so the index is the same on every machine.
  const names = readdirSync(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return names.map((name) => node(join(dir, name), name));
}

const fsroot = children(tree);
writeFileSync(join(outDir, 'lazy.json'), JSON.stringify({ fsroot, version: 3, size: bytes }));
for (const name of readdirSync(blobDir)) if (!keys.has(name)) rmSync(join(blobDir, name));
console.log(JSON.stringify({ files, distinctFiles: keys.size, bytes, zstdBytes }));
