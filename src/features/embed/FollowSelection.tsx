/**
 * In a small frame the canvas shows the cluster at a legible zoom, which may leave part of it a pan away. When
 * a scenario step focuses an object (it is selected), the camera moves to it if it is not already in view, so
 * the slide shows what the step talks about without the presenter panning.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import type { AppState } from '../../state/store';
import { canvasShown } from '../topology/canvasShown';
import { useAppStore } from '../../state/store';

const selectSelected = (s: AppState) => s.selected;
const selectShape = (s: AppState) => s.topology.shape;

export function FollowSelection() {
  const selected = useAppStore(selectSelected);
  // the selected pod may arrive after the selection (a step that creates it): look again when the shape changes
  const shape = useAppStore(selectShape);
  const flow = useReactFlow();
  const store = useStoreApi();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` is a trigger: the node may appear later
  useEffect(() => {
    if (!selected) return;
    // after FitOnGrowth's fit (a frame later), so this pan is the last word
    const id = window.setTimeout(() => {
      const node = flow.getInternalNode(selected);
      const state = store.getState();
      const { width, height, transform } = state;
      if (!node || !canvasShown(state)) return;
      const [x, y, zoom] = transform;
      const { x: nx, y: ny } = node.internals.positionAbsolute;
      const w = node.measured.width ?? 0;
      const h = node.measured.height ?? 0;
      const left = nx * zoom + x;
      const top = ny * zoom + y;
      const inView = left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height;
      if (!inView) void flow.setCenter(nx + w / 2, ny + h / 2, { zoom, duration: 300 });
    }, 350);
    return () => window.clearTimeout(id);
  }, [selected, shape, flow, store]);
  return null;
}
