// How the simulator writes numbers: pure functions of (value, unit, language), unit-tested, no DOM.
import type { Figure, Lang, Unit } from '../../../sim/behaviour/types.ts';

export type UnitLabels = Readonly<Record<Unit, string>>;

/** A number for reading: at most three significant digits past the decimal point, grouped by locale. */
export function formatNumber(value: number, lang: Lang): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits }).format(
    value,
  );
}

/** `12 ms`, `2 %`, `4 vCPU`; a count has no unit word. A space always separates number and unit. */
export function formatValue(value: number, unit: Unit, lang: Lang, units: UnitLabels): string {
  const label = units[unit];
  return label ? `${formatNumber(value, lang)} ${label}` : formatNumber(value, lang);
}

/** A duration on the timeline in the unit that reads best: ms under 2 s, s under 2 min, then min. */
export function formatDuration(ms: number, lang: Lang, units: UnitLabels): string {
  if (Math.abs(ms) < 2_000) return formatValue(ms, 'ms', lang, units);
  if (Math.abs(ms) < 120_000) return formatValue(ms / 1000, 's', lang, units);
  return formatValue(ms / 60_000, 'min', lang, units);
}

/** A figure's value, with its source's range when it gives one: `12 % (8–20 %)`. */
export function formatFigure(figure: Figure, lang: Lang, units: UnitLabels): string {
  const main = formatValue(figure.value, figure.unit, lang, units);
  if (figure.low === undefined || figure.high === undefined) return main;
  const low = formatNumber(figure.low, lang);
  const high = formatValue(figure.high, figure.unit, lang, units);
  return lang === 'ja' ? `${main}（${low}〜${high}）` : `${main} (${low}–${high})`;
}

/** The value a "measure it here" script printed: the last line `value=<number>`, or undefined. */
export function parseMeasurement(output: string): number | undefined {
  const matches = [...output.matchAll(/^value=(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s*$/gim)];
  const last = matches.at(-1)?.[1];
  if (last === undefined) return undefined;
  const value = Number(last);
  return Number.isFinite(value) ? value : undefined;
}
