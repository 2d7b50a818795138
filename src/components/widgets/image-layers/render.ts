// The "Dockerfile → layers" widget's read-only parts, each a function of what the model reported (through
// view-model.ts): the build steps table, the images table with disk use, a pull's transfers, a container's
// writable layer, merged view and `docker diff`. view.ts owns the controls and calls these on every change.

import { formatBytes } from '../../../sim/image-layers/format.ts';
import type { DiskUsage, TransferReport } from '../../../sim/image-layers/index.ts';
import { h } from '../dom.ts';
import { fill, type ImageLayersStrings } from './strings.ts';
import type { MergedRow, StepRow, UpperRow } from './view-model.ts';
import { short, transferRows } from './view-model.ts';

/** A table in its own scrolling box (a narrow screen scrolls the table, not the page). */
function tableBox(caption: string, head: string[], rows: HTMLElement[], attrs: Record<string, string>) {
  return h(
    'div',
    { class: 'il-table-box', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: 'il-table', ...attrs },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, ...rows),
    ),
  );
}

export function stepsTable(rows: readonly StepRow[], s: ImageLayersStrings, lang: 'ja' | 'en'): HTMLElement {
  const trs = rows.map((r) =>
    h(
      'tr',
      { 'data-step-line': String(r.line), 'data-kind': r.kind, 'data-cache': r.cache },
      h('td', { class: 'il-num' }, String(r.line)),
      h('td', {}, h('code', { class: 'il-ins' }, r.instruction)),
      h('td', {}, h('span', { class: `il-kind il-kind-${r.kind}` }, s.kind[r.kind])),
      h('td', {}, h('span', { class: `il-cache il-cache-${r.cache}` }, s.cache[r.cache])),
      h(
        'td',
        {},
        r.digest ? h('code', { 'data-digest': r.digest }, r.digest) : '',
        r.size ? h('span', { class: 'il-size' }, r.size) : '',
      ),
      h(
        'td',
        {},
        h(
          'details',
          { class: 'il-files' },
          h('summary', {}, r.changes.length > 0 ? fill(s.changedFiles, { n: r.changes.length }) : s.why),
          h('p', { class: 'il-why' }, r.explanation[lang]),
          r.changes.length > 0 ? h('ul', {}, ...r.changes.map((c) => h('li', {}, h('code', {}, c)))) : '',
        ),
      ),
    ),
  );
  const head = [s.head.line, s.head.instruction, s.head.result, s.head.cache, s.head.layer, s.head.files];
  return tableBox(s.stepsCaption, head, trs, { 'data-steps': '' });
}

export function imagesTable(
  usage: DiskUsage,
  s: ImageLayersStrings,
  layerCount: (id: string) => number,
  onRemove: (ref: string) => void,
): HTMLElement {
  const rows = usage.images.map((img) => {
    const ref = img.tags[0] ?? img.id;
    const name = img.tags.length > 0 ? img.tags.join(', ') : s.untagged;
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'vl-button il-small',
        'data-action': 'rmi',
        'aria-label': `${s.removeImage} ${name} ${short(img.id)}`,
      },
      s.removeImage,
    );
    remove.addEventListener('click', () => onRemove(ref));
    return h(
      'tr',
      { 'data-image': ref },
      h('th', { scope: 'row' }, h('code', {}, name), h('br'), h('code', { class: 'il-id' }, short(img.id))),
      h('td', { class: 'il-num' }, String(layerCount(img.id))),
      h('td', { class: 'il-num' }, formatBytes(img.size)),
      h('td', { class: 'il-num', 'data-shared': String(img.sharedSize) }, formatBytes(img.sharedSize)),
      h('td', { class: 'il-num', 'data-unique': String(img.uniqueSize) }, formatBytes(img.uniqueSize)),
      h('td', { class: 'il-num' }, String(img.containers)),
      h('td', {}, remove),
    );
  });
  const head = [
    s.imageHead.image,
    s.imageHead.layers,
    s.imageHead.size,
    s.imageHead.shared,
    s.imageHead.unique,
    s.imageHead.containers,
    '',
  ];
  return tableBox(s.imagesCaption, head, rows, { 'data-images': '' });
}

export function diskList(usage: DiskUsage, s: ImageLayersStrings): HTMLElement {
  const containerBytes = usage.containers.reduce((sum, c) => sum + c.size, 0);
  const item = (key: string, label: string, bytes: number) =>
    h(
      'div',
      { class: 'il-disk-item', 'data-disk': key },
      h('dt', {}, label),
      h('dd', {}, formatBytes(bytes)),
    );
  return h(
    'dl',
    { class: 'il-disk' },
    item('layers', s.diskLayers, usage.layersSize),
    item('sum', s.diskSum, usage.sumOfImageSizes),
    item('cache', s.diskCache, usage.buildCacheSize),
    item('containers', s.diskContainers, containerBytes),
    item('total', s.diskTotal, usage.total),
  );
}

export function transferTable(report: TransferReport, s: ImageLayersStrings): HTMLElement {
  const rows = transferRows(report).map((r) =>
    h(
      'tr',
      { 'data-transfer': r.status, 'data-digest': r.digest },
      h('td', {}, h('code', {}, `sha256:${r.digest}`)),
      h('td', { class: 'il-num' }, r.size),
      h('td', {}, h('span', { class: `il-transfer il-transfer-${r.status}` }, s.transfer[r.status])),
    ),
  );
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'il-note', 'data-manifest': report.manifestDigest },
      fill(s.manifest, { digest: short(report.manifestDigest) }),
    ),
    tableBox(fill(s.pullCaption, { ref: report.ref }), [s.head.layer, s.imageHead.size, ''], rows, {
      'data-pull': '',
    }),
  );
}

export function upperList(rows: readonly UpperRow[], s: ImageLayersStrings): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'il-note', 'data-upper-empty': '' }, s.upperEmpty);
  return h(
    'ul',
    { class: 'il-paths', 'data-upper': '' },
    ...rows.map((r) =>
      h(
        'li',
        { 'data-upper-kind': r.kind, 'data-path': r.path },
        h('code', {}, r.kind === 'dir' ? `${r.path}/` : r.path),
        r.size ? ` ${r.size}` : '',
        r.kind === 'whiteout' || r.kind === 'opaque'
          ? h('span', { class: 'il-tag' }, `${r.kind === 'whiteout' ? s.whiteout : s.opaque} → ${r.hides}`)
          : '',
      ),
    ),
  );
}

export function mergedList(rows: readonly MergedRow[], s: ImageLayersStrings): HTMLElement {
  return h(
    'ul',
    { class: 'il-paths il-merged', 'data-merged': '' },
    ...rows.map((r) =>
      h(
        'li',
        { 'data-path': r.path, 'data-from-upper': String(r.fromUpper) },
        r.fromUpper ? h('span', { class: 'il-star', 'aria-label': s.upper }, s.fromUpper) : '',
        h('code', {}, r.kind === 'dir' ? `${r.path}/` : r.path),
        r.size ? ` ${r.size}` : '',
      ),
    ),
  );
}

export function diffList(changes: readonly { kind: 'A' | 'C' | 'D'; path: string }[]): HTMLElement {
  return h(
    'ul',
    { class: 'il-paths', 'data-diff': '' },
    ...changes.map((c) => h('li', { 'data-change': c.kind }, h('code', {}, `${c.kind} ${c.path}`))),
  );
}
