// Called by build.sh after the kernel is built: records versions, licences and file hashes.
// usage: node src/guest/write-manifest.ts --kernel-release R --linux-source "PKG VER" ...
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type DebianPackage,
  type GuestManifest,
  guestDir,
  type LazyTree,
  readManifest,
  v86Version,
  writeManifest,
} from './manifest.ts';

const { values } = parseArgs({
  options: {
    'kernel-release': { type: 'string' },
    'linux-source': { type: 'string' },
    busybox: { type: 'string' },
    glibc: { type: 'string' },
    musl: { type: 'string' },
    seabios: { type: 'string' },
    compiler: { type: 'string' },
    'debian-packages': { type: 'string' },
    'lazy-stats': { type: 'string' },
    'lazy-mount': { type: 'string' },
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
  'debian-packages',
  'lazy-stats',
  'lazy-mount',
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

/** debian-packages.tsv from build.sh: package, version, architecture, "source version", licence. */
function debianPackages(tsv: string): DebianPackage[] {
  return readFileSync(tsv, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [name, version, architecture, source, licence] = line.split('\t');
      if (!name || !version || !architecture || !source || !licence)
        throw new Error(`${tsv}: expected 5 tab-separated fields, received ${JSON.stringify(line)}`);
      return { package: name, version, architecture, source, licence };
    });
}

const packages = debianPackages(arg('debian-packages'));
const lazyStats = JSON.parse(arg('lazy-stats')) as Omit<LazyTree, 'index' | 'dir' | 'mount'>;
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
  lazy: { index: 'lazy.json', dir: 'lazy/', mount: arg('lazy-mount'), ...lazyStats },
  debianPackages: packages,
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
        'BusyBox (modified: src/guest/hide-busybox-applets.ts renames the applets that Debian commands replace)',
      shippedIn: 'bzImage (initramfs), state.bin.zst',
      licence: 'GPL-2.0-only',
      source: arg('busybox'),
    },
    {
      component: 'BusyBox (unmodified, in the OCI image /var/lib/oci/hello)',
      shippedIn: 'lazy/',
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
        'vlab-tools (src/guest/tools; restates a few Linux UAPI structures and constants for seccomp and ' +
        'Landlock, which the Linux-syscall-note exempts), the guest init files (src/guest/rootfs) and the ' +
        "OCI image's own files (src/guest/make-oci-image.ts)",
      shippedIn: 'bzImage (initramfs), lazy/, state.bin.zst',
      licence: 'MIT',
      source: 'this repository',
    },
    ...packages.map((p) => ({
      component: `${p.package} (Debian package ${p.package} ${p.version} ${p.architecture})`,
      shippedIn: `lazy/ (served over 9p, mounted at ${arg('lazy-mount')}; copyright: /usr/share/doc/${p.package}/copyright)`,
      licence: p.licence,
      source: p.source,
    })),
  ],
  sourceOffer:
    'The binaries in this folder were built from the Debian source packages named in "sources" ' +
    '(every version stays available from the Debian archive and snapshot archive) with the kernel ' +
    'configuration in kernel.config and the scripts in src/guest/; the files in lazy/ are the unmodified ' +
    'contents of the Debian binary packages in "debianPackages", built by Debian from the source packages named ' +
    'there (https://snapshot.debian.org/package/<source>/<version>/). On request we provide the complete ' +
    'corresponding source code of the GPL- and LGPL-licensed parts, for three years from the date of download.',
};
const files = ['bzImage', 'kernel.config', 'seabios.bin', 'lazy.json'];
if (manifest.state && existsSync(guestDir + manifest.state.file)) files.push(manifest.state.file);
writeManifest(manifest, files);
console.log(`guest:build: wrote ${guestDir}manifest.json`);
