// Makes the saved state (public/guest/state.bin.zst) and decides when it is stale.
// A state holds the RAM of a booted guest and the 9p device's file index, so it is only valid for the
// exact kernel, BIOS, lazy tree index, v86 version and emulator options it was made with: the key in the
// manifest names all five.
import { writeFileSync } from 'node:fs';
import { constants, zstdCompressSync } from 'node:zlib';
import { screenToKeep } from '../emulator/console-screen.ts';
import { Guest } from '../emulator/guest.ts';
import { nodeAssets } from '../emulator/node-assets.ts';
import { type StateKey, sameStateKey, stateKey } from '../emulator/state-key.ts';
import {
  fileEntry,
  type GuestManifest,
  guestDir,
  readManifest,
  v86Version,
  writeManifest,
} from './manifest.ts';

export const stateFile = 'state.bin.zst';
/**
 * The console prompt of root's login shell (PS1 in src/guest/rootfs/etc/profile), optionally
 * followed by the cursor-position query busybox ash sends after it (ESC [ 6 n).
 */
const ROOT_PROMPT = 'root@vlab:~# ';
const CURSOR_QUERY = '\u001b[6n';
const endsWithPrompt = (text: string): boolean =>
  text.endsWith(ROOT_PROMPT) || text.endsWith(ROOT_PROMPT + CURSOR_QUERY);

/**
 * What the clean guest's terminal shows when it is restored: the console from the shell's banner on (the
 * kernel's boot warnings before it are of no use to a learner), as printed before the state was saved.
 */
export function cleanScreen(consoleText: string): string {
  const banner = consoleText.lastIndexOf('BusyBox v');
  return screenToKeep(banner >= 0 ? consoleText.slice(banner) : consoleText);
}

/** The key a state made now would have: from the files on disk, not from what the manifest says. */
export function currentStateKey(manifest: GuestManifest): StateKey {
  return stateKey(
    v86Version(),
    fileEntry(manifest.kernel.file).sha256,
    fileEntry(manifest.bios.file).sha256,
    fileEntry(manifest.lazy.index).sha256,
  );
}

/** Why the committed state cannot be used, or null if it can. */
export function staleness(manifest: GuestManifest): string | null {
  if (!manifest.state) return 'the manifest names no state';
  if (typeof manifest.state.screen !== 'string') return 'the manifest has no console screen for the state';
  let onDisk: ReturnType<typeof fileEntry>;
  try {
    onDisk = fileEntry(manifest.state.file);
  } catch {
    return `${manifest.state.file} is missing`;
  }
  if (onDisk.sha256 !== manifest.files[manifest.state.file]?.sha256)
    return `${manifest.state.file} does not match its sha256 in the manifest`;
  const key = currentStateKey(manifest);
  if (!sameStateKey(manifest.state.key, key)) {
    return `it was made for ${JSON.stringify(manifest.state.key)}, now ${JSON.stringify(key)}`;
  }
  return null;
}

/** Cold-boots the guest, waits until init is done and the console shows its prompt, saves. */
export async function makeState(log: (line: string) => void = console.log): Promise<void> {
  const manifest = readManifest();
  const guest = new Guest({ assets: nodeAssets() });
  let consoleText = '';
  const prompt = new Promise<void>((resolve) => {
    guest.onConsoleOutput((text) => {
      consoleText = (consoleText + text).slice(-64_000);
      if (endsWithPrompt(consoleText)) resolve();
    });
  });
  guest.on('error', (error) => log(`guest error: ${error.message}`));
  try {
    const booted = await guest.coldBoot();
    await prompt;
    log(`booted in ${Math.round(booted.ms)} ms; saving state`);
    const raw = await guest.saveState();
    // Level 19: the state is compressed once and downloaded by every learner.
    const compressed = zstdCompressSync(new Uint8Array(raw), {
      params: { [constants.ZSTD_c_compressionLevel]: 19 },
    });
    writeFileSync(guestDir + stateFile, compressed);
    log(`state: ${raw.byteLength} bytes raw, ${compressed.byteLength} bytes zstd`);
  } finally {
    await guest.dispose();
  }
  const updated: GuestManifest = {
    ...manifest,
    state: { file: stateFile, key: currentStateKey(manifest), screen: cleanScreen(consoleText) },
  };
  writeManifest(updated, [...new Set([...Object.keys(manifest.files), stateFile])]);
}
