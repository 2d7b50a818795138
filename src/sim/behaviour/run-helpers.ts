// Small builders shared by the scenarios: texts, provenance, figures, and the step order every run keeps.
import {
  type Figure,
  type LaneId,
  laneIds,
  type Provenance,
  type Source,
  type Step,
  type Text,
  type Unit,
} from './types.ts';

export const text = (ja: string, en: string): Text => ({ ja, en });

export const assumed = (ja: string, en: string): Provenance => ({ kind: 'assumption', reason: { ja, en } });
export const derived = (ja: string, en: string): Provenance => ({ kind: 'derived', reason: { ja, en } });
export const cited = (source: Source, where: string): Provenance => ({ kind: 'source', source, where });

export function figure(
  id: string,
  label: Text,
  value: number,
  unit: Unit,
  provenance: Provenance,
  range?: { low: number; high: number },
): Figure {
  return range
    ? { id, label, value, unit, provenance, low: range.low, high: range.high }
    : { id, label, value, unit, provenance };
}

/** Steps by start time, then lane order (esxi, kvm, docker); steps of one lane at one time keep their order. */
export function sortSteps(steps: readonly Step[]): Step[] {
  return [...steps].sort((a, b) => a.at - b.at || laneIds.indexOf(a.lane) - laneIds.indexOf(b.lane));
}

export const laneNames: Readonly<Record<LaneId, Text>> = {
  esxi: text('ESXi', 'ESXi'),
  kvm: text('KVM', 'KVM'),
  docker: text('Docker', 'Docker'),
};

/** Rounds for display: 1 decimal below 10, whole numbers above. */
export function round(value: number): number {
  return Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}
