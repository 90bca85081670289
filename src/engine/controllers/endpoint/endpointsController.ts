/**
 * The endpoints controller (`endpoint-controller`, `pkg/controller/endpoint/endpoints_controller.go`):
 * keeps one core/v1 Endpoints object per selector Service, named after it, listing the selected pods'
 * IPs per port. Terminating pods leave at once (unless `publishNotReadyAddresses`); pods that are not Ready go
 * to `notReadyAddresses`. Services without a selector and ExternalName Services are left alone (their
 * Endpoints, like the apiserver-maintained `default/kubernetes`, are user-managed); when a Service is deleted
 * its Endpoints are deleted too (they carry no owner reference).
 */
import type { EndpointSubset, Endpoints, Pod, Service } from '../../api/types';
import type { ApiStatus } from '../../api/status';
import { deepEqual } from '../../shared';
import { formatMicroTimestamp } from '../../clock';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import { isPodReady, isServiceIPSet, findPort, shouldPodBeInEndpoints } from '../endpointslice/podEndpoint';
import { queueServicesOnChanges, serviceSelector } from '../endpointslice/serviceMembership';
import { TriggerTimeTracker } from '../endpointslice/triggerTimeTracker';
import { withRetryBudget } from '../endpointslice/retryBudget';
import { type AddressEntry, countAddresses, repackSubsets, truncateEndpoints } from './endpointSubsets';

const controllerName = 'endpoint-controller';
/** `maxCapacity`: addresses an Endpoints object may hold before it is truncated. */
export const maxEndpointsCapacity = 1000;
const overCapacityAnnotation = 'endpoints.kubernetes.io/over-capacity';
const triggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';
const headlessLabel = 'service.kubernetes.io/headless';

function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

function omitEmpty<T extends Record<string, string>>(m: T | undefined): T | undefined {
  return m && Object.keys(m).length > 0 ? m : undefined;
}

function withoutKey(m: Readonly<Record<string, string>> | undefined, key: string): Record<string, string> {
  const out: Record<string, string> = { ...(m ?? {}) };
  delete out[key];
  return out;
}

/** Builds the controller; registers its informer handlers on the cluster. */
export function createEndpointsController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue(controllerName);
  const tracker = new TriggerTimeTracker(ctx.caches.podTriggerTimes);
  // Events caused by this controller's own writes arrive synchronously while it writes; they need no resync.
  let writing = false;
  ctx.caches.membership.ensureIndexes();

  queueServicesOnChanges(ctx, queue);
  ctx.informer('Endpoints', {
    // someone deleted an Endpoints object: recreate it if its Service still wants one
    onDelete: (ep) => {
      if (!writing) queue.add(keyOf(ep));
    },
  });

  function write<T>(fn: () => T): T {
    writing = true;
    try {
      return fn();
    } finally {
      writing = false;
    }
  }

  /**
   * The last repack per Service: entries are built from shared, immutable address and port objects, so
   * when every entry is the same as last time the subsets are too, and the very same objects (which the
   * stored Endpoints may hold) are returned.
   */
  const lastRepack = new Map<string, { entries: AddressEntry[]; subsets: EndpointSubset[] }>();

  function sameEntries(a: readonly AddressEntry[], b: readonly AddressEntry[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (a[i].address !== b[i].address || a[i].ready !== b[i].ready || a[i].port !== b[i].port) return false;
    }
    return true;
  }

  function desiredSubsets(key: string, svc: Service, pods: readonly Pod[]): EndpointSubset[] {
    const entries: AddressEntry[] = [];
    const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
    const ports = svc.spec?.ports ?? [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
      const address = ctx.caches.endpointSubsets.endpointAddressFor(svc, pod);
      if (!address) continue;
      const ready = tolerateUnready || isPodReady(pod);
      if (ports.length === 0) {
        // a headless Service may have no ports: bare addresses
        if (svc.spec?.clusterIP === 'None') entries.push({ address, ready });
        continue;
      }
      for (const sp of ports) {
        const portNum = findPort(pod, sp);
        if (portNum === undefined) continue;
        entries.push({ address, ready, port: ctx.caches.endpointSubsets.endpointPortFor(sp, portNum) });
      }
    }
    const last = lastRepack.get(key);
    if (last && sameEntries(last.entries, entries)) return last.subsets;
    const subsets = repackSubsets(entries, ctx.caches.endpointSubsets);
    lastRepack.set(key, { entries, subsets });
    return subsets;
  }

  function syncService(key: string): string | undefined {
    const { namespace, name } = splitKey(key);
    const svc = ctx.store.get('Service', key);
    if (!svc) {
      tracker.deleteService(key);
      lastRepack.delete(key);
      if (!ctx.store.get('Endpoints', key)) return undefined;
      const res = write(() => ctx.api.delete('Endpoints', namespace, name));
      if (!res.ok && res.status.reason !== 'NotFound') return res.status.message;
      if (res.ok) ctx.log.write(controllerName, `deleted endpoints ${key}: its service is gone`, `Endpoints/${key}`);
      return undefined;
    }
    if (svc.spec?.type === 'ExternalName' || !serviceSelector(svc)) return undefined;

    const pods = ctx.caches.membership.podsForService(svc);
    // computed on every sync, even a no-op one, so the tracker's view stays current
    const triggerTime = tracker.compute(key, svc, pods);
    const subsets = desiredSubsets(key, svc, pods);

    const current = ctx.store.get('Endpoints', key);
    const svcLabels = svc.metadata?.labels ?? {};
    if (current) {
      const compareLabels = withoutKey(current.metadata?.labels, headlessLabel);
      const capacityOk = countAddresses(current.subsets ?? []) <= maxEndpointsCapacity && !current.metadata?.annotations?.[overCapacityAnnotation];
      if (deepEqual(current.subsets ?? [], subsets) && deepEqual(compareLabels, svcLabels) && capacityOk) return undefined;
    }

    const annotations: Record<string, string> = { ...(current?.metadata?.annotations ?? {}) };
    if (triggerTime !== undefined) annotations[triggerTimeAnnotation] = formatMicroTimestamp(triggerTime);
    else delete annotations[triggerTimeAnnotation];
    const truncated = truncateEndpoints(subsets, maxEndpointsCapacity);
    if (truncated) annotations[overCapacityAnnotation] = 'truncated';
    else delete annotations[overCapacityAnnotation];
    const labels: Record<string, string> = { ...svcLabels };
    if (!isServiceIPSet(svc)) labels[headlessLabel] = '';
    else delete labels[headlessLabel];
    const finalSubsets = truncated ?? subsets;

    const metadata = {
      ...(current?.metadata ?? { name, namespace }),
      labels: omitEmpty(labels),
      annotations: omitEmpty(annotations),
    };
    const next: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(finalSubsets.length ? { subsets: finalSubsets } : {}) };
    const res = write(() => (current ? ctx.api.update('Endpoints', next, { handOver: true }) : ctx.api.create('Endpoints', next, { handOver: true })));
    if (!res.ok) return reportFailure(key, next, !current, res.status);
    // an update the apiserver found to change nothing (an over-capacity object rewritten) is not news
    if (current && res.value.metadata?.resourceVersion === current.metadata?.resourceVersion) return undefined;
    const ready = finalSubsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const notReady = finalSubsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
    ctx.log.write(controllerName, `${current ? 'updated' : 'created'} endpoints ${key}: ${ready} ready, ${notReady} not ready`, `Endpoints/${key}`);
    return undefined;
  }

  function reportFailure(key: string, ep: Endpoints, creating: boolean, status: ApiStatus): string | undefined {
    // a terminating namespace refuses creates for good: drop the key, as Kubernetes does
    if (creating && status.reason === 'Forbidden' && status.message.includes('because it is being terminated')) return undefined;
    const source = { component: controllerName };
    if (creating) ctx.recorder.event(ep, 'Endpoints', source, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${key}: ${status.message}`);
    else ctx.recorder.event(ep, 'Endpoints', source, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${key}: ${status.message}`);
    return status.message;
  }

  return { name: controllerName, queue, sync: withRetryBudget(controllerName, ctx.log, syncService) };
}
