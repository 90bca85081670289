/**
 * Which Services select which Pods, kept cheap at scale. `k8s.io/endpointslice/util` answers
 * `GetPodServiceMemberships` by listing every Service of the namespace; here two store indexes make the cost
 * proportional to what a change affects:
 * - Pods are indexed under each `namespace/key=value` label pair;
 * - Services with a selector are indexed under one pair of their selector (the first key in sorted order):
 *   a pod can only match a selector if it carries that pair, so a pod's candidate Services are found by
 *   looking up its own label pairs, then checking the full selector.
 */
import type { Pod, Service } from '../../api/types';
import { byteCompare, keyOf, type ObjectStore } from '../../store/objectStore';
import type { ControllerContext } from '../controller';
import type { WorkQueue } from '../workQueue';
import { type LabelSelector, selectorFromSet } from '../../store/labelSelector';
import { isPodReady } from './podEndpoint';

const podLabelIndex = 'endpoints:pod-label-pair';
const serviceSelectorIndex = 'endpoints:service-selector-pair';

function pairKey(namespace: string | undefined, k: string, v: string): string {
  return `${namespace ?? 'default'}/${k}=${v}`;
}

/** The Service's selector, or undefined when it selects nothing (nil or empty: such Services are user-managed). */
export function serviceSelector(svc: Service): Readonly<Record<string, string>> | undefined {
  const sel = svc.spec?.selector;
  return sel && Object.keys(sel).length > 0 ? sel : undefined;
}

function sameStrings(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => b?.[k] === a?.[k]);
}

/**
 * `podEndpointsChanged`: whether the change can alter existing endpoints (deletion, readiness, IPs) and
 * whether it can alter which Services select the pod (labels, hostname, subdomain).
 */
function podEndpointsChanged(old: Pod, cur: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged =
    !sameStrings(old.metadata?.labels, cur.metadata?.labels) || old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain;
  if (old.metadata?.deletionTimestamp !== cur.metadata?.deletionTimestamp) return { podChanged: true, labelsChanged };
  if (isPodReady(old) !== isPodReady(cur)) return { podChanged: true, labelsChanged };
  const a = old.status?.podIPs ?? [];
  const b = cur.status?.podIPs ?? [];
  if (a.length !== b.length || a.some((p, i) => p.ip !== b[i].ip)) return { podChanged: true, labelsChanged };
  // Not in Kubernetes' list, where the kubelet writes podIP and podIPs together and phase changes come with
  // readiness changes; here they can be written separately, so they count as endpoint changes too.
  if (old.status?.podIP !== cur.status?.podIP || old.status?.phase !== cur.status?.phase) return { podChanged: true, labelsChanged };
  return { podChanged: false, labelsChanged };
}

/**
 * The membership answers of one cluster (its store), shared by the Endpoints and EndpointSlice controllers.
 * Stored objects are immutable, so what is remembered per object never goes stale.
 */
export class ServiceMembership {
  private indexed = false;
  /** A Service object's parsed selector. */
  private readonly selectorCache = new WeakMap<Service, LabelSelector>();
  /**
   * The last answer, for the same event seen by the other endpoint controller: both informers ask about
   * every pod change. Keyed by the objects and the store's resourceVersion, so it is never stale.
   */
  private lastAnswer: { rv: number; old: Pod | undefined; cur: Pod; services: ReadonlySet<string> } | undefined;
  /**
   * The last answer per Service object, with the pod table's change count it was read at: both endpoint
   * controllers ask for the same Service, usually with no pod changed in between.
   */
  private readonly lastPods = new WeakMap<Service, { podChanges: number; pods: readonly Pod[] }>();

  constructor(private readonly store: ObjectStore) {}

  /** Declares the two indexes on the store, once. */
  ensureIndexes(): void {
    if (this.indexed) return;
    this.indexed = true;
    this.store.addIndex(
      'Pod',
      podLabelIndex,
      (o) => {
        const labels = o.metadata?.labels;
        if (!labels) return [];
        return Object.keys(labels).map((k) => pairKey(o.metadata?.namespace, k, labels[k]));
      },
      ['metadata.labels', 'metadata.namespace'],
    );
    this.store.addIndex(
      'Service',
      serviceSelectorIndex,
      (o) => {
        const sel = serviceSelector(o as Service);
        if (!sel) return [];
        const first = Object.keys(sel).sort(byteCompare)[0];
        return [pairKey(o.metadata?.namespace, first, sel[first])];
      },
      ['spec.selector', 'metadata.namespace'],
    );
  }

  /** Whether the Service's selector (`labels.SelectorFromSet(spec.selector)`) matches these labels; nil selects nothing. */
  selects(svc: Service, labels: Readonly<Record<string, string>> | undefined): boolean {
    const set = serviceSelector(svc);
    if (!set) return false;
    let sel = this.selectorCache.get(svc);
    if (!sel) {
      sel = selectorFromSet(set);
      this.selectorCache.set(svc, sel);
    }
    return sel.matches(labels);
  }

  /** `GetPodServiceMemberships`: keys of the Services (in the pod's namespace) whose selector matches the pod. */
  podServiceMemberships(pod: Pod): Set<string> {
    const out = new Set<string>();
    const labels = pod.metadata?.labels;
    if (!labels) return out;
    const ns = pod.metadata?.namespace;
    for (const k of Object.keys(labels)) {
      for (const key of this.store.byIndex('Service', serviceSelectorIndex, pairKey(ns, k, labels[k]))) {
        const svc = this.store.get('Service', key);
        if (svc && this.selects(svc, labels)) out.add(key);
      }
    }
    return out;
  }

  private remembered(old: Pod | undefined, cur: Pod, compute: () => Set<string>): ReadonlySet<string> {
    const last = this.lastAnswer;
    const rv = this.store.resourceVersion;
    if (last && last.rv === rv && last.old === old && last.cur === cur) return last.services;
    const services = compute();
    this.lastAnswer = { rv, old, cur, services };
    return services;
  }

  /** {@link podServiceMemberships} for an informer event (the result is shared: do not change it). */
  podServiceMembershipsOnEvent(pod: Pod): ReadonlySet<string> {
    return this.remembered(undefined, pod, () => this.podServiceMemberships(pod));
  }

  /** {@link servicesToUpdateOnPodChange} for an informer event (the result is shared: do not change it). */
  servicesToUpdateOnPodEvent(old: Pod, cur: Pod): ReadonlySet<string> {
    return this.remembered(old, cur, () => this.servicesToUpdateOnPodChange(old, cur));
  }

  /** `GetServicesToUpdateOnPodChange`: the Services a pod update may affect. */
  servicesToUpdateOnPodChange(old: Pod, cur: Pod): Set<string> {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return new Set();
    const { podChanged, labelsChanged } = podEndpointsChanged(old, cur);
    if (!podChanged && !labelsChanged) return new Set();
    const services = this.podServiceMemberships(cur);
    if (!labelsChanged) return services;
    const oldServices = this.podServiceMemberships(old);
    if (podChanged) {
      for (const k of oldServices) services.add(k);
      return services;
    }
    // only the labels changed: the Services the pod joined or left
    const out = new Set<string>();
    for (const k of services) if (!oldServices.has(k)) out.add(k);
    for (const k of oldServices) if (!services.has(k)) out.add(k);
    return out;
  }

  /** The Pods a Service selects, in key order (the list is shared: do not change it). */
  podsForService(svc: Service): readonly Pod[] {
    const podChanges = this.store.changesOf('Pod');
    const last = this.lastPods.get(svc);
    if (last && last.podChanges === podChanges) return last.pods;
    const pods = this.selectedPods(svc);
    this.lastPods.set(svc, { podChanges, pods });
    return pods;
  }

  /** Reads the smallest index bucket of the selector's pairs. */
  private selectedPods(svc: Service): Pod[] {
    const sel = serviceSelector(svc);
    if (!sel) return [];
    const ns = svc.metadata?.namespace;
    let smallest: ReadonlySet<string> | undefined;
    let smallestPair = '';
    let pairs = 0;
    for (const k in sel) {
      pairs++;
      const pair = pairKey(ns, k, sel[k]);
      const bucket = this.store.byIndex('Pod', podLabelIndex, pair);
      if (!smallest || bucket.size < smallest.size) {
        smallest = bucket;
        smallestPair = pair;
      }
      if (bucket.size === 0) break;
    }
    if (!smallest || smallest.size === 0) return [];
    const keys = this.store.sortedKeysByIndex('Pod', podLabelIndex, smallestPair);
    // with a single pair, every pod in its bucket carries it: the selector matches them all
    const out: Pod[] = [];
    for (const key of keys) {
      const pod = this.store.get('Pod', key);
      if (pod && (pairs === 1 || this.selects(svc, pod.metadata?.labels))) out.push(pod);
    }
    return out;
  }
}

/**
 * The informer handlers both endpoint controllers share: a Service change queues that Service; a pod change
 * queues only the Services whose membership or endpoint data it can affect.
 */
export function queueServicesOnChanges(ctx: ControllerContext, queue: WorkQueue): void {
  const queueAll = (keys: Iterable<string>) => {
    for (const k of keys) queue.add(k);
  };
  ctx.informer('Service', {
    onAdd: (svc) => queue.add(keyOf(svc)),
    onUpdate: (_old, svc) => queue.add(keyOf(svc)),
    onDelete: (svc) => queue.add(keyOf(svc)),
  });
  const membership = ctx.caches.membership;
  ctx.informer('Pod', {
    onAdd: (pod) => queueAll(membership.podServiceMembershipsOnEvent(pod)),
    onUpdate: (old, pod) => queueAll(membership.servicesToUpdateOnPodEvent(old, pod)),
    onDelete: (pod) => queueAll(membership.podServiceMembershipsOnEvent(pod)),
  });
}
