/**
 * Whether the canvas is on screen, as React state that follows it (shown and hidden behind the scenario gallery
 * or an inactive narrow tab). A ResizeObserver reports the size after layout: a selector reading the element's
 * size on every React Flow store change forced a synchronous layout each time, hundreds of times while a
 * Deployment grows (see canvasShown.ts for why React Flow's own size cannot tell).
 */
import { type ReactFlowState, useStore } from '@xyflow/react';
import { useEffect, useState } from 'react';

const selectDomNode = (s: ReactFlowState) => s.domNode;

export function useCanvasShown(): boolean {
  const domNode = useStore(selectDomNode);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!domNode) return;
    // called once at once with the current size, then on every change
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      setShown(box.width > 0 && box.height > 0);
    });
    observer.observe(domNode);
    return () => observer.disconnect();
  }, [domNode]);
  return shown;
}
