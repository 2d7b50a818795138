// The architecture explorer's view: the number of instances, the two stacks as layer buttons (each marked as
// copied per instance or shared), the picked layer's details with each number's provenance, and the totals for
// both stacks as a table. It renders from the state alone; every change goes back to the element (host.change).
import {
  type Amount,
  type ArchitectureState,
  type Layer,
  layers,
  MAX_INSTANCES,
  MIN_INSTANCES,
  normaliseArchitectureState,
  type StackId,
  stackIds,
  totals,
} from '../../../sim/architecture/model.ts';
import { h, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { ArchitectureStrings } from './strings.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

/** MiB as the reader expects it: KiB below 1 MiB, GiB from 1,024 MiB. */
function size(mib: number, lang: 'ja' | 'en'): string {
  const format = (n: number, digits: number) =>
    n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits });
  if (mib === 0) return '0';
  if (mib < 1) return `${format(mib * 1024, 0)} KiB`;
  if (mib >= 1024) return `${format(mib / 1024, 1)} GiB`;
  return `${format(mib, 1)} MiB`;
}

function percent(part: number, whole: number, lang: 'ja' | 'en'): string {
  const value = whole === 0 ? 0 : (part / whole) * 100;
  return `${value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: value < 1 ? 2 : 1 })} %`;
}

function provenance(amount: Amount, strings: ArchitectureStrings, lang: 'ja' | 'en'): HTMLElement {
  const p = amount.provenance;
  if (p.kind === 'article')
    return h(
      'span',
      { class: 'ax-provenance', 'data-provenance': 'article' },
      h('a', { href: strings.articleUrl }, strings.article),
      `${lang === 'ja' ? '：' : ': '}${p.where[lang]}`,
    );
  return h(
    'span',
    { class: 'ax-provenance', 'data-provenance': p.kind },
    h('span', { class: `ax-badge ax-${p.kind}` }, strings[p.kind]),
    ` ${p.reason[lang]}`,
  );
}

export function mountView(
  host: WidgetHost<ArchitectureState, ArchitectureStrings>,
): WidgetView<ArchitectureState> {
  const { element, strings, lang } = host;
  const body =
    element.querySelector<HTMLElement>('.ax-body') ?? element.appendChild(h('div', { class: 'ax-body' }));
  let state = normaliseArchitectureState(host.state);
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);

  const countId = uid('ax-count');
  const count = h('input', {
    id: countId,
    type: 'range',
    min: String(MIN_INSTANCES),
    max: String(MAX_INSTANCES),
    step: '1',
    'data-control': 'instances',
  });
  const countValue = h('output', { for: countId, class: 'ax-count' });
  const stacks = h('div', { class: 'ax-stacks' });
  const detail = h('div', { class: 'ax-detail', 'aria-live': 'polite', 'data-detail': '' });
  const table = h('table', { class: 'ax-totals' });
  const ratio = h('p', { class: 'ax-ratio', 'data-fact': 'ratio' });
  body.replaceChildren(
    h('div', { class: 'ax-controls' }, h('label', { for: countId }, strings.instances), count, countValue),
    stacks,
    detail,
    table,
    ratio,
    h('p', { class: 'vw-sources' }, strings.sourcesNote),
  );
  body.hidden = false;

  const commit = (next: Partial<ArchitectureState>) => {
    state = normaliseArchitectureState({ ...state, ...next });
    render();
    host.change(state);
  };
  count.addEventListener('input', () => commit({ instances: Number(count.value) }));
  stacks.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-layer]');
    if (!button) return;
    const id = button.dataset.layer;
    commit({ layer: state.layer === id ? null : (id as Layer['id']) });
    stacks.querySelector<HTMLButtonElement>(`button[data-layer="${id}"]`)?.focus();
  });

  function stackColumn(stack: StackId): HTMLElement {
    return h(
      'section',
      { class: 'ax-stack', 'data-stack': stack },
      h('h3', {}, strings.stacks[stack]),
      h(
        'ul',
        {},
        ...layers
          .filter((layer) => layer.stack === stack)
          .map((layer) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: `ax-layer ax-${layer.scope}`,
                  'data-layer': layer.id,
                  'data-scope': layer.scope,
                  'aria-pressed': state.layer === layer.id ? 'true' : 'false',
                },
                h('span', { class: 'ax-layer-name' }, layer.name[lang]),
                h(
                  'span',
                  { class: 'ax-layer-scope' },
                  `${strings.scope[layer.scope]} ${fill(strings.copies, { n: layer.scope === 'shared' ? 1 : state.instances })}`,
                ),
              ),
            ),
          ),
      ),
    );
  }

  function render(): void {
    count.value = String(state.instances);
    countValue.textContent = String(state.instances);
    stacks.replaceChildren(...stackIds.map(stackColumn));

    const layer = layers.find((l) => l.id === state.layer);
    if (!layer) detail.replaceChildren(h('p', {}, strings.pick));
    else {
      const copies = layer.scope === 'shared' ? 1 : state.instances;
      const row = (label: string, amount: Amount, fact: string) => [
        h('dt', {}, label),
        h(
          'dd',
          { 'data-fact': fact },
          fill(strings.perCopy, {
            mib: size(amount.mib, lang),
            copies,
            total: size(amount.mib * copies, lang),
          }),
          h('br', {}),
          provenance(amount, strings, lang),
        ),
      ];
      detail.replaceChildren(
        h('h3', {}, `${strings.stacks[layer.stack]}${lang === 'ja' ? '：' : ': '}${layer.name[lang]}`),
        h(
          'p',
          {},
          h('strong', {}, strings.scope[layer.scope]),
          lang === 'ja' ? '。' : '. ',
          layer.what[lang],
        ),
        h('dl', {}, ...row(strings.memory, layer.memory, 'memory'), ...row(strings.disk, layer.disk, 'disk')),
      );
    }

    const vm = totals('vm', state.instances);
    const ct = totals('container', state.instances);
    table.replaceChildren(
      h('caption', {}, fill(strings.totalsCaption, { n: state.instances })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, strings.totalsStack),
          h('th', { scope: 'col' }, strings.memory),
          h('th', { scope: 'col' }, strings.disk),
        ),
      ),
      h(
        'tbody',
        {},
        ...(
          [
            ['vm', vm],
            ['container', ct],
          ] as const
        ).map(([stack, t]) =>
          h(
            'tr',
            { 'data-total': stack },
            h('th', { scope: 'row' }, strings.stacks[stack]),
            h('td', {}, size(t.memoryMiB, lang)),
            h('td', {}, size(t.diskMiB, lang)),
          ),
        ),
      ),
    );
    ratio.textContent = fill(strings.ratio, {
      memory: percent(ct.memoryMiB, vm.memoryMiB, lang),
      disk: percent(ct.diskMiB, vm.diskMiB, lang),
    });
  }

  render();
  return {
    show(next) {
      state = normaliseArchitectureState(next);
      render();
    },
    dispose() {
      body.replaceChildren();
    },
  };
}
