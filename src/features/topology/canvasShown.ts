/**
 * Whether the canvas is really on screen. React Flow cannot tell: its resize handler stores 500×500 when the
 * element measures 0 (a canvas behind the scenario gallery or in an inactive narrow tab; xyflow
 * packages/react/src/hooks/useResizeHandler.ts). A camera move with a duration on such a canvas divides by
 * its zero extent in d3-zoom's transition (d3/d3-zoom src/zoom.js, `schedule`) and leaves a NaN viewport
 * that the background grid and the minimap then try to draw. Every animated camera move asks this first.
 */
import type { ReactFlowState } from '@xyflow/react';

export function canvasShown(state: Pick<ReactFlowState, 'domNode'>): boolean {
  const el = state.domNode;
  return !!el && el.clientWidth > 0 && el.clientHeight > 0;
}
