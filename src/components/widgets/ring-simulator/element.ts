// <ring-simulator>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts); the
// view and the model are imported when the widget nears the viewport.
import type { RingState } from '../../../sim/rings/model.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { RingStrings } from './strings.ts';

function isRingState(value: unknown): value is RingState {
  if (typeof value !== 'object' || value === null) return false;
  const { scenario, program } = value as Record<string, unknown>;
  return typeof scenario === 'string' && typeof program === 'string';
}

defineStatefulWidget<RingState, RingStrings>('ring-simulator', {
  isState: isRingState,
  loadView: () => import('./view.ts'),
});
