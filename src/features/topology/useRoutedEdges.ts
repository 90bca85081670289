/**
 * Gives each endpoint edge its route (src/graph/edgeRouting) for the nodes as placed now, dragged boxes
 * included. An edge keeps its object while its route is unchanged, so React Flow re-renders only the edges
 * whose path moved.
 */
import type { Node } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import type { GraphEdge, XY } from '../../graph/elements';
import { sceneOf } from '../../graph/edgeRouting';
import { RouteCache } from '../../graph/routeCache';

/** `unlabelled`: another edge of the same Service and port draws the label (they would all sit on one spot). */
export type RoutedEdge = GraphEdge & { data: GraphEdge['data'] & { points?: XY[]; unlabelled?: boolean } };

const samePoints = (a: readonly XY[] | undefined, b: readonly XY[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y));

export function useRoutedEdges(nodes: Node[], edges: GraphEdge[]): RoutedEdge[] {
  const previous = useRef(new Map<string, { from: GraphEdge; out: RoutedEdge }>());
  // routes kept from batch to batch: a batch re-routes the edges whose ends or obstacles it moved
  const [cache] = useState(() => new RouteCache());
  return useMemo(() => {
    const routes = cache.route(sceneOf(nodes), edges);
    const next = new Map<string, { from: GraphEdge; out: RoutedEdge }>();
    // every route of a Service leaves it at the same point, where its port label sits: one label per Service
    // and port, not a stack of a thousand identical ones (each its own element on every frame)
    const labelled = new Set<string>();
    const out = edges.map((e) => {
      const points = routes.get(e.id);
      const labelKey = `${e.source}:${e.data.port}`;
      const unlabelled = points !== undefined && labelled.has(labelKey);
      if (points) labelled.add(labelKey);
      const before = previous.current.get(e.id);
      const routed =
        before && before.from === e && samePoints(before.out.data.points, points) && !!before.out.data.unlabelled === unlabelled
          ? before.out
          : { ...e, data: unlabelled ? { ...e.data, points, unlabelled } : { ...e.data, points } };
      next.set(e.id, { from: e, out: routed });
      return routed;
    });
    previous.current = next;
    return out;
  }, [nodes, edges, cache]);
}
