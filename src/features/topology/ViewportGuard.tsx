/**
 * The last line behind `canvasShown`: should a camera transition still start on a canvas that is hidden a frame
 * later, d3-zoom leaves a NaN viewport, and the grid, the minimap and every node would be drawn at NaN (and the
 * canvas stay blank). A non-finite viewport is replaced at once by the fitted view, without an animation (a
 * direct transform does not divide by the canvas size).
 */
import { type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { fitViewOptions } from './FitOnGrowth';

const selectBroken = (s: ReactFlowState) => !s.transform.every(Number.isFinite);

export function ViewportGuard() {
  const broken = useStore(selectBroken);
  const flow = useReactFlow();
  useEffect(() => {
    if (!broken) return;
    void flow.setViewport({ x: 0, y: 0, zoom: 1 });
    void flow.fitView(fitViewOptions);
  }, [broken, flow]);
  return null;
}
