/**
 * Canvas highlights layered over the graph model without rebuilding it: pods matched by the selected
 * Service's selector (ready or not), Services whose selector uses the hovered label. Only the nodes whose
 * highlight changes get new objects, so React Flow re-renders just those.
 */
import type { Node } from '@xyflow/react';
import type { PodHighlight, PodNodeData, ServiceNodeData } from '../../graph/elements';

export interface Highlights {
  /** Pod node ids matched by the selected Service's selector. */
  matchedPods: ReadonlySet<string>;
  /** `key=value` under the pointer. */
  hoveredLabel: string | undefined;
  selected: string | undefined;
}

export function applyHighlights(nodes: readonly Node[], h: Highlights): Node[] {
  const [hk, hv] = h.hoveredLabel ? h.hoveredLabel.split('=') : [undefined, undefined];
  return nodes.map((n) => {
    let next = n;
    if (n.type === 'pod') {
      const d = n.data as PodNodeData;
      let hl: PodHighlight;
      if (h.matchedPods.has(n.id)) hl = d.pod.view?.podReady ? 'match' : 'match-notready';
      if (hl !== d.highlight) next = { ...n, data: { ...d, highlight: hl } };
    } else if (n.type === 'service') {
      const d = n.data as ServiceNodeData;
      const sel = (d.service.spec as { selector?: Record<string, string> } | undefined)?.selector;
      const lit = hk !== undefined && sel?.[hk] === hv;
      if (lit !== !!d.highlight) next = { ...n, data: { ...d, highlight: lit } };
    }
    if (n.id === h.selected) next = { ...next, selected: true };
    return next;
  });
}
