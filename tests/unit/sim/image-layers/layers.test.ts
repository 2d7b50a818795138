// Layers are change sets addressed by content: the digest depends on the entries only (not on their order,
// not on which instruction or container made them, not on when), and applying a diff gives back the tree.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  build,
  commitContainer,
  createContainer,
  findImage,
  initialState,
  makeLayer,
  writeFile,
} from '../../../../src/sim/image-layers/index.ts';
import { applyChanges, diffTrees, layerChanges } from '../../../../src/sim/image-layers/layer.ts';
import type { FsEntry, Tree } from '../../../../src/sim/image-layers/tree.ts';
import { ok } from './helpers.ts';

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const fileEntry = fc
  .record({
    type: fc.constant('file' as const),
    mode: fc.constantFrom(0o644, 0o755, 0o600),
    owner: fc.constantFrom('0', '1000'),
    content: fc.string({ maxLength: 12 }),
  })
  .map((f): FsEntry => ({ ...f, size: new TextEncoder().encode(f.content).length }));

/** A tree: a few directories under / with files in them, and a few files under / (a name can be a directory
 * in one tree and a file in another, so diffs also replace one by the other). */
const few = fc.constantFrom('a', 'b', 'c', 'etc');
const tree: fc.Arbitrary<Tree> = fc
  .tuple(
    fc.uniqueArray(fc.tuple(few, few, fileEntry), { maxLength: 8, selector: ([d, f]) => `${d}/${f}` }),
    fc.array(fc.tuple(few, fileEntry), { maxLength: 3 }),
  )
  .map(([nested, top]) => {
    const out: Record<string, FsEntry> = {};
    for (const [d, f, file] of nested) {
      out[`/${d}`] = { type: 'dir', mode: 0o755, owner: '0' };
      out[`/${d}/${f}`] = file;
    }
    for (const [f, file] of top) if (out[`/${f}`] === undefined) out[`/${f}`] = file;
    return out;
  });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('a layer’s digest is a function of its content only', () => {
  test('the same entries in any order, or after a JSON round trip, give the same digest', () => {
    fc.assert(
      fc.property(tree, tree, fc.nat(), (before, after, seed) => {
        const changes = diffTrees(before, after);
        const reordered = Object.fromEntries(shuffled(Object.entries(changes), seed));
        const layer = makeLayer(changes);
        expect(makeLayer(reordered).digest).toBe(layer.digest);
        expect(makeLayer(layerChanges(JSON.parse(JSON.stringify(layer)))).digest).toBe(layer.digest);
      }),
    );
  });

  test('changing any path, mode, owner or content changes the digest', () => {
    fc.assert(
      fc.property(
        tree.filter((t) => Object.values(t).some((e) => e.type === 'file')),
        fc.nat(),
        fc.nat(3),
        (t, pick, field) => {
          const files = Object.keys(t).filter((p) => t[p]?.type === 'file');
          const path = files[pick % files.length] as string;
          const e = t[path] as FsEntry & { type: 'file' };
          const changed: Record<string, FsEntry> = { ...t };
          if (field === 0) {
            delete changed[path];
            changed[`${path}x`] = e;
          } else if (field === 1) changed[path] = { ...e, mode: e.mode ^ 0o100 };
          else if (field === 2) changed[path] = { ...e, owner: `${e.owner}1` };
          else changed[path] = { ...e, content: `${e.content}!`, size: e.size + 1 };
          expect(makeLayer(changed).digest).not.toBe(makeLayer(t).digest);
        },
      ),
    );
  });

  test('the same file from COPY, from RUN echo and from a committed container is the same layer', () => {
    fc.assert(
      fc.property(name, fc.stringMatching(/^[a-z0-9]{1,10}$/), (file, word) => {
        const content = `${word}\n`;
        let state = initialState();
        const copy = ok(
          build(state, {
            dockerfile: `FROM alpine:3.20\nCOPY ${file} /${file}\n`,
            context: { [file]: content },
          }),
        );
        state = copy.state;
        // Another build in between: when a layer is made does not matter.
        state = ok(build(state, { dockerfile: 'FROM debian:12-slim\nRUN mkdir /elsewhere\n' })).state;
        const run = ok(build(state, { dockerfile: `FROM alpine:3.20\nRUN echo ${word} > /${file}\n` }));
        state = run.state;
        const created = ok(createContainer(state, 'alpine:3.20'));
        const written = ok(writeFile(created.state, created.id, `/${file}`, content));
        const committed = ok(commitContainer(written.state, created.id));
        const copyLayer = copy.report.layers.at(-1);
        expect(run.report.layers.at(-1)).toBe(copyLayer);
        expect(committed.report.layer?.digest).toBe(copyLayer);
      }),
      { numRuns: 30 },
    );
  });
});

describe('diff and apply', () => {
  test('applying the diff from one tree to another gives that other tree', () => {
    fc.assert(
      fc.property(tree, tree, (before, after) => {
        expect(applyChanges(before, diffTrees(before, after))).toEqual(after);
      }),
    );
  });

  test('a removed directory is one whiteout, not one per file inside it', () => {
    const before: Tree = {
      '/etc': { type: 'dir', mode: 0o755, owner: '0' },
      '/etc/app': { type: 'dir', mode: 0o755, owner: '0' },
      '/etc/app/a': { type: 'file', mode: 0o644, owner: '0', size: 1, content: 'a' },
      '/etc/app/b': { type: 'file', mode: 0o644, owner: '0', size: 1, content: 'b' },
    };
    const after: Tree = { '/etc': before['/etc'] as FsEntry };
    expect(diffTrees(before, after)).toEqual({
      '/etc': before['/etc'],
      '/etc/.wh.app': { type: 'whiteout' },
    });
  });

  test('base images are made of layers, and nginx shares alpine’s', () => {
    const state = ok(build(initialState(), { dockerfile: 'FROM nginx:1.27-alpine\n' })).state;
    const nginx = findImage(state, 'nginx:1.27-alpine');
    const alpine = state.registry.manifests[state.registry.tags['alpine:3.20'] as never];
    expect(nginx?.config.rootfs.diff_ids).toHaveLength(3);
    expect(nginx?.config.rootfs.diff_ids[0]).toBe(alpine?.layers[0]?.digest);
  });
});
