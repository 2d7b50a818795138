// What the "Dockerfile → layers" view shows, computed from the model's reports and trees without the DOM (so
// it is unit-tested in tests/unit/widgets/image-layers-view-model.test.ts). Only the model's types are
// imported: the view loads the model itself lazily (view.ts).

import { formatBytes } from '../../../sim/image-layers/format.ts';
import type { BuildReport, Changes, TransferReport, Tree } from '../../../sim/image-layers/index.ts';

/** The short digest form `docker images` prints: the first 12 hex digits. */
export const short = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);

export interface StepRow {
  readonly line: number;
  readonly instruction: string;
  readonly kind: 'base' | 'layer' | 'empty' | 'metadata';
  readonly cache: 'hit' | 'miss' | 'none';
  /** Short digest and size of the step's layer, when it made one. */
  readonly digest?: string;
  readonly size?: string;
  /** `A /app/app.py`-style lines, as `docker diff` reads the layer against the tree below. */
  readonly changes: readonly string[];
  /** What the step did and why (cache hit, new layer, config only), in both languages. */
  readonly explanation: { readonly ja: string; readonly en: string };
}

export function stepRows(report: BuildReport): StepRow[] {
  return report.steps.map((s) => ({
    line: s.line,
    instruction: s.instruction,
    kind: s.kind,
    cache: s.cache,
    ...(s.layer ? { digest: short(s.layer.digest), size: formatBytes(s.layer.size) } : {}),
    changes: (s.changes ?? []).map((c) => `${c.kind} ${c.path}`),
    explanation: s.explanation,
  }));
}

export interface BuildCounts {
  readonly layers: number;
  readonly hits: number;
  readonly misses: number;
}

export function buildCounts(report: BuildReport): BuildCounts {
  return {
    layers: report.layers.length,
    hits: report.steps.filter((s) => s.cache === 'hit').length,
    misses: report.steps.filter((s) => s.cache === 'miss').length,
  };
}

export type UpperKind = 'file' | 'dir' | 'whiteout' | 'opaque';

export interface UpperRow {
  readonly path: string;
  readonly kind: UpperKind;
  readonly size?: string;
  /** For a whiteout, the path it hides; for an opaque marker, the directory whose lower contents it hides. */
  readonly hides?: string;
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** A container's writable layer as overlayfs keeps it: copied-up files, whiteouts, opaque markers. */
export function upperRows(upper: Changes): UpperRow[] {
  return Object.entries(upper)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, entry]): UpperRow => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (entry.type === 'opaque') return { path, kind: 'opaque', hides: parentOf(path) };
      if (entry.type === 'whiteout')
        return { path, kind: 'whiteout', hides: join(parentOf(path), name.replace(/^\.wh\./, '')) };
      if (entry.type === 'file') return { path, kind: 'file', size: formatBytes(entry.size) };
      return { path, kind: 'dir' };
    });
}

export interface MergedRow {
  readonly path: string;
  readonly kind: 'file' | 'dir';
  readonly size?: string;
  /** The entry comes from the writable layer (written or copied up), not from the image's layers. */
  readonly fromUpper: boolean;
}

/** The merged view, each path marked with where it comes from. */
export function mergedRows(merged: Tree, upper: Changes): MergedRow[] {
  return Object.keys(merged)
    .sort()
    .map((path) => {
      const entry = merged[path] as Tree[string];
      const fromUpper = upper[path]?.type === entry.type;
      return entry.type === 'file'
        ? { path, kind: 'file' as const, size: formatBytes(entry.size), fromUpper }
        : { path, kind: 'dir' as const, fromUpper };
    });
}

export interface TransferRow {
  readonly digest: string;
  readonly size: string;
  readonly status: 'transferred' | 'present';
}

export function transferRows(report: TransferReport): TransferRow[] {
  return report.layers.map((l) => ({ digest: short(l.digest), size: formatBytes(l.size), status: l.status }));
}
