/**
 * The canvas viewport as a share link needs it: the last one the canvas settled on (`current`), and one a link
 * asked for (`pinned`). A pinned viewport replaces the fit-to-view while the cluster is built (the link's
 * scenario grows the graph after the page opens) and lets go at the learner's first pan or zoom.
 */
import { create } from 'zustand';

export interface CanvasViewport {
  x: number;
  y: number;
  zoom: number;
}

interface ViewportState {
  current: CanvasViewport | undefined;
  pinned: CanvasViewport | undefined;
}

export const useViewportStore = create<ViewportState>(() => ({ current: undefined, pinned: undefined }));

/** The canvas moved: by the learner (`byUser`, which also releases a pinned viewport) or by a fit. */
export function viewportMoved(viewport: CanvasViewport, byUser: boolean): void {
  useViewportStore.setState(byUser ? { current: viewport, pinned: undefined } : { current: viewport });
}

/** A share link's viewport: shown as soon as the canvas has a size, and kept until the learner moves. */
export function pinViewport(viewport: CanvasViewport): void {
  useViewportStore.setState({ pinned: viewport, current: viewport });
}
