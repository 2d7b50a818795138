// Build time (Node): what the service worker keeps, read from the finished dist/ folder. Pure apart from the
// file reads in `scanDist`, so the classification is unit-tested on a made-up file list.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cacheKeyPath, NAMED_BY_CONTENT } from './cache-keys.ts';

/** One file of the build as the worker sees it: its URL path, its size and a short hash of its bytes. */
export interface BuiltFile {
  path: string;
  bytes: number;
  rev: string;
}

/**
 * Files bigger than this are not downloaded when the worker installs (v86's wasm, Monaco): each is kept the
 * first time a page fetches it, or by "make available offline" (v86's wasm). Everything smaller is precached.
 */
export const PRECACHE_MAX_BYTES = 1_000_000;

/** The guest's files the emulator worker asks for with `?v=<sha256 prefix>` (src/emulator/worker.ts, versioned). */
export const VERSIONED_GUEST_FILES = ['state.bin.zst', 'bzImage', 'seabios.bin', 'lazy.json'] as const;

export interface OfflineManifest {
  /** Changes whenever any kept file changes: the worker's script embeds it, so a deployment is detected. */
  version: string;
  /** URL path → revision, for every file the worker serves from its cache (precached or kept on first use). */
  files: Record<string, string>;
  /** Paths downloaded when the worker installs. */
  precache: string[];
  /** The guest's files (URL with ?v=…), kept on first use and by "make available offline". */
  guest: { url: string; bytes: number }[];
  /** The lazily served tree's files (/guest/lazy/<sha256>.zst), kept in the emulator's own cache. */
  lazy: { url: string; bytes: number }[];
  /** The emulator's large build files (v86's wasm) that "make available offline" fetches with the guest. */
  emulator: { url: string; bytes: number; key: string }[];
}

/** `about/index.html` → `/about/`, `404.html` → `/404.html`: the URL a static host serves a file at. */
export function urlPathOf(relativeFile: string): string {
  const path = `/${relativeFile.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * Sorts the build's files into what the worker precaches, keeps on first use, and the guest's files.
 * `guestSha` is public/guest/manifest.json's `files` (sha256 of each guest file); `notKept`: paths the worker
 * leaves alone (itself, the `_headers` file).
 */
export function classify(
  built: BuiltFile[],
  guestSha: Record<string, { sha256: string }>,
  notKept: string[],
): OfflineManifest {
  const files: Record<string, string> = {};
  const precache: string[] = [];
  const guest: OfflineManifest['guest'] = [];
  const lazy: OfflineManifest['lazy'] = [];
  const emulator: OfflineManifest['emulator'] = [];
  for (const file of [...built].sort((a, b) => a.path.localeCompare(b.path))) {
    if (notKept.includes(file.path) || file.path.endsWith('.map')) continue;
    if (file.path.startsWith('/guest/')) {
      const name = file.path.slice('/guest/'.length);
      if (name.startsWith('lazy/')) lazy.push({ url: file.path, bytes: file.bytes });
      const sha = guestSha[name]?.sha256;
      if (sha && (VERSIONED_GUEST_FILES as readonly string[]).includes(name))
        guest.push({ url: `${file.path}?v=${sha.slice(0, 16)}`, bytes: file.bytes });
      continue;
    }
    files[file.path] = file.rev;
    if (file.bytes <= PRECACHE_MAX_BYTES) precache.push(file.path);
    else if (file.path.endsWith('.wasm'))
      emulator.push({ url: file.path, bytes: file.bytes, key: cacheKeyPath(file.path, file.rev) });
  }
  const version = createHash('sha256')
    .update(JSON.stringify([files, guest, lazy.map((f) => f.url)]))
    .digest('hex')
    .slice(0, 16);
  return { version, files, precache, guest, lazy, emulator };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/**
 * Every file under `dist`. Content-addressed files (Vite's /_astro/, the lazy tree) are not read: their name
 * is their revision.
 */
export function scanDist(dist: string): BuiltFile[] {
  return walk(dist).map((full) => {
    const path = urlPathOf(relative(dist, full));
    const bytes = statSync(full).size;
    const named = path.startsWith('/_astro/') || path.startsWith('/guest/lazy/');
    const rev = named
      ? NAMED_BY_CONTENT
      : createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 12);
    return { path, bytes, rev };
  });
}
