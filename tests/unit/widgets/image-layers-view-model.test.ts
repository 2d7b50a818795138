// What the "Dockerfile → layers" view shows, from real model reports: each instruction's row (layer or config
// only, cache hit or miss, short digest), the counts of a rebuild after one line changed, a container's
// writable layer (copy-up, whiteout, opaque directory) and merged view, and a pull's transfers by digest.
import { describe, expect, test } from 'vitest';
import {
  buildCounts,
  mergedRows,
  short,
  stepRows,
  transferRows,
  upperRows,
} from '../../../src/components/widgets/image-layers/view-model.ts';
import {
  build,
  createContainer,
  initialState,
  type LayersState,
  makeDirectory,
  mergedView,
  type Outcome,
  pull,
  removePath,
  writeFile,
} from '../../../src/sim/image-layers/index.ts';
import { defaultImageLayersState } from '../../../src/sim/image-layers/widget-state.ts';

function ok<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message.en);
  return outcome;
}

const { dockerfile, context } = defaultImageLayersState;

describe('build steps', () => {
  test('each instruction is a row: base, layer with a short digest and size, or config only', () => {
    const { report } = ok(build(initialState(), { dockerfile, context, tag: 'app:v1' }));
    const rows = stepRows(report);
    expect(rows.map((r) => [r.line, r.kind, r.cache])).toEqual([
      [1, 'base', 'none'],
      [2, 'layer', 'miss'],
      [3, 'layer', 'miss'],
      [4, 'layer', 'miss'],
      [5, 'metadata', 'none'],
    ]);
    expect(rows[1]?.digest).toMatch(/^[0-9a-f]{12}$/);
    expect(rows[1]?.size).toMatch(/MB$/);
    expect(rows[4]?.digest).toBeUndefined();
    expect(rows[3]?.changes).toContain('A /app/app.py');
    expect(rows[3]?.changes).toContain('A /app/templates/index.html');
  });

  test('after one changed line, the steps above it hit the cache and it and every later one miss', () => {
    const first = ok(build(initialState(), { dockerfile, context, tag: 'app:v1' }));
    const changed = dockerfile.replace('WORKDIR /app', 'WORKDIR /srv');
    const second = ok(build(first.state, { dockerfile: changed, context, tag: 'app:v2' }));
    expect(stepRows(second.report).map((r) => r.cache)).toEqual(['none', 'hit', 'miss', 'miss', 'none']);
    expect(buildCounts(second.report)).toEqual({ layers: 4, hits: 1, misses: 2 });
    // The unchanged RUN's layer is the same layer, by digest.
    expect(stepRows(second.report)[1]?.digest).toBe(stepRows(first.report)[1]?.digest);
    expect(stepRows(second.report)[1]?.explanation.en).toMatch(/build cache/);
    expect(stepRows(second.report)[2]?.explanation.en).toMatch(/new layer/);
  });
});

describe('a container', () => {
  function withContainer(): { state: LayersState; id: string } {
    const built = ok(build(initialState(), { dockerfile, context, tag: 'app:v1' }));
    const created = ok(createContainer(built.state, 'app:v1'));
    return { state: created.state, id: created.id };
  }

  test('a modified lower file is copied up; a deleted one becomes a .wh. whiteout hiding it', () => {
    let { state, id } = withContainer();
    state = ok(writeFile(state, id, '/etc/motd', 'changed\n')).state;
    state = ok(removePath(state, id, '/app/app.py')).state;
    const rows = upperRows(state.containers[id]?.upper ?? {});
    expect(rows).toContainEqual({ path: '/etc/motd', kind: 'file', size: '8 B' });
    expect(rows).toContainEqual({ path: '/app/.wh.app.py', kind: 'whiteout', hides: '/app/app.py' });
    const merged = mergedRows(mergedView(state, id) ?? {}, state.containers[id]?.upper ?? {});
    expect(merged.find((r) => r.path === '/etc/motd')?.fromUpper).toBe(true);
    expect(merged.find((r) => r.path === '/app/app.py')).toBeUndefined();
    expect(merged.find((r) => r.path === '/app/templates/index.html')?.fromUpper).toBe(false);
  });

  test('a lower directory deleted and made again is opaque', () => {
    let { state, id } = withContainer();
    state = ok(removePath(state, id, '/app/templates', true)).state;
    state = ok(makeDirectory(state, id, '/app/templates')).state;
    const rows = upperRows(state.containers[id]?.upper ?? {});
    expect(rows).toContainEqual({
      path: '/app/templates/.wh..wh..opq',
      kind: 'opaque',
      hides: '/app/templates',
    });
    expect(rows.find((r) => r.path === '/app/templates')?.kind).toBe('dir');
  });
});

test('a pull lists each layer as transferred or already present, by short digest', () => {
  const built = ok(build(initialState(), { dockerfile, context, tag: 'app:v1' }));
  const { report } = ok(pull(built.state, 'nginx:1.27-alpine'));
  const rows = transferRows(report);
  expect(rows.length).toBe(report.layers.length);
  expect(rows.map((r) => r.digest)).toEqual(report.layers.map((l) => short(l.digest)));
  // nginx:1.27-alpine is built on alpine:3.20, whose layer the app's build already pulled.
  expect(rows[0]?.status).toBe('present');
  expect(rows.some((r) => r.status === 'transferred')).toBe(true);
});
