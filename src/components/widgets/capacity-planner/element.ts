// <capacity-planner>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts);
// the view, the model and (when a chart is on screen) the charting library load later.
import type { CapacityState } from '../../../sim/capacity/params.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { CapacityStrings } from './strings.ts';

function isCapacityState(value: unknown): value is CapacityState {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

defineStatefulWidget<CapacityState, CapacityStrings>('capacity-planner', {
  isState: isCapacityState,
  loadView: () => import('./view.ts'),
});
