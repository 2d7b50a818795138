// The RAID array's view: level, disk count and size; the disks as toggle buttons (fail one, bring it back);
// usable capacity, tolerance and state; the block layout as an SVG grid; the sources. It renders from the
// state alone, and every change goes back to the element (host.change).
import {
  analyseRaid,
  type Block,
  MAX_DISK_TB,
  MAX_DISKS,
  MIN_DISK_TB,
  minDisks,
  normaliseRaidState,
  type RaidLevel,
  type RaidState,
  raidLevels,
  validDiskCount,
} from '../../../sim/raid/model.ts';
import { raidNameNote, raidSources } from '../../../sim/raid/sources.ts';
import { h, svg, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { RaidStrings } from './strings.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

const CELL_W = 56;
const CELL_H = 26;
const HEAD = 34;
const LABEL_W = 0;

function layoutSvg(state: RaidState, strings: RaidStrings, lang: 'ja' | 'en'): SVGSVGElement {
  const a = analyseRaid(state);
  const down = new Set(state.failed);
  const lost = new Set(a.lostBlocks);
  const width = LABEL_W + state.disks * CELL_W;
  const height = HEAD + a.stripes.length * CELL_H + 4;
  const titleId = uid('ra-title');
  const descId = uid('ra-desc');
  const none = strings.none;
  const root = svg(
    'svg',
    {
      class: 'ra-layout',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'data-status': a.status,
    },
    svg('title', { id: titleId }, fill(strings.layout, { name: strings.layoutName[`${state.level}`] })),
    svg(
      'desc',
      { id: descId },
      fill(strings.layoutDesc, {
        disks: state.disks,
        stripes: a.stripes.length,
        failed:
          state.failed.map((d) => fill(strings.disk, { n: d + 1 })).join(lang === 'ja' ? '、' : ', ') || none,
        lost: a.lostBlocks.map((b) => `D${b}`).join(lang === 'ja' ? '、' : ', ') || none,
      }),
    ),
  );
  for (let d = 0; d < state.disks; d++) {
    const x = LABEL_W + d * CELL_W;
    const failed = down.has(d);
    root.append(
      svg(
        'g',
        { class: `ra-disk${failed ? ' ra-down' : ''}`, 'data-disk': d },
        svg('rect', { class: 'ra-disk-body', x: x + 3, y: 2, width: CELL_W - 6, height: height - 4, rx: 6 }),
        svg(
          'text',
          { class: 'ra-disk-name', x: x + CELL_W / 2, y: 16, 'text-anchor': 'middle' },
          String(d + 1),
        ),
        svg(
          'text',
          { class: 'ra-disk-state', x: x + CELL_W / 2, y: 29, 'text-anchor': 'middle' },
          failed ? `✕ ${strings.failed}` : strings.working,
        ),
      ),
    );
  }
  a.stripes.forEach((stripe: readonly Block[], s) => {
    for (const block of stripe) {
      const x = LABEL_W + block.disk * CELL_W + 7;
      const y = HEAD + s * CELL_H;
      const isLost =
        (block.kind === 'data' || block.kind === 'mirror') && lost.has(block.index) && down.has(block.disk);
      const gone = down.has(block.disk);
      root.append(
        svg(
          'g',
          { class: `ra-block ra-${block.kind}${gone ? ' ra-gone' : ''}${isLost ? ' ra-lost' : ''}` },
          svg('rect', { x, y, width: CELL_W - 14, height: CELL_H - 5, rx: 3 }),
          svg('text', { x: x + (CELL_W - 14) / 2, y: y + 15, 'text-anchor': 'middle' }, block.label),
        ),
      );
    }
  });
  return root;
}

export function mountView(host: WidgetHost<RaidState, RaidStrings>): WidgetView<RaidState> {
  const { element, strings, lang } = host;
  const body =
    element.querySelector<HTMLElement>('.ra-body') ?? element.appendChild(h('div', { class: 'ra-body' }));
  let state = normaliseRaidState(host.state);
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);

  const levelId = uid('ra-level');
  const disksId = uid('ra-disks');
  const sizeId = uid('ra-size');
  const hintId = uid('ra-hint');
  const level = h(
    'select',
    { id: levelId, 'data-control': 'level' },
    ...raidLevels.map((l) => h('option', { value: String(l) }, strings.levelName[`${l}`])),
  );
  const disks = h('input', {
    id: disksId,
    type: 'number',
    min: '2',
    max: String(MAX_DISKS),
    step: '1',
    'data-control': 'disks',
  });
  const size = h('input', {
    id: sizeId,
    type: 'number',
    min: String(MIN_DISK_TB),
    max: String(MAX_DISK_TB),
    step: '1',
    'data-control': 'diskTB',
  });
  const repair = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-action': 'repair' },
    strings.repairAll,
  );
  const controls = h(
    'div',
    { class: 'ra-controls' },
    h('label', { for: levelId }, strings.level),
    level,
    h('label', { for: disksId }, strings.disks),
    disks,
    h('label', { for: sizeId }, strings.diskSize),
    size,
  );
  const diskButtons = h('div', {
    class: 'ra-disks',
    role: 'group',
    'aria-label': strings.disksLegend,
    'aria-describedby': hintId,
  });
  const hint = h('p', { id: hintId, class: 'ra-hint' }, strings.failHint);
  const facts = h('dl', { class: 'ra-facts' });
  const status = h('p', { class: 'ra-status', role: 'status', 'aria-live': 'polite' });
  const drawing = h('div', { class: 'ra-drawing' });
  const legend = h(
    'ul',
    { class: 'ra-legend' },
    ...(['data', 'mirror', 'parity', 'q-parity', 'lost'] as const).map((kind) =>
      h('li', {}, h('span', { class: `ra-swatch ra-${kind}`, 'aria-hidden': 'true' }), strings.kinds[kind]),
    ),
  );
  const sources = h(
    'details',
    { class: 'vw-sources ra-sources' },
    h('summary', {}, strings.sources),
    h('p', {}, raidNameNote[lang]),
    h(
      'ul',
      {},
      ...Object.values(raidSources).map((source) =>
        h(
          'li',
          {},
          h('a', { href: source.url }, source.title),
          `, ${source.by}${'year' in source ? ` (${source.year})` : ''}${'section' in source ? `: ${source.section}` : ''}`,
        ),
      ),
    ),
  );
  body.replaceChildren(
    controls,
    h('div', { class: 'ra-row' }, diskButtons, repair),
    hint,
    status,
    facts,
    drawing,
    legend,
    sources,
  );
  body.hidden = false;

  const commit = (next: unknown) => {
    state = normaliseRaidState(next);
    render();
    host.change(state);
  };

  level.addEventListener('change', () => {
    const l = Number(level.value) as RaidLevel;
    commit({ ...state, level: l, disks: validDiskCount(l, state.disks) });
  });
  disks.addEventListener('change', () => {
    const n = Number(disks.value);
    if (Number.isFinite(n)) commit({ ...state, disks: validDiskCount(state.level, n) });
  });
  size.addEventListener('change', () => {
    const tb = Number(size.value);
    if (Number.isFinite(tb)) commit({ ...state, diskTB: tb });
  });
  repair.addEventListener('click', () => commit({ ...state, failed: [] }));
  diskButtons.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-disk]');
    if (!button) return;
    const disk = Number(button.dataset.disk);
    const failed = state.failed.includes(disk)
      ? state.failed.filter((d) => d !== disk)
      : [...state.failed, disk];
    commit({ ...state, failed });
    diskButtons.querySelector<HTMLButtonElement>(`button[data-disk="${disk}"]`)?.focus();
  });

  function render(): void {
    const a = analyseRaid(state);
    level.value = String(state.level);
    disks.min = String(minDisks[state.level]);
    disks.step = state.level === 10 ? '2' : '1';
    disks.value = String(state.disks);
    size.value = String(state.diskTB);
    repair.disabled = state.failed.length === 0;
    element.dataset.status = a.status;

    diskButtons.replaceChildren(
      ...Array.from({ length: state.disks }, (_, d) => {
        const failed = state.failed.includes(d);
        return h(
          'button',
          {
            type: 'button',
            class: `ra-disk-button${failed ? ' ra-down' : ''}`,
            'data-disk': String(d),
            'aria-pressed': failed ? 'true' : 'false',
          },
          fill(strings.disk, { n: d + 1 }),
          h('span', { class: 'ra-disk-word' }, failed ? strings.failed : strings.working),
        );
      }),
    );

    const list = (blocks: readonly number[]) =>
      blocks.map((b) => `D${b}`).join(lang === 'ja' ? '、' : ', ') || strings.none;
    const fact = (term: string, value: string, name: string) => [
      h('dt', {}, term),
      h('dd', { 'data-fact': name }, value),
    ];
    facts.replaceChildren(
      ...fact(
        strings.usable,
        fill(strings.usableValue, {
          usable: a.usableTB,
          raw: a.rawTB,
          pct: Math.round(a.efficiency * 1000) / 10,
        }),
        'usable',
      ),
      ...fact(
        strings.tolerance,
        fill(strings.toleranceValue[`${state.level}`], { n: state.disks - 1, best: a.bestCase }),
        'tolerance',
      ),
      ...fact(strings.lost, list(a.lostBlocks), 'lost'),
      ...fact(strings.rebuilt, list(a.rebuiltBlocks), 'rebuilt'),
    );
    status.textContent = `${strings.status}${lang === 'ja' ? '：' : ': '}${strings.statusValue[a.status]}`;
    status.dataset.status = a.status;
    const picture = layoutSvg(state, strings, lang);
    // About 4.5 rem per disk at most (a CSSOM property, allowed by the page's CSP): a 4-disk array stays small.
    picture.style.maxWidth = `${state.disks * 4.5}rem`;
    drawing.replaceChildren(picture);
  }

  render();
  return {
    show(next) {
      state = normaliseRaidState(next);
      render();
    },
    dispose() {
      body.replaceChildren();
    },
  };
}
