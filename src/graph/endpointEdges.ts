/**
 * Service → pod edges, one per endpoint the EndpointSlices list, kept per slice and indexed by pod, so a
 * change to one slice, one pod or one Service touches only the edges that involve it. Whether kube-proxy
 * sends new connections to an endpoint is the engine's decision, carried on the slice (`proxyView`); this
 * module only draws it: solid when it does, dashed for an endpoint that is not ready (it will once it is),
 * and no edge at all for a terminating endpoint that gets no new connections (it is leaving).
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { WireObject } from '../protocol/objects';
import { type GraphEdge, edgeId, podId, serviceId } from './elements';

interface EndpointMark {
  /** kube-proxy sends new connections to it. */
  ready: boolean;
  /** Drawn at all. */
  drawn: boolean;
}

interface SliceEntry {
  /** `namespace/service`, when the slice belongs to a Service. */
  service?: string;
  port?: number;
  /** By pod name. */
  byPod: Map<string, EndpointMark>;
}

/** What the edges need to know of the rest of the graph. */
export interface EdgeContext {
  /** Service `namespace/name` is on the canvas. */
  hasService(key: string): boolean;
  /** Pod `namespace/name` is on the canvas. */
  hasPod(key: string): boolean;
  /** Counts a unit of work (an element built or an index entry visited). */
  work(): void;
}

export class EndpointEdges {
  private readonly slices = new Map<string, SliceEntry>();
  private readonly slicesByService = new Map<string, Set<string>>();
  /** `namespace/pod` → slices listing an endpoint for it. */
  private readonly slicesByPod = new Map<string, Set<string>>();
  readonly edges = new Map<string, GraphEdge>();
  /** True once an edge was added, replaced or removed since the last `takeChanged`. */
  private changed = false;

  constructor(private readonly ctx: EdgeContext) {}

  takeChanged(): boolean {
    const c = this.changed;
    this.changed = false;
    return c;
  }

  clear(): void {
    this.slices.clear();
    this.slicesByService.clear();
    this.slicesByPod.clear();
    this.edges.clear();
    this.changed = true;
  }

  /** A slice appeared or changed (`obj`) or went (`undefined`). */
  setSlice(key: string, obj: WireObject | undefined): void {
    const ns = key.slice(0, key.indexOf('/'));
    const before = this.slices.get(key);
    const after = obj ? readSlice(obj) : undefined;
    if (after) this.slices.set(key, after);
    else this.slices.delete(key);
    if (before?.service !== after?.service) {
      if (before?.service) this.slicesByService.get(before.service)?.delete(key);
      if (after?.service) index(this.slicesByService, after.service, key);
    }
    const podNames = new Set([...(before?.byPod.keys() ?? []), ...(after?.byPod.keys() ?? [])]);
    for (const pod of podNames) {
      this.ctx.work();
      const b = before?.byPod.get(pod);
      const a = after?.byPod.get(pod);
      if (!a) this.slicesByPod.get(`${ns}/${pod}`)?.delete(key);
      else if (!b) index(this.slicesByPod, `${ns}/${pod}`, key);
      const same = b && a && b.ready === a.ready && b.drawn === a.drawn && before?.port === after?.port && before?.service === after?.service;
      if (same) continue;
      if (before?.service) this.sync(before.service, pod);
      if (after?.service && after.service !== before?.service) this.sync(after.service, pod);
    }
  }

  /** A pod appeared or went: its edges follow. */
  onPod(podKey: string): void {
    const pod = splitKey(podKey)[1];
    const services = new Set<string>();
    for (const s of this.slicesByPod.get(podKey) ?? []) {
      this.ctx.work();
      const svc = this.slices.get(s)?.service;
      if (svc) services.add(svc);
    }
    for (const svc of services) this.sync(svc, pod);
  }

  /** A Service appeared or went: the edges of all its slices follow. */
  onService(serviceKey: string): void {
    const pods = new Set<string>();
    for (const s of this.slicesByService.get(serviceKey) ?? []) for (const pod of this.slices.get(s)?.byPod.keys() ?? []) pods.add(pod);
    for (const pod of pods) this.sync(serviceKey, pod);
  }

  /** Brings the one edge Service → pod in line with the slices, the Service and the pod. */
  private sync(serviceKey: string, pod: string): void {
    this.ctx.work();
    const [ns, svc] = splitKey(serviceKey);
    const podKey = `${ns}/${pod}`;
    const id = edgeId(ns, svc, pod);
    let mark: EndpointMark | undefined;
    let port: number | undefined;
    // the first slice (in key order) listing the pod decides, as when several slices list one endpoint
    const candidates = [...(this.slicesByPod.get(podKey) ?? [])].filter((k) => this.slices.get(k)?.service === serviceKey).sort();
    if (candidates.length) {
      const entry = this.slices.get(candidates[0]);
      mark = entry?.byPod.get(pod);
      port = entry?.port;
    }
    const wanted = !!mark?.drawn && this.ctx.hasService(serviceKey) && this.ctx.hasPod(podKey);
    const existing = this.edges.get(id);
    if (!wanted || !mark) {
      if (existing) {
        this.edges.delete(id);
        this.changed = true;
      }
      return;
    }
    if (existing && existing.data.ready === mark.ready && existing.data.port === port) return;
    const ready = mark.ready;
    this.edges.set(id, {
      id,
      source: serviceId(ns, svc),
      target: podId(ns, pod),
      type: 'endpoint',
      data: port === undefined ? { ready } : { ready, port },
      domAttributes: { 'data-ready': String(ready) },
    });
    this.changed = true;
  }
}

function readSlice(obj: WireObject): SliceEntry {
  const slice = obj as unknown as EndpointSlice;
  const ns = obj.metadata.namespace ?? 'default';
  const svc = obj.metadata.labels?.['kubernetes.io/service-name'];
  const byPod = new Map<string, EndpointMark>();
  (slice.endpoints ?? []).forEach((ep, i) => {
    const ref = ep.targetRef;
    if (ref?.kind !== 'Pod' || !ref.name || byPod.has(ref.name)) return;
    const ready = obj.proxyView?.newConnections[i] ?? false;
    byPod.set(ref.name, { ready, drawn: ready || !ep.conditions?.terminating });
  });
  return { service: svc ? `${ns}/${svc}` : undefined, port: slice.ports?.[0]?.port, byPod };
}

function index(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) {
    s = new Set();
    m.set(k, s);
  }
  s.add(v);
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
