/** A click on a group card zooms in on it, just past the zoom where its pods are drawn one by one. */
import type { Node, ReactFlowInstance } from '@xyflow/react';
import { ownersBelowZoom } from '../../graph/levelOfDetail';

export function zoomIntoGroup(flow: ReactFlowInstance, card: Node): void {
  const at = flow.getInternalNode(card.id)?.internals.positionAbsolute ?? card.position;
  const zoom = Math.max(flow.getZoom() * 2, ownersBelowZoom * 1.6);
  void flow.setCenter(at.x + (card.width ?? 0) / 2, at.y + Math.min(card.height ?? 0, 400) / 2, { zoom, duration: 300 });
}
