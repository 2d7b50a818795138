// Builds the small OCI image the guest carries (/var/lib/oci/hello, tag "latest"), reproducibly: three
// layers made with GNU tar (sorted, fixed owners and mtimes) and `gzip -n`, and the config, manifest and
// index written here with SOURCE_DATE_EPOCH as the creation time. Same inputs, same digests.
// https://github.com/opencontainers/image-spec/blob/v1.0.2/image-layout.md
//
// usage: node src/guest/make-oci-image.ts BUSYBOX LAYOUT_DIR
//   BUSYBOX     a static i386 busybox (Debian's, unmodified); its applets are linked in the first layer
//   LAYOUT_DIR  created (must not exist)
//
// The layers, in order, so that a chapter can show each kind of change:
//   busybox   /bin/busybox and its applet links, /etc/passwd, /etc/group, /etc/motd, empty /proc /sys ...
//   app       /app/hello.sh (the image's command) and /etc/greeting
//   config    a new /etc/greeting (a file replaced) and a whiteout that deletes /etc/motd
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const [busybox, layout] = process.argv.slice(2);
if (!busybox || !layout) {
  throw new Error(
    `usage: make-oci-image.ts BUSYBOX LAYOUT_DIR (received ${JSON.stringify(process.argv.slice(2))})`,
  );
}
if (existsSync(layout)) throw new Error(`${layout} exists; make-oci-image.ts writes a new layout only`);
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
if (!Number.isInteger(epoch)) throw new Error('SOURCE_DATE_EPOCH must be set (build.sh pins it)');
const created = new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');

type Entry = { path: string; text?: string; mode?: number; link?: string; copyOf?: string; dir?: true };

const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' })
  .split('\n')
  .filter((name) => name && name !== 'busybox' && !name.includes('/'));
const layers: { name: string; comment: string; entries: Entry[] }[] = [
  {
    name: 'busybox',
    comment: 'busybox and a minimal root',
    entries: [
      ...['bin', 'dev', 'etc', 'proc', 'root', 'sys', 'tmp'].map((path) => ({ path, dir: true as const })),
      { path: 'bin/busybox', copyOf: busybox, mode: 0o755 },
      ...applets.map((name) => ({ path: `bin/${name}`, link: 'busybox' })),
      {
        path: 'etc/passwd',
        text: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
      },
      { path: 'etc/group', text: 'root:x:0:\nnogroup:x:65534:\n' },
      { path: 'etc/motd', text: 'This file is deleted again by the third layer (a whiteout).\n' },
    ],
  },
  {
    name: 'app',
    comment: 'the application',
    entries: [
      { path: 'app', dir: true },
      {
        path: 'app/hello.sh',
        mode: 0o755,
        text: '#!/bin/sh\ncat /etc/greeting\necho "I am PID $$ on $(hostname), user $(id -un)."\n',
      },
      { path: 'etc/greeting', text: 'Hello from the app layer.\n' },
    ],
  },
  {
    name: 'config',
    comment: 'a changed file and a deleted one',
    entries: [
      { path: 'etc/greeting', text: 'Hello from a container (the config layer replaced this file).\n' },
      // A whiteout: an empty file named .wh.<name> deletes <name> from the layers below.
      { path: 'etc/.wh.motd', text: '' },
    ],
  },
];

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const blobs = join(layout, 'blobs', 'sha256');
mkdirSync(blobs, { recursive: true });
function writeBlob(data: Buffer | string, mediaType: string) {
  const digest = sha256(data);
  writeFileSync(join(blobs, digest), data);
  return { mediaType, digest: `sha256:${digest}`, size: Buffer.byteLength(data) };
}

const work = mkdtempSync(join(tmpdir(), 'vlab-oci-'));
const layerDescriptors = [];
const diffIds = [];
try {
  for (const layer of layers) {
    const root = join(work, layer.name);
    mkdirSync(root);
    for (const entry of layer.entries) {
      const path = join(root, entry.path);
      mkdirSync(entry.dir ? path : dirname(path), { recursive: true });
      if (entry.link) symlinkSync(entry.link, path);
      else if (entry.copyOf) copyFileSync(entry.copyOf, path);
      else if (entry.text !== undefined) writeFileSync(path, entry.text);
      if (!entry.link) chmodSync(path, entry.mode ?? (entry.dir ? 0o755 : 0o644));
    }
    // https://reproducible-builds.org/docs/archives/
    const tar = execFileSync(
      'tar',
      [
        '--create',
        '--file=-',
        '--directory',
        root,
        '--sort=name',
        '--format=gnu',
        `--mtime=@${epoch}`,
        '--owner=0',
        '--group=0',
        '--numeric-owner',
        '--mode=go-w',
        '.',
      ],
      { maxBuffer: 64 << 20 },
    );
    diffIds.push(`sha256:${sha256(tar)}`);
    const gz = execFileSync('gzip', ['-n', '-9', '-c'], { input: tar, maxBuffer: 64 << 20 });
    layerDescriptors.push(writeBlob(gz, 'application/vnd.oci.image.layer.v1.tar+gzip'));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// https://github.com/opencontainers/image-spec/blob/v1.0.2/config.md
const config = {
  created,
  architecture: '386',
  os: 'linux',
  config: {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['/app/hello.sh'],
    WorkingDir: '/',
  },
  rootfs: { type: 'layers', diff_ids: diffIds },
  history: layers.map((layer) => ({
    created,
    created_by: `vlab make-oci-image.ts: ${layer.name}`,
    comment: layer.comment,
  })),
};
const configDescriptor = writeBlob(JSON.stringify(config), 'application/vnd.oci.image.config.v1+json');
const manifest = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: configDescriptor,
  layers: layerDescriptors,
};
const manifestDescriptor = writeBlob(JSON.stringify(manifest), 'application/vnd.oci.image.manifest.v1+json');
writeFileSync(
  join(layout, 'index.json'),
  JSON.stringify({
    schemaVersion: 2,
    manifests: [{ ...manifestDescriptor, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }],
  }),
);
writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
console.log(`${layout}: ${layers.length} layers, manifest ${manifestDescriptor.digest}`);
