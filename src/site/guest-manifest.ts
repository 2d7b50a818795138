import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Manifest {
  files: Record<string, { sha256: string; bytes?: number }>;
  state?: { screen?: string };
}

function readManifest(): Manifest {
  // From the project root: this module also runs from a bundled copy under dist/ while pages render.
  const file = join(process.cwd(), 'public', 'guest', 'manifest.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The guest's files and their sha256, from public/guest/manifest.json (read at build time). */
export function guestFiles(): Record<string, { sha256: string }> {
  const { files } = readManifest();
  return Object.fromEntries(Object.entries(files).map(([name, { sha256 }]) => [name, { sha256 }]));
}

/** What the clean guest's console showed when its state was saved (src/emulator/console-screen.ts). */
export function guestScreen(): string {
  return readManifest().state?.screen ?? '';
}

/** Bytes a start from the network downloads of the guest: its packed clean state (the progress bar's total). */
export function guestDownloadBytes(): number {
  return readManifest().files['state.bin.zst']?.bytes ?? 0;
}

/**
 * Bytes a first start downloads, for the idle text's "about N MB": the packed clean state and v86's wasm (its
 * uncompressed size; a host that compresses as the README asks sends less). The page's scripts are left out.
 */
export function firstStartBytes(): number {
  const wasm = createRequire(join(process.cwd(), 'package.json')).resolve('v86/build/v86.wasm');
  return guestDownloadBytes() + statSync(wasm).size;
}
