// The only module that imports the charting library (Chartist, SVG). chart.ts imports it when a chart first
// comes on screen, so no page loads Chartist before a chart is visible.
//
// Chartist writes two style attributes itself (`width: 100%; height: 100%;` on the <svg>, `overflow: visible;`
// on each label's <foreignObject>); src/site/csp.ts allows exactly those two by hash on pages with a chart.
// No animation is ever added, so prefers-reduced-motion has nothing to stop; sizes and colours come from
// chart.css (Starlight's colour variables, both themes).
import { BarChart, type BarChartOptions } from 'chartist';
import { type BarChartData, barSeries, type TimelineData, timelineBars } from './series.ts';

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

const common = (host: HTMLElement): BarChartOptions => ({
  horizontalBars: true,
  chartPadding: { top: 8, right: 76, bottom: 0, left: 4 },
  axisY: { offset: labelWidth(host), showGrid: false },
  axisX: { onlyInteger: false, scaleMinSpace: 56 },
});

export function drawBars(host: HTMLElement, data: BarChartData): Drawn {
  const { labels, series } = barSeries(data);
  const chart = new BarChart(host, { labels, series }, { ...common(host), seriesBarDistance: 14, low: 0 });
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
  const chart = new BarChart(
    host,
    { labels: bars.labels, series: bars.series },
    {
      ...common(host),
      stackBars: true,
      low: 0,
      high: bars.high,
      axisX: {
        onlyInteger: false,
        scaleMinSpace: 72,
        labelInterpolationFnc: (value: string | number) => data.formatTime(Number(value)),
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
