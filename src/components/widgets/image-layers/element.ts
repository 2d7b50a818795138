// <image-layers>: the eager, tiny element (state, storage, the exercise contract: ../stateful-element.ts). The
// view is imported when the widget nears the viewport; the model only on the learner's first interaction
// (view.ts).
import { type ImageLayersState, isImageLayersState } from '../../../sim/image-layers/widget-state.ts';
import { defineStatefulWidget } from '../stateful-element.ts';
import type { ImageLayersStrings } from './strings.ts';

defineStatefulWidget<ImageLayersState, ImageLayersStrings>('image-layers', {
  isState: isImageLayersState,
  loadView: () => import('./view.ts'),
});
