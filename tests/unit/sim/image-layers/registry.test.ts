// Pull and push by digest, disk usage with shared layers counted once, and the properties across builds:
// pull transfers exactly the missing layers, images never change, changing line k rebuilds k..n only.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BASE_IMAGES,
  build,
  createContainer,
  diskUsage,
  initialState,
  type LayersState,
  layersStateProblems,
  pull,
  push,
  removeImage,
  writeFile,
} from '../../../../src/sim/image-layers/index.ts';
import { deepFreeze, errorOf, imageSnapshot, ok } from './helpers.ts';

const refs = BASE_IMAGES.map((b) => b.ref);

describe('pull and push', () => {
  test('pulling nginx after alpine transfers only nginx’s own layers', () => {
    const first = ok(pull(initialState(), 'alpine:3.20'));
    expect(first.report.layers.map((l) => l.status)).toEqual(['transferred']);
    const second = ok(pull(first.state, 'nginx:1.27-alpine'));
    expect(second.report.layers.map((l) => l.status)).toEqual(['present', 'transferred', 'transferred']);
    expect(second.report.bytesSkipped).toBe(first.report.bytesTransferred);
  });

  test('a pull by manifest digest gets the same image and adds no tag', () => {
    const state = initialState();
    const digest = state.registry.tags['debian:12-slim'];
    const byDigest = ok(pull(state, `debian@${digest}`));
    expect(byDigest.report.manifestDigest).toBe(digest);
    expect(byDigest.state.tags).toEqual({});
    expect(byDigest.report.imageId).toBe(ok(pull(state, 'debian:12-slim')).report.imageId);
  });

  test('push sends only the layers the registry lacks, then the image can be pulled elsewhere', () => {
    const built = ok(
      build(initialState(), {
        dockerfile: 'FROM alpine:3.20\nCOPY a /a\n',
        context: { a: 'a\n' },
        tag: 'me/app:1',
      }),
    );
    const pushed = ok(push(built.state, 'me/app:1'));
    expect(pushed.report.layers.map((l) => l.status)).toEqual(['present', 'transferred']);
    const elsewhere = { ...initialState(), registry: pushed.state.registry };
    const pulled = ok(pull(ok(pull(elsewhere, 'alpine:3.20')).state, 'me/app:1'));
    expect(pulled.report.imageId).toBe(built.report.imageId);
    expect(pulled.report.layers.map((l) => l.status)).toEqual(['present', 'transferred']);
  });

  test('errors name what the registry has', () => {
    expect(errorOf(pull(initialState(), 'ubuntu')).en).toMatch(/no ubuntu:latest .*alpine:3\.20/);
    expect(errorOf(push(initialState(), 'nothing:1')).code).toBe('no-such-image');
  });

  test('pull transfers exactly the layers the local store lacks', () => {
    fc.assert(
      fc.property(fc.subarray(refs), fc.constantFrom(...refs), (already, wanted) => {
        let state = initialState();
        for (const r of already) state = ok(pull(state, r)).state;
        const local = new Set(Object.keys(state.layers));
        const { report, state: after } = ok(pull(deepFreeze(state), wanted));
        const manifest = state.registry.manifests[state.registry.tags[wanted] as never];
        const expected = manifest?.layers.map((l) => l.digest).filter((d) => !local.has(d)) ?? [];
        expect(report.layers.filter((l) => l.status === 'transferred').map((l) => l.digest)).toEqual(
          expected,
        );
        expect(report.bytesTransferred).toBe(
          expected.reduce((s, d) => s + (state.registry.layers[d]?.size ?? 0), 0),
        );
        expect(Object.keys(after.layers).sort()).toEqual([...new Set([...local, ...expected])].sort());
      }),
    );
  });
});

describe('disk usage', () => {
  test('two images on one base: the base layer is on disk once', () => {
    let state = ok(
      build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', tag: 'a:1' }),
    ).state;
    state = ok(
      build(state, { dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache git\n', tag: 'b:1' }),
    ).state;
    const usage = diskUsage(state);
    const base = usage.images.find((i) => i.tags.includes('alpine:3.20'));
    const a = usage.images.find((i) => i.tags.includes('a:1'));
    const b = usage.images.find((i) => i.tags.includes('b:1'));
    expect(a?.sharedSize).toBe(base?.size);
    expect(b?.sharedSize).toBe(base?.size);
    expect(usage.layersSize).toBe((base?.size ?? 0) + (a?.uniqueSize ?? 0) + (b?.uniqueSize ?? 0));
    expect(usage.sumOfImageSizes - usage.layersSize).toBe(2 * (base?.size ?? 0));
  });

  test('a container adds only its writable layer; rmi frees the layers nothing else uses', () => {
    let state = ok(
      build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', tag: 'a:1' }),
    ).state;
    const before = diskUsage(state).total;
    const c = ok(createContainer(state, 'a:1'));
    state = ok(writeFile(c.state, c.id, '/tmp/log', '12345')).state;
    expect(diskUsage(state).total - before).toBe(5);
    const rmi = ok(removeImage(ok(pull(initialState(), 'alpine:3.20')).state, 'alpine:3.20'));
    expect(rmi.report.layersDeleted).toHaveLength(1);
  });
});

const step = fc.oneof(
  fc.stringMatching(/^[a-z]{1,6}$/).map((d) => `RUN mkdir -p /${d}/sub`),
  fc
    .tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z0-9]{1,6}$/))
    .map(([f, w]) => `RUN echo ${w} >> /tmp/${f}`),
  fc.stringMatching(/^[a-z]{1,6}$/).map((f) => `COPY ${f}.txt /srv/`),
);

function dockerfile(lines: readonly string[]): string {
  return ['FROM alpine:3.20', ...lines].join('\n');
}

function contextFor(lines: readonly string[], version = 'v1'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const m = /^COPY (\S+) /.exec(l);
    if (m) out[m[1] as string] = `${m[1]} ${version}\n`;
  }
  return out;
}

describe('the build cache, as a property', () => {
  test('changing line k rebuilds the file-system steps from k to the end, and nothing before k', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 7 }), fc.nat(), (lines, pick) => {
        const k = pick % lines.length;
        const first = ok(
          build(initialState(), { dockerfile: dockerfile(lines), context: contextFor(lines) }),
        );
        const changed = [...lines];
        changed[k] = `RUN echo changed${k} > /changed`;
        const second = ok(
          build(first.state, { dockerfile: dockerfile(changed), context: contextFor(changed) }),
        );
        const caches = second.report.steps.slice(1).map((s) => s.cache);
        expect(caches.slice(0, k).every((c) => c === 'hit')).toBe(true);
        expect(caches.slice(k).every((c) => c === 'miss')).toBe(true);
      }),
    );
  });

  test('builds, pulls, pushes and container work never change an image that already exists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (dockerfiles) => {
          let state: LayersState = ok(
            build(initialState(), { dockerfile: dockerfile(['RUN mkdir /x']), tag: 'first:1' }),
          ).state;
          const before = Object.values(state.images).map(
            (img) => [img.id, imageSnapshot(state, img)] as const,
          );
          dockerfiles.forEach((lines, i) => {
            state = deepFreeze(state);
            state = ok(
              build(state, {
                dockerfile: dockerfile(lines),
                context: contextFor(lines, `v${i}`),
                tag: `img:${i}`,
              }),
            ).state;
            state = ok(push(state, `img:${i}`)).state;
            state = ok(pull(state, refs[i % refs.length] as string)).state;
            const c = ok(createContainer(state, 'first:1'));
            state = ok(writeFile(c.state, c.id, '/x/file', `${i}`)).state;
          });
          for (const [id, snapshot] of before) {
            const image = state.images[id];
            expect(image && imageSnapshot(state, image)).toBe(snapshot);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

test('the whole state survives a JSON round trip', () => {
  let state = ok(build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN mkdir /a\n', tag: 'a:1' })).state;
  const c = ok(createContainer(state, 'a:1'));
  state = ok(writeFile(c.state, c.id, '/a/b', 'x')).state;
  const copy: LayersState = JSON.parse(JSON.stringify(state));
  expect(copy).toEqual(state);
  expect(layersStateProblems(copy)).toEqual([]);
  // A hand-edited file content no longer matches its layer's digest, and the check says which layer.
  const digest = Object.keys(copy.layers).find((d) =>
    copy.layers[d as never]?.entries.some((e) => e.path === '/a'),
  ) as string;
  const tampered = JSON.parse(JSON.stringify(copy));
  tampered.layers[digest].entries[0].mode = 0o777;
  expect(layersStateProblems(tampered)).toEqual([`layers.${digest}: content does not match its digest`]);
  expect(layersStateProblems({})[0]).toBe('layers: Expected an object');
  const again = ok(build(copy, { dockerfile: 'FROM alpine:3.20\nRUN mkdir /a\n' }));
  expect(again.report.steps[1]?.cache).toBe('hit');
});
