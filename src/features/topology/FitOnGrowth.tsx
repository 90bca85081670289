/**
 * Re-fits the view when the cluster's shape changes (a node, a Service or a node box appears or goes), so a
 * new element never lands off-screen; pods coming and going inside a box do not move the camera.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';

export function FitOnGrowth({ shape }: { shape: string }) {
  const flow = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is the trigger: refit whenever it changes
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [shape, flow]);
  return null;
}
