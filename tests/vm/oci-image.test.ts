// The OCI image in the guest (/var/lib/oci/hello, src/guest/make-oci-image.ts) with the real tools a Docker
// chapter uses: umoci unpacks it into a runtime bundle, crun runs that bundle as a container, and umoci
// repacks a changed bundle into a new tag (a new layer on top of the three).
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();
const image = '/var/lib/oci/hello';

describe('OCI image, umoci and crun', () => {
  it('the image has the tag latest and three layers', async () => {
    expect(await sh(`umoci ls --layout ${image}`)).toBe('latest\n');
    const stat = await sh(`umoci stat --image ${image}:latest --json`);
    expect(JSON.parse(stat).history).toHaveLength(3);
  });

  it('umoci unpack makes a bundle with the layers applied (replaced file, whiteout)', async () => {
    await sh(`cd /root && umoci unpack --image ${image}:latest bundle`, 60_000);
    expect(await sh('ls /root/bundle')).toMatch(/^config\.json\nrootfs\n/);
    expect(await sh('cat /root/bundle/rootfs/etc/greeting')).toMatch(/replaced this file/);
    // The third layer's whiteout (etc/.wh.motd) deleted the first layer's /etc/motd.
    expect(await sh('ls /root/bundle/rootfs/etc')).toBe('greeting\ngroup\npasswd\n');
  });

  it('crun runs the bundle as a container: its own PID 1, hostname and root', async () => {
    // umoci's config asks for a terminal; the program channel has none (the console would). Without a
    // cgroup manager: crun's device rules in cgroup v2 are an eBPF program and the kernel has no bpf(2)
    // ("bpf create ``: Function not implemented"; see src/guest/README.md).
    const out = await sh(
      `cd /root/bundle && sed -i 's/"terminal": *true/"terminal": false/' config.json &&
       crun --cgroup-manager=disabled run hello`,
      60_000,
    );
    expect(out).toMatch(
      /^Hello from a container \(the config layer replaced this file\)\.\nI am PID 1 on \S+, user root\.\n$/,
    );
    // It is gone afterwards: `crun run` deletes the container when its process exits.
    expect(await sh('crun list')).toMatch(/^NAME\s+PID\s+STATUS\s+BUNDLE PATH\s+CREATED\s+OWNER\s*\n$/);
  });

  it('umoci repack turns a changed bundle into a new tag with one more layer', async () => {
    await sh(
      `echo 'Hello from a repacked image.' > /root/bundle/rootfs/etc/greeting &&
       cd /root && umoci repack --image ${image}:v2 bundle`,
      60_000,
    );
    expect(await sh(`umoci ls --layout ${image}`)).toBe('latest\nv2\n');
    expect(JSON.parse(await sh(`umoci stat --image ${image}:v2 --json`)).history).toHaveLength(4);
    await sh(`cd /root && umoci unpack --image ${image}:v2 bundle2`, 60_000);
    expect(await sh('cat /root/bundle2/rootfs/etc/greeting')).toBe('Hello from a repacked image.\n');
  });
});
