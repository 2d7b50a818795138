// Two days of requests for chapter 1's ticketing site: an ordinary day, then the rush before a holiday
// (`holidayPeak` times the load) with a surge when tickets go on sale at 08:00. The day's shape is chapter 1's
// (src/sim/capacity/load.ts), interpolated between the middles of its hours so the load has no steps.
import { dailyShape } from '../capacity/load.ts';
import { figures } from './figures.ts';

export const DAYS = 2;
export const SECONDS = DAYS * 86_400;
/** When sales open on the peak day, in seconds from the start. */
export const SALE_OPENS = 86_400 + 8 * 3600;
const SURGE_RISE = 300;
const SURGE_DECAY = 1800;

/** The ordinary day's shape at `second` of a day (mean 1), linear between the middles of the hours. */
export function shapeAt(secondOfDay: number): number {
  const hour = secondOfDay / 3600 - 0.5;
  const i = Math.floor(hour);
  const f = hour - i;
  const at = (h: number) => dailyShape[((h % 24) + 24) % 24] ?? 1;
  return at(i) * (1 - f) + at(i + 1) * f;
}

/** The extra share of load from the sale opening, at time `t` (0 before 08:00 on the peak day). */
export function surgeAt(t: number): number {
  const since = t - SALE_OPENS;
  if (since < 0) return 0;
  const extra = figures.saleSurge.value / 100;
  if (since < SURGE_RISE) return (extra * since) / SURGE_RISE;
  return extra * Math.exp(-(since - SURGE_RISE) / SURGE_DECAY);
}

/** The rush builds overnight, from 22:00 on the ordinary day to 06:00 on the peak day (a raised cosine). */
const RAMP_FROM = 22 * 3600;
const RAMP_TO = 86_400 + 6 * 3600;

/** How far the rush has built at time `t`, 0–1. */
export function rushAt(t: number): number {
  if (t <= RAMP_FROM) return 0;
  if (t >= RAMP_TO) return 1;
  return 0.5 * (1 - Math.cos((Math.PI * (t - RAMP_FROM)) / (RAMP_TO - RAMP_FROM)));
}

/** Requests per second at time `t` (seconds from the start of the two days). */
export function demandAt(t: number, holidayPeak: number): number {
  const factor = 1 + (holidayPeak - 1) * rushAt(t);
  return figures.baseDemand.value * shapeAt(t % 86_400) * factor * (1 + surgeAt(t));
}
