// The chapter "docker" shows exactly the shell blocks its VM test runs (tests/vm/docker.test.ts), in the same order
// in both languages; it has its three figures, the Dockerfile → layers widget, a playground before the first command
// and its three exercises; it links
// the source article wherever it cites it, cites the primary sources the chapter rests on, gives the lineage with its
// years, and corrects the article's "runs on any Linux server".
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks } from '../vm/docker-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('docker');

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('has the three figures in order, the layers widget, a playground before the first command, and the three exercises', () => {
    expect(source).toMatch(/<ImageAsLayers \/>[\s\S]*<ImageToContainer \/>[\s\S]*<RegistryDistribution \/>/);
    const widget = source.indexOf('<ImageLayers storageKey="docker-layers" />');
    expect(widget).toBeGreaterThan(source.indexOf('<RegistryDistribution />'));
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(widget);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['layer-order', 'container-whiteout', 'commit-layer']);
  });

  test('follows the chapter structure', () => {
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(6);
  });

  test('names and links the source article in its introduction, and links it wherever it cites it', () => {
    const intro = source.slice(source.indexOf('\n---\n', 4), source.indexOf('\n## '));
    expect(intro).toContain('jameswhale');
    expect(intro).toContain(SOURCE_ARTICLE);
    const later = source.slice(source.indexOf('\n## ')).split(/\n(?=\S)|\n\n/);
    const citing = later.filter((block) => /元になった記事|source article/.test(block));
    expect(citing.length).toBeGreaterThanOrEqual(4);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('gives the lineage with years and sources: jail 2000, Zones 2004/2005, LXC 2008, Docker 2013', () => {
    expect(source).toMatch(/FreeBSD jail（2000 年）|FreeBSD jail \(2000\)/);
    expect(source).toMatch(/Solaris Zones（2004〜2005 年）|Solaris Zones \(2004–2005\)/);
    expect(source).toMatch(/LXC（2008 年）|LXC \(2008\)/);
    expect(source).toMatch(/Docker（2013 年）|Docker \(2013\)/);
    for (const cited of [
      'papers.freebsd.org/2000/phk-jails',
      'lisa04/tech/price',
      'linuxcontainers.org/lxc',
      'moby/moby',
    ])
      expect(source).toContain(cited);
  });

  test('cites the OCI specifications, Docker, containerd, runc, crun and the kernel documentation', () => {
    for (const cited of [
      'opencontainers/image-spec',
      'opencontainers/runtime-spec',
      'opencontainers/distribution-spec',
      'docs.docker.com/engine/security/rootless',
      'docs.docker.com/reference/cli/docker/container/commit',
      'docs.docker.com/build/building/multi-platform',
      'docker-engine-1-11-runc',
      'containerd.io',
      'opencontainers/runc',
      'containers/crun',
      'docs.kernel.org/filesystems/overlayfs',
    ])
      expect(source).toContain(cited);
  });

  test('corrects "runs on any Linux server": architecture and kernel features still matter', () => {
    expect(source).toMatch(/言いすぎ|goes too far/);
    expect(source).toMatch(/CPU アーキテクチャ|CPU architecture/);
    expect(source).toMatch(/bpf\(2\)/);
    expect(source).toContain('/chapters/kernel-features/');
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
