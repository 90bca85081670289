/**
 * The pure graph model: cluster mirror → React Flow nodes and edges. Node boxes hold their pods; Services sit
 * above, outside every node box (a ClusterIP lives on no machine); endpoint edges come from the
 * EndpointSlices the engine wrote, never from the UI matching selectors itself.
 */
import type { Edge, Node } from '@xyflow/react';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { ClusterMirror } from '../../state/clusterMirror';
import type { WireObject } from '../../protocol/objects';
import { type SlotTable, assignSlots } from './slots';

export const layout = {
  podWidth: 138,
  podHeight: 54,
  podGap: 10,
  boxPadding: 12,
  boxHeader: 40,
  columns: 2,
  boxGap: 28,
  serviceY: 0,
  serviceWidth: 220,
  serviceHeight: 66,
  serviceGap: 40,
  nodesY: 170,
  /** Pod rows each grid row keeps free, so boxes can grow without moving their neighbours. */
  reservedRows: 3,
} as const;

const boxWidth = layout.columns * layout.podWidth + (layout.columns - 1) * layout.podGap + 2 * layout.boxPadding;
export const unscheduledGroup = '(unscheduled)';

export type PodHighlight = 'match' | 'match-notready' | undefined;

export interface PodNodeData extends Record<string, unknown> {
  pod: WireObject;
  /** The Deployment that owns the pod through its ReplicaSet, if any. */
  deployment?: string;
  highlight?: PodHighlight;
}
export interface NodeBoxData extends Record<string, unknown> {
  node?: WireObject;
  name: string;
  podCount: number;
}
export interface ServiceNodeData extends Record<string, unknown> {
  service: WireObject;
  /** Lit because the hovered label is part of its selector. */
  highlight?: boolean;
}
export interface EndpointEdgeData extends Record<string, unknown> {
  ready: boolean;
  port?: number;
}

export interface GraphOptions {
  /** Namespaces to hide (kube-system by default: its CoreDNS pods are not the lesson). */
  hiddenNamespaces: ReadonlySet<string>;
}

export interface GraphModel {
  nodes: Node[];
  edges: Edge[];
  slots: SlotTable;
}

const defaults: GraphOptions = { hiddenNamespaces: new Set(['kube-system']) };

function kindOf(mirror: ClusterMirror, kind: string): WireObject[] {
  const out: WireObject[] = [];
  for (const [k, o] of Object.entries(mirror.objects)) if (k.startsWith(`${kind}/`)) out.push(o);
  return out.sort((a, b) => (keyName(a) < keyName(b) ? -1 : keyName(a) > keyName(b) ? 1 : 0));
}

function keyName(o: WireObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export const podId = (ns: string | undefined, name: string) => `pod:${ns ?? 'default'}/${name}`;
export const serviceId = (ns: string | undefined, name: string) => `svc:${ns ?? 'default'}/${name}`;
export const nodeId = (name: string) => `node:${name}`;
export const edgeId = (ns: string, svc: string, pod: string) => `ep:${ns}/${svc}/${pod}`;

/** Builds the graph. `previousSlots` keeps pods where they were. */
export function buildGraph(mirror: ClusterMirror, previousSlots: SlotTable, options: GraphOptions = defaults): GraphModel {
  const visible = (o: WireObject) => !options.hiddenNamespaces.has(o.metadata.namespace ?? '');
  const k8sNodes = kindOf(mirror, 'Node');
  const pods = kindOf(mirror, 'Pod').filter(visible);
  const services = kindOf(mirror, 'Service').filter(visible);
  const slices = kindOf(mirror, 'EndpointSlice').filter(visible);

  const groups = new Map<string, string[]>();
  for (const n of k8sNodes) groups.set(n.metadata.name, []);
  for (const p of pods) {
    const nodeName = ((p.spec as { nodeName?: string } | undefined)?.nodeName) || unscheduledGroup;
    if (!groups.has(nodeName)) groups.set(nodeName, []);
    groups.get(nodeName)?.push(keyName(p));
  }
  const slots = assignSlots(previousSlots, groups);

  const nodes: Node[] = [];
  const order = [...groups.keys()].sort((a, b) => rank(a, k8sNodes) - rank(b, k8sNodes) || (a < b ? -1 : a > b ? 1 : 0));
  const heights = new Map<string, number>();
  for (const group of order) {
    const groupSlots = slots.get(group) ?? new Map();
    const maxSlot = Math.max(-1, ...groupSlots.values());
    const rows = Math.max(1, Math.ceil((maxSlot + 1) / layout.columns));
    heights.set(group, layout.boxHeader + layout.boxPadding + rows * (layout.podHeight + layout.podGap));
  }
  const placed = placeBoxes(
    order.filter((g) => g !== unscheduledGroup),
    heights,
  );
  if (groups.has(unscheduledGroup)) {
    // pods bound to no machine yet: beside the grid, top-aligned, so growing downward moves nothing
    placed.positions.set(unscheduledGroup, { x: placed.width + layout.boxGap * 2, y: layout.nodesY });
  }
  for (const group of order) {
    const groupSlots = slots.get(group) ?? new Map();
    const height = heights.get(group) ?? 0;
    const k8sNode = k8sNodes.find((n) => n.metadata.name === group);
    nodes.push({
      id: nodeId(group),
      type: 'k8sNode',
      position: placed.positions.get(group) ?? { x: 0, y: layout.nodesY },
      data: { node: k8sNode, name: group, podCount: groupSlots.size } satisfies NodeBoxData,
      // explicit sizes: the minimap and fit-to-view know the boxes before React Flow measures them
      width: boxWidth,
      height,
      style: { width: boxWidth, height },
      draggable: true,
      selectable: true,
    });
  }
  const rsOwner = new Map<string, string>();
  for (const rs of kindOf(mirror, 'ReplicaSet')) {
    const d = rs.metadata.ownerReferences?.find((r) => r.kind === 'Deployment' && r.controller);
    if (d) rsOwner.set(`${rs.metadata.namespace}/${rs.metadata.name}`, d.name);
  }
  for (const p of pods) {
    const group = ((p.spec as { nodeName?: string } | undefined)?.nodeName) || unscheduledGroup;
    const rsRef = p.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet' && r.controller);
    const deployment = rsRef ? rsOwner.get(`${p.metadata.namespace}/${rsRef.name}`) : undefined;
    const slot = slots.get(group)?.get(keyName(p)) ?? 0;
    nodes.push({
      id: podId(p.metadata.namespace, p.metadata.name),
      type: 'pod',
      parentId: nodeId(group),
      extent: 'parent',
      position: {
        x: layout.boxPadding + (slot % layout.columns) * (layout.podWidth + layout.podGap),
        y: layout.boxHeader + Math.floor(slot / layout.columns) * (layout.podHeight + layout.podGap),
      },
      data: (deployment ? { pod: p, deployment } : { pod: p }) satisfies PodNodeData,
      width: layout.podWidth,
      height: layout.podHeight,
      draggable: false,
    });
  }
  const totalWidth = placed.width;
  const svcRow = services.length * (layout.serviceWidth + layout.serviceGap) - layout.serviceGap;
  const svcStart = Math.max(0, (totalWidth - svcRow) / 2);
  services.forEach((s, i) => {
    nodes.push({
      id: serviceId(s.metadata.namespace, s.metadata.name),
      type: 'service',
      position: { x: svcStart + i * (layout.serviceWidth + layout.serviceGap), y: layout.serviceY },
      data: { service: s } satisfies ServiceNodeData,
      width: layout.serviceWidth,
      height: layout.serviceHeight,
    });
  });

  const podIds = new Set(pods.map((p) => podId(p.metadata.namespace, p.metadata.name)));
  const svcNames = new Set(services.map((s) => keyName(s)));
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (const sliceObj of slices) {
    const slice = sliceObj as unknown as EndpointSlice;
    const ns = sliceObj.metadata.namespace ?? 'default';
    const svc = sliceObj.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc || !svcNames.has(`${ns}/${svc}`)) continue;
    const port = slice.ports?.[0]?.port;
    for (const ep of slice.endpoints ?? []) {
      const ref = ep.targetRef;
      if (ref?.kind !== 'Pod' || !ref.name) continue;
      const target = podId(ns, ref.name);
      if (!podIds.has(target)) continue;
      const id = edgeId(ns, svc, ref.name);
      if (seen.has(id)) continue;
      seen.add(id);
      // A terminating endpoint gets no new connections (kube-proxy only falls back to terminating endpoints when
      // nothing else is left), so its edge goes the moment the pod starts terminating; the pod shows Terminating.
      if (ep.conditions?.terminating) continue;
      const ready = ep.conditions?.ready !== false;
      edges.push({
        id,
        source: serviceId(ns, svc),
        target,
        type: 'endpoint',
        data: { ready, port } satisfies EndpointEdgeData,
        domAttributes: { 'data-ready': String(ready) } as Record<string, string>,
      } as Edge);
    }
  }
  return { nodes, edges, slots };
}

/**
 * Node boxes in a grid (two columns up to four nodes, then ⌈√n⌉), which suits a canvas taller than wide.
 * Each row is at least `reservedRows` pod rows tall, so a box growing inside that reserve moves nothing;
 * only a box outgrowing it pushes the rows below down.
 */
function placeBoxes(groups: readonly string[], heights: ReadonlyMap<string, number>): { positions: Map<string, { x: number; y: number }>; width: number } {
  const columns = groups.length <= 2 ? Math.max(1, groups.length) : groups.length <= 4 ? 2 : Math.ceil(Math.sqrt(groups.length));
  const reserved = layout.boxHeader + layout.boxPadding + layout.reservedRows * (layout.podHeight + layout.podGap);
  const positions = new Map<string, { x: number; y: number }>();
  let y: number = layout.nodesY;
  for (let row = 0; row * columns < groups.length; row++) {
    const members = groups.slice(row * columns, row * columns + columns);
    for (const [col, g] of members.entries()) positions.set(g, { x: col * (boxWidth + layout.boxGap), y });
    y += Math.max(reserved, ...members.map((g) => heights.get(g) ?? 0)) + layout.boxGap;
  }
  return { positions, width: columns * (boxWidth + layout.boxGap) - layout.boxGap };
}

function rank(group: string, k8sNodes: WireObject[]): number {
  if (group === unscheduledGroup) return 2;
  const n = k8sNodes.find((x) => x.metadata.name === group);
  return n?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? 0 : 1;
}

/** `10.96.12.34 80/TCP` style summary of a Service's address for its card; an ExternalName points at its name. */
export function serviceSummary(svc: Service): string {
  if (svc.spec?.type === 'ExternalName') return `→ ${svc.spec.externalName ?? ''}`;
  const ip = svc.spec?.clusterIP ?? '';
  const ports = (svc.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
  return `${ip}${ports ? ` ${ports}` : ''}`;
}
