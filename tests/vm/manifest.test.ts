// The committed guest is what its manifest says, within its size budgets, with its state fresh.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { zstdDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/guest/manifest.ts';
import { staleness } from '../../src/guest/saved-state.ts';

const manifest = readManifest();
const MB = 1024 * 1024;

describe('public/guest/manifest.json', () => {
  it.each(Object.entries(manifest.files))('%s has the recorded sha256 and size', async (name, entry) => {
    const bytes = await readFile(new URL(`../../public/guest/${name}`, import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    expect(bytes.byteLength).toBe(entry.bytes);
  });

  it('lists the kernel, its config, the BIOS, the lazy tree index and the state', () => {
    expect(Object.keys(manifest.files).sort()).toEqual([
      'bzImage',
      'kernel.config',
      'lazy.json',
      'seabios.bin',
      'state.bin.zst',
    ]);
  });

  it('serves every file the lazy index names, each with the content its name says, and nothing else', async () => {
    type Node = [string, number, number, number, number, number, Node[] | string];
    const index = JSON.parse(
      await readFile(new URL('../../public/guest/lazy.json', import.meta.url), 'utf8'),
    );
    const keys = new Map<string, number>();
    const walk = (nodes: Node[]) => {
      for (const [, size, , mode, , , x] of nodes) {
        if ((mode & 0o170000) === 0o040000) walk(x as Node[]);
        else if ((mode & 0o170000) === 0o100000) keys.set(x as string, size);
      }
    };
    walk(index.fsroot);
    const dir = new URL('../../public/guest/lazy/', import.meta.url);
    expect((await readdir(dir)).sort()).toEqual([...keys.keys()].sort());
    for (const [key, size] of keys) {
      const data = zstdDecompressSync(await readFile(new URL(key, dir)));
      expect(data.byteLength).toBe(size);
      expect(`${createHash('sha256').update(data).digest('hex')}.zst`).toBe(key);
    }
    expect(keys.size).toBe(manifest.lazy.distinctFiles);
  });

  it('names every Debian package of the lazy tree with its source and licence', () => {
    const names = manifest.debianPackages.map((p) => p.package);
    expect(names).toEqual(
      expect.arrayContaining([
        'util-linux',
        'iproute2',
        'procps',
        'psmisc',
        'libcap2-bin',
        'strace',
        'bash',
        'crun',
        'umoci',
      ]),
    );
    for (const p of manifest.debianPackages) {
      expect(p.source).toMatch(/^\S+ \S+$/);
      expect(p.licence).toMatch(/\S/);
      expect(
        manifest.licences.some((l) => l.component.startsWith(`${p.package} (`) && l.source === p.source),
      ).toBe(true);
    }
  });

  it('stays within the size budgets (kernel and state 3.5 MB each, all under 8 MB)', () => {
    const size = (name: string) => manifest.files[name]?.bytes ?? Number.POSITIVE_INFINITY;
    expect(size('bzImage')).toBeLessThanOrEqual(3.5 * MB);
    expect(size('state.bin.zst')).toBeLessThanOrEqual(3.5 * MB);
    expect(Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0)).toBeLessThan(8 * MB);
  });

  it('names versions and licences for the About page', () => {
    expect(manifest.kernel.release).toMatch(/^6\.1\.\d+$/);
    expect(Object.keys(manifest.sources).sort()).toEqual(['busybox', 'glibc', 'linux', 'musl', 'seabios']);
    expect(manifest.licences.map((l) => l.licence)).toEqual(
      expect.arrayContaining(['GPL-2.0-only', 'LGPL-3.0-or-later']),
    );
    expect(manifest.kernel.cmdline).toContain('init_on_free=1');
  });

  it('has a saved state made for this kernel, BIOS, v86 version and emulator options', () => {
    expect(staleness(manifest)).toBeNull();
  });
});
