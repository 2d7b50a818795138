// A number with where it comes from: a source link with its section, or an "assumption" / "derived" badge whose
// reason opens on demand (a <details>, so keyboard and screen readers get it without script).
import type { Figure, Lang, Provenance } from '../../../sim/behaviour/types.ts';
import { h } from '../dom.ts';
import { formatFigure, type UnitLabels } from './format.ts';
import type { SimulatorStrings } from './strings.ts';

export interface Context {
  readonly strings: SimulatorStrings;
  readonly lang: Lang;
  readonly units: UnitLabels;
}

/**
 * `compact`: a source, too, is a badge ("Source") that opens to its link and section, so a parameter's default
 * and where it comes from fit on one line; figures in the lanes show the link at once.
 */
export function provenance(p: Provenance, ctx: Context, { compact = false } = {}): HTMLElement {
  if (p.kind === 'source') {
    const year = p.source.year === undefined ? '' : ` ${p.source.year}`;
    const link = h('a', { href: p.source.url, title: p.source.title }, `${p.source.by}${year}`);
    const where = p.where ? `${ctx.strings.whereSep}${p.where}` : '';
    if (compact)
      return h(
        'details',
        { class: 'bs-prov bs-source', 'data-provenance': 'source' },
        h('summary', {}, ctx.strings.sourceBadge),
        h('span', { class: 'bs-reason' }, link, where),
      );
    return h(
      'span',
      { class: 'bs-prov bs-source', 'data-provenance': 'source' },
      ctx.strings.sourceAt,
      link,
      where,
    );
  }
  const label = p.kind === 'assumption' ? ctx.strings.assumption : ctx.strings.derived;
  return h(
    'details',
    { class: `bs-prov bs-${p.kind}`, 'data-provenance': p.kind },
    h('summary', {}, label),
    h('span', { class: 'bs-reason' }, p.reason[ctx.lang]),
  );
}

/** One figure as a list item: label, value (with the source's range), provenance. */
export function figureItem(figure: Figure, ctx: Context): HTMLLIElement {
  return h(
    'li',
    { class: 'bs-figure', 'data-figure': figure.id },
    h('span', { class: 'bs-figure-label' }, figure.label[ctx.lang]),
    ctx.lang === 'ja' ? '：' : ': ',
    h('strong', { class: 'bs-figure-value' }, formatFigure(figure, ctx.lang, ctx.units)),
    ' ',
    provenance(figure.provenance, ctx),
  );
}
