// Small builders shared by the exploit, patching, stateless-rebuild and noisy-neighbour scenarios: texts,
// provenance, figures and the step order every run must have (by `at`, then esxi, kvm, docker).
import type { Figure, LaneId, Provenance, Source, Step, Text, Unit } from '../types.ts';
import { laneIds } from '../types.ts';

export const text = (ja: string, en: string): Text => ({ ja, en });

export const cited = (source: Source, where: string): Provenance => ({ kind: 'source', source, where });
export const assumed = (ja: string, en: string): Provenance => ({ kind: 'assumption', reason: { ja, en } });
export const derived = (ja: string, en: string): Provenance => ({ kind: 'derived', reason: { ja, en } });

export function figure(
  id: string,
  label: Text,
  value: number,
  unit: Unit,
  provenance: Provenance,
  range?: { low: number; high: number },
): Figure {
  return range ? { id, label, value, unit, provenance, ...range } : { id, label, value, unit, provenance };
}

/** Steps in the order the widget plays them: by start time, then lane order. */
export function sortSteps(steps: readonly Step[]): Step[] {
  return [...steps].sort((a, b) => a.at - b.at || laneIds.indexOf(a.lane) - laneIds.indexOf(b.lane));
}

/** Rounds for display so equal states print equal numbers (0.1 + 0.2). */
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const byLane = <T>(make: (lane: LaneId) => T): Record<LaneId, T> => ({
  esxi: make('esxi'),
  kvm: make('kvm'),
  docker: make('docker'),
});
