// The simulated registry's base images: tiny stand-ins for alpine, debian and nginx. Each is a short list of
// representative paths with sizes of the order of the real files (illustrative, not measured); binaries'
// contents are placeholders, text files hold real-looking text. Symbolic links (alpine's /bin/sh → busybox)
// are stored as small files naming their target, since the model has no link type. nginx:1.27-alpine is
// built on alpine:3.20's very layer, so pulling both shows a shared layer transferred once.

import { utf8Length } from './digest.ts';
import { makeConfig, makeImage } from './image.ts';
import { diffTrees, type Layer, makeLayer } from './layer.ts';
import { type FsEntry, ROOT_OWNER, sortedTree, type Tree } from './tree.ts';
import type { HistoryEntry, Image, Registry, RunConfig } from './types.ts';

type Spec = [path: string, size: number | string, mode?: number];

function dir(mode = 0o755): FsEntry {
  return { type: 'dir', mode, owner: ROOT_OWNER };
}

function treeOf(dirs: readonly (string | [string, number])[], files: readonly Spec[]): Tree {
  const out: Record<string, FsEntry> = {};
  for (const d of dirs) {
    const [path, mode] = typeof d === 'string' ? [d, 0o755] : d;
    out[path] = dir(mode);
  }
  for (const [path, sizeOrText, mode] of files) {
    const isText = typeof sizeOrText === 'string';
    const content = isText ? sizeOrText : `(simulated binary ${path})`;
    out[path] = {
      type: 'file',
      mode: mode ?? (path.includes('bin/') ? 0o755 : 0o644),
      owner: ROOT_OWNER,
      size: isText ? utf8Length(sizeOrText) : sizeOrText,
      content,
    };
  }
  return sortedTree(out);
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const alpineTree = treeOf(
  [
    '/bin',
    '/dev',
    '/etc',
    '/etc/apk',
    '/home',
    '/lib',
    '/lib/apk',
    '/lib/apk/db',
    ['/root', 0o700],
    '/sbin',
    ['/tmp', 0o1777],
    '/usr',
    '/usr/bin',
    '/usr/lib',
    '/usr/local',
    '/usr/local/bin',
    '/var',
    '/var/cache',
    '/var/cache/apk',
  ],
  [
    ['/bin/busybox', 808_712],
    ['/bin/sh', '→ /bin/busybox (a symbolic link in the real image)\n', 0o777],
    ['/lib/ld-musl-x86_64.so.1', 657_496],
    ['/lib/libz.so.1', 100_416],
    ['/usr/lib/libcrypto.so.3', 4_431_528],
    ['/usr/lib/libssl.so.3', 627_152],
    ['/sbin/apk', 128_400],
    ['/etc/alpine-release', '3.20.3\n'],
    ['/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n'],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'],
    ['/etc/group', 'root:x:0:root\nnobody:x:65534:\n'],
    ['/etc/motd', 'Welcome to Alpine!\n'],
    ['/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\n'],
    ['/lib/apk/db/installed', 'P:alpine-baselayout\nP:busybox\nP:musl\nP:apk-tools\n'],
  ],
);

const debianTree = treeOf(
  [
    '/bin',
    '/etc',
    '/etc/apt',
    '/etc/apt/apt.conf.d',
    '/home',
    ['/root', 0o700],
    ['/tmp', 0o1777],
    '/usr',
    '/usr/bin',
    '/usr/lib',
    '/usr/lib/x86_64-linux-gnu',
    '/usr/local',
    '/usr/local/bin',
    '/var',
    '/var/lib',
    '/var/lib/apt',
    '/var/lib/apt/lists',
    '/var/lib/dpkg',
    '/var/log',
  ],
  [
    ['/bin/bash', 1_265_648],
    ['/bin/sh', '→ /bin/dash (a symbolic link in the real image)\n', 0o777],
    ['/bin/dash', 125_640],
    ['/usr/bin/apt-get', 18_624],
    ['/usr/bin/dpkg', 318_232],
    ['/usr/bin/perl', 3_949_408],
    ['/usr/lib/x86_64-linux-gnu/libc.so.6', 1_922_136],
    ['/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0', 2_173_072],
    ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6', 2_190_440],
    ['/usr/lib/x86_64-linux-gnu/libsystemd.so.0', 895_192],
    ['/etc/debian_version', '12.7\n'],
    ['/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'],
    [
      '/etc/passwd',
      'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    ],
    ['/etc/group', 'root:x:0:\nnogroup:x:65534:\n'],
    [
      '/etc/apt/apt.conf.d/docker-clean',
      'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n',
    ],
    ['/var/lib/dpkg/status', 'Package: base-files\nPackage: bash\nPackage: dpkg\nPackage: apt\n'],
  ],
);

const nginxTree = treeOf(
  [
    '/etc/nginx',
    '/etc/nginx/conf.d',
    '/usr/sbin',
    '/usr/share',
    '/usr/share/nginx',
    '/usr/share/nginx/html',
    '/var/cache/nginx',
    '/var/log/nginx',
  ],
  [
    ['/usr/sbin/nginx', 1_372_336],
    [
      '/etc/nginx/nginx.conf',
      'user nginx;\nworker_processes auto;\nhttp { include /etc/nginx/conf.d/*.conf; }\n',
    ],
    ['/etc/nginx/conf.d/default.conf', 'server { listen 80; root /usr/share/nginx/html; }\n'],
    ['/usr/share/nginx/html/index.html', '<!DOCTYPE html>\n<title>Welcome to nginx!</title>\n'],
  ],
);

const nginxEntrypoint = treeOf(
  ['/docker-entrypoint.d'],
  [
    ['/docker-entrypoint.sh', '#!/bin/sh\nset -e\nexec "$@"\n', 0o755],
    ['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', '#!/bin/sh\n# simulated\n', 0o755],
  ],
);

function layered(layerTrees: readonly Tree[]): Layer[] {
  const layers: Layer[] = [];
  let below: Tree = {};
  for (const t of layerTrees) {
    const above = sortedTree({ ...below, ...t });
    layers.push(makeLayer(diffTrees(below, above)));
    below = above;
  }
  return layers;
}

function withInstalled(tree: Tree, line: string): Tree {
  const db = tree['/lib/apk/db/installed'];
  if (db?.type !== 'file') return tree;
  const content = `${db.content}${line}\n`;
  return { '/lib/apk/db/installed': { ...db, content, size: utf8Length(content) } };
}

export interface BaseImage {
  readonly ref: string;
  readonly image: Image;
  readonly layers: readonly Layer[];
}

function baseImage(ref: string, layers: Layer[], run: RunConfig, history: HistoryEntry[]): BaseImage {
  return { ref, image: makeImage(makeConfig(run, layers, history), layers), layers };
}

const alpineLayers = layered([alpineTree]);
const debianLayers = layered([debianTree]);
const nginxLayers = layered([
  alpineTree,
  { ...nginxTree, ...withInstalled(alpineTree, 'P:nginx') },
  nginxEntrypoint,
]);

/** The images the simulated registry starts with. */
export const BASE_IMAGES: readonly BaseImage[] = [
  baseImage('alpine:3.20', alpineLayers, { Env: [PATH], Cmd: ['/bin/sh'] }, [
    {
      created_by: 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit',
      comment: 'buildkit.dockerfile.v0',
    },
    { created_by: 'CMD ["/bin/sh"]', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
  ]),
  baseImage('debian:12-slim', debianLayers, { Env: [PATH], Cmd: ['bash'] }, [
    { created_by: '# debian.sh --arch amd64 out/ bookworm @1727740800' },
    { created_by: 'CMD ["bash"]', empty_layer: true },
  ]),
  baseImage(
    'nginx:1.27-alpine',
    nginxLayers,
    {
      Env: [PATH, 'NGINX_VERSION=1.27.2'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: { '80/tcp': {} },
      StopSignal: 'SIGQUIT',
    },
    [
      {
        created_by: 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit',
        comment: 'buildkit.dockerfile.v0',
      },
      { created_by: 'CMD ["/bin/sh"]', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
      { created_by: 'ENV NGINX_VERSION=1.27.2', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
      { created_by: 'RUN /bin/sh -c apk add --no-cache nginx # buildkit', comment: 'buildkit.dockerfile.v0' },
      {
        created_by: 'COPY docker-entrypoint.sh docker-entrypoint.d / # buildkit',
        comment: 'buildkit.dockerfile.v0',
      },
      {
        created_by: 'ENTRYPOINT ["/docker-entrypoint.sh"]',
        empty_layer: true,
        comment: 'buildkit.dockerfile.v0',
      },
      { created_by: 'EXPOSE map[80/tcp:{}]', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
      { created_by: 'STOPSIGNAL SIGQUIT', empty_layer: true, comment: 'buildkit.dockerfile.v0' },
      {
        created_by: 'CMD ["nginx" "-g" "daemon off;"]',
        empty_layer: true,
        comment: 'buildkit.dockerfile.v0',
      },
    ],
  ),
];

/** A registry holding the base images. */
export function seededRegistry(): Registry {
  const layers: Record<string, Layer> = {};
  const configs: Registry['configs'] = {};
  const manifests: Registry['manifests'] = {};
  const tags: Record<string, Image['manifestDigest']> = {};
  for (const b of BASE_IMAGES) {
    for (const l of b.layers) layers[l.digest] = l;
    (configs as Record<string, unknown>)[b.image.id] = b.image.config;
    (manifests as Record<string, unknown>)[b.image.manifestDigest] = b.image.manifest;
    tags[b.ref] = b.image.manifestDigest;
  }
  return { layers, configs, manifests, tags };
}
