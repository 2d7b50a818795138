// The capacity planner's view: the parameters (each with its assumption or source), the unit of sale, the two
// plans side by side (servers, capacity, utilization, idle capacity, cost), and three charts through the chart
// wrapper: the year, the busiest fortnight hour by hour, and the year's cost against the servers owned.
import { holidaySource } from '../../../sim/capacity/load.ts';
import {
  busiestFortnight,
  type CapacityRun,
  costCurve,
  monthRows,
  monthStarts,
  runCapacity,
} from '../../../sim/capacity/model.ts';
import {
  type CapacityParamId,
  type CapacityParamSpec,
  type CapacityState,
  capacitySpecs,
  normaliseCapacityState,
} from '../../../sim/capacity/params.ts';
import { type Chart, type ChartInput, mountChart } from '../chart/chart.ts';
import { h, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { CapacityStrings } from './strings.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

const groups: Record<keyof CapacityStrings['groups'], readonly CapacityParamId[]> = {
  load: ['baseLoad', 'springPeak', 'springWidthDays', 'holidays', 'holidayPeak', 'holidayWidthDays'],
  fleet: ['unitsPerServer', 'granularity', 'interval', 'ownedServers'],
  prices: ['ownedServerHourPrice', 'onDemandUnitHourPrice'],
};

const ARTICLE_URL = 'https://mp.weixin.qq.com/s/LOXB36aevXoH9EQHFr5E9Q';

export function mountView(host: WidgetHost<CapacityState, CapacityStrings>): WidgetView<CapacityState> {
  const { element, strings, lang } = host;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const number = (value: number, digits = 0) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const usd = (value: number) => `$${number(Math.round(value))}`;
  const pct = (value: number) => `${number(value * 100, 1)} %`;
  const dateOf = (dayOfYear: number) => {
    const month = monthStarts.findIndex(
      (start, i) => dayOfYear >= start && dayOfYear < (monthStarts[i + 1] ?? 366),
    );
    const day = dayOfYear - (monthStarts[month] ?? 0) + 1;
    return fill(strings.dateFormat, { m: month + 1, d: day, mon: strings.months[month] ?? '' });
  };

  const body =
    element.querySelector<HTMLElement>('.cp-body') ?? element.appendChild(h('div', { class: 'cp-body' }));
  let run = runCapacity(host.state);
  let state = run.state;
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);

  // Parameters, grouped, each with its assumption (or the article) one click away.
  const inputs = new Map<CapacityParamId, HTMLInputElement | HTMLSelectElement>();
  const control = (spec: CapacityParamSpec) => {
    const id = uid('cp');
    const basisId = uid('cp-basis');
    const words = strings.params[spec.id];
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.kind === 'choice') {
      input = h(
        'select',
        { id, 'data-param': spec.id },
        ...spec.choices.map((c) => h('option', { value: c }, strings.interval[c])),
      );
    } else if (spec.choices) {
      input = h(
        'select',
        { id, 'data-param': spec.id },
        ...spec.choices.map((c) => h('option', { value: String(c) }, number(c))),
      );
    } else {
      input = h('input', {
        id,
        type: 'number',
        min: String(spec.min),
        max: String(spec.max),
        step: String(spec.step),
        inputmode: 'decimal',
        'data-param': spec.id,
      });
    }
    input.setAttribute('aria-describedby', basisId);
    input.addEventListener('change', () => {
      const raw = spec.kind === 'choice' ? input.value : Number(input.value);
      if (typeof raw === 'number' && !Number.isFinite(raw)) {
        render();
        return;
      }
      commit({ ...state, [spec.id]: raw });
    });
    inputs.set(spec.id, input);
    return h(
      'div',
      { class: 'cp-param' },
      h('label', { for: id }, words.label),
      h(
        'span',
        { class: 'cp-input' },
        input,
        words.unit ? h('span', { class: 'cp-unit' }, words.unit) : null,
      ),
      h(
        'details',
        { class: 'cp-basis' },
        h(
          'summary',
          { class: `cp-badge cp-${spec.provenance}` },
          spec.provenance === 'article' ? strings.article : strings.assumption,
        ),
        h('p', { id: basisId }, spec.basis[lang]),
      ),
    );
  };
  const fieldsets = (Object.keys(groups) as (keyof typeof groups)[]).map((group) =>
    h(
      'fieldset',
      { class: 'cp-group' },
      h('legend', {}, strings.groups[group]),
      ...groups[group].map((id) => control(capacitySpecs.find((s) => s.id === id) as CapacityParamSpec)),
    ),
  );

  const loadLine = h('p', { class: 'cp-load-line' });
  const summary = h('table', { class: 'cp-summary', 'data-summary': '' });
  const saving = h('p', { class: 'cp-saving', role: 'status', 'aria-live': 'polite' });
  const chartBoxes = [
    h('div', { class: 'cp-chart' }),
    h('div', { class: 'cp-chart' }),
    h('div', { class: 'cp-chart' }),
  ];
  const sources = h(
    'details',
    { class: 'vw-sources' },
    h('summary', {}, strings.sources),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        h('a', { href: ARTICLE_URL }, lang === 'ja' ? '元記事' : 'The source article'),
        `: ${strings.unitOfSale}`,
      ),
      h(
        'li',
        {},
        h('a', { href: holidaySource.url }, holidaySource.title),
        `, ${holidaySource.by}: ${holidaySource.section}`,
      ),
      ...capacitySpecs.map((spec) => h('li', {}, `${strings.params[spec.id].label}: ${spec.basis[lang]}`)),
    ),
  );

  body.replaceChildren(
    h('p', { class: 'cp-unit-of-sale' }, strings.unitOfSale),
    h('div', { class: 'cp-params' }, ...fieldsets),
    loadLine,
    summary,
    saving,
    ...chartBoxes,
    sources,
  );
  body.hidden = false;

  const chartStrings = strings.chart;
  let charts: Chart[] = [];

  function inputsOf(r: CapacityRun): ChartInput[] {
    const fleet = r.peakServers * r.state.unitsPerServer;
    const days = r.days.map((_, i) => i);
    const months = monthRows(r);
    const year: ChartInput = {
      type: 'line',
      data: {
        title: strings.charts.yearTitle,
        xs: days,
        series: [
          { label: strings.charts.load, values: r.days.map((d) => d.loadMax), area: true },
          { label: strings.charts.elastic, values: r.days.map((d) => d.elasticMax) },
          { label: strings.charts.fleet, values: days.map(() => fleet) },
        ],
        xTicks: monthStarts.slice(0, 12),
        formatX: (x) => strings.months[monthStarts.indexOf(x as (typeof monthStarts)[number])] ?? '',
        formatTick: (v) => number(v),
        table: {
          caption: strings.charts.yearCaption,
          columns: [strings.charts.month, strings.charts.load, strings.charts.elastic, strings.charts.fleet],
          rows: months.map((m) => [
            strings.months[m.month - 1] ?? '',
            number(m.loadMax),
            number(m.elasticMax),
            number(m.peakFleet),
          ]),
        },
      },
    };
    const { start, end } = busiestFortnight(r);
    const hours = Array.from({ length: end - start }, (_, i) => start + i);
    const fortnight: ChartInput = {
      type: 'line',
      data: {
        title: strings.charts.fortnightTitle,
        xs: hours,
        series: [
          { label: strings.charts.load, values: hours.map((x) => r.load[x] ?? 0), area: true },
          { label: strings.charts.elastic, values: hours.map((x) => r.elastic[x] ?? 0) },
          { label: strings.charts.fleet, values: hours.map(() => fleet) },
        ],
        xTicks: hours.filter((x) => x % 48 === 0),
        formatX: (x) => dateOf(Math.floor(x / 24)),
        formatTick: (v) => number(v),
        table: {
          caption: strings.charts.fortnightCaption,
          columns: [strings.charts.day, strings.charts.load, strings.charts.elastic, strings.charts.fleet],
          rows: Array.from({ length: 14 }, (_, i) => {
            const d = start / 24 + i;
            const day = r.days[d];
            return [dateOf(d), number(day?.loadMax ?? 0), number(day?.elasticMax ?? 0), number(fleet)];
          }),
        },
      },
    };
    const curve = costCurve(r);
    const cost: ChartInput = {
      type: 'line',
      data: {
        title: strings.charts.costTitle,
        xs: curve.map((p) => p.owned),
        series: [
          { label: strings.charts.elasticCost, values: curve.map((p) => p.cost) },
          { label: strings.charts.fleetCost, values: curve.map(() => r.peak.cost) },
        ],
        xTicks: niceXTicks(r.peakServers),
        formatX: (x) => number(x),
        formatTick: (v) => (v >= 1000 ? `${number(v / 1000)}k` : number(v)),
        markers: [{ x: r.state.ownedServers, label: strings.charts.yourChoice }],
        table: {
          caption: strings.charts.costCaption,
          columns: [strings.charts.owned, strings.charts.elasticCost, strings.charts.fleetCost],
          rows: curve.map((p) => [number(p.owned), usd(p.cost), usd(r.peak.cost)]),
        },
      },
    };
    return [year, fortnight, cost];
  }

  function render(): void {
    for (const [id, input] of inputs) input.value = String(state[id]);
    const owned = inputs.get('ownedServers');
    if (owned instanceof HTMLInputElement) owned.max = String(run.peakServers);

    loadLine.textContent = fill(strings.loadLine, {
      peak: number(run.peakLoad),
      mean: number(run.meanLoad),
      ratio: number(run.peakLoad / run.meanLoad, 1),
    });
    const p = run.peak;
    const e = run.elasticPlan;
    const unitHours = (n: number) => fill(strings.unitHours, { n: number(n) });
    const rows: [keyof CapacityStrings['rows'], string, string][] = [
      [
        'servers',
        fill(strings.peakServersValue, { n: number(run.peakServers) }),
        fill(strings.elasticServersValue, {
          owned: number(e.ownedServers),
          units: number(e.peakOnDemandUnits),
        }),
      ],
      ['capacity', unitHours(p.capacityUnitHours), unitHours(e.capacityUnitHours)],
      ['utilization', pct(p.utilization), pct(e.utilization)],
      ['idleUnitHours', unitHours(p.idleUnitHours), unitHours(e.idleUnitHours)],
      [
        'idleServerHours',
        fill(strings.serverHours, { n: number(p.idleServerHours) }),
        fill(strings.serverHours, { n: number(e.idleServerHours) }),
      ],
      ['cost', usd(p.cost), usd(e.cost)],
    ];
    summary.replaceChildren(
      h('caption', {}, strings.summaryCaption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, strings.metric),
          h('th', { scope: 'col' }, strings.peakPlan),
          h('th', { scope: 'col' }, strings.elasticPlan),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map(([key, a, b]) =>
          h(
            'tr',
            { 'data-row': key },
            h('th', { scope: 'row' }, strings.rows[key]),
            h('td', { 'data-plan': 'peak' }, a),
            h('td', { 'data-plan': 'elastic' }, b),
          ),
        ),
      ),
    );
    const idleShare = (e.idleServerHours / Math.max(1e-9, p.idleServerHours)) * 100;
    saving.textContent = fill(strings.saving, {
      // A share under 1 % keeps two decimals, so it does not read as nothing.
      idle: number(idleShare, idleShare < 1 ? 2 : 1),
      cost: number((e.cost / Math.max(1e-9, p.cost)) * 100, 1),
    });
    element.dataset.utilization = String(Math.round(e.utilization * 1000) / 1000);

    const next = inputsOf(run);
    if (charts.length === 0)
      charts = chartBoxes.map((box, i) => mountChart(box, next[i] as ChartInput, chartStrings));
    else
      charts.forEach((chart, i) => {
        chart.update(next[i] as ChartInput);
      });
  }

  function commit(next: unknown): void {
    run = runCapacity(normaliseCapacityState(next));
    state = run.state;
    render();
    host.change(state);
  }

  render();
  return {
    show(next) {
      run = runCapacity(next);
      state = run.state;
      render();
    },
    dispose() {
      for (const chart of charts) chart.dispose();
      charts = [];
      body.replaceChildren();
    },
  };
}

/** About six round ticks from 0 to n servers. */
function niceXTicks(n: number): number[] {
  const raw = Math.max(1, n) / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power);
  const ticks: number[] = [];
  for (let x = 0; x <= n; x += step) ticks.push(Math.round(x));
  return ticks;
}
