// The chapter "hypervisors" shows exactly the shell blocks its VM test runs (tests/vm/hypervisors.test.ts), in the
// same order in both languages; it has its figures, both behaviour-simulator scenarios, the insertion point of the
// ring simulator, a playground before the first command and its exercise; it links the source article wherever it
// cites it, and cites the primary sources the chapter rests on.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ringStrings } from '../../src/components/widgets/ring-simulator/strings.ts';
import { chapterBlocks } from '../vm/hypervisors-commands.ts';
import { chapterPages, SOURCE_ARTICLE, shellBlocks } from './chapter-source.ts';

const pages = chapterPages('hypervisors');

describe.each(Object.entries(pages))('%s page', (lang, url) => {
  const source = readFileSync(url, 'utf8');

  test('has exactly the shell blocks the VM test runs, in order', () => {
    expect(shellBlocks(source)).toEqual(chapterBlocks);
  });

  test('has both figures, the exploit and noisy-neighbour scenarios, the ring simulator, a playground before the first command, and the exercise', () => {
    expect(source).toMatch(/<HypervisorTypes \/>[\s\S]*<RingScenarios \/>/);
    const scenarios = [...source.matchAll(/<BehaviourSimulator scenario="([a-z-]+)" \/>/g)].map((m) => m[1]);
    expect(scenarios).toEqual(['exploit', 'noisy-neighbour']);
    const slot = source.indexOf('<RingSimulator ');
    expect(slot).toBeGreaterThan(source.indexOf('<RingScenarios />'));
    const playground = source.indexOf('<LinuxPlayground');
    expect(playground).toBeGreaterThan(slot);
    expect(playground).toBeLessThan(source.indexOf('```sh'));
    const ids = [...source.matchAll(/<Exercise id="([a-z0-9-]+)" \/>/g)].map((m) => m[1]);
    expect(ids).toEqual(['ring-traps', 'kvm-capable']);
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

  test('cites the primary sources: Goldberg, Popek & Goldberg, Robin & Irvine, Adams & Agesen, the manuals, kernel and vendor docs', () => {
    for (const cited of [
      'AD0772809', // Goldberg 1973
      '10.1145/361011.361073', // Popek & Goldberg 1974
      'sec00/full_papers/robin', // Robin & Irvine 2000
      '10.1145/1168857.1168860', // Adams & Agesen 2006
      'intel-sdm',
      '24593.pdf', // AMD APM Vol. 2
      'docs.kernel.org/virt/kvm',
      'architecture-of-vmware-esxi',
      'hyper-v-architecture',
      'virtualbox.org/manual',
      'man2/ioperm.2',
    ])
      expect(source).toContain(cited);
  });

  test('says where KVM fits is debated, and that Linux uses rings 0 and 3 only', () => {
    expect(source).toMatch(/KVM[\s\S]{0,1500}(タイプ 1[\s\S]{0,400}タイプ 2|type 1[\s\S]{0,400}type 2)/);
    expect(source).toMatch(/ring 0 と ring 3 しか|rings 0 and 3 only|only rings 0 and 3/);
  });

  test("quotes the ring simulator's binary-translation switch by its label, and does not say VT-x fixes popf with VM exits", () => {
    // The simulator's software scenario translates the guest kernel by default; to see cli trap and popf go silently
    // wrong, the reader turns the switch off. Under VT-x popf runs in the guest's ring 0 with no VM exit.
    const label = ringStrings[lang as 'ja' | 'en'].bt;
    expect(source).toContain(lang === 'ja' ? `「${label}」をオフ` : `"${label}" off`);
    expect(source).not.toMatch(/VM exit を確実に起こす|hardware reliably exits/);
  });

  test('has no placeholder text', () => {
    expect(source).not.toMatch(/\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i);
  });
});
