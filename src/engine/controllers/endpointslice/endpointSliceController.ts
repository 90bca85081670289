/**
 * The EndpointSlice controller (`pkg/controller/endpointslice/endpointslice_controller.go` over the
 * `k8s.io/endpointslice` v0.34.0 reconciler). For each selector Service it keeps slices labelled
 * `kubernetes.io/service-name=<svc>` and `endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io`,
 * owned by the Service (the garbage collector removes them when the Service goes). Unlike Endpoints, slices
 * keep terminating pods, with `terminating: true`.
 */
import type { EndpointSlice, Service } from '../../api/types';
import type { ApiStatus } from '../../api/status';
import { formatMicroTimestamp } from '../../clock';
import type { Controller, ControllerContext } from '../controller';
import { type SliceDraft, planEndpointSlices, serviceControllerRef } from './endpointSliceReconciler';
import { queueServicesOnChanges, serviceSelector } from './serviceMembership';
import { labelManagedBy, labelServiceName } from './sliceEndpoints';
import { TriggerTimeTracker } from './triggerTimeTracker';
import { withRetryBudget } from './retryBudget';

const controllerName = 'endpointslice-controller';
/** The value of `endpointslice.kubernetes.io/managed-by` on the slices this controller owns. */
export const endpointSliceManagedBy = 'endpointslice-controller.k8s.io';
/** The component name on this controller's Events. */
const eventComponent = 'endpoint-slice-controller';
const triggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';
/** `endpointSliceChangeMinSyncDelay`: a slice changed by someone else is looked at again after this. */
const sliceChangeSyncDelayMs = 1000;
const sliceIndex = 'endpointslice:managed-by-service';

function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

function managedServiceKey(slice: EndpointSlice): string | undefined {
  const labels = slice.metadata?.labels;
  if (labels?.[labelManagedBy] !== endpointSliceManagedBy || !labels[labelServiceName]) return undefined;
  return `${slice.metadata?.namespace ?? 'default'}/${labels[labelServiceName]}`;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated inside brackets. */
function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** Builds the controller; registers its informer handlers on the cluster. */
export function createEndpointSliceController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue(controllerName);
  const tracker = new TriggerTimeTracker(ctx.caches.podTriggerTimes);
  let writing = false;
  ctx.caches.membership.ensureIndexes();
  ctx.store.addIndex(
    'EndpointSlice',
    sliceIndex,
    (o) => {
      const k = managedServiceKey(o as EndpointSlice);
      return k ? [k] : [];
    },
    ['metadata.labels', 'metadata.namespace'],
  );

  queueServicesOnChanges(ctx, queue);
  // Slices changed by anyone but this controller (a user, the garbage collector) are re-checked a second
  // later; the controller's own writes are expected, as its EndpointSliceTracker knows.
  const onSliceChange = (...slices: EndpointSlice[]) => {
    if (writing) return;
    for (const s of slices) {
      const k = managedServiceKey(s);
      if (k) queue.addAfter(k, sliceChangeSyncDelayMs);
    }
  };
  ctx.informer('EndpointSlice', {
    onAdd: (s) => onSliceChange(s),
    onUpdate: (old, s) => onSliceChange(old, s),
    onDelete: (s) => onSliceChange(s),
  });

  function write<T>(fn: () => T): T {
    writing = true;
    try {
      return fn();
    } finally {
      writing = false;
    }
  }

  function existingSlices(key: string): EndpointSlice[] {
    const out: EndpointSlice[] = [];
    for (const k of ctx.store.sortedKeysByIndex('EndpointSlice', sliceIndex, key)) {
      const s = ctx.store.get('EndpointSlice', k);
      // slices already being deleted are left to finish
      if (s && !s.metadata?.deletionTimestamp) out.push(s);
    }
    return out;
  }

  function toObject(svc: Service, d: SliceDraft, triggerTime: number | undefined): EndpointSlice {
    const base = d.base?.metadata;
    const annotations: Record<string, string> = { ...(base?.annotations ?? {}) };
    if (triggerTime !== undefined) annotations[triggerTimeAnnotation] = formatMicroTimestamp(triggerTime);
    else delete annotations[triggerTimeAnnotation];
    const metadata = base
      ? { ...base, labels: d.labels }
      : {
          ...(d.name ? { name: d.name } : {}),
          generateName: `${svc.metadata?.name}-`,
          namespace: svc.metadata?.namespace ?? 'default',
          labels: d.labels,
          ownerReferences: [serviceControllerRef(svc)],
        };
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { ...metadata, annotations: Object.keys(annotations).length ? annotations : undefined },
      addressType: d.addressType,
      endpoints: d.endpoints,
    };
    if (d.ports.length) slice.ports = d.ports;
    return slice;
  }

  function syncService(key: string): string | undefined {
    const { namespace } = splitKey(key);
    const svc = ctx.store.get('Service', key);
    if (!svc) {
      // the garbage collector deletes the slices through their owner reference
      tracker.deleteService(key);
      return undefined;
    }
    if (svc.spec?.type === 'ExternalName' || !serviceSelector(svc)) return undefined;

    const pods = ctx.caches.membership.podsForService(svc);
    const existing = existingSlices(key);
    const triggerTime = tracker.compute(key, svc, pods);
    const plan = planEndpointSlices({
      svc,
      pods,
      existing,
      getNode: (name) => (name ? ctx.store.get('Node', name) : undefined),
      maxEndpointsPerSlice: ctx.config.maxEndpointsPerSlice,
      controllerName: endpointSliceManagedBy,
      endpoints: ctx.caches.sliceEndpoints,
    });

    const done: string[] = [];
    const fail = (msg: string, status: ApiStatus) => `${msg}: ${status.message}`;
    // no new slices for a Service on its way out: the garbage collector would race them
    if (!svc.metadata?.deletionTimestamp) {
      for (const d of plan.create) {
        const res = write(() => ctx.api.create('EndpointSlice', toObject(svc, d, triggerTime), { handOver: true }));
        if (!res.ok) {
          if (res.status.reason === 'Forbidden' && res.status.message.includes('because it is being terminated')) return undefined;
          return report(svc, key, fail(`failed to create EndpointSlice for Service ${key}`, res.status));
        }
        done.push(`created ${res.value.metadata?.name}`);
      }
    }
    for (const d of plan.update) {
      const res = write(() => ctx.api.update('EndpointSlice', toObject(svc, d, triggerTime), { handOver: true }));
      if (!res.ok) return report(svc, key, fail(`failed to update ${d.name} EndpointSlice for Service ${key}`, res.status));
      done.push(`updated ${d.name}`);
    }
    for (const s of plan.delete) {
      const name = s.metadata?.name ?? '';
      const res = write(() => ctx.api.delete('EndpointSlice', namespace, name));
      if (!res.ok && res.status.reason !== 'NotFound') return report(svc, key, fail(`failed to delete ${name} EndpointSlice for Service ${key}`, res.status));
      done.push(`deleted ${name}`);
    }
    if (done.length) ctx.log.write(controllerName, `endpoint slices of service ${key}: ${done.join(', ')}`, `Service/${key}`);
    if (plan.errors.length) return report(svc, key, aggregate(plan.errors));
    return undefined;
  }

  function report(svc: Service, key: string, err: string): string {
    ctx.recorder.event(svc, 'Service', { component: eventComponent }, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${err}`);
    return err;
  }

  return { name: controllerName, queue, sync: withRetryBudget(controllerName, ctx.log, syncService) };
}
