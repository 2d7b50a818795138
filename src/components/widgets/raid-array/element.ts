// <raid-array>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts); the
// view is imported when the widget nears the viewport.
import type { RaidState } from '../../../sim/raid/model.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { RaidStrings } from './strings.ts';

function isRaidState(value: unknown): value is RaidState {
  if (typeof value !== 'object' || value === null) return false;
  const { level, disks, diskTB, failed } = value as Record<string, unknown>;
  return (
    typeof level === 'number' &&
    typeof disks === 'number' &&
    typeof diskTB === 'number' &&
    Array.isArray(failed)
  );
}

defineStatefulWidget<RaidState, RaidStrings>('raid-array', {
  isState: isRaidState,
  loadView: () => import('./view.ts'),
});
