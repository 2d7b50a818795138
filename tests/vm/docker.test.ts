// Every command of the chapter "docker", run on the real guest in page order (later blocks use what earlier ones
// made), with the effect the page describes. The blocks live in ./docker-commands.ts. What the page claims rests on:
// the OCI image spec (image-layout.md, manifest.md, config.md, layer.md: digests, diff_ids, whiteouts), the OCI
// runtime spec (config.md), the kernel's overlayfs documentation (copy-up; whiteouts are 0/0 character devices),
// umoci-unpack(1)/umoci-repack(1) and crun(1).
import { describe, expect, it } from 'vitest';
import { blocks, configDigest, layerDigests, manifestDigest, thirdDiffId } from './docker-commands.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { run, sh } = useRestoredGuest();
const slow = 90_000;

describe('the OCI image layout', () => {
  it('oci-layout, index.json naming the manifest of latest, and five blobs', async () => {
    const out = await sh(blocks.layout);
    expect(out).toContain('{"imageLayoutVersion":"1.0.0"}\n');
    expect(out).toContain(`"digest":"sha256:${manifestDigest}"`);
    expect(out).toContain('"org.opencontainers.image.ref.name":"latest"');
    const names = out
      .trimEnd()
      .split('\n')
      .slice(3)
      .map((line) => line.split(/\s+/).at(-1));
    expect(names.sort()).toEqual([configDigest, manifestDigest, ...layerDigests].sort());
  });

  it('the manifest names the config and three gzip layers by digest, bottom first', async () => {
    const manifest = JSON.parse(await sh(blocks.manifest));
    expect(manifest.config.digest).toBe(`sha256:${configDigest}`);
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(
      layerDigests.map((d) => `sha256:${d}`),
    );
    expect(manifest.layers[0].mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
  });

  it('the config holds the command, the diff_ids and the history', async () => {
    const config = JSON.parse(await sh(blocks.config));
    expect(config.config.Cmd).toEqual(['/app/hello.sh']);
    expect(config.architecture).toBe('386');
    expect(config.rootfs.diff_ids).toHaveLength(3);
    expect(config.rootfs.diff_ids[2]).toBe(`sha256:${thirdDiffId}`);
    // "history is the record of the steps that made each layer": one entry per layer here.
    expect(config.history).toHaveLength(3);
  });

  it('sha256sum confirms every blob is named by the sha256 of its bytes', async () => {
    const out = await sh(blocks.verify);
    expect(out.trimEnd().split('\n')).toEqual(
      [configDigest, manifestDigest, ...layerDigests].sort().map((d) => `${d}: OK`),
    );
  });

  it('the layers are tar archives; the third replaces etc/greeting and whites out etc/motd', async () => {
    const out = await sh(blocks.layers);
    expect(out).toMatch(/\.\/app\/hello\.sh\n/);
    expect(out).toMatch(/-rw-r--r-- 0\/0 +0 [^\n]* \.\/etc\/\.wh\.motd\n/);
    expect(out.match(/\.\/etc\/greeting\n/g)).toHaveLength(2);
  });

  it('the uncompressed tar hashes to the diff_id in the config, not to the blob digest', async () => {
    expect(await sh(blocks.diffId)).toBe(`${thirdDiffId}  -\n`);
  });
});

describe('unpack and run with crun', () => {
  it('umoci unpack makes a bundle: config.json and a rootfs with the layers applied (no motd)', async () => {
    const out = await sh(blocks.unpack, slow);
    expect(out).toMatch(/bundle:\nconfig\.json\nrootfs\n/);
    expect(out).toMatch(/bundle\/rootfs\/etc:\ngreeting\ngroup\npasswd\n$/);
  });

  it('config.json asks for five namespaces and three capabilities, and has no seccomp section', async () => {
    const result = await run(blocks.runtimeConfig);
    for (const ns of ['pid', 'network', 'ipc', 'uts', 'mount'])
      expect(result.output).toContain(`"type": "${ns}"`);
    expect(result.output).not.toContain('"type": "user"');
    expect(result.output).toContain('"CAP_AUDIT_WRITE"\n"CAP_KILL"\n"CAP_NET_BIND_SERVICE"\n0\n');
    expect(result.exitCode).toBe(1); // grep -c found nothing
    // "the only cgroup setting is linux.resources.devices denying every device" and the hostname the container prints.
    const json = JSON.parse(await sh('cat /root/bundle/config.json'));
    expect(json.linux.resources).toEqual({ devices: [{ allow: false, access: 'rwm' }] });
    expect(json.hostname).toBe('umoci-default');
    expect(json.process.terminal).toBe(true);
  });

  it('crun with its default cgroup manager fails: the device rules need bpf(2), which this kernel lacks', async () => {
    const result = await run(blocks.crunDefault, slow);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/bpf create ``: Function not implemented/);
    expect(await sh('crun list')).not.toMatch(/\nhello\s/);
  });

  it('with --cgroup-manager=disabled the container runs as PID 1 with its own hostname', async () => {
    expect(await sh(blocks.crunRun, slow)).toBe(
      'Hello from a container (the config layer replaced this file).\nI am PID 1 on umoci-default, user root.\n',
    );
  });
});

describe('the writable layer on overlayfs', () => {
  it('the overlay mounts with the unpacked image below and an empty upper layer', async () => {
    expect(await sh('grep -w overlay /proc/filesystems')).toMatch(/^nodev\toverlay\n$/);
    await sh(blocks.overlay);
    expect(await sh('grep " /root/c1/rootfs overlay " /proc/mounts')).toMatch(
      /lowerdir=\/root\/bundle\/rootfs/,
    );
    expect(await sh('ls -A /root/c1/upper')).toBe('');
  });

  it('a container on it appends to etc/greeting and deletes etc/group', async () => {
    expect(await sh(blocks.changeInContainer, slow)).toBe(
      'Hello from a container (the config layer replaced this file).\nchanged in c1\nI am PID 1 on umoci-default, user root.\n',
    );
  });

  it('upper holds the copied-up greeting and a 0/0 character device for group; the lower layer still has both', async () => {
    expect(await sh(blocks.upper)).toBe(
      '.\n./etc\n./etc/greeting\n./etc/group\n' +
        'etc/greeting: regular file 0,0\netc/group: character special file 0,0\n' +
        'greeting\ngroup\npasswd\n',
    );
    expect(await sh('cat /root/bundle/rootfs/etc/greeting')).toBe(
      'Hello from a container (the config layer replaced this file).\n',
    );
  });
});

describe('commit: a new layer, a new tag, the old image unchanged', () => {
  it('umoci repack adds a fourth layer under the tag v2', async () => {
    const out = await sh(blocks.repack, slow);
    const layers = out
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[0]);
    expect(layers.slice(0, 3)).toEqual(layerDigests.map((d) => `sha256:${d}`));
    expect(layers).toHaveLength(4);
    expect(out).toMatch(/umoci repack/);
  });

  it('the new layer holds the changed file and an OCI whiteout for group', async () => {
    const out = await sh(blocks.newLayer);
    expect(out).toMatch(/ \.?\/?etc\/greeting\n/);
    expect(out).toMatch(/ \.?\/?etc\/\.wh\.group\n/);
    expect(out).not.toMatch(/passwd/);
  });

  it('a container from v2 sees the change', async () => {
    expect(await sh(blocks.runV2, slow)).toMatch(
      /\nchanged in c1\nI am PID 1 on umoci-default, user root\.\n$/,
    );
  });

  it('latest still names the same manifest, and every blob still matches its digest', async () => {
    const out = await sh(blocks.unchanged);
    expect(out).toContain(
      `"digest":"sha256:${manifestDigest}","size":713,"annotations":{"org.opencontainers.image.ref.name":"latest"}`,
    );
    expect(out).toContain('"org.opencontainers.image.ref.name":"v2"');
    const ok = out
      .trimEnd()
      .split('\n')
      .filter((line) => line.endsWith(': OK'));
    expect(ok).toHaveLength(8);
    expect(out).not.toMatch(/FAILED/);
  });
});
