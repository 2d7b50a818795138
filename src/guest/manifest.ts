// Reads and writes public/guest/manifest.json: what the guest is made of, with sha256 and size of
// every file, the Debian source versions and licences, and the key that says whether the saved
// state still matches the kernel, BIOS, v86 version and emulator options. Node-only (build tools).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StateKey } from '../emulator/state-key.ts';

export const guestDir = fileURLToPath(new URL('../../public/guest/', import.meta.url));
export const manifestPath = `${guestDir}manifest.json`;
const v86PackageJson = fileURLToPath(new URL('../../node_modules/v86/package.json', import.meta.url));

export interface FileEntry {
  /** Lowercase hex sha256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

export interface LicenceNote {
  component: string;
  /** Where the component is shipped: a file in public/guest/, or inside one. */
  shippedIn: string;
  licence: string;
  /** Debian source package and version whose source corresponds to the shipped binary. */
  source: string;
}

/** The tree the guest mounts over virtio-9p, whose files are fetched on first read (src/guest/README.md). */
export interface LazyTree {
  /** v86 basefs index (public/guest/lazy.json): every path, with the sha256 key of each file. */
  index: string;
  /** Folder of the files, each `<sha256>.zst`. */
  dir: string;
  /** Where the guest mounts the tree. */
  mount: string;
  /** Regular files in the tree, and how many distinct contents they have. */
  files: number;
  distinctFiles: number;
  /** Unpacked size of all files, and the size of the zstd files served. */
  bytes: number;
  zstdBytes: number;
}

/** A Debian binary package whose files are in the lazy tree. */
export interface DebianPackage {
  package: string;
  version: string;
  architecture: string;
  /** Source package and version: the corresponding source. */
  source: string;
  /** SPDX expression of its main licence (full terms: /usr/share/doc/<package>/copyright in the guest). */
  licence: string;
}

export interface GuestManifest {
  $comment: string;
  /** The v86 npm version the state was made with (a state only restores in the same version). */
  v86: string;
  kernel: { release: string; file: string; config: string; cmdline: string };
  bios: { file: string };
  /** Debian source packages (name and version) of everything compiled into the guest. */
  sources: Record<string, string>;
  build: { compiler: string; sourceDateEpoch: number };
  lazy: LazyTree;
  debianPackages: DebianPackage[];
  /** `screen`: the console text shown when the state is restored (src/emulator/console-screen.ts). */
  state?: { file: string; key: StateKey; screen: string };
  files: Record<string, FileEntry>;
  licences: LicenceNote[];
  sourceOffer: string;
}

export function v86Version(): string {
  return (JSON.parse(readFileSync(v86PackageJson, 'utf8')) as { version: string }).version;
}

export function fileEntry(name: string): FileEntry {
  const bytes = readFileSync(guestDir + name);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: statSync(guestDir + name).size };
}

export function readManifest(): GuestManifest {
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: run 'npm run guest:build' on a Debian machine first`);
  }
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as GuestManifest;
}

/** Writes the manifest with `files` recomputed from disk for every file it names. */
export function writeManifest(manifest: GuestManifest, fileNames: string[]): void {
  const files: Record<string, FileEntry> = {};
  for (const name of [...fileNames].sort()) files[name] = fileEntry(name);
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}
