// Called by build.sh after the kernel is built: records versions, licences and file hashes.
// usage: node src/guest/write-manifest.ts --kernel-release R --linux-source "PKG VER" ...
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type GuestManifest, guestDir, readManifest, v86Version, writeManifest } from './manifest.ts';

const { values } = parseArgs({
  options: {
    'kernel-release': { type: 'string' },
    'linux-source': { type: 'string' },
    busybox: { type: 'string' },
    glibc: { type: 'string' },
    musl: { type: 'string' },
    seabios: { type: 'string' },
    compiler: { type: 'string' },
  },
});
const required = [
  'kernel-release',
  'linux-source',
  'busybox',
  'glibc',
  'musl',
  'seabios',
  'compiler',
] as const;
for (const name of required) {
  if (!values[name])
    throw new Error(`write-manifest: --${name} is required (received ${JSON.stringify(values)})`);
}
const arg = (name: (typeof required)[number]): string => values[name] ?? '';

/** The built-in kernel command line (CONFIG_CMDLINE): v86 passes none, so this is all of it. */
function kernelCmdline(configPath: string): string {
  const match = /^CONFIG_CMDLINE="(.*)"$/m.exec(readFileSync(configPath, 'utf8'));
  if (!match?.[1])
    throw new Error(`${configPath}: no CONFIG_CMDLINE (expected CONFIG_CMDLINE="console=ttyS0 ...")`);
  return match[1];
}

const previous = existsSync(`${guestDir}manifest.json`) ? readManifest() : undefined;
const manifest: GuestManifest = {
  $comment: 'Written by src/guest/build.sh and src/guest/make-state.ts. Do not edit by hand.',
  v86: v86Version(),
  kernel: {
    release: arg('kernel-release'),
    file: 'bzImage',
    config: 'kernel.config',
    cmdline: kernelCmdline(`${guestDir}kernel.config`),
  },
  bios: { file: 'seabios.bin' },
  sources: {
    linux: arg('linux-source'),
    busybox: arg('busybox'),
    glibc: arg('glibc'),
    musl: arg('musl'),
    seabios: arg('seabios'),
  },
  build: { compiler: arg('compiler'), sourceDateEpoch: Number(process.env.SOURCE_DATE_EPOCH ?? 0) },
  // Kept so a rebuild that reproduces the same kernel leaves the committed state valid.
  ...(previous?.state ? { state: previous.state } : {}),
  files: {},
  licences: [
    {
      component: 'Linux kernel',
      shippedIn: 'bzImage, state.bin.zst',
      licence: 'GPL-2.0-only',
      source: arg('linux-source'),
    },
    {
      component:
        'BusyBox (modified: build.sh renames the applets unshare and setpriv to unshar_ and setpri_)',
      shippedIn: 'bzImage (initramfs), state.bin.zst',
      licence: 'GPL-2.0-only',
      source: arg('busybox'),
    },
    {
      component: 'GNU C Library (statically linked into busybox)',
      shippedIn: 'bzImage (initramfs), state.bin.zst',
      licence: 'LGPL-2.1-or-later',
      source: arg('glibc'),
    },
    {
      component: 'musl libc (statically linked into vlab-tools)',
      shippedIn: 'bzImage (initramfs), state.bin.zst',
      licence: 'MIT',
      source: arg('musl'),
    },
    {
      component: 'SeaBIOS',
      shippedIn: 'seabios.bin, state.bin.zst',
      licence: 'LGPL-3.0-or-later',
      source: arg('seabios'),
    },
    {
      component:
        'vlab-tools (src/guest/tools; restates a few Linux UAPI structures and constants for seccomp, ' +
        'Landlock and capabilities, which the Linux-syscall-note exempts) and the guest init files (src/guest/rootfs)',
      shippedIn: 'bzImage (initramfs), state.bin.zst',
      licence: 'MIT',
      source: 'this repository',
    },
  ],
  sourceOffer:
    'The binaries in this folder were built from the Debian source packages named in "sources" ' +
    '(every version stays available from the Debian archive and snapshot archive) with the kernel ' +
    'configuration in kernel.config and the scripts in src/guest/. On request we provide the complete ' +
    'corresponding source code of the GPL- and LGPL-licensed parts, for three years from the date of download.',
};
const files = ['bzImage', 'kernel.config', 'seabios.bin'];
if (manifest.state && existsSync(guestDir + manifest.state.file)) files.push(manifest.state.file);
writeManifest(manifest, files);
console.log(`guest:build: wrote ${guestDir}manifest.json`);
