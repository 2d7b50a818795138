// <vlan-switch>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts); the
// view is imported when the widget nears the viewport.
import type { VlanState } from '../../../sim/vlan-switch/model.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { VlanStrings } from './strings.ts';

function isVlanState(value: unknown): value is VlanState {
  if (typeof value !== 'object' || value === null) return false;
  const { vlans, uplink } = value as Record<string, unknown>;
  return typeof vlans === 'object' && vlans !== null && typeof uplink === 'object' && uplink !== null;
}

defineStatefulWidget<VlanState, VlanStrings>('vlan-switch', {
  isState: isVlanState,
  loadView: () => import('./view.ts'),
});
