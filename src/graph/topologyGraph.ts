/**
 * The topology graph model: cluster diffs in, React Flow nodes and edges out, updated in proportion to the
 * change. Node boxes hold their pods; Services sit above, outside every box (a ClusterIP lives on no
 * machine); endpoint edges come from the EndpointSlices the engine wrote, never from matching selectors here.
 *
 * Indexes (group → slots, ReplicaSet → pods, slice/pod/Service → edges) let a diff touch only the elements of
 * the objects it names; every other element keeps its object, so React Flow re-renders nothing else. Pods keep
 * their slot for life, so nothing jumps. `work` counts the elements built and index entries visited by the
 * last `apply`, which is what the unit tests hold to O(change).
 */
import type { ClusterDiff, KindChanges } from '../protocol/messages';
import type { WireObject } from '../protocol/objects';
import { type GraphEdge, type GraphNode, type NodeBoxData, type PodNodeData, type PodOwner, type ServiceNodeData, nodeId, podId, serviceId, unscheduledGroup } from './elements';
import { EndpointEdges } from './endpointEdges';
import { boxHeight, boxWidth, layout, placeBoxes, servicePosition, slotPosition } from './layout';
import { SlotAllocator } from './slotAllocator';

export interface GraphOptions {
  /** Namespaces to hide (kube-system and kind's local-path-storage by default: their pods are not the lesson). */
  hiddenNamespaces: ReadonlySet<string>;
}

/**
 * What the canvas draws. Arrays are new when an element changed; unchanged elements keep their objects.
 * Nothing here may be mutated (the arrays are mutable only because React Flow's props are typed so).
 */
export interface TopologyView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Node boxes and Services with their sizes: changes when the camera should refit. */
  shape: string;
  /** Pods the diffs that made this view deleted, as they were last drawn (so the canvas can fade them out). */
  left: readonly GraphNode[];
}

interface PodEntry {
  obj: WireObject;
  group: string;
  /** `namespace/replicaset` of the controlling ReplicaSet. */
  rs?: string;
  /** The controlling StatefulSet: the pod's own controller reference names it, no lookup needed. */
  statefulSet?: string;
  node?: GraphNode;
}

/** The namespaces the canvas leaves out by default (a share link's first graph leaves their objects out too). */
export const hiddenNamespaces: ReadonlySet<string> = new Set(['kube-system', 'local-path-storage']);
const defaults: GraphOptions = { hiddenNamespaces };
const noNodes: readonly GraphNode[] = [];
const emptyView: TopologyView = { nodes: [], edges: [], shape: '', left: noNodes };

export class TopologyGraph {
  private readonly k8sNodes = new Map<string, WireObject>();
  private readonly groups = new Map<string, SlotAllocator>();
  private readonly boxes = new Map<string, GraphNode>();
  private readonly pods = new Map<string, PodEntry>();
  /** Pod keys in key order: the canvas's DOM order, the same whatever order the pods arrived in. */
  private readonly podOrder: string[] = [];
  private readonly rsOwner = new Map<string, string>();
  private readonly podsByRs = new Map<string, Set<string>>();
  private readonly services = new Map<string, { obj: WireObject; node?: GraphNode }>();
  private readonly serviceOrder: string[] = [];
  private readonly edges: EndpointEdges;
  private needSlot: string[] = [];
  private boxesDirty = false;
  private servicesDirty = false;
  private nodesChanged = false;
  private gridWidth = 0;
  private left: GraphNode[] = [];
  private current: TopologyView = emptyView;
  /** Elements built and index entries visited by the last `apply`. */
  work = 0;

  constructor(private readonly options: GraphOptions = defaults) {
    this.edges = new EndpointEdges({
      hasService: (k) => this.services.has(k),
      hasPod: (k) => this.pods.has(k),
      work: () => this.work++,
    });
  }

  get view(): TopologyView {
    return this.current;
  }

  /** Applies diffs in order and returns the new view (the same view when nothing visible changed). */
  apply(diffs: readonly ClusterDiff[]): TopologyView {
    this.work = 0;
    this.left = [];
    for (const d of diffs) {
      if (d.reset) this.clear();
      const c = d.changes;
      this.each(c.Node, (o) => this.setK8sNode(o.metadata.name, o), (o) => this.setK8sNode(o.metadata.name, undefined));
      this.each(c.ReplicaSet, (o) => this.setReplicaSet(o, true), (o) => this.setReplicaSet(o, false));
      this.each(c.Pod, (o) => this.setPod(o), (o) => this.deletePod(o));
      this.each(c.Service, (o) => this.setService(o, true), (o) => this.setService(o, false));
      this.each(c.EndpointSlice, (o) => this.edges.setSlice(keyName(o), o), (o) => this.edges.setSlice(keyName(o), undefined));
    }
    this.placeNewPods();
    if (this.boxesDirty) this.layoutBoxes();
    if (this.servicesDirty) this.layoutServices();
    const edgesChanged = this.edges.takeChanged();
    if (!this.nodesChanged && !edgesChanged) return this.current;
    const nodes = this.nodesChanged ? this.assembleNodes() : this.current.nodes;
    const edges = edgesChanged ? [...this.edges.edges.values()] : this.current.edges;
    const shape = this.nodesChanged ? this.shape() : this.current.shape;
    this.nodesChanged = false;
    this.current = { nodes, edges, shape: shape === this.current.shape ? this.current.shape : shape, left: this.left.length ? this.left : noNodes };
    return this.current;
  }

  private each(c: KindChanges | undefined, set: (o: WireObject) => void, remove: (o: WireObject) => void): void {
    if (!c) return;
    const visible = (o: WireObject) => !this.options.hiddenNamespaces.has(o.metadata.namespace ?? '');
    for (const o of c.removed) if (visible(o)) remove(o);
    for (const [, to] of c.updated) if (visible(to)) set(to);
    for (const o of c.added) if (visible(o)) set(o);
  }

  private clear(): void {
    // a reset replaces the cluster: nothing fades out
    this.left = [];
    this.k8sNodes.clear();
    this.groups.clear();
    this.boxes.clear();
    this.pods.clear();
    this.podOrder.length = 0;
    this.rsOwner.clear();
    this.podsByRs.clear();
    this.services.clear();
    this.serviceOrder.length = 0;
    this.edges.clear();
    this.needSlot = [];
    this.boxesDirty = this.servicesDirty = this.nodesChanged = true;
  }

  private setK8sNode(name: string, obj: WireObject | undefined): void {
    if (obj) this.k8sNodes.set(name, obj);
    else this.k8sNodes.delete(name);
    if (obj && !this.groups.has(name)) this.groups.set(name, new SlotAllocator());
    if (!obj && this.groups.get(name)?.size === 0) this.groups.delete(name);
    this.boxesDirty = true;
  }

  private setReplicaSet(rs: WireObject, present: boolean): void {
    const key = keyName(rs);
    const owner = present ? rs.metadata.ownerReferences?.find((r) => r.kind === 'Deployment' && r.controller)?.name : undefined;
    if (owner === this.rsOwner.get(key)) return;
    if (owner) this.rsOwner.set(key, owner);
    else this.rsOwner.delete(key);
    for (const p of this.podsByRs.get(key) ?? []) {
      this.work++;
      this.buildPod(p);
    }
  }

  private setPod(pod: WireObject): void {
    const key = keyName(pod);
    const before = this.pods.get(key);
    const group = ((pod.spec as { nodeName?: string } | undefined)?.nodeName) || unscheduledGroup;
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
    const rs = controller?.kind === 'ReplicaSet' ? `${pod.metadata.namespace ?? 'default'}/${controller.name}` : undefined;
    const statefulSet = controller?.kind === 'StatefulSet' ? controller.name : undefined;
    if (before?.rs !== rs) {
      if (before?.rs) this.podsByRs.get(before.rs)?.delete(key);
      if (rs) addTo(this.podsByRs, rs, key);
    }
    const entry: PodEntry = { obj: pod, group, rs, statefulSet, node: before?.node };
    this.pods.set(key, entry);
    if (!before) this.podOrder.splice(lowerBound(this.podOrder, key), 0, key);
    if (before && before.group !== group) this.leaveGroup(key, before.group);
    if (!before || before.group !== group) this.needSlot.push(key);
    else this.buildPod(key);
    if (!before) this.edges.onPod(key);
  }

  private deletePod(pod: WireObject): void {
    const key = keyName(pod);
    const entry = this.pods.get(key);
    if (!entry) return;
    this.pods.delete(key);
    if (entry.node) this.left.push(entry.node);
    this.podOrder.splice(lowerBound(this.podOrder, key), 1);
    if (entry.rs) this.podsByRs.get(entry.rs)?.delete(key);
    this.leaveGroup(key, entry.group);
    this.nodesChanged = true;
    this.edges.onPod(key);
  }

  private leaveGroup(key: string, group: string): void {
    const slots = this.groups.get(group);
    slots?.release(key);
    if (slots?.size === 0 && !this.k8sNodes.has(group)) this.groups.delete(group);
    this.boxesDirty = true;
  }

  /** New pods (and pods that changed node) take slots in key order, so the same cluster lays out the same way. */
  private placeNewPods(): void {
    if (this.needSlot.length === 0) return;
    const keys = [...new Set(this.needSlot)].sort();
    this.needSlot = [];
    for (const key of keys) {
      const entry = this.pods.get(key);
      if (!entry) continue;
      let slots = this.groups.get(entry.group);
      if (!slots) {
        slots = new SlotAllocator();
        this.groups.set(entry.group, slots);
      }
      slots.take(key);
      this.buildPod(key);
    }
    this.boxesDirty = true;
  }

  private buildPod(key: string): void {
    const entry = this.pods.get(key);
    const slot = entry && this.groups.get(entry.group)?.slotOf(key);
    if (!entry || slot === undefined) return;
    this.work++;
    const p = entry.obj;
    const owner = this.ownerOf(entry);
    const old = entry.node;
    const position = slotPosition(slot);
    const parentId = nodeId(entry.group);
    const oldData = old?.data as PodNodeData | undefined;
    const sameOwner = oldData?.owner?.kind === owner?.kind && oldData?.owner?.name === owner?.name;
    if (old && oldData?.pod === p && sameOwner && old.parentId === parentId && old.position.x === position.x && old.position.y === position.y) return;
    entry.node = {
      id: podId(p.metadata.namespace, p.metadata.name),
      type: 'pod',
      parentId,
      extent: 'parent',
      position,
      data: (owner ? { pod: p, owner } : { pod: p }) satisfies PodNodeData,
      width: layout.podWidth,
      height: layout.podHeight,
      draggable: false,
    };
    this.nodesChanged = true;
  }

  /** The workload a pod's card links to: a ReplicaSet's Deployment (once that ReplicaSet is known), or its StatefulSet. */
  private ownerOf(entry: PodEntry): PodOwner | undefined {
    const deployment = entry.rs ? this.rsOwner.get(entry.rs) : undefined;
    if (deployment) return { kind: 'Deployment', name: deployment };
    return entry.statefulSet ? { kind: 'StatefulSet', name: entry.statefulSet } : undefined;
  }

  private setService(svc: WireObject, present: boolean): void {
    const key = keyName(svc);
    const before = this.services.get(key);
    if (present) this.services.set(key, { obj: svc, node: before?.node });
    else this.services.delete(key);
    if (!before || !present) {
      this.servicesDirty = true;
      this.edges.onService(key);
    } else this.buildService(key, this.serviceOrder.indexOf(key));
  }

  private buildService(key: string, i: number): void {
    const entry = this.services.get(key);
    if (!entry) return;
    this.work++;
    const position = servicePosition(i, this.serviceOrder.length, this.gridWidth);
    const old = entry.node;
    if (old && (old.data as ServiceNodeData).service === entry.obj && old.position.x === position.x && old.position.y === position.y) return;
    entry.node = {
      id: serviceId(entry.obj.metadata.namespace, entry.obj.metadata.name),
      type: 'service',
      position,
      data: { service: entry.obj } satisfies ServiceNodeData,
      width: layout.serviceWidth,
      height: layout.serviceHeight,
    };
    this.nodesChanged = true;
  }

  private layoutServices(): void {
    this.servicesDirty = false;
    this.serviceOrder.splice(0, this.serviceOrder.length, ...[...this.services.keys()].sort());
    for (const [i, key] of this.serviceOrder.entries()) this.buildService(key, i);
    this.nodesChanged = true;
  }

  /** Box positions depend on every box's height and on the set of boxes: O(nodes), never O(pods). */
  private layoutBoxes(): void {
    this.boxesDirty = false;
    const order = [...this.groups.keys()].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const heights = new Map(order.map((g) => [g, boxHeight(this.groups.get(g)?.maxSlot ?? -1)]));
    const placed = placeBoxes(order.filter((g) => g !== unscheduledGroup), heights);
    // pods bound to no machine yet: beside the grid, top-aligned, so growing downward moves nothing
    if (this.groups.has(unscheduledGroup)) placed.positions.set(unscheduledGroup, { x: placed.width + layout.boxGap * 2, y: layout.nodesY });
    for (const g of this.boxes.keys()) if (!this.groups.has(g)) this.boxes.delete(g);
    const boxes = new Map<string, GraphNode>();
    for (const g of order) {
      this.work++;
      const position = placed.positions.get(g) ?? { x: 0, y: layout.nodesY };
      const height = heights.get(g) ?? 0;
      const data: NodeBoxData = { node: this.k8sNodes.get(g), name: g, podCount: this.groups.get(g)?.size ?? 0 };
      const old = this.boxes.get(g);
      const od = old?.data as NodeBoxData | undefined;
      const same = old && od && od.node === data.node && od.podCount === data.podCount && old.height === height && old.position.x === position.x && old.position.y === position.y;
      // explicit sizes: the minimap and fit-to-view know the boxes before React Flow measures them
      boxes.set(g, same ? old : { id: nodeId(g), type: 'k8sNode', position, data, width: boxWidth, height, style: { width: boxWidth, height }, draggable: true, selectable: true });
    }
    const orderChanged = [...boxes.keys()].join('\n') !== [...this.boxes.keys()].join('\n');
    if (orderChanged || [...boxes].some(([g, n]) => this.boxes.get(g) !== n)) this.nodesChanged = true;
    this.boxes.clear();
    for (const [g, n] of boxes) this.boxes.set(g, n);
    if (placed.width !== this.gridWidth) {
      this.gridWidth = placed.width;
      this.layoutServices();
    }
  }

  private rank(group: string): number {
    if (group === unscheduledGroup) return 2;
    return this.k8sNodes.get(group)?.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? 0 : 1;
  }

  /** Boxes first (React Flow wants a parent before its children), then pods, then Services. */
  private assembleNodes(): GraphNode[] {
    const out: GraphNode[] = [...this.boxes.values()];
    for (const key of this.podOrder) {
      const n = this.pods.get(key)?.node;
      if (n) out.push(n);
    }
    for (const key of this.serviceOrder) {
      const n = this.services.get(key)?.node;
      if (n) out.push(n);
    }
    return out;
  }

  private shape(): string {
    const parts: string[] = [];
    for (const b of this.boxes.values()) parts.push(`${b.id}:${b.height}`);
    for (const key of this.serviceOrder) parts.push(`${serviceId(...splitKey(key))}:${layout.serviceHeight}`);
    return parts.join('|');
  }
}

function keyName(o: WireObject): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Where `key` is or would go in the sorted `keys` (a binary search: O(log n)). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) {
    s = new Set();
    m.set(k, s);
  }
  s.add(v);
}
