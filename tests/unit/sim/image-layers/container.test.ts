// Containers: copy-up, whiteouts and opaque directories in the writable layer, the merged view, commit and
// remove, and the properties that images never change under them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  build,
  commitContainer,
  containerChanges,
  createContainer,
  findImage,
  imageLayers,
  imageTree,
  initialState,
  type LayersState,
  makeDirectory,
  mergedView,
  removeContainer,
  removeImage,
  removePath,
  stackLayers,
  writeFile,
} from '../../../../src/sim/image-layers/index.ts';
import { deepFreeze, errorOf, imageSnapshot, ok } from './helpers.ts';

function withAlpineContainer(): { state: LayersState; id: string } {
  const pulled = ok(build(initialState(), { dockerfile: 'FROM alpine:3.20\n', tag: 'base:1' })).state;
  return ok(createContainer(pulled, 'base:1'));
}

describe('the writable layer', () => {
  test('modifying a lower file copies the whole file up first; the lower layer keeps the old one', () => {
    const { state, id } = withAlpineContainer();
    const w = ok(writeFile(state, id, '/etc/motd', 'changed\n'));
    expect(w.report.copiedUp).toEqual([{ path: '/etc/motd', bytes: 19 }]);
    expect(w.state.containers[id]?.upper['/etc']).toMatchObject({ type: 'dir' });
    expect(mergedView(w.state, id)?.['/etc/motd']).toMatchObject({ content: 'changed\n' });
    const image = findImage(w.state, 'base:1');
    expect(imageTree(w.state, image as never)['/etc/motd']).toMatchObject({
      content: 'Welcome to Alpine!\n',
    });
    // A second write goes to the copy already up: nothing more is copied.
    expect(ok(writeFile(w.state, id, '/etc/motd', 'again\n', true)).report.copiedUp).toEqual([]);
  });

  test('appending to a large lower file copies all of it up (copy-up is per file)', () => {
    const { state, id } = withAlpineContainer();
    const w = ok(writeFile(state, id, '/usr/lib/libcrypto.so.3', 'x', true));
    expect(w.report.copiedUp[0]?.bytes).toBe(4_431_528);
  });

  test('deleting a lower file leaves a .wh. whiteout that hides it; the lower layer still has it', () => {
    const { state, id } = withAlpineContainer();
    const r = ok(removePath(state, id, '/etc/motd'));
    expect(r.report.whiteoutsAdded).toEqual(['/etc/.wh.motd']);
    expect(mergedView(r.state, id)?.['/etc/motd']).toBeUndefined();
    expect(mergedView(r.state, id)?.['/etc/.wh.motd']).toBeUndefined();
    expect(containerChanges(r.state, id)).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/motd' },
    ]);
    const lower = imageLayers(r.state, findImage(r.state, 'base:1') as never)[0];
    expect(lower?.entries.some((e) => e.path === '/etc/motd')).toBe(true);
  });

  test('deleting a file only the container made leaves no whiteout', () => {
    const { state, id } = withAlpineContainer();
    const w = ok(writeFile(state, id, '/tmp/scratch', 'x'));
    const r = ok(removePath(w.state, id, '/tmp/scratch'));
    expect(r.report.whiteoutsAdded).toEqual([]);
    expect(Object.keys(r.state.containers[id]?.upper ?? {})).toEqual(['/tmp']);
  });

  test('a lower directory deleted and made again is opaque: nothing of the old one shows', () => {
    const { state, id } = withAlpineContainer();
    const gone = ok(removePath(state, id, '/etc/apk', true));
    expect(gone.report.whiteoutsAdded).toEqual(['/etc/.wh.apk']);
    const again = ok(makeDirectory(gone.state, id, '/etc/apk'));
    expect(again.report.opaque).toBe('/etc/apk/.wh..wh..opq');
    expect(again.report.whiteoutsRemoved).toEqual(['/etc/.wh.apk']);
    const merged = mergedView(again.state, id) ?? {};
    expect(merged['/etc/apk']).toMatchObject({ type: 'dir' });
    expect(merged['/etc/apk/repositories']).toBeUndefined();
    // Committed, the opaque whiteout is a layer entry and hides the old contents in the new image too.
    const committed = ok(commitContainer(again.state, id, 'base:2'));
    const image = findImage(committed.state, 'base:2');
    const layer = committed.state.layers[committed.report.layer?.digest as never];
    expect(layer?.entries.map((e) => e.path)).toContain('/etc/apk/.wh..wh..opq');
    expect(imageTree(committed.state, image as never)['/etc/apk/repositories']).toBeUndefined();
  });

  test('errors: no parent directory, a directory that is not empty, a missing file', () => {
    const { state, id } = withAlpineContainer();
    expect(errorOf(writeFile(state, id, '/nope/file', 'x')).code).toBe('no-such-directory');
    expect(errorOf(removePath(state, id, '/etc')).code).toBe('not-empty');
    expect(errorOf(removePath(state, id, '/etc/nothing')).code).toBe('no-such-file');
    expect(errorOf(makeDirectory(state, id, '/etc')).code).toBe('exists');
    expect(errorOf(writeFile(state, 'c99', '/x', 'x')).en).toMatch(/No such container: c99/);
  });
});

describe('commit and remove', () => {
  test('commit puts the writable layer on top of the image’s layers, in a new image', () => {
    const { state, id } = withAlpineContainer();
    const w = ok(writeFile(state, id, '/root/notes', 'hello\n'));
    const c = ok(commitContainer(w.state, id, 'base:notes'));
    const base = findImage(c.state, 'base:1');
    const next = findImage(c.state, 'base:notes');
    expect(next?.config.rootfs.diff_ids).toEqual([
      ...(base?.config.rootfs.diff_ids ?? []),
      c.report.layer?.digest,
    ]);
    expect(stackLayers(imageLayers(c.state, next as never))['/root/notes']).toMatchObject({
      content: 'hello\n',
    });
    expect(next?.config.config).toEqual(base?.config.config);
  });

  test('committing an unchanged container adds no layer', () => {
    const { state, id } = withAlpineContainer();
    const c = ok(commitContainer(state, id));
    expect(c.report.layer).toBeNull();
    expect(findImage(c.state, c.report.imageId)?.config.history.at(-1)).toMatchObject({ empty_layer: true });
  });

  test('an image in use by a container cannot be removed; after docker rm it can', () => {
    const { state, id } = withAlpineContainer();
    expect(errorOf(removeImage(state, 'base:1')).code).toBe('image-in-use');
    const removed = ok(removeContainer(state, id));
    ok(removeImage(removed.state, 'base:1'));
  });
});

const path = fc.constantFrom(
  '/etc/motd',
  '/etc/passwd',
  '/etc/apk',
  '/tmp/a',
  '/tmp/b',
  '/root/x',
  '/lib/apk/db/installed',
  '/usr/lib',
  '/new',
);
const op = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    path,
    text: fc.string({ maxLength: 5 }),
    append: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('rm' as const), path }),
  fc.record({ kind: fc.constant('mkdir' as const), path }),
  fc.record({ kind: fc.constant('commit' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(state: LayersState, id: string, o: Op): LayersState {
  const r =
    o.kind === 'write'
      ? writeFile(state, id, o.path, o.text, o.append)
      : o.kind === 'rm'
        ? removePath(state, id, o.path, true)
        : o.kind === 'mkdir'
          ? makeDirectory(state, id, o.path)
          : commitContainer(state, id);
  return r.ok ? r.state : state;
}

describe('properties', () => {
  test('container writes, commits and removes never change an existing image’s layers', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const start = withAlpineContainer();
        const before = Object.values(start.state.images).map((img) => [
          img.id,
          imageSnapshot(start.state, img),
        ]);
        let state = deepFreeze(start.state);
        for (const o of ops) state = deepFreeze(apply(state, start.id, o));
        state = ok(removeContainer(state, start.id)).state;
        for (const [imageId, snapshot] of before) {
          const image = state.images[imageId as never];
          expect(image && imageSnapshot(state, image)).toBe(snapshot);
        }
      }),
    );
  });

  test('a committed image’s tree is exactly what the container saw', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 14 }), (ops) => {
        const start = withAlpineContainer();
        let state = start.state;
        for (const o of ops) state = apply(state, start.id, o);
        const committed = ok(commitContainer(state, start.id));
        const image = findImage(committed.state, committed.report.imageId);
        expect(imageTree(committed.state, image as never)).toEqual(mergedView(state, start.id));
      }),
    );
  });

  test('removing a container changes no image and no layer, only drops its writable layer', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 10 }), (ops) => {
        const start = withAlpineContainer();
        let state = start.state;
        for (const o of ops) state = apply(state, start.id, o);
        const removed = ok(removeContainer(deepFreeze(state), start.id)).state;
        expect(removed.images).toEqual(state.images);
        expect(removed.layers).toEqual(state.layers);
        expect(removed.tags).toEqual(state.tags);
        expect(removed.containers[start.id]).toBeUndefined();
      }),
    );
  });

  test('whiteouts hide lower files in the merged view while the lower layer still has them', () => {
    const start = withAlpineContainer();
    const lowerTree = mergedView(start.state, start.id) ?? {};
    const files = Object.keys(lowerTree).filter((p) => lowerTree[p]?.type === 'file');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...files), { minLength: 1, maxLength: files.length }),
        (gone) => {
          let state = start.state;
          for (const p of gone) state = ok(removePath(state, start.id, p)).state;
          const merged = mergedView(state, start.id) ?? {};
          const upper = state.containers[start.id]?.upper ?? {};
          const lower = imageLayers(state, findImage(state, 'base:1') as never)[0];
          for (const p of gone) {
            expect(merged[p]).toBeUndefined();
            const slash = p.lastIndexOf('/');
            expect(upper[`${p.slice(0, slash)}/.wh.${p.slice(slash + 1)}`]).toEqual({ type: 'whiteout' });
            expect(lower?.entries.some((e) => e.path === p)).toBe(true);
          }
          for (const p of files.filter((f) => !gone.includes(f))) expect(merged[p]).toEqual(lowerTree[p]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
