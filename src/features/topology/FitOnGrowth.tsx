/**
 * Re-fits the view when the cluster's shape changes (a node, a Service or a node box appears or goes), so a
 * new element never lands off-screen; pods coming and going inside a box do not move the camera.
 */
import { type FitViewOptions, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * Fit margins: room on the right for the minimap (top-right) and on the left for the zoom controls
 * (bottom-left), so neither ever covers a node after a fit.
 */
export const fitViewOptions: FitViewOptions = { padding: { top: '24px', right: '168px', bottom: '24px', left: '56px' } };

export function FitOnGrowth({ shape }: { shape: string }) {
  const flow = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is the trigger: refit whenever it changes
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ ...fitViewOptions, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [shape, flow]);
  return null;
}
