// The only module that imports the charting library (Chartist, SVG). chart.ts imports it when a chart first
// comes on screen, so no page loads Chartist before a chart is visible.
//
// Chartist writes two style attributes itself (`width: 100%; height: 100%;` on the <svg>, `overflow: visible;`
// on each label's <foreignObject>); src/site/csp.ts allows exactly those two by hash on pages with a chart.
// No animation is ever added, so prefers-reduced-motion has nothing to stop; sizes and colours come from
// chart.css (Starlight's colour variables, both themes).
import { BarChart, type BarChartOptions, FixedScaleAxis, Interpolation, LineChart } from 'chartist';
import {
  type BarChartData,
  barSeries,
  type LineChartData,
  linePoints,
  niceTicks,
  type TimelineData,
  timeAxis,
  timelineBars,
} from './series.ts';

export interface Drawn {
  detach(): void;
}

interface BarEvent {
  type: string;
  seriesIndex?: number;
  index?: number;
  value?: { x?: number } | number;
  x2?: number;
  y1?: number;
  element?: { addClass(names: string): unknown };
  group?: {
    elem(
      name: string,
      attributes: Record<string, string | number>,
      className: string,
    ): { text(t: string): unknown };
  };
}

/** Width of the row labels: a third of the chart, between 5 and 10 rem at the root font size. */
function labelWidth(host: HTMLElement): number {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round(Math.min(10 * rem, Math.max(5 * rem, host.clientWidth / 3)));
}

/** Room at the right for the value written past each bar's end (a timeline writes none). */
const VALUE_ROOM = 76;
const TIMELINE_ROOM = 44;
/** Width an axis tick label needs, so narrow charts get fewer ticks. */
const TICK_WIDTH = 56;

const common = (host: HTMLElement, right = VALUE_ROOM): BarChartOptions => ({
  horizontalBars: true,
  chartPadding: { top: 8, right, bottom: 0, left: 4 },
  axisY: { offset: labelWidth(host), showGrid: false },
  axisX: { onlyInteger: false, scaleMinSpace: 56 },
});

export function drawBars(host: HTMLElement, data: BarChartData): Drawn {
  const { labels, series } = barSeries(data);
  const options = common(host);
  const chart = new BarChart(
    host,
    { labels, series },
    {
      ...options,
      seriesBarDistance: 14,
      low: 0,
      axisX: {
        ...options.axisX,
        labelInterpolationFnc: (value: string | number) => data.formatTick(Number(value)),
      },
    },
  );
  chart.on('draw', (event: BarEvent) => {
    if (event.type !== 'bar' || !event.group) return;
    const value = typeof event.value === 'number' ? event.value : event.value?.x;
    if (value === undefined) return;
    event.group
      .elem('text', { x: (event.x2 ?? 0) + 4, y: (event.y1 ?? 0) + 4 }, 'vc-value')
      .text(data.format(value));
  });
  return chart;
}

export function drawTimeline(host: HTMLElement, data: TimelineData): Drawn {
  const bars = timelineBars(data);
  const plotWidth = host.clientWidth - labelWidth(host) - TIMELINE_ROOM;
  const axis = timeAxis(bars.high, Math.min(6, Math.max(2, Math.floor(plotWidth / TICK_WIDTH))));
  const chart = new BarChart(
    host,
    { labels: bars.labels, series: bars.series },
    {
      ...common(host, TIMELINE_ROOM),
      stackBars: true,
      low: 0,
      high: axis.ticks.at(-1) ?? bars.high,
      axisX: {
        type: FixedScaleAxis,
        ticks: axis.ticks,
        low: 0,
        high: axis.ticks.at(-1) ?? bars.high,
        labelInterpolationFnc: (value: string | number) => data.formatAxis(Number(value), axis.unitMs),
      },
    },
  );
  chart.on('draw', (event: BarEvent) => {
    if (event.type !== 'bar' || event.seriesIndex === undefined || event.index === undefined) return;
    const segment = bars.meta[event.seriesIndex]?.[event.index];
    event.element?.addClass(segment ? `vc-segment vc-kind-${segment.kind} vc-${segment.state}` : 'vc-gap');
  });
  return chart;
}

interface CreatedEvent {
  /** Chartist's plot area: x1 left, x2 right, y1 bottom, y2 top. */
  chartRect?: { x1: number; x2: number; y1: number; y2: number };
  svg?: NonNullable<BarEvent['group']>;
}

/** Width the y axis labels take. */
const Y_AXIS = 64;

export function drawLines(host: HTMLElement, data: LineChartData): Drawn {
  const high = Math.max(1, ...data.series.flatMap((s) => s.values));
  const yTicks = niceTicks(high, host.clientWidth < 480 ? 4 : 5);
  const low = data.xs[0] ?? 0;
  const xHigh = data.xs.at(-1) ?? 1;
  // Fewer x labels on a narrow chart: every other tick under ~480 px.
  const xTicks = host.clientWidth < 480 ? data.xTicks.filter((_, i) => i % 2 === 0) : [...data.xTicks];
  const areas = Object.fromEntries(data.series.map((s, i) => [`s${i}`, { showArea: s.area === true }]));
  const chart = new LineChart(
    host,
    { series: data.series.map((_, i) => ({ name: `s${i}`, data: linePoints(data, i) })) },
    {
      showPoint: false,
      lineSmooth: Interpolation.none(),
      chartPadding: { top: 12, right: 16, bottom: 0, left: 4 },
      series: areas,
      axisX: {
        type: FixedScaleAxis,
        low,
        high: xHigh,
        ticks: xTicks,
        labelInterpolationFnc: (value: string | number) => data.formatX(Number(value)),
      },
      axisY: {
        type: FixedScaleAxis,
        low: 0,
        high: yTicks.at(-1) ?? high,
        ticks: yTicks,
        offset: Y_AXIS,
        labelInterpolationFnc: (value: string | number) => data.formatTick(Number(value)),
      },
    },
  );
  chart.on('created', (event: CreatedEvent) => {
    const { chartRect: rect, svg } = event;
    if (!rect || !svg || !data.markers?.length) return;
    for (const marker of data.markers) {
      const x = rect.x1 + ((marker.x - low) / Math.max(1e-9, xHigh - low)) * (rect.x2 - rect.x1);
      svg.elem('line', { x1: x, x2: x, y1: rect.y2, y2: rect.y1 }, 'vc-marker');
      svg.elem('text', { x: x + 4, y: rect.y2 + 12 }, 'vc-marker-label').text(marker.label);
    }
  });
  return chart;
}
