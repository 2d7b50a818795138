// <cluster-simulator>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts);
// the view, the model and (when a chart is on screen) the charting library load later.
import type { ClusterState } from '../../../sim/cluster/params.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { ClusterStrings } from './strings.ts';

function isClusterState(value: unknown): value is ClusterState {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

defineStatefulWidget<ClusterState, ClusterStrings>('cluster-simulator', {
  isState: isClusterState,
  loadView: () => import('./view.ts'),
});
