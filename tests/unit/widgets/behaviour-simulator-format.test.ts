import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  formatFigure,
  formatValue,
  parseMeasurement,
} from '../../../src/components/widgets/behaviour-simulator/format.ts';
import { simulatorStrings } from '../../../src/components/widgets/behaviour-simulator/strings.ts';
import {
  barSeries,
  INSTANT_SHARE,
  timeAxis,
  timelineBars,
} from '../../../src/components/widgets/chart/series.ts';

const ja = simulatorStrings.ja.units;
const en = simulatorStrings.en.units;

describe('numbers as the simulator writes them', () => {
  test('a space between number and unit, no unit word for a count, locale grouping', () => {
    expect(formatValue(2, 'percent', 'ja', ja)).toBe('2 %');
    expect(formatValue(1536, 'MiB', 'en', en)).toBe('1,536 MiB');
    expect(formatValue(12, 'count', 'en', en)).toBe('12');
    expect(formatValue(1.25, 'ratio', 'ja', ja)).toBe('1.25 倍');
  });

  test('durations in the unit that reads best', () => {
    expect(formatDuration(850, 'en', en)).toBe('850 ms');
    expect(formatDuration(45_000, 'ja', ja)).toBe('45 秒');
    expect(formatDuration(180_000, 'en', en)).toBe('3 min');
  });

  test("a figure shows its source's range", () => {
    const figure = {
      id: 'io',
      label: { ja: 'I/O', en: 'I/O' },
      value: 12,
      low: 8,
      high: 20,
      unit: 'percent' as const,
      provenance: { kind: 'assumption' as const, reason: { ja: '', en: '' } },
    };
    expect(formatFigure(figure, 'en', en)).toBe('12 % (8–20 %)');
    expect(formatFigure(figure, 'ja', ja)).toBe('12 %（8〜20 %）');
  });

  test('a measurement is the last value= line, or nothing', () => {
    expect(parseMeasurement('noise\nvalue=12.5\n')).toBe(12.5);
    expect(parseMeasurement('value=1\nvalue=2')).toBe(2);
    expect(parseMeasurement('value=abc\n')).toBeUndefined();
    expect(parseMeasurement('the value=3 is inline')).toBeUndefined();
  });
});

describe('chart data for Chartist', () => {
  test('bars: rows reversed so the first category is drawn on top, nulls kept', () => {
    const data = {
      title: 't',
      categories: ['a', 'b'],
      series: [{ label: 's', values: [1, null] }],
      format: String,
      formatTick: String,
    };
    expect(barSeries(data)).toEqual({ labels: ['b', 'a'], series: [[null, 1]] });
  });

  test('timeline: gaps between segments, overlapping steps on a second track, instants visible', () => {
    const seg = (start: number, duration: number, label: string) => ({
      start,
      duration,
      label,
      kind: 'work',
      state: 'done' as const,
    });
    const bars = timelineBars({
      title: 't',
      rows: [
        { label: 'ESXi', segments: [seg(0, 100, 'boot'), seg(200, 0, 'ready')] },
        { label: 'KVM', segments: [seg(0, 100, 'copy'), seg(50, 100, 'run')] },
      ],
      kinds: [],
      formatTime: String,
      formatAxis: String,
    });
    // Top to bottom: ESXi, KVM, KVM's second track; chartist wants bottom first.
    expect(bars.labels).toEqual(['', 'KVM', 'ESXi']);
    const instant = 200 * INSTANT_SHARE;
    // ESXi: boot (100), gap (100), the instant "ready" drawn with a minimum width.
    expect(bars.series.map((s) => s[2])).toEqual([100, 100, instant]);
    expect(bars.meta.map((m) => m[2]?.label)).toEqual(['boot', undefined, 'ready']);
    // KVM's overlapping "run" goes to a track of its own: gap 50, then 100.
    expect(bars.series.map((s) => s[0])).toEqual([50, 100, 0]);
    expect(bars.meta[1]?.[0]?.label).toBe('run');
    expect(bars.high).toBe(200 + instant);
  });
});

test('a timeline axis: one unit, round ticks, the last one past the end', () => {
  expect(timeAxis(850)).toEqual({ unitMs: 1, ticks: [0, 200, 400, 600, 800, 1000] });
  expect(timeAxis(16_000)).toEqual({ unitMs: 1000, ticks: [0, 5000, 10000, 15000, 20000] });
  const long = timeAxis(400_000);
  expect(long.unitMs).toBe(60_000);
  expect(long.ticks.at(-1)).toBeGreaterThanOrEqual(400_000);
  expect(long.ticks.length).toBeLessThanOrEqual(9);
});
