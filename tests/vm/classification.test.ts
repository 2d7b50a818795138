// Every command of the chapter "classification", run on the real guest as the page shows it, with the output the
// page describes. The blocks live in ./classification-commands.ts (tests/content/classification.test.ts checks
// that the pages show exactly those). Numbers that vary from run to run (memory) are asserted as ranges, and the
// page says they vary.
// PCI IDs: https://pci-ids.ucw.cz/ ; virtio device IDs: Virtual I/O Device (VIRTIO) Version 1.2, §4.1.2 and §5;
// cgroup v2 memory.current / memory.stat: https://www.kernel.org/doc/html/v6.1/admin-guide/cgroup-v2.html ;
// smaps_rollup and Pss: proc(5).
import { describe, expect, it } from 'vitest';
import { blocks } from './classification-commands.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();

describe('this guest is a virtual machine', () => {
  it('its CPU reports the hypervisor flag and neither vmx nor svm', async () => {
    expect(await sh(blocks.cpuFlags)).toBe('hypervisor\n');
  });

  it('lists emulated PCI hardware without drivers and one virtio device bound to virtio-pci', async () => {
    const lines = (await sh(blocks.pciDevices)).trimEnd().split('\n');
    // The page names each of these: 440FX host bridge, PIIX3 ISA bridge, RTL-8029 (NE2000) NIC, virtio 9P,
    // Bochs/QEMU VGA, PIIX3 IDE. Only the virtio device has a driver in this kernel.
    expect(lines.map((line) => line.trimEnd())).toEqual([
      '0x8086:0x1237',
      '0x8086:0x7000',
      '0x10ec:0x8029',
      '0x1af4:0x1049 virtio-pci',
      '0x1234:0x1111',
      '0x8086:0x7010',
    ]);
  });

  it('the virtio device is type 9 (9P transport), driven by 9pnet_virtio, and carries a mounted file system', async () => {
    const lines = (await sh(blocks.virtio)).trimEnd().split('\n');
    expect(lines[0]).toBe('9pnet_virtio');
    expect(lines[1]).toBe('0x0009');
    expect(lines[2]).toMatch(/^host9p \/\S+ 9p \S*trans=virtio\S* 0 0$/);
  });
});

describe('containers share the host kernel', () => {
  it('the kernel is the same inside new UTS, PID and mount namespaces; only the hostname and the PIDs differ', async () => {
    const host = await sh(blocks.hostKernel);
    expect(host).toMatch(/^Linux version 6\.1\.\d+ /);
    const inside = (await sh(blocks.nsKernel, 60_000)).split('\n');
    expect(inside[0]).toBe('box');
    expect(`${inside[1]}\n`).toBe(host);
    expect(inside[2]).toMatch(/^\s*PID\s+TTY\s+TIME\s+CMD$/);
    // ps is the only process it can see, as PID 1 (sh exec'd it as its last command).
    expect(
      inside
        .slice(3)
        .filter(Boolean)
        .map((row) => row.trim().split(/\s+/)),
    ).toEqual([['1', '?', expect.stringMatching(/^\d\d:\d\d:\d\d$/), 'ps']]);
    expect(await sh('hostname')).toBe('vlab\n');
  });

  it('eight namespaced shells start in one cgroup: 24 processes (unshare, sh and sleep each)', async () => {
    expect(await sh(blocks.eightStart, 120_000)).toMatch(/processes: 24\n$/);
  });

  it('each of the eight is its own UTS namespace with its own hostname, none the host’s', async () => {
    const rows = (await sh(blocks.eightList, 60_000)).trimEnd().split('\n');
    expect(rows).toHaveLength(8);
    const parsed = rows.map((row) => /^PID (\d+): uts:\[(\d+)\] (ve[1-8])$/.exec(row));
    for (const [i, match] of parsed.entries()) expect(match, rows[i]).not.toBeNull();
    const hostUts = /uts:\[(\d+)\]/.exec(await sh('readlink /proc/1/ns/uts'))?.[1];
    const uts = parsed.map((m) => m?.[2]);
    expect(new Set(uts).size).toBe(8);
    expect(uts).not.toContain(hostUts);
    expect(new Set(parsed.map((m) => m?.[3])).size).toBe(8);
    // And the same kernel in each: uname -r through one of them.
    const pid = parsed[0]?.[1];
    expect(await sh(`nsenter -t ${pid} -u -p -m uname -r`)).toBe(await sh('uname -r'));
  });

  it('the eight cost about a megabyte charged to the cgroup and a few MB of Pss, not 4 GB', async () => {
    const [current = '', pss = ''] = (await sh(blocks.eightMemory, 60_000)).trimEnd().split('\n');
    const bytes = Number(current);
    // Measured 1.2 MiB charged and 3.7 MB of Pss on this guest; the page says the values vary. Ranges leave room
    // for that, and stay three orders of magnitude below the article's 8 × 512 MB.
    expect(bytes).toBeGreaterThan(256 * 1024);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
    const kb = Number(/^(\d+) kB$/.exec(pss)?.[1]);
    expect(kb).toBeGreaterThan(1024);
    expect(kb).toBeLessThan(16 * 1024);
    expect(kb * 1024).toBeGreaterThan(bytes); // Pss also counts the processes' share of pages charged elsewhere
  });

  it('the charge is anonymous memory; this kernel counts no kernel memory; the whole VM has about 42 MiB', async () => {
    const out = await sh(blocks.eightStat);
    expect(Number(/^anon (\d+)$/m.exec(out)?.[1])).toBeGreaterThan(0);
    expect(out).toMatch(/^file \d+$/m);
    expect(out).toMatch(/^kernel 0$/m);
    const total = Number(/^MemTotal:\s+(\d+) kB$/m.exec(out)?.[1]);
    expect(total).toBeGreaterThan(40_000);
    expect(total).toBeLessThan(48_000);
  });

  it('clean-up kills all of them and removes the cgroup', async () => {
    expect(await sh(blocks.eightStop, 60_000)).toBe('');
    expect(await sh('[ -e /sys/fs/cgroup/eight ] && echo left || echo gone')).toBe('gone\n');
    expect(await sh('hostname')).toBe('vlab\n');
  });
});
