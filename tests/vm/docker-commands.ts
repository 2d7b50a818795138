// Every shell block of the chapter "docker" (content/docs/chapters/docker.mdx and its English twin), in page order,
// exactly as the Run button types it. tests/vm/docker.test.ts runs each one on the real guest, in this order (later
// blocks use what earlier ones made); tests/content/docker.test.ts fails if a page's blocks and this list differ.
// The image is /var/lib/oci/hello (src/guest/make-oci-image.ts, reproducible: its digests are fixed).

const image = '/var/lib/oci/hello';
/** The manifest of the tag latest and the image config it names (both are in index.json / the manifest). */
export const manifestDigest = 'a5623e00ff0026fcf407a3ca89e746d2011056591f5eee83da9f8c604f2d3954';
export const configDigest = '7bc435d6f88c38e835a16f0d51d0334756740769346d16febc2470a467039e59';
/** The three layers, bottom first: busybox, app, config (replaces etc/greeting, whites out etc/motd). */
export const layerDigests = [
  '40fadd43ed7de7b90aefa317bf3ff457df84ca58665f6a1aebb44574b4f36680',
  'f1135e73faf45a5616ff2ab576be66303fb08bbfb7717ca45b4bdc53e40505a2',
  'f5a9396c76c2b910bd342aac53585091113ba54e704f15a5ac8edcc6d713448c',
] as const;
/** The config's diff_id of the third layer: sha256 of its uncompressed tar. */
export const thirdDiffId = 'f9383df9613479ea9043477ced24d65a49827a304a8397495ec83a6f9add8065';

/** umoci's config asks for a terminal; the Run button's shell has one, the test's program channel does not. */
const noTerminal = `sed -i 's/"terminal": *true/"terminal": false/' config.json`;

export const blocks = {
  /** The OCI image layout: its version file, the index (tags → manifest digests) and the blobs. */
  layout: `cd ${image} && cat oci-layout; echo; cat index.json; echo; ls -l blobs/sha256`,
  /** The manifest of latest: the config and the three layers, each by digest and size. */
  manifest: `cd ${image} && cat blobs/sha256/${manifestDigest}; echo`,
  /** The image config: what to run, and the diff_ids of the layers (uncompressed). */
  config: `cd ${image} && cat blobs/sha256/${configDigest}; echo`,
  /** Every blob's name is the sha256 of its bytes. */
  verify: `cd ${image}/blobs/sha256 && ls | awk '{ print $1 "  " $1 }' | sha256sum -c`,
  /** The two small layers are tar archives; the third has a whiteout for etc/motd. */
  layers: `cd ${image}/blobs/sha256 && zcat ${layerDigests[1]} | tar -tvf - && zcat ${layerDigests[2]} | tar -tvf -`,
  /** digest (compressed blob) vs diff_id (uncompressed tar). */
  diffId: `cd ${image}/blobs/sha256 && zcat ${layerDigests[2]} | sha256sum`,
  /** Unpack latest into a runtime bundle: config.json + rootfs with the three layers applied. */
  unpack: `cd /root && umoci unpack --image ${image}:latest bundle && ls bundle bundle/rootfs/etc`,
  /** What the runtime is asked for: namespaces, capabilities, no seccomp section. */
  runtimeConfig: `cd /root/bundle && sed -n '/"namespaces"/,/]/p' config.json; grep -o '"CAP_[A-Z_]*"' config.json | sort -u; grep -c seccomp config.json`,
  /** Without a cgroup manager flag crun fails: its device rules are an eBPF program and there is no bpf(2). */
  crunDefault: `cd /root/bundle && ${noTerminal} && crun run hello`,
  /** With no cgroup manager, the container runs: PID 1, its own hostname, the image's files. */
  crunRun: 'cd /root/bundle && crun --cgroup-manager=disabled run hello',
  /** A container's root as Docker builds it: the image read-only below, an empty writable layer above. */
  overlay: `mkdir -p /root/c1/upper /root/c1/work /root/c1/rootfs
mount -t overlay overlay -o lowerdir=/root/bundle/rootfs,upperdir=/root/c1/upper,workdir=/root/c1/work /root/c1/rootfs
cp /root/bundle/config.json /root/bundle/umoci.json /root/bundle/*.mtree /root/c1/`,
  /** The container's process changes one file of the image and deletes another. */
  changeInContainer: `cd /root/c1 && sed -i 's|"/app/hello.sh"|"/bin/sh", "-c", "echo changed in c1 >> /etc/greeting; rm /etc/group; /app/hello.sh"|' config.json && crun --cgroup-manager=disabled run c1`,
  /** The writable layer holds a copied-up greeting and a whiteout (character device 0/0); the image is untouched. */
  upper: `cd /root/c1/upper && find . | sort && stat -c '%n: %F %t,%T' etc/* && ls /root/bundle/rootfs/etc`,
  /** What docker commit does: the change becomes one more layer, under a new tag. */
  repack: `umoci repack --image ${image}:v2 /root/c1 && umoci stat --image ${image}:v2`,
  /** The new layer: the changed file and an OCI whiteout file (.wh.group) in place of the device. */
  newLayer: `cd ${image}/blobs/sha256 && zcat $(umoci stat --image ${image}:v2 | awk 'END { print substr($1, 8) }') | tar -tvf -`,
  /** A second container, from the new image. */
  runV2: `cd /root && umoci unpack --image ${image}:v2 bundle2 && cd bundle2 && ${noTerminal} && crun --cgroup-manager=disabled run c2`,
  /** The original image is unchanged: latest still names the same manifest, and every blob still matches its name. */
  unchanged: `cd ${image} && cat index.json; echo; ls blobs/sha256 | awk '{ print $1 "  " $1 }' | (cd blobs/sha256 && sha256sum -c)`,
} as const;

/** The blocks in the order the pages show them. */
export const chapterBlocks: readonly string[] = Object.values(blocks);
