// The chapter "cloud" shows exactly the shell blocks its VM test runs (tests/vm/cloud.test.ts), in the same order in
// both languages, and the same supervisor script; it has its figures, both behaviour-simulator scenarios, the
// cluster simulator, a playground before the first command and its exercises; it links the source article wherever it cites it, cites
// the primary sources for each claim the article makes or the chapter corrects, and links the KVM exercise of the
// hypervisors chapter instead of repeating it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chapterBlocks, supervisorScript } from '../vm/cloud-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('cloud');

describe.each(Object.entries(pages))('%s page', (_lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order, and the supervisor script it runs', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
    const defined = /^export const supervisor = String\.raw`([\s\S]*?)`;$/m.exec(source);
    expect(defined?.[1]).toBe(supervisorScript);
    expect(source).toContain('<ContainerScript id="supervisor" script={supervisor} />');
  });

  test('has both figures, the start and consolidation scenarios, the cluster simulator, a playground before the first command, and both exercises', () => {
    expect(source).toMatch(/<CloudStack \/>[\s\S]*<ControlLoop \/>/);
    const scenarios = [...source.matchAll(/<BehaviourSimulator scenario="([a-z-]+)" \/>/g)].map((m) => m[1]);
    expect(scenarios).toEqual(['start', 'consolidation']);
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(source.indexOf('<ControlLoop />'));
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    expect(source.indexOf('<ContainerScript')).toBeGreaterThan(playground);
    const cluster = source.indexOf('<ClusterSimulator storageKey="cluster-cloud" />');
    expect(cluster).toBeGreaterThan(source.indexOf('<ControlLoop />'));
    expect(cluster).toBeLessThan(playground);
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['holiday-autoscaling', 'replica-supervisor']);
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
    expect(citing.length).toBeGreaterThanOrEqual(3);
    for (const block of citing) expect(block).toContain(SOURCE_ARTICLE);
  });

  test('cites the primary sources: Google on KVM, live migration and GKE; Kubernetes; the kernel; virtio', () => {
    for (const cited of [
      '7-ways-we-harden-our-kvm-hypervisor',
      'compute/docs/instances/live-migration-process',
      'compute/docs/images',
      'kubernetes-engine/docs/how-to/node-auto-upgrades',
      'kubernetes-engine/docs/how-to/node-auto-repair',
      'kubernetes-engine/docs/concepts/horizontalpodautoscaler',
      'kubernetes-engine/docs/concepts/cluster-autoscaler',
      'kubernetes.io/docs/concepts/architecture/controller',
      'docs.kernel.org/virt/kvm/api',
      'docs.kernel.org/admin-guide/cgroup-v2',
      'man7/pid_namespaces.7',
      'virtio-v1.2',
    ])
      expect(source).toContain(cited);
  });

  test('names the KVM modules, says what "full virtualization" means with KVM, and links the KVM exercise', () => {
    for (const module of ['`kvm.ko`', '`kvm-intel.ko`', '`kvm-amd.ko`']) expect(source).toContain(module);
    expect(source).toMatch(/準仮想化デバイス|paravirtual devices/);
    expect(source).toMatch(/QEMU の代わり|instead of QEMU|in place of QEMU/);
    expect(source).toMatch(/\]\((\/en)?\/exercises\/kvm-capable\/\)/);
  });

  test('says the guest kernel has no KVM, as its configuration says', () => {
    expect(source).toContain('`CONFIG_VIRTUALIZATION`');
    expect(readFileSync('public/guest/kernel.config', 'utf8')).toMatch(
      /^# CONFIG_VIRTUALIZATION is not set$/m,
    );
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
