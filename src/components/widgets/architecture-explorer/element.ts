// <architecture-explorer>: the eager, tiny element (state, storage, the widget contract: ../stateful-element.ts);
// the view is imported when the widget nears the viewport.
import type { ArchitectureState } from '../../../sim/architecture/model.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { ArchitectureStrings } from './strings.ts';

function isArchitectureState(value: unknown): value is ArchitectureState {
  if (typeof value !== 'object' || value === null) return false;
  const { instances, layer } = value as Record<string, unknown>;
  return typeof instances === 'number' && (layer === null || typeof layer === 'string');
}

defineStatefulWidget<ArchitectureState, ArchitectureStrings>('architecture-explorer', {
  isState: isArchitectureState,
  loadView: () => import('./view.ts'),
});
