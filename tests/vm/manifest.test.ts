// The committed guest is what its manifest says, within its size budgets, with its state fresh.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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

  it('lists the kernel, its config, the BIOS and the state', () => {
    expect(Object.keys(manifest.files).sort()).toEqual([
      'bzImage',
      'kernel.config',
      'seabios.bin',
      'state.bin.zst',
    ]);
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
