/**
 * A bare apiserver for tests of the generic machinery (store, watch, patch, apply): real `ApiServer` and
 * `ObjectStore`, simple stand-in strategies, so the tests pin generic behaviour, not per-kind validation.
 */
import { createPrng } from '../../shared/prng';
import { field } from '../api/fieldErrors';
import type { Kind, Namespace } from '../api/types';
import { VirtualClock } from '../clock';
import { defaultConfig } from '../config';
import { ObjectStore } from '../store/objectStore';
import { ApiServer } from './apiServer';
import type { Strategy } from './strategy';

function plain<K extends Kind>(kind: K, extra: Partial<Strategy<K>> = {}): Strategy<K> {
  return { kind, hasStatus: true, tracksGeneration: false, applyDefaults() {}, validate: () => [], validateUpdate: () => [], ...extra };
}

/**
 * Pods: graceful deletion once bound to a node (30 s or the requested period), `spec.containers[*].image`
 * required, restartPolicy defaulted, generation tracked.
 */
const podStrategy = plain('Pod', {
  tracksGeneration: true,
  applyDefaults(pod) {
    if (pod.spec && !pod.spec.restartPolicy) pod.spec.restartPolicy = 'Always';
  },
  prepareForCreate(pod) {
    (pod as { status?: unknown }).status = { phase: 'Pending' };
  },
  validate: (pod) => (pod.spec?.containers ?? []).flatMap((c, i) => (c.image ? [] : [field.required(`spec.containers[${i}].image`)])),
  validateUpdate: (pod) => (pod.spec?.containers ?? []).flatMap((c, i) => (c.image ? [] : [field.required(`spec.containers[${i}].image`)])),
  gracePeriod(pod, requested) {
    if (!pod.spec?.nodeName) return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  },
});

/**
 * Services: `type` defaults to ClusterIP, ports' protocol to TCP; a clusterIP is allocated once and kept.
 * One strategy per test apiserver, so its addresses start over.
 */
function serviceStrategy() {
  let nextIp = 10;
  return plain('Service', {
  applyDefaults(svc) {
    if (!svc.spec) return;
    svc.spec.type ??= 'ClusterIP';
    for (const p of svc.spec.ports ?? []) p.protocol ??= 'TCP';
  },
  prepareForCreate(svc) {
    if (svc.spec && !svc.spec.clusterIP) svc.spec.clusterIP = `10.96.0.${nextIp++}`;
    (svc as { status?: unknown }).status = { loadBalancer: {} };
  },
  prepareForUpdate(svc, old) {
    if (svc.spec && !svc.spec.clusterIP) svc.spec.clusterIP = old.spec?.clusterIP;
  },
});
}

/** A test apiserver with namespace `default`. */
export function newTestApiServer(opts: { freeze?: boolean } = {}): { api: ApiServer; store: ObjectStore; clock: VirtualClock } {
  const config = defaultConfig({ freezeObjects: opts.freeze ?? true });
  const store = new ObjectStore();
  const clock = new VirtualClock(config.startTime);
  const api = new ApiServer(store, clock, createPrng(7), config);
  api.register(plain('Namespace'));
  api.register(podStrategy);
  api.register(serviceStrategy());
  api.register(plain('Deployment', { tracksGeneration: true }));
  api.register(plain('Node'));
  api.register(plain('Event', { hasStatus: false }));
  const ns: Namespace = { metadata: { name: 'default' } };
  const created = api.create('Namespace', ns);
  if (!created.ok) throw new Error(created.status.message);
  return { api, store, clock };
}

/** Unwraps an ApiResult in a test, failing with the Status message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.value;
}

