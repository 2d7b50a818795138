// Chart data shaped for the charting library, from data in reading order. Pure (no DOM), unit-tested.
//
// Chartist draws horizontal bars from the bottom up, so rows are reversed here and the caller's first row ends
// up on top. A timeline is drawn as stacked horizontal bars: each row alternates an invisible gap and a
// segment, and a lane whose steps overlap in time gets a second track (row) so nothing hides behind another.

export interface BarChartData {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  /** Writes a value with its unit, for the value labels and the table. */
  readonly format: (value: number) => string;
  /** Writes an axis tick (a number without its unit: the title and the value labels carry it). */
  readonly formatTick: (value: number) => string;
}

/**
 * Lines over a numeric x axis (a year of days, a fortnight of hours, a number of servers). The plot can hold
 * hundreds of points; the table holds the rows the caller chose to summarise them by (a year's days as its
 * months), since a table of 365 rows helps no one.
 */
export interface LineChartData {
  readonly title: string;
  /** x of every point, ascending; each series has one value per x. */
  readonly xs: readonly number[];
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly number[];
    /** Filled down to zero (the load), or a line alone (capacities). */
    readonly area?: boolean;
  }[];
  /** Where the x axis has a labelled tick, and how it is written. */
  readonly xTicks: readonly number[];
  readonly formatX: (x: number) => string;
  /** Writes a y axis tick (without its unit: the title carries it). */
  readonly formatTick: (value: number) => string;
  /** Vertical markers (the cheapest point, the current choice), drawn as labelled lines. */
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  readonly table: {
    readonly caption: string;
    readonly columns: readonly string[];
    readonly rows: readonly (readonly string[])[];
  };
}

/** Chartist's point objects for one series of a line chart. */
export function linePoints(data: LineChartData, index: number): { x: number; y: number }[] {
  const values = data.series[index]?.values ?? [];
  return data.xs.map((x, i) => ({ x, y: values[i] ?? 0 }));
}

/** Round ticks for a y axis from 0 to at least `high`, about `count` of them. */
export function niceTicks(high: number, count = 5): number[] {
  const span = Math.max(high, 1e-9);
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < span + step - 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < high) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

export type SegmentState = 'done' | 'current' | 'future';

export interface TimelineSegment {
  readonly start: number;
  readonly duration: number;
  readonly label: string;
  /** A class suffix (`vc-kind-<kind>`) and the legend entry it belongs to. */
  readonly kind: string;
  readonly state: SegmentState;
}

export interface TimelineData {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly segments: readonly TimelineSegment[] }[];
  /** Legend labels of the kinds, in legend order. */
  readonly kinds: readonly { readonly kind: string; readonly label: string }[];
  readonly formatTime: (ms: number) => string;
  /** Writes an axis tick in one unit for the whole axis: `unitMs` is 1 (ms), 1000 (s) or 60000 (min). */
  readonly formatAxis: (ms: number, unitMs: number) => string;
}

export interface StackedBars {
  /** Row labels, bottom row first (chartist's order). */
  readonly labels: string[];
  /** `series[k][row]`: the k-th piece of each row (0 where the row has fewer pieces). */
  readonly series: number[][];
  /** `meta[k][row]`: the segment drawn by that piece, or undefined for a gap. */
  readonly meta: (TimelineSegment | undefined)[][];
  /** The axis end: the last segment's end. */
  readonly high: number;
}

/** Bars for chartist: rows bottom first, nulls kept (chartist leaves them out). */
export function barSeries(data: BarChartData): { labels: string[]; series: (number | null)[][] } {
  return {
    labels: [...data.categories].reverse(),
    series: data.series.map((s) => data.categories.map((_, i) => s.values[i] ?? null).reverse()),
  };
}

/** Share of the axis an instant step takes on screen (when the next step leaves room), so it can be seen. */
export const INSTANT_SHARE = 0.01;

interface Piece {
  value: number;
  segment?: TimelineSegment;
}

interface Track {
  label: string;
  pieces: Piece[];
  /** Where the lane's time is up to on this track (real time: an instant takes none). */
  end: number;
  /** Where the drawing is up to (an instant is drawn wider than it lasts). */
  drawnTo: number;
}

/**
 * A timeline as stacked bars: one track per lane, more where a lane's steps really overlap in time. An instant
 * is drawn INSTANT_SHARE of the axis wide, narrowed to the room before the next step on its track.
 */
export function timelineBars(data: TimelineData): StackedBars {
  const high = Math.max(0, ...data.rows.flatMap((r) => r.segments.map((s) => s.start + s.duration)));
  const minimum = high > 0 ? high * INSTANT_SHARE : 1;
  const tracks: Track[] = [];
  for (const row of data.rows) {
    const mine: Track[] = [];
    const sorted = [...row.segments].sort((a, b) => a.start - b.start);
    for (const segment of sorted) {
      let track = mine.find((t) => t.end <= segment.start + 1e-9);
      if (!track) {
        track = { label: mine.length === 0 ? row.label : '', pieces: [], end: 0, drawnTo: 0 };
        mine.push(track);
      }
      const previous = track.pieces.at(-1);
      if (track.drawnTo > segment.start && previous) {
        // The previous piece is a widened instant: give back what this step needs.
        previous.value = Math.max(0, previous.value - (track.drawnTo - segment.start));
        track.drawnTo = segment.start;
      }
      if (segment.start > track.drawnTo) track.pieces.push({ value: segment.start - track.drawnTo });
      const drawn = segment.duration > 0 ? segment.duration : minimum;
      track.pieces.push({ value: drawn, segment });
      track.end = segment.start + segment.duration;
      track.drawnTo = segment.start + drawn;
    }
    if (mine.length === 0) mine.push({ label: row.label, pieces: [], end: 0, drawnTo: 0 });
    tracks.push(...mine);
  }
  const width = Math.max(0, ...tracks.map((t) => t.pieces.length));
  const bottomFirst = [...tracks].reverse();
  return {
    labels: bottomFirst.map((t) => t.label),
    series: Array.from({ length: width }, (_, k) => bottomFirst.map((t) => t.pieces[k]?.value ?? 0)),
    meta: Array.from({ length: width }, (_, k) => bottomFirst.map((t) => t.pieces[k]?.segment)),
    high: Math.max(high, ...tracks.map((t) => t.drawnTo)),
  };
}

/**
 * The axis of a timeline `high` ms long: one unit for every tick (as formatDuration picks) and round ticks,
 * about `count` of them (fewer on a narrow chart).
 */
export function timeAxis(high: number, count = 6): { unitMs: number; ticks: number[] } {
  const unitMs = high < 2_000 ? 1 : high < 120_000 ? 1_000 : 60_000;
  const span = Math.max(high / unitMs, 1e-9);
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step <= span + step * 1e-9; i++)
    ticks.push(Number((i * step * unitMs).toPrecision(12)));
  if ((ticks.at(-1) ?? 0) < high) ticks.push(Number((ticks.length * step * unitMs).toPrecision(12)));
  return { unitMs, ticks };
}
