// Builders of the exploit, patching, stateless-rebuild and noisy-neighbour scenarios: the shared ones from
// ../run-helpers.ts, plus a rounding to fixed digits and a per-lane record.
import type { LaneId } from '../types.ts';

export { assumed, cited, derived, figure, sortSteps, text } from '../run-helpers.ts';

/** Rounds to `digits` decimals so equal states print equal numbers (0.1 + 0.2). */
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const byLane = <T>(make: (lane: LaneId) => T): Record<LaneId, T> => ({
  esxi: make('esxi'),
  kvm: make('kvm'),
  docker: make('docker'),
});
