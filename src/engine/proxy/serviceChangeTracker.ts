/**
 * The change tracker every node's kube-proxy reads: Services and EndpointSlices from the watch, turned into
 * Service ports and their endpoints, and the names of the Services that changed since each proxier last synced.
 * kube-proxy keeps one per process (kubernetes/kubernetes pkg/proxy/servicechangetracker.go and
 * endpointschangetracker.go); the simulation shares one across nodes because every node sees the same API
 * objects, and hands each node only the keys that changed, so a sync costs what changed.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { type EndpointInfo, endpointsForPort, type ServicePortInfo, servicePorts } from './servicePort';

/** The label that ties an EndpointSlice to its Service (discovery/v1 `LabelServiceName`). */
const serviceNameLabel = 'kubernetes.io/service-name';

/** Read-only view of what the tracker knows: what proxiers render from. */
export interface ProxyState {
  /** Every Service (`ns/name`) that has ports kube-proxy programs, in a stable order. */
  serviceNames(): string[];
  /** The programmed ports of one Service (empty when it has none or is gone). */
  portsOf(service: string): readonly ServicePortInfo[];
  /** The endpoints of one Service port, sorted by `IP:port`. */
  endpointsOf(service: string, portName: string): readonly EndpointInfo[];
}

export class ServiceChangeTracker implements ProxyState {
  private readonly services = new Map<string, ServicePortInfo[]>();
  private readonly slices = new Map<string, Map<string, EndpointSlice>>();
  /** Endpoints per Service, then per port name, computed when first read after a change. */
  private readonly endpoints = new Map<string, Map<string, readonly EndpointInfo[]>>();
  private sortedNames: string[] | undefined;
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
    for (const fn of this.listeners) fn(key);
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
