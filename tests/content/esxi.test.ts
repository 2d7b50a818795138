// The chapter "esxi" shows exactly the shell blocks and the host profile script its VM test runs
// (tests/vm/esxi.test.ts), in the same order in both languages; it has its figures, the three behaviour-simulator
// scenarios, a playground before the first command, the profile after the reset and both exercises; it links the
// source article wherever it cites it, cites the primary sources, and says what became of the article's claims.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks, hostProfile } from '../vm/esxi-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('esxi');

describe.each(Object.entries(pages))('%s page', (lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order, and the profile script it applies', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
    const script = source.match(/export const hostProfile = String\.raw`([\s\S]*?)`;/)?.[1];
    expect(script).toBe(hostProfile);
  });

  test('has both figures, the three scenarios, a playground before the first command, the profile after the reset, and both exercises', () => {
    expect(source).toMatch(/<EsxiVsKvm \/>[\s\S]*<StatelessHost \/>/);
    const scenarios = [...source.matchAll(/<BehaviourSimulator scenario="([a-z-]+)" \/>/g)].map((m) => m[1]);
    expect(scenarios).toEqual(['stateless-rebuild', 'host-failure', 'patching']);
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(0);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    // The profile comes after the reset (the third shell block is the check after it).
    const profile = source.indexOf('<ContainerScript id="host-profile" script={hostProfile} />');
    expect(profile).toBeGreaterThan(source.indexOf('Device "br0" does not exist.'));
    expect(profile).toBeLessThan(source.indexOf('ip link add br0 type bridge; echo'));
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['host-profile', 'live-migration']);
  });

  test('follows the chapter structure', () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(6);
    expect(source).toMatch(/title="(用語|Terms)"/);
  });

  test('names and links the source article in its introduction, and links it wherever it cites it', () => {
    const intro = source.slice(source.indexOf('\n---\n', 4), source.indexOf('\n## '));
    expect(intro).toContain('jameswhale');
    expect(intro).toContain(SOURCE_ARTICLE);
    const later = source.slice(source.indexOf('\n## ')).split(/\n(?=\S)|\n\n/);
    const citing = later.filter((block) => /元になった記事|source article/.test(block));
    expect(citing.length).toBeGreaterThanOrEqual(3);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('cites the primary sources: the ESXi paper, the 7.0 and 8.0 requirements, KB 85685, Auto Deploy, HA, live migration, KVM, QEMU, libvirt', () => {
    for (const cited of [
      'architecture-of-vmware-esxi-1009',
      '7.0/com.vmware.esxi.install.doc/GUID-DEB8086A',
      lang === 'ja'
        ? '8.0/vsphere-esxi-upgrade/GUID-DEB8086A'
        : '8.0/vsphere-esxi-installation/GUID-DEB8086A',
      'fast-transparent-migration-for-virtual-machines', // Nelson et al. 2005 (vMotion)
      'kb.vmware.com/s/article/85685',
      'GUID-9A827220', // Understanding vSphere Auto Deploy
      'vsphere-availability/GUID-33A65FF7', // How vSphere HA Works
      '10.5555/1251203.1251223', // Clark et al. 2005
      'docs.kernel.org/virt/kvm',
      'qemu.org/docs',
      'libvirt.org/drivers',
    ])
      expect(source).toContain(cited);
  });

  test("corrects the article: 32 MB was a size on disk, today's minimums, USB/SD deprecated but supported through 8.0", () => {
    if (lang === 'ja') {
      expect(source).toMatch(/32 MB[^\n]*ディスク上の大きさ[^\n]*メモリの使用量ではありません/);
      expect(source).toMatch(/8 GB のメモリと[^\n]*32 GB/);
      expect(source).toMatch(/非推奨[^\n]*8\.0 とその更新版までは[^\n]*サポート/);
    } else {
      expect(source).toMatch(/32 MB[^\n]*size on disk[^\n]*not its memory use/);
      expect(source).toMatch(/at least 8 GB of memory and a boot disk of at least 32 GB/);
      expect(source).toMatch(/deprecated[^\n]*supported through 8\.0/);
    }
  });

  test('says what the toy shows and what it does not', () => {
    expect(source).toMatch(/この再現でわかること、わからないこと|What this toy shows, and what it does not/);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|HOST_PROFILE/i);
  });
});
