/**
 * Re-fits the view when the cluster's shape changes (a node, a Service or a node box appears or goes), so a
 * new element never lands off-screen; pods coming and going inside a box do not move the camera. The fit
 * never zooms out past the legible zoom (pod names at 10 px or more, larger with Large text): a cluster too
 * big for the canvas is shown from its top-left (the Services, then the first boxes) and the rest is a pan
 * away, instead of shrinking to unreadable specks.
 */
import { type FitViewOptions, getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { layout } from '../../graph/layout';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { canvasShown } from './canvasShown';
import { useCanvasShown } from './useCanvasShown';
import { type CanvasViewport, useViewportStore } from './viewportStore';

const margin = { top: 24, right: 168, bottom: 24, left: 56 };

/** Pod names are 12 px: below this zoom they would be under 10 px on screen. */
export const legibleZoom = 10 / 12;
/** How much Large text raises the legible zoom (as it scales the rest of the UI). */
const largeTextZoom = 1.25;

/**
 * Fit margins: room on the right for the minimap (top-right) and on the left for the zoom controls
 * (bottom-left), so neither ever covers a node after a fit.
 */
const fitViewOptions: FitViewOptions = {
  padding: { top: `${margin.top}px`, right: `${margin.right}px`, bottom: `${margin.bottom}px`, left: `${margin.left}px` },
  minZoom: legibleZoom,
};

const largeTextFitViewOptions: FitViewOptions = { ...fitViewOptions, minZoom: legibleZoom * largeTextZoom };

/**
 * The fit options for the text size: every fit — this one, React Flow's own first fit (which waits for the nodes
 * to be measured and can come after this one), the NaN guard's — keeps the zoom at which names stay legible.
 */
export function fitViewOptionsFor(largeText: boolean): FitViewOptions {
  return largeText ? largeTextFitViewOptions : fitViewOptions;
}

const selectLargeText = (s: AppState) => s.largeText;
const selectPinned = (s: { pinned: CanvasViewport | undefined }) => s.pinned;
const selectCurrent = (s: { current: CanvasViewport | undefined }) => s.current;
const same = (a: CanvasViewport, b: CanvasViewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-4;
/** Re-applying a pinned viewport is bounded, in case something keeps moving the camera (it never should). */
const maxReapply = 5;

export function FitOnGrowth({ shape }: { shape: string }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const large = useAppStore(selectLargeText);
  const shown = useCanvasShown();
  const pinned = useViewportStore(selectPinned);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is the trigger: refit whenever it changes
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const state = store.getState();
      const { width, height } = state;
      // a share link's viewport stands in for the fit until the learner pans or zooms
      if (pinned) {
        if (canvasShown(state)) void flow.setViewport(pinned);
        return;
      }
      const bounds = flow.getNodesBounds(flow.getNodes());
      const options = fitViewOptionsFor(large);
      const min = options.minZoom ?? legibleZoom;
      const maxZoom = 1.5 * (large ? largeTextZoom : 1);
      const room = { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
      const fits = Math.min(room.w / bounds.width, room.h / bounds.height);
      const fitted = !(bounds.width > 0) || fits >= min;
      // too big to fit legibly: top-left at the legible zoom, centred across when it fits across
      const across = bounds.width * min <= room.w;
      const target = fitted
        ? bounds.width > 0
          ? getViewportForBounds(bounds, width, height, min, maxZoom, options.padding ?? 0.1)
          : undefined
        : { x: across ? margin.left + (room.w - bounds.width * min) / 2 - bounds.x * min : Math.min(margin.left, layout.boxGap) - bounds.x * min, y: margin.top - bounds.y * min, zoom: min };
      // the camera is already there (a box grew under a view pinned at its top-left): a 200 ms move to where it
      // stands would still re-render the flow on each of its frames, every time a Deployment's growth adds a pod
      if (target && same(flow.getViewport(), target)) return;
      // a hidden canvas (behind the scenario gallery, an inactive narrow tab) has no size to fit to: fitting
      // would compute a NaN viewport; it fits when it is shown (`shown` below). Asked only before a move: the
      // question forces a layout
      if (!canvasShown(state)) return;
      if (fitted || !target) void flow.fitView({ ...options, maxZoom, duration: 200 });
      else void flow.setViewport(target, { duration: 200 });
    });
    return () => cancelAnimationFrame(id);
  }, [shape, flow, large, store, shown, pinned]);
  // React Flow's own first fit waits until the nodes are measured, which on a canvas that was hidden comes after
  // the link's viewport was applied: a pinned viewport wins over any move the learner did not make
  const current = useViewportStore(selectCurrent);
  const reapplied = useRef({ pinned, count: 0 });
  useEffect(() => {
    if (!pinned || !current || same(current, pinned) || !canvasShown(store.getState())) return;
    if (reapplied.current.pinned !== pinned) reapplied.current = { pinned, count: 0 };
    if (reapplied.current.count++ >= maxReapply) return;
    void flow.setViewport(pinned);
  }, [pinned, current, flow, store]);
  return null;
}
