// A year of hourly load (8,760 hours of 2025) for a national ticketing site: an ordinary day's shape, a week's,
// and a peak before each public holiday, the largest before the Spring Festival. The holiday dates are the
// State Council's for 2025; the shapes are assumptions of this model, said as such in the widget.
import type { Citation, Text } from '../citation.ts';
import type { CapacityState } from './params.ts';

export const YEAR = 2025;
export const DAYS = 365;
export const HOURS = DAYS * 24;
/** 1 January 2025 was a Wednesday (0 = Monday). */
const FIRST_WEEKDAY = 2;

export const holidaySource: Citation = {
  title: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  by: 'General Office of the State Council of the PRC (as published by Xinhua, 12 November 2024)',
  year: 2024,
  url: 'https://m.gmw.cn/2024-11/12/content_1303894933.htm',
  section:
    'items 1–6: New Year 1 Jan; Spring Festival 28 Jan–4 Feb; Qingming 4–6 Apr; Labour Day 1–5 May; Dragon Boat 31 May–2 Jun; National Day and Mid-Autumn 1–8 Oct',
};

export interface Holiday {
  readonly id: 'spring' | 'national' | 'labour' | 'qingming' | 'dragon-boat' | 'new-year';
  readonly name: Text;
  /** First day of the holiday, 0-based day of 2025. */
  readonly start: number;
}

/** Day of 2025 (0-based) of a month (1–12) and day. */
export function dayOfYear(month: number, day: number): number {
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths.slice(0, month - 1).reduce((a, b) => a + b, 0) + day - 1;
}

export const springFestival: Holiday = {
  id: 'spring',
  name: { ja: '春節', en: 'Spring Festival' },
  start: dayOfYear(1, 28),
};

/** The other holidays, in the order the `holidays` parameter takes them (the longest first). */
export const holidayOrder: readonly Holiday[] = [
  {
    id: 'national',
    name: { ja: '国慶節・中秋節', en: 'National Day and Mid-Autumn' },
    start: dayOfYear(10, 1),
  },
  { id: 'labour', name: { ja: '労働節', en: 'Labour Day' }, start: dayOfYear(5, 1) },
  { id: 'qingming', name: { ja: '清明節', en: 'Qingming' }, start: dayOfYear(4, 4) },
  { id: 'dragon-boat', name: { ja: '端午節', en: 'Dragon Boat Festival' }, start: dayOfYear(5, 31) },
  // The peak before New Year's Day falls at the end of the year, before 1 January 2026.
  { id: 'new-year', name: { ja: '元日', en: 'New Year' }, start: DAYS },
];

/**
 * An ordinary day's shape, hour by hour, mean 1 (an assumption): little at night, a morning and an evening
 * rise when people book.
 */
export const dailyShape: readonly number[] = (() => {
  const raw = [
    0.25, 0.18, 0.14, 0.12, 0.12, 0.18, 0.45, 0.9, 1.45, 1.6, 1.5, 1.35, 1.3, 1.3, 1.35, 1.3, 1.2, 1.15, 1.2,
    1.45, 1.6, 1.45, 1.0, 0.55,
  ];
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  return raw.map((v) => v / mean);
})();

/** A week's shape, Monday first, mean 1 (an assumption): more on Friday and Sunday. */
export const weeklyShape: readonly number[] = (() => {
  const raw = [0.97, 0.94, 0.94, 0.98, 1.1, 1.0, 1.07];
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  return raw.map((v) => v / mean);
})();

export interface Peak {
  readonly holiday: Holiday;
  /** Multiple of an ordinary day's load at the top. */
  readonly height: number;
  /** Days from the start of the rise to the holiday's first day. */
  readonly width: number;
}

export function peaksOf(state: CapacityState): Peak[] {
  return [
    { holiday: springFestival, height: state.springPeak, width: state.springWidthDays },
    ...holidayOrder
      .slice(0, state.holidays)
      .map((holiday) => ({ holiday, height: state.holidayPeak, width: state.holidayWidthDays })),
  ];
}

/** How much a peak adds at time `day` (fractional day of the year): a raised cosine ending on the holiday. */
export function peakBump(peak: Peak, day: number): number {
  const centre = peak.holiday.start - peak.width / 2;
  const distance = Math.abs(day - centre);
  if (distance >= peak.width / 2) return 0;
  return (peak.height - 1) * 0.5 * (1 + Math.cos((2 * Math.PI * (day - centre)) / peak.width));
}

/**
 * The year's load, hour by hour, in units of sale. Where peaks overlap the larger one counts (a holiday rush
 * does not add to another).
 */
export function hourlyLoad(state: CapacityState): Float64Array {
  const peaks = peaksOf(state);
  const load = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    const day = Math.floor(h / 24);
    const t = (h + 0.5) / 24;
    let bump = 0;
    for (const peak of peaks) bump = Math.max(bump, peakBump(peak, t));
    load[h] =
      state.baseLoad * (dailyShape[h % 24] ?? 1) * (weeklyShape[(day + FIRST_WEEKDAY) % 7] ?? 1) * (1 + bump);
  }
  return load;
}
