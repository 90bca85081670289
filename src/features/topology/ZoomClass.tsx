/**
 * Marks the canvas as zoomed out when port labels would be unreadable anyway (below 60 %), and far out when
 * the background grid would be sub-pixel (below 30 %), so CSS can skip painting them while panning a large
 * cluster. One subscriber, not one per edge.
 */
import { useStore } from '@xyflow/react';
import { useEffect } from 'react';

const readableZoom = 0.6;
/** Below this the 1 px dots of the background grid are a fraction of a pixel apart: a grey wash, not a grid. */
const gridZoom = 0.3;
type Band = 'near' | 'out' | 'far';
const selectBand = (s: { transform: [number, number, number] }): Band => (s.transform[2] < gridZoom ? 'far' : s.transform[2] < readableZoom ? 'out' : 'near');

export function ZoomClass({ target }: { target: { current: HTMLElement | null } }) {
  const band = useStore(selectBand);
  useEffect(() => {
    target.current?.classList.toggle('zoomed-out', band !== 'near');
    target.current?.classList.toggle('zoomed-far', band === 'far');
  }, [band, target]);
  return null;
}
