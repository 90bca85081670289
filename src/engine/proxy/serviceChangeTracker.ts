/**
 * The change tracker every node's kube-proxy reads: Services and EndpointSlices from the watch, turned into
 * Service ports and their endpoints, and the names of the Services that changed since each proxier last synced.
 * kube-proxy keeps one per process (kubernetes/kubernetes pkg/proxy/servicechangetracker.go and
 * endpointschangetracker.go); the simulation shares one across nodes because every node sees the same API
 * objects, and hands each node only the keys that changed, so a sync costs what changed.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { ChainNameCache } from './iptables/serviceRules';
import { type EndpointInfo, endpointsForPort, type ServicePortInfo, servicePorts } from './servicePort';

/** The label that ties an EndpointSlice to its Service (discovery/v1 `LabelServiceName`). */
const serviceNameLabel = 'kubernetes.io/service-name';

/**
 * What a sync saw of one Service: its ports and the EndpointSlices it had at that instant. Immutable: a later
 * change makes a new snapshot, so a proxier can keep the ones its last sync saw and render them when its rules
 * are read, and every node that synced the same change shares one snapshot and what is derived from it.
 */
export class ServiceSnapshot {
  private readonly byPort = new Map<string, readonly EndpointInfo[]>();
  /**
   * Models derived from this snapshot (a mode's rules for one kind of node), keyed by what else they depend
   * on: nodes whose inputs are identical render a Service once.
   */
  readonly derived = new Map<string, unknown>();

  constructor(
    readonly key: string,
    readonly ports: readonly ServicePortInfo[],
    private readonly slices: readonly EndpointSlice[],
  ) {}

  /** The endpoints of one port, sorted by `IP:port` (computed when first read). */
  endpointsOf(portName: string): readonly EndpointInfo[] {
    let eps = this.byPort.get(portName);
    if (!eps) {
      eps = endpointsForPort(this.slices, portName);
      this.byPort.set(portName, eps);
    }
    return eps;
  }

  /** A model derived from this snapshot, built once per `key` by `build`. */
  derive<T>(key: string, build: () => T): T {
    let v = this.derived.get(key) as T | undefined;
    if (v === undefined) {
      v = build();
      this.derived.set(key, v);
    }
    return v;
  }
}

/** Read-only view of what the tracker knows: what proxiers render from. */
export interface ProxyState {
  /** What a sync now sees of one Service; undefined when it has no programmed ports (or is gone). */
  snapshot(service: string): ServiceSnapshot | undefined;
  /** iptables chain names already hashed, shared by every node (the hashes are most of a full sync's cost). */
  readonly chainNames?: ChainNameCache;
  /** Every Service (`ns/name`) that has ports kube-proxy programs, in a stable order. */
  serviceNames(): string[];
  /** The programmed ports of one Service (empty when it has none or is gone). */
  portsOf(service: string): readonly ServicePortInfo[];
  /** The endpoints of one Service port, sorted by `IP:port`. */
  endpointsOf(service: string, portName: string): readonly EndpointInfo[];
}

export class ServiceChangeTracker implements ProxyState {
  readonly chainNames = new ChainNameCache();
  private readonly services = new Map<string, ServicePortInfo[]>();
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  /** Endpoints per Service, then per port name, computed when first read after a change. */
  private readonly endpoints = new Map<string, Map<string, readonly EndpointInfo[]>>();
  private sortedNames: string[] | undefined;
  /** The current snapshot per Service, made when a proxier first syncs it after a change. */
  private readonly snapshots = new Map<string, ServiceSnapshot>();
  private readonly listeners: ((service: string) => void)[] = [];

  /** Calls `fn` with the `ns/name` of every Service whose ports or endpoints change. */
  onChange(fn: (service: string) => void): void {
    this.listeners.push(fn);
  }

  onServiceChange(svc: Service, deleted = false): void {
    const key = `${svc.metadata?.namespace ?? 'default'}/${svc.metadata?.name ?? ''}`;
    const ports = deleted ? [] : servicePorts(svc);
    const before = this.services.get(key);
    if (ports.length === 0) {
      if (!before) return;
      this.services.delete(key);
    } else {
      if (before && JSON.stringify(before) === JSON.stringify(ports)) return;
      this.services.set(key, ports);
    }
    if (!before || ports.length === 0) this.sortedNames = undefined;
    this.changed(key);
  }

  onSliceChange(slice: EndpointSlice, deleted = false): void {
    const svc = slice.metadata?.labels?.[serviceNameLabel];
    if (!svc) return;
    const key = `${slice.metadata?.namespace ?? 'default'}/${svc}`;
    let bySlice = this.slices.get(key);
    if (!bySlice) {
      if (deleted) return;
      bySlice = new Map();
      this.slices.set(key, bySlice);
    }
    if (deleted) bySlice.delete(slice.metadata?.name ?? '');
    else bySlice.set(slice.metadata?.name ?? '', slice);
    if (bySlice.size === 0) this.slices.delete(key);
    this.changed(key);
  }

  private changed(key: string): void {
    this.endpoints.delete(key);
    this.snapshots.delete(key);
    for (const fn of this.listeners) fn(key);
  }

  snapshot(service: string): ServiceSnapshot | undefined {
    let snap = this.snapshots.get(service);
    if (!snap) {
      const ports = this.services.get(service);
      if (!ports) return undefined;
      snap = new ServiceSnapshot(service, ports, [...(this.slices.get(service)?.values() ?? [])]);
      this.snapshots.set(service, snap);
    }
    return snap;
  }

  serviceNames(): string[] {
    this.sortedNames ??= [...this.services.keys()].sort();
    return this.sortedNames;
  }

  portsOf(service: string): readonly ServicePortInfo[] {
    return this.services.get(service) ?? [];
  }

  endpointsOf(service: string, portName: string): readonly EndpointInfo[] {
    let byPort = this.endpoints.get(service);
    if (!byPort) {
      byPort = new Map();
      this.endpoints.set(service, byPort);
    }
    let eps = byPort.get(portName);
    if (!eps) {
      eps = endpointsForPort(this.slices.get(service)?.values() ?? [], portName);
      byPort.set(portName, eps);
    }
    return eps;
  }
}
