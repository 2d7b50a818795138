// The cluster simulator's view: the controls (each with its source or assumption), the two days compared, a
// spoken summary in numbers, and three charts through the chart wrapper: requests against what the ready pods
// can serve, pods (the HPA's target, running, pending), and nodes (all VMs, ready ones).
import type { Figure, Provenance } from '../../../sim/behaviour/types.ts';
import { figures, PODS_PER_NODE, podsPerNodeFigure } from '../../../sim/cluster/figures.ts';
import { SALE_OPENS } from '../../../sim/cluster/load.ts';
import {
  type ClusterRun,
  LAYOUT_SECONDS,
  type LayoutPoint,
  type MinutePoint,
  runCluster,
} from '../../../sim/cluster/model.ts';
import {
  type ClusterParamId,
  type ClusterState,
  clusterSpecs,
  normaliseClusterState,
} from '../../../sim/cluster/params.ts';
import { clusterSources } from '../../../sim/cluster/sources.ts';
import { type Chart, type ChartInput, mountChart } from '../chart/chart.ts';
import { h, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { ClusterStrings } from './strings.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

const groups: Record<keyof ClusterStrings['groups'], readonly ClusterParamId[]> = {
  pods: ['hpa', 'targetUtilization', 'minReplicas', 'maxReplicas'],
  nodes: ['clusterAutoscaler', 'minNodes', 'maxNodes', 'nodeBootSeconds', 'failure', 'failureHour'],
  load: ['holidayPeak'],
};

/** Minutes per plotted point (the model keeps every minute; 576 points draw quickly). */
const PLOT_MINUTES = 5;

export function mountView(host: WidgetHost<ClusterState, ClusterStrings>): WidgetView<ClusterState> {
  const { element, strings, lang } = host;
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const number = (value: number, digits = 0) =>
    value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  /** "Day 2 08:30" from seconds (or minutes × 60) since the start. */
  const clock = (seconds: number) => {
    const day = Math.floor(seconds / 86_400);
    const minuteOfDay = Math.floor((seconds % 86_400) / 60);
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
    const mm = String(minuteOfDay % 60).padStart(2, '0');
    return `${strings.dayLabel[day] ?? ''} ${hh}:${mm}`;
  };
  const provenanceText = (p: Provenance) =>
    p.kind === 'source' ? `${p.source.title}: ${p.where}` : p.reason[lang];
  const badge = (p: Provenance) =>
    p.kind === 'source' ? strings.source : p.kind === 'assumption' ? strings.assumption : strings.derived;

  const body =
    element.querySelector<HTMLElement>('.cs-body') ?? element.appendChild(h('div', { class: 'cs-body' }));
  let run = runCluster(host.state);
  let state = run.state;
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);

  const inputs = new Map<ClusterParamId, HTMLInputElement>();
  const control = (spec: (typeof clusterSpecs)[number]) => {
    const id = uid('cs');
    const basisId = uid('cs-basis');
    const words = strings.params[spec.id];
    const input =
      spec.type === 'boolean'
        ? h('input', { id, type: 'checkbox', 'data-param': spec.id })
        : h('input', {
            id,
            type: 'number',
            min: spec.type === 'number' ? String(spec.min) : undefined,
            max: spec.type === 'number' ? String(spec.max) : undefined,
            step: spec.type === 'number' ? String(spec.step) : undefined,
            inputmode: 'decimal',
            'data-param': spec.id,
          });
    input.setAttribute('aria-describedby', basisId);
    input.addEventListener('change', () => {
      if (spec.type === 'boolean') {
        commit({ ...state, [spec.id]: input.checked });
        return;
      }
      const value = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(value)) {
        render();
        return;
      }
      commit({ ...state, [spec.id]: value });
    });
    inputs.set(spec.id, input);
    return h(
      'div',
      { class: `cs-param${spec.type === 'boolean' ? ' cs-switch' : ''}` },
      spec.type === 'boolean'
        ? h('label', { for: id }, input, ` ${words.label}`)
        : h('label', { for: id }, words.label),
      spec.type === 'boolean'
        ? null
        : h(
            'span',
            { class: 'cs-input' },
            input,
            words.unit ? h('span', { class: 'cs-unit' }, words.unit) : null,
          ),
      h(
        'details',
        { class: 'cs-basis' },
        h('summary', { class: `cs-badge cs-${spec.provenance.kind}` }, badge(spec.provenance)),
        h(
          'p',
          { id: basisId },
          `${spec.help[lang]} `,
          spec.provenance.kind === 'source'
            ? h('a', { href: spec.provenance.source.url }, provenanceText(spec.provenance))
            : provenanceText(spec.provenance),
        ),
      ),
    );
  };
  const fieldsets = (Object.keys(groups) as (keyof typeof groups)[]).map((group) =>
    h(
      'fieldset',
      { class: 'cs-group' },
      h('legend', {}, strings.groups[group]),
      ...groups[group].map((id) =>
        control(clusterSpecs.find((s) => s.id === id) as (typeof clusterSpecs)[number]),
      ),
    ),
  );

  const verdict = h('p', { class: 'cs-verdict', role: 'status', 'aria-live': 'polite', 'data-verdict': '' });
  const failureLine = h('p', { class: 'cs-failure', 'data-failure': '' });
  const summary = h('table', { class: 'cs-summary', 'data-summary': '' });
  const chartBoxes = [
    h('div', { class: 'cs-chart' }),
    h('div', { class: 'cs-chart' }),
    h('div', { class: 'cs-chart' }),
  ];
  const figureList: Figure[] = [...Object.values(figures), podsPerNodeFigure];
  const sources = h(
    'details',
    { class: 'vw-sources' },
    h('summary', {}, strings.figuresTitle),
    h(
      'ul',
      {},
      ...figureList.map((f) =>
        h(
          'li',
          {},
          `${f.label[lang]}${lang === 'ja' ? '：' : ': '}${fill(strings.units[f.unit as keyof ClusterStrings['units']] ?? `{n} ${f.unit}`, { n: number(f.value, 2) })} — `,
          h('span', { class: `cs-badge cs-${f.provenance.kind}` }, badge(f.provenance)),
          ' ',
          f.provenance.kind === 'source'
            ? h('a', { href: f.provenance.source.url }, provenanceText(f.provenance))
            : provenanceText(f.provenance),
        ),
      ),
    ),
  );

  // Where everything runs at one moment: a slider over the two days in LAYOUT_SECONDS steps.
  const L = strings.layout;
  const sliderId = uid('cs-time');
  const slider = h('input', {
    id: sliderId,
    type: 'range',
    min: '0',
    step: '1',
    'data-layout-time': '',
  });
  const sliderValue = h('output', { for: sliderId, class: 'cs-time-value' });
  const layoutSummary = h('p', {
    class: 'cs-layout-summary',
    'aria-live': 'polite',
    'data-layout-summary': '',
  });
  const hostsBox = h('div', { class: 'cs-hosts', 'aria-hidden': 'true' });
  const otherHosts = h('p', { class: 'cs-other-hosts' });
  const jumpSale = h('button', { type: 'button', class: 'vl-button', 'data-jump': 'sale' }, L.jumpSale);
  const jumpFailure = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-jump': 'failure' },
    L.jumpFailure,
  );
  const swatch = (kind: string, label: string) =>
    h('li', {}, h('span', { class: `cs-pod cs-pod-${kind}`, 'aria-hidden': 'true' }), label);
  const layoutSection = h(
    'section',
    { class: 'cs-layout', 'aria-labelledby': `${sliderId}-title` },
    h('p', { class: 'cs-layout-title', id: `${sliderId}-title` }, L.title),
    h(
      'div',
      { class: 'cs-time' },
      h('label', { for: sliderId }, L.time),
      slider,
      sliderValue,
      jumpSale,
      jumpFailure,
    ),
    layoutSummary,
    h(
      'ul',
      { class: 'cs-pod-legend', 'aria-hidden': 'true' },
      swatch('running', L.legendRunning),
      swatch('starting', L.legendStarting),
      swatch('stranded', L.legendStranded),
      swatch('free', L.legendFree),
    ),
    hostsBox,
    otherHosts,
  );
  let layoutIndex: number | undefined;
  slider.addEventListener('input', () => {
    layoutIndex = Number(slider.value);
    showLayout();
  });
  const jumpTo = (seconds: number) => {
    layoutIndex = Math.min(run.layouts.length - 1, Math.max(0, Math.round(seconds / LAYOUT_SECONDS)));
    showLayout();
  };
  jumpSale.addEventListener('click', () => jumpTo(SALE_OPENS + 600));
  jumpFailure.addEventListener('click', () => {
    if (run.failure) jumpTo(Math.ceil(run.failure.at / LAYOUT_SECONDS) * LAYOUT_SECONDS);
  });

  function showLayout(): void {
    const last = run.layouts.length - 1;
    const fallback = run.failure
      ? Math.ceil(run.failure.at / LAYOUT_SECONDS)
      : Math.round((SALE_OPENS + 600) / LAYOUT_SECONDS);
    const index = Math.min(last, Math.max(0, layoutIndex ?? fallback));
    const layout = run.layouts[index] as LayoutPoint;
    slider.max = String(last);
    slider.value = String(index);
    slider.setAttribute('aria-valuetext', clock(layout.t));
    sliderValue.textContent = clock(layout.t);
    jumpFailure.disabled = !run.failure;
    const byHost = new Map<number, LayoutPoint['nodes'][number][]>();
    for (const node of layout.nodes) byHost.set(node.host, [...(byHost.get(node.host) ?? []), node]);
    const phases = { booting: 0, ready: 0, failed: 0, repairing: 0 };
    const pods = { running: 0, starting: 0, stranded: 0 };
    for (const node of layout.nodes) {
      phases[node.phase]++;
      pods.running += node.running;
      pods.starting += node.starting;
      pods.stranded += node.stranded;
    }
    layoutSummary.textContent = fill(L.summary, {
      time: clock(layout.t),
      hosts: byHost.size,
      nodes: layout.nodes.length,
      ...phases,
      ...pods,
      pending: layout.pending,
    });
    hostsBox.replaceChildren(
      ...[...byHost.keys()]
        .sort((a, b) => a - b)
        .map((hostId) =>
          h(
            'div',
            { class: 'cs-host', 'data-host': String(hostId) },
            h('span', { class: 'cs-host-name' }, fill(L.host, { n: hostId })),
            ...(byHost.get(hostId) ?? []).map((node) =>
              h(
                'div',
                {
                  class: `cs-vm cs-vm-${node.phase}`,
                  'data-node': String(node.id),
                  'data-phase': node.phase,
                },
                h(
                  'span',
                  { class: 'cs-vm-name' },
                  `${fill(L.node, { n: node.id })} · ${L.phases[node.phase]}`,
                ),
                h(
                  'span',
                  { class: 'cs-vm-pods' },
                  ...Array.from({ length: PODS_PER_NODE }, (_, i) =>
                    h('span', {
                      class: `cs-pod cs-pod-${
                        i < node.running
                          ? 'running'
                          : i < node.running + node.starting
                            ? 'starting'
                            : i < node.running + node.starting + node.stranded
                              ? 'stranded'
                              : 'free'
                      }`,
                    }),
                  ),
                ),
              ),
            ),
          ),
        ),
    );
    const unused = figures.hosts.value - byHost.size;
    otherHosts.hidden = unused === 0;
    otherHosts.textContent = fill(L.otherHosts, { n: unused });
    element.dataset.layoutTime = String(layout.t);
  }

  body.replaceChildren(
    h('p', { class: 'cs-intro' }, strings.intro),
    h(
      'p',
      { class: 'cs-layers' },
      fill(strings.layers, {
        hosts: figures.hosts.value,
        vms: figures.vmsPerHost.value,
        pods: PODS_PER_NODE,
      }),
    ),
    h('div', { class: 'cs-params' }, ...fieldsets),
    verdict,
    failureLine,
    summary,
    ...chartBoxes,
    layoutSection,
    h(
      'p',
      { class: 'cs-live-migration' },
      `${strings.liveMigration} `,
      h('a', { href: clusterSources['gce-live-migration'].url }, clusterSources['gce-live-migration'].title),
    ),
    sources,
  );
  body.hidden = false;

  let charts: Chart[] = [];

  /** Each block of PLOT_MINUTES: the highest of `pick` in it. */
  const blocks = (r: ClusterRun, pick: (p: MinutePoint) => number) => {
    const out: number[] = [];
    for (let i = 0; i < r.minutes.length; i += PLOT_MINUTES) {
      let max = 0;
      for (let j = i; j < i + PLOT_MINUTES && j < r.minutes.length; j++) {
        const p = r.minutes[j];
        if (p) max = Math.max(max, pick(p));
      }
      out.push(max);
    }
    return out;
  };
  /** Each hour's highest of every column, for the tables. */
  const hourRows = (r: ClusterRun, picks: ((p: MinutePoint) => number)[]) =>
    Array.from({ length: r.minutes.length / 60 }, (_, hour) => {
      const slice = r.minutes.slice(hour * 60, hour * 60 + 60);
      return [clock(hour * 3600), ...picks.map((pick) => number(Math.max(...slice.map(pick))))];
    });

  function inputsOf(r: ClusterRun): ChartInput[] {
    const xs = Array.from({ length: Math.ceil(r.minutes.length / PLOT_MINUTES) }, (_, i) => i * PLOT_MINUTES);
    const xTicks = xs.filter((x) => x % 360 === 0);
    const formatX = (x: number) => clock(x * 60);
    // One marker a chart: 08:00 and 08:30 are too close for two labels side by side.
    const saleMarker = [{ x: SALE_OPENS / 60, label: strings.charts.saleOpens }];
    const failureMarker = r.failure ? [{ x: r.failure.at / 60, label: strings.charts.failure }] : [];
    const c = strings.charts;
    const line = (
      title: string,
      caption: string,
      markers: { x: number; label: string }[],
      series: { label: string; pick: (p: MinutePoint) => number; area?: boolean }[],
    ): ChartInput => ({
      type: 'line',
      data: {
        title,
        xs,
        series: series.map((s) => ({ label: s.label, values: blocks(r, s.pick), area: s.area ?? false })),
        xTicks,
        formatX,
        formatTick: (v) => number(v),
        markers,
        table: {
          caption,
          columns: [c.time, ...series.map((s) => s.label)],
          rows: hourRows(
            r,
            series.map((s) => s.pick),
          ),
        },
      },
    });
    return [
      line(c.loadTitle, c.loadCaption, saleMarker, [
        { label: c.demand, pick: (p) => p.demand, area: true },
        { label: c.capacity, pick: (p) => p.capacity },
        { label: c.dropped, pick: (p) => p.dropped },
      ]),
      line(c.podsTitle, c.podsCaption, failureMarker, [
        { label: c.replicas, pick: (p) => p.replicas },
        { label: c.running, pick: (p) => p.running, area: true },
        { label: c.pending, pick: (p) => p.pending },
      ]),
      line(c.nodesTitle, c.nodesCaption, failureMarker, [
        { label: c.nodes, pick: (p) => p.nodes },
        { label: c.readyNodes, pick: (p) => p.readyNodes, area: true },
      ]),
    ];
  }

  function render(): void {
    for (const [id, input] of inputs) {
      const value = state[id];
      if (typeof value === 'boolean') input.checked = value;
      else input.value = String(value);
    }
    const dependents: [ClusterParamId, boolean][] = [
      ['targetUtilization', state.hpa],
      ['maxReplicas', state.hpa],
      ['maxNodes', state.clusterAutoscaler],
      ['failureHour', state.failure],
    ];
    for (const [id, enabled] of dependents) {
      const input = inputs.get(id);
      if (input) input.disabled = !enabled;
    }

    const [ordinary, peak] = run.days;
    if (!ordinary || !peak) return;
    const requests = (n: number) => fill(strings.requestsUnit, { n: number(n) });
    const rows: [keyof ClusterStrings['rows'], string, string][] = [
      ['requests', requests(ordinary.requests), requests(peak.requests)],
      ['dropped', requests(ordinary.dropped), requests(peak.dropped)],
      ['lost', requests(ordinary.lost), requests(peak.lost)],
      [
        'nodeHours',
        fill(strings.nodeHoursUnit, { n: number(ordinary.nodeHours, 1) }),
        fill(strings.nodeHoursUnit, { n: number(peak.nodeHours, 1) }),
      ],
      ['maxReplicas', number(ordinary.maxReplicas), number(peak.maxReplicas)],
      ['maxNodes', number(ordinary.maxNodes), number(peak.maxNodes)],
      ['maxPending', number(ordinary.maxPending), number(peak.maxPending)],
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
          h('th', { scope: 'col' }, strings.ordinaryDay),
          h('th', { scope: 'col' }, strings.peakDay),
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
            h('td', { 'data-day': '1' }, a),
            h('td', { 'data-day': '2' }, b),
          ),
        ),
      ),
    );
    const droppedPeak = Math.round(peak.dropped);
    verdict.textContent = `${droppedPeak === 0 ? strings.verdictNoDrops : strings.verdictDrops} ${fill(
      strings.verdict,
      {
        requests: number(peak.requests),
        dropped: number(droppedPeak),
        seconds: number(peak.droppingSeconds),
        nodeHours: number(run.total.nodeHours, 1),
      },
    )}`;
    const f = run.failure;
    failureLine.textContent = f
      ? `${fill(strings.failureLine, {
          time: clock(f.at),
          node: f.node,
          host: f.host,
          pods: f.pods,
          lost: number(f.lostRequests),
          evicted: clock(f.evictedAt),
          placed: f.replacedPlaced,
          pending: f.replacedPending,
        })} ${f.repairedAt === undefined ? strings.failureNotRepaired : fill(strings.failureRepaired, { time: clock(f.repairedAt) })}`
      : strings.noFailure;
    element.dataset.dropped = String(droppedPeak);
    element.dataset.nodeHours = String(Math.round(run.total.nodeHours * 10) / 10);

    showLayout();
    const next = inputsOf(run);
    if (charts.length === 0)
      charts = chartBoxes.map((box, i) => mountChart(box, next[i] as ChartInput, strings.chart));
    else
      charts.forEach((chart, i) => {
        chart.update(next[i] as ChartInput);
      });
  }

  function commit(next: unknown): void {
    run = runCluster(normaliseClusterState(next));
    state = run.state;
    render();
    host.change(state);
  }

  render();
  return {
    show(next) {
      run = runCluster(next);
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
