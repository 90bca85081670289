/**
 * Level of detail for the topology canvas: below a zoom where a pod card's text is unreadable anyway, the
 * pods of one owner on one node collapse into one card ("big: 312 pods, 300 Ready") and their endpoint edges
 * into one edge per Service; zoomed in, every pod is its own card again. Framework-free, like the graph
 * model it reads: React Flow draws what this returns.
 *
 * Incremental: each node box's cards are rebuilt only when one of its pod elements (or the box) is a new
 * object; other boxes keep their card objects, so React Flow re-renders nothing of theirs. `work` counts the
 * pods grouped by the last `view`, which the unit tests hold to O(change).
 */
import { type EndpointEdgeData, type PodNodeData, type XY, nodeId } from './elements';
import { boxWidth, layout } from './layout';

/** `pods`: every pod drawn; `owners`: pods grouped per owner and per node. */
export type Detail = 'pods' | 'owners';

/**
 * Below this zoom a pod card's 12 px name is under 4 px on screen: a grey line, not text. Grouping then
 * loses nothing the user could read and draws a few cards instead of hundreds.
 */
export const ownersBelowZoom = 0.35;

export function detailForZoom(zoom: number): Detail {
  return zoom < ownersBelowZoom ? 'owners' : 'pods';
}

/** The node and edge shapes this module reads: React Flow's `Node` and `Edge` fit them. */
export interface LodNode {
  id: string;
  type?: string;
  position: XY;
  data: Record<string, unknown>;
  parentId?: string;
  width?: number;
  height?: number;
  className?: string;
  selected?: boolean;
}
export interface LodEdge {
  id: string;
  source: string;
  target: string;
  type?: string;
  data?: Record<string, unknown>;
}

export interface PodGroupData extends Record<string, unknown> {
  namespace: string;
  /** The owner's kind as the pods' controller reference names it (Deployment through its ReplicaSet, StatefulSet). */
  ownerKind: string;
  owner: string;
  /** The Kubernetes node the pods run on (or the unscheduled group). */
  node: string;
  pods: number;
  ready: number;
  /** Pod node ids in the group, so a click can tell which pods it stands for. */
  podIds: readonly string[];
}

export interface PodGroupEdgeData extends EndpointEdgeData {
  /** Endpoints the edge stands for. */
  endpoints: number;
}

/** Totals over the whole graph whatever is drawn, so tests and benchmarks need not count DOM cards. */
export interface LodSummary {
  pods: number;
  readyPods: number;
  readyEndpoints: number;
}

export interface LodView<N extends LodNode, E extends LodEdge> {
  nodes: (N | LodNode)[];
  edges: (E | LodEdge)[];
  summary: LodSummary;
}

interface BoxCards {
  box: LodNode;
  pods: LodNode[];
  /** The elements drawn for the box's pods: group cards and single pods. */
  out: LodNode[];
  /** Pod id → the id of the card it is grouped into (single pods are absent). */
  cardOf: Map<string, string>;
}

export const podGroupId = (namespace: string, ownerKind: string, owner: string, node: string) => `group:${namespace}/${ownerKind}/${owner}@${node}`;
export const podGroupEdgeId = (serviceNodeId: string, groupId: string) => `epgroup:${serviceNodeId.slice('svc:'.length)}>${groupId}`;

export class LevelOfDetail {
  private readonly boxes = new Map<string, BoxCards>();
  private readonly groupEdges = new Map<string, LodEdge>();
  private last?: { nodes: readonly LodNode[]; edges: readonly LodEdge[]; detail: Detail; view: LodView<LodNode, LodEdge> };
  /** Pods grouped by the last `view` (0 when nothing changed). */
  work = 0;

  /** The elements to draw at `detail`; the same view object when nothing changed since the last call. */
  view<N extends LodNode, E extends LodEdge>(nodes: readonly N[], edges: readonly E[], detail: Detail): LodView<N, E> {
    this.work = 0;
    const last = this.last;
    if (last && last.nodes === nodes && last.edges === edges && last.detail === detail) return last.view as LodView<N, E>;
    const summary = summarize(nodes, edges);
    // at pod detail the graph is drawn as it is: the caller's arrays, not copies (React Flow compares them)
    const view: LodView<LodNode, LodEdge> = detail === 'pods' ? { nodes: nodes as unknown as LodNode[], edges: edges as unknown as LodEdge[], summary } : this.group(nodes, edges, summary);
    this.last = { nodes, edges, detail, view };
    return view as LodView<N, E>;
  }

  private group(nodes: readonly LodNode[], edges: readonly LodEdge[], summary: LodSummary): LodView<LodNode, LodEdge> {
    const boxes: LodNode[] = [];
    const podsOf = new Map<string, LodNode[]>();
    const rest: LodNode[] = [];
    for (const n of nodes) {
      if (n.type === 'k8sNode') boxes.push(n);
      else if (n.type === 'pod' && n.parentId) {
        // a deleted pod fading out is not counted in any group
        if (n.className === 'leaving') continue;
        pushTo(podsOf, n.parentId, n);
      } else rest.push(n);
    }
    const out: LodNode[] = [...boxes];
    const cardOf = new Map<string, string>();
    const seen = new Set<string>();
    for (const box of boxes) {
      seen.add(box.id);
      const cards = this.boxCards(box, podsOf.get(box.id) ?? []);
      out.push(...cards.out);
      for (const [pod, card] of cards.cardOf) cardOf.set(pod, card);
    }
    for (const id of this.boxes.keys()) if (!seen.has(id)) this.boxes.delete(id);
    out.push(...rest);
    return { nodes: out, edges: this.groupEdgesFor(edges, cardOf), summary };
  }

  private boxCards(box: LodNode, pods: LodNode[]): BoxCards {
    const before = this.boxes.get(box.id);
    if (before && before.box === box && sameElements(before.pods, pods)) return before;
    this.work += pods.length;
    const next = buildBoxCards(box, pods, before);
    this.boxes.set(box.id, next);
    return next;
  }

  /** Edges to grouped pods merge into one edge per Service and card; edges to single pods stay as they are. */
  private groupEdgesFor(edges: readonly LodEdge[], cardOf: ReadonlyMap<string, string>): LodEdge[] {
    const out: LodEdge[] = [];
    const merged = new Map<string, { source: string; target: string; endpoints: number; ready: boolean; port?: number }>();
    for (const e of edges) {
      const card = cardOf.get(e.target);
      if (!card) {
        out.push(e);
        continue;
      }
      const id = podGroupEdgeId(e.source, card);
      const d = e.data as EndpointEdgeData | undefined;
      const m = merged.get(id);
      if (m) {
        m.endpoints++;
        m.ready ||= d?.ready ?? true;
      } else merged.set(id, { source: e.source, target: card, endpoints: 1, ready: d?.ready ?? true, port: d?.port });
    }
    const kept = new Map<string, LodEdge>();
    for (const [id, m] of merged) {
      const old = this.groupEdges.get(id);
      const od = old?.data as PodGroupEdgeData | undefined;
      const edge =
        old && od?.endpoints === m.endpoints && od.ready === m.ready && od.port === m.port
          ? old
          : {
              id,
              source: m.source,
              target: m.target,
              type: 'endpoint',
              data: { ready: m.ready, port: m.port, endpoints: m.endpoints } satisfies PodGroupEdgeData,
              domAttributes: { 'data-ready': String(m.ready), 'data-endpoints': String(m.endpoints) },
            };
      kept.set(id, edge);
      out.push(edge);
    }
    this.groupEdges.clear();
    for (const [id, e] of kept) this.groupEdges.set(id, e);
    return out;
  }
}

/**
 * One box's pods: owners with two or more pods there become one full-width card each, stacked from the top
 * and sharing the height the pods would take; a pod alone of its owner stays a pod card, in the two-column
 * slots below. Both fit in the box as the pods did, so nothing outside it moves.
 */
function buildBoxCards(box: LodNode, pods: readonly LodNode[], before: BoxCards | undefined): BoxCards {
  const byOwner = new Map<string, LodNode[]>();
  for (const p of pods) {
    pushTo(byOwner, ownerKey(p), p);
  }
  const groups = [...byOwner.entries()].filter(([, ps]) => ps.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const singles = [...byOwner.values()].filter((ps) => ps.length === 1).map((ps) => ps[0]);
  const row = layout.podHeight + layout.podGap;
  const available = (box.height ?? 0) - layout.boxHeader - layout.boxPadding;
  const singleRows = Math.ceil(singles.length / layout.columns);
  const cardHeight = Math.max(layout.podHeight, (available - singleRows * row) / Math.max(1, groups.length) - layout.podGap);
  const width = boxWidth - 2 * layout.boxPadding;
  const node = box.id.slice(nodeId('').length);
  const oldCards = new Map((before?.out ?? []).map((n) => [n.id, n]));
  const out: LodNode[] = [];
  const cardOf = new Map<string, string>();
  let y: number = layout.boxHeader;
  for (const [key, ps] of groups) {
    const [namespace, ownerKind, owner] = splitOwner(key);
    const id = podGroupId(namespace, ownerKind, owner, node);
    const ready = ps.filter((p) => (p.data as PodNodeData).pod.view?.podReady).length;
    const position = { x: layout.boxPadding, y };
    const old = oldCards.get(id);
    const od = old?.data as PodGroupData | undefined;
    const same = old && od && od.pods === ps.length && od.ready === ready && old.position.y === y && old.height === cardHeight && sameElements(od.podIds, ps.map((p) => p.id));
    out.push(
      same
        ? old
        : {
            id,
            type: 'podGroup',
            parentId: box.id,
            position,
            width,
            height: cardHeight,
            data: { namespace, ownerKind, owner, node, pods: ps.length, ready, podIds: ps.map((p) => p.id) } satisfies PodGroupData,
          },
    );
    for (const p of ps) cardOf.set(p.id, id);
    y += cardHeight + layout.podGap;
  }
  for (const [i, p] of singles.entries()) {
    const x = layout.boxPadding + (i % layout.columns) * (layout.podWidth + layout.podGap);
    const py = y + Math.floor(i / layout.columns) * row;
    out.push(p.position.x === x && p.position.y === py ? p : { ...p, position: { x, y: py } });
  }
  return { box, pods: [...pods], out, cardOf };
}

/** `namespace\0kind\0name` of the pod's owner: the workload its card names (a Deployment, a StatefulSet) or its controller. */
function ownerKey(p: LodNode): string {
  const d = p.data as PodNodeData;
  const ns = d.pod.metadata.namespace ?? 'default';
  if (d.owner) return `${ns}\0${d.owner.kind}\0${d.owner.name}`;
  const ref = d.pod.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ns}\0${ref.kind}\0${ref.name}` : `${ns}\0Pod\0${d.pod.metadata.name}`;
}

function splitOwner(key: string): [string, string, string] {
  const [ns, kind, name] = key.split('\0');
  return [ns, kind, name];
}

function summarize(nodes: readonly LodNode[], edges: readonly LodEdge[]): LodSummary {
  let pods = 0;
  let readyPods = 0;
  let readyEndpoints = 0;
  for (const n of nodes) {
    if (n.type !== 'pod' || n.className === 'leaving') continue;
    pods++;
    if ((n.data as PodNodeData).pod.view?.podReady) readyPods++;
  }
  for (const e of edges) if ((e.data as EndpointEdgeData | undefined)?.ready) readyEndpoints++;
  return { pods, readyPods, readyEndpoints };
}

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function pushTo<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}
