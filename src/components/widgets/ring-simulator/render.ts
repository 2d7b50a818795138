// The ring simulator's read-only parts, each a function of the run and the cursor: the ring map (who runs in
// which ring, the current step's ring marked), the running counts, the steps table with provenance badges, and
// the sources. view.ts owns the controls and calls these on every change.
import type { Provenance } from '../../../sim/behaviour/types.ts';
import {
  countSteps,
  exitReasons,
  type Place,
  type RingRun,
  type RingStep,
  type ScenarioId,
} from '../../../sim/rings/model.ts';
import { type Cost, costs, ringSources, sdmWhere } from '../../../sim/rings/sources.ts';
import { h } from '../dom.ts';
import type { RingStrings } from './strings.ts';

type Lang = 'ja' | 'en';

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

export function placeText(place: Place, strings: RingStrings): string {
  return fill(strings.whereValue, {
    runner: strings.runner[place.runner],
    ring: place.ring,
    mode: strings.modeName[place.mode],
  });
}

/** A provenance badge: a <details> whose summary names the kind and opens to the reason or the source. */
export function provenanceBadge(
  p: Provenance,
  strings: RingStrings,
  lang: Lang,
  label?: string,
): HTMLElement {
  const body =
    p.kind === 'source'
      ? h('span', { class: 'rs-reason' }, h('a', { href: p.source.url }, p.source.title), `, ${p.where}`)
      : h(
          'span',
          { class: 'rs-reason' },
          label ? `${label}${lang === 'ja' ? '：' : ': '}` : '',
          p.reason[lang],
        );
  return h(
    'details',
    { class: `rs-prov rs-${p.kind}`, 'data-provenance': p.kind },
    h('summary', {}, strings.provenance[p.kind]),
    body,
  );
}

/** Rows ring 0–3; one column per CPU mode of the scenario; the current step's place marked. */
export function ringMap(
  scenario: ScenarioId,
  current: RingStep | undefined,
  strings: RingStrings,
): HTMLElement {
  const columns: {
    mode: Place['mode'];
    label: string;
    rings: Partial<Record<0 | 1 | 2 | 3, Place['runner']>>;
  }[] =
    scenario === 'native'
      ? [{ mode: 'legacy', label: strings.cpu, rings: { 0: 'kernel', 3: 'app' } }]
      : scenario === 'software'
        ? [{ mode: 'legacy', label: strings.cpu, rings: { 0: 'vmm', 1: 'guest-kernel', 3: 'app' } }]
        : [
            { mode: 'root', label: strings.root, rings: { 0: 'vmm' } },
            { mode: 'non-root', label: strings.nonRoot, rings: { 0: 'guest-kernel', 3: 'app' } },
          ];
  const marked = (mode: Place['mode'], ring: number) =>
    current !== undefined &&
    ((current.at.ring === ring && current.at.mode === mode) ||
      (current.handler?.ring === ring && current.handler.mode === mode));
  return h(
    'table',
    { class: 'rs-rings', 'data-scenario': scenario },
    h('caption', {}, strings.rings),
    h(
      'thead',
      {},
      h('tr', {}, h('td', {}), ...columns.map((column) => h('th', { scope: 'col' }, column.label))),
    ),
    h(
      'tbody',
      {},
      ...([0, 1, 2, 3] as const).map((ring) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, fill(strings.ring, { n: ring })),
          ...columns.map((column) => {
            const runner = column.rings[ring];
            const here = marked(column.mode, ring);
            return h(
              'td',
              {
                class: `${runner ? `rs-runner rs-r-${runner}` : 'rs-vacant'}${here ? ' rs-here' : ''}`,
                'data-ring': String(ring),
                'data-mode': column.mode,
                'data-here': here ? 'true' : undefined,
              },
              runner ? strings.runner[runner] : strings.empty,
              here ? h('span', { class: 'rs-here-mark' }, ' ◀') : '',
            );
          }),
        ),
      ),
    ),
  );
}

export function countsList(run: RingRun, cursor: number, strings: RingStrings, lang: Lang): HTMLElement {
  const counts = countSteps(run.steps, cursor);
  const item = (name: keyof RingStrings['count'], value: string) => [
    h('dt', {}, strings.count[name]),
    h('dd', { 'data-count': name }, value),
  ];
  return h(
    'dl',
    { class: 'rs-counts' },
    ...item('steps', `${counts.steps}`),
    ...item('native', `${counts.native}`),
    ...item('kernelTraps', `${counts.kernelTraps}`),
    ...item('vmmTraps', `${counts.vmmTraps}`),
    ...item('exits', `${counts.exits}`),
    ...item(
      'translated',
      fill(strings.translatedValue, { n: counts.translated, blocks: counts.translatedBlocks }),
    ),
    ...item('silent', `${counts.silent}`),
    ...item('cycles', fill(strings.cyclesValue, { n: number(counts.cycles, lang) })),
  );
}

/** The step's cycles and one provenance badge per part of its cost. */
function costParts(step: RingStep, strings: RingStrings, lang: Lang): HTMLElement {
  return h(
    'span',
    { class: 'rs-cost', 'data-cycles': String(step.cycles) },
    h('span', { class: 'rs-cycles' }, fill(strings.cycles, { n: number(step.cycles, lang) })),
    ...step.costs.map((cost: Cost) =>
      provenanceBadge(
        cost.provenance,
        strings,
        lang,
        `${cost.label[lang]} ${fill(strings.cycles, { n: number(cost.cycles, lang) })}`,
      ),
    ),
  );
}

export function stepsTable(run: RingRun, cursor: number, strings: RingStrings, lang: Lang): HTMLElement {
  const shown = run.steps.slice(0, cursor);
  // Each step is two rows: the facts in three narrow columns, then what happened across the table's width, so
  // the table stays readable in a page column and on a phone.
  const rows = shown.flatMap((step) => {
    const reason = step.exitReason ? exitReasons[step.exitReason] : undefined;
    const current = step.index === cursor - 1;
    const facts = h(
      'tr',
      {
        class: `rs-facts${current ? ' rs-current' : ''}`,
        'data-step': String(step.index),
        'data-outcome': step.outcome,
        'data-ring': String(step.at.ring),
        'data-mode': step.at.mode,
        'aria-current': current ? 'step' : undefined,
      },
      h('td', {}, String(step.index + 1)),
      h(
        'td',
        {},
        h('code', {}, `${step.instruction.who}: ${step.text}`),
        h('span', { class: 'rs-where' }, placeText(step.at, strings)),
        step.handler
          ? h('span', { class: 'rs-handler' }, fill(strings.to, { place: placeText(step.handler, strings) }))
          : '',
      ),
      h(
        'td',
        {},
        h('span', { class: `rs-outcome rs-${step.outcome}` }, strings.outcome[step.outcome]),
        step.fault ? h('span', { class: 'rs-fault' }, step.fault) : '',
        reason
          ? h('span', { class: 'rs-exit-reason' }, `${strings.exitReason} ${reason.number}: ${reason.name}`)
          : '',
        costParts(step, strings, lang),
      ),
    );
    const what = h(
      'tr',
      { class: `rs-what${current ? ' rs-current' : ''}`, 'data-what': String(step.index) },
      h(
        'td',
        { colspan: '3' },
        h('span', { class: 'rs-what-label' }, `${strings.head.what}${lang === 'ja' ? '：' : ': '}`),
        step.what[lang],
        step.consequence
          ? h(
              'p',
              { class: 'rs-consequence' },
              h('strong', {}, strings.consequence),
              lang === 'ja' ? '：' : ': ',
              step.consequence[lang],
            )
          : '',
      ),
    );
    return [facts, what];
  });
  return h(
    'div',
    { class: 'rs-table-box', tabindex: '0', role: 'region', 'aria-label': strings.stepsCaption },
    h(
      'table',
      { class: 'rs-steps' },
      h('caption', {}, strings.stepsCaption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...(['n', 'instruction', 'outcome'] as const).map((k) =>
            h('th', { scope: 'col' }, strings.head[k]),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    shown.length === 0 ? h('p', { class: 'rs-not-yet' }, strings.notYet) : '',
  );
}

export function costBasis(strings: RingStrings, lang: Lang): HTMLElement {
  return h(
    'details',
    { class: 'vw-sources rs-basis' },
    h('summary', {}, strings.costBasis),
    h(
      'ul',
      {},
      ...Object.values(costs).map((cost) =>
        h(
          'li',
          { 'data-cost': cost.id },
          `${cost.label[lang]}${lang === 'ja' ? '：' : ': '}${fill(strings.cycles, { n: number(cost.cycles, lang) })} `,
          provenanceBadge(cost.provenance, strings, lang),
        ),
      ),
    ),
  );
}

export function sourcesList(strings: RingStrings): HTMLElement {
  return h(
    'details',
    { class: 'vw-sources rs-sources' },
    h('summary', {}, strings.sources),
    h('p', {}, strings.sourcesNote),
    h(
      'ul',
      {},
      ...Object.values(ringSources).map((source) =>
        h(
          'li',
          {},
          h('a', { href: source.url }, source.title),
          `, ${source.by}${'year' in source ? ` (${source.year})` : ''}`,
        ),
      ),
      ...Object.values(sdmWhere).map((where) => h('li', {}, `Intel SDM: ${where}`)),
    ),
  );
}
