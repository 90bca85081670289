/**
 * The last line behind `canvasShown`: a camera transition asked for while the canvas was on screen can still
 * start its tween a frame later, when the scenario gallery has hidden the canvas; d3-zoom then divides by the
 * zero extent (d3/d3-zoom src/zoom.js, `schedule`) and every tick of the transition writes a NaN viewport. The
 * guard listens to React Flow's store synchronously, so a NaN viewport is replaced before React draws it:
 * a direct transform (no duration) interrupts the transition and does not divide by the canvas size. The view
 * is fitted again at once if the canvas is on screen, otherwise FitOnGrowth fits it when it is shown.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { canvasShown } from './canvasShown';
import { useAppStore } from '../../state/store';
import { fitViewOptionsFor } from './FitOnGrowth';

export function ViewportGuard() {
  const store = useStoreApi();
  const flow = useReactFlow();
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.transform.every(Number.isFinite)) return;
        void s.panZoom?.setViewport({ x: 0, y: 0, zoom: 1 });
        if (canvasShown(s)) void flow.fitView(fitViewOptionsFor(useAppStore.getState().largeText));
      }),
    [store, flow],
  );
  return null;
}
