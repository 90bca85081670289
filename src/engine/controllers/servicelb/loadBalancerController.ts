/**
 * The load-balancer controller: the cloud-provider `service-controller` as kind runs it through
 * cloud-provider-kind (`k8s.io/cloud-provider/controllers/service/controller.go`), with MetalLB-style address
 * handing from a configured pool.
 *
 * For a `type: LoadBalancer` Service it records `EnsuringLoadBalancer`, adds the
 * `service.kubernetes.io/load-balancer-cleanup` finalizer, and after `provisionDelayMs` of virtual time takes
 * an address (the requested `loadBalancerIP` if it is in the pool and free, else the lowest free one), writes
 * `status.loadBalancer.ingress: [{ip, ipMode: VIP}]` and records `EnsuredLoadBalancer`. When the Service is
 * deleted or stops being a LoadBalancer, the address goes back (`DeletingLoadBalancer`,
 * `DeletedLoadBalancer`), the finalizer is removed and the ingress cleared. An exhausted pool leaves the
 * Service `<pending>` with MetalLB's `AllocationFailed` warning until an address frees up. Without a
 * load-balancer implementation (`loadBalancer.enabled: false`) nothing happens and EXTERNAL-IP stays `<pending>`.
 */
import type { Service } from '../../api/types';
import type { TimerHandle } from '../../clock';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import { LoadBalancerPool } from './loadBalancerPool';

const controllerName = 'service-controller';
/** `servicehelper.LoadBalancerCleanupFinalizer` */
export const loadBalancerCleanupFinalizer = 'service.kubernetes.io/load-balancer-cleanup';

interface LoadBalancerState {
  uid: string;
  /** Virtual time at which provisioning completes. */
  readyAt: number;
  timer?: TimerHandle;
  ip?: string;
  /** The spec fields the load balancer was last ensured for (`needsUpdate`). */
  fingerprint: string;
  ensured: boolean;
  /** The last attempt found no address; retried when one is released. */
  waitingForAddress: boolean;
}

/** `wantsLoadBalancer`: type LoadBalancer without a `loadBalancerClass` (another implementation's business). */
function wantsLoadBalancer(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
}

function hasFinalizer(svc: Service): boolean {
  return (svc.metadata?.finalizers ?? []).includes(loadBalancerCleanupFinalizer);
}

/** `needsCleanup`: the finalizer is there and the Service is being deleted or is no longer a LoadBalancer. */
function needsCleanup(svc: Service): boolean {
  return hasFinalizer(svc) && (!!svc.metadata?.deletionTimestamp || svc.spec?.type !== 'LoadBalancer');
}

/** What `needsUpdate` compares: a change re-ensures the load balancer. */
function fingerprint(svc: Service): string {
  const s = svc.spec ?? {};
  return JSON.stringify([
    s.ports ?? [],
    s.loadBalancerIP ?? '',
    s.loadBalancerSourceRanges ?? [],
    s.externalIPs ?? [],
    s.externalTrafficPolicy ?? '',
    s.healthCheckNodePort ?? 0,
    s.sessionAffinity ?? '',
    s.sessionAffinityConfig ?? null,
    s.ipFamilies ?? [],
    svc.metadata?.annotations ?? {},
  ]);
}

/** Builds the controller; registers its informer handlers on the cluster. */
export function createLoadBalancerController(ctx: ControllerContext): Controller {
  const queue = ctx.newQueue(controllerName);
  const lb = ctx.config.loadBalancer;
  const pool = new LoadBalancerPool(lb.poolStart, lb.poolEnd);
  const states = new Map<string, LoadBalancerState>();
  const source = { component: controllerName };

  ctx.informer('Service', {
    onAdd: (svc) => {
      if (wantsLoadBalancer(svc) || needsCleanup(svc)) queue.add(keyOf(svc));
    },
    onUpdate: (old, svc) => {
      if (wantsLoadBalancer(old) || wantsLoadBalancer(svc) || needsCleanup(svc)) queue.add(keyOf(svc));
    },
    onDelete: (svc) => {
      if (states.has(keyOf(svc))) queue.add(keyOf(svc));
    },
  });

  function release(key: string, st: LoadBalancerState): void {
    st.timer?.cancel();
    states.delete(key);
    if (!st.ip) return;
    pool.release(st.ip, key);
    // MetalLB reprocesses Services waiting for an address when one frees up
    for (const [k, other] of states) if (other.waitingForAddress) queue.add(k);
  }

  function chooseAddress(svc: Service, key: string, st: LoadBalancerState): { ip: string } | { error: string } {
    const requested = svc.spec?.loadBalancerIP;
    if (requested) {
      if (!pool.contains(requested)) return { error: `"${requested}" is not allowed in config` };
      const holder = pool.holder(requested);
      if (holder && holder !== key) return { error: `address also in use by ${holder}` };
      pool.take(requested, key);
      if (st.ip && st.ip !== requested) pool.release(st.ip, key);
      return { ip: requested };
    }
    if (st.ip) return { ip: st.ip };
    // an address already in the status (a restored cluster) is kept if it is still free
    const previous = svc.status?.loadBalancer?.ingress?.[0]?.ip;
    if (previous && pool.contains(previous) && pool.take(previous, key)) return { ip: previous };
    const ip = pool.takeNext(key);
    return ip ? { ip } : { error: 'no available IPs' };
  }

  function writeStatus(svc: Service, ingress: { ip: string; ipMode: string }[] | undefined): void {
    const current = svc.status?.loadBalancer?.ingress;
    if (deepEqual(current ?? [], ingress ?? [])) return;
    const loadBalancer = ingress ? { ingress } : {};
    const res = ctx.api.updateStatus('Service', { ...svc, status: { ...(svc.status ?? {}), loadBalancer } });
    if (!res.ok && res.status.reason !== 'NotFound') ctx.log.write(controllerName, `failed to update load balancer status: ${res.status.message}`, `Service/${keyOf(svc)}`);
  }

  function setFinalizer(svc: Service, present: boolean): Service | undefined {
    const finalizers = (svc.metadata?.finalizers ?? []).filter((f) => f !== loadBalancerCleanupFinalizer);
    if (present) finalizers.push(loadBalancerCleanupFinalizer);
    const res = ctx.api.update('Service', { ...svc, metadata: { ...svc.metadata, finalizers: finalizers.length ? finalizers : undefined } });
    return res.ok ? res.value : undefined;
  }

  function cleanup(key: string, svc: Service): void {
    const st = states.get(key);
    if (!st && !hasFinalizer(svc)) return;
    if (st) {
      ctx.recorder.event(svc, 'Service', source, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
      release(key, st);
    }
    let current: Service | undefined = svc;
    if (hasFinalizer(svc)) current = setFinalizer(svc, false);
    ctx.recorder.event(svc, 'Service', source, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
    // once the finalizer is gone a deleted Service is gone too; otherwise clear its ingress
    const live = current ? ctx.store.get('Service', key) : undefined;
    if (live) writeStatus(live, undefined);
    ctx.log.write(controllerName, `deleted load balancer of service ${key}${st?.ip ? ` (released ${st.ip})` : ''}`, `Service/${key}`);
  }

  function ensure(key: string, svc: Service): void {
    const uid = svc.metadata?.uid ?? '';
    let st = states.get(key);
    if (!st || st.uid !== uid) {
      if (st) release(key, st);
      ctx.recorder.event(svc, 'Service', source, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
      if (!hasFinalizer(svc)) setFinalizer(svc, true);
      st = { uid, readyAt: ctx.clock.now() + lb.provisionDelayMs, fingerprint: fingerprint(svc), ensured: false, waitingForAddress: false };
      // provisioning takes time: look again when it is done
      st.timer = ctx.clock.schedule(lb.provisionDelayMs, `${controllerName}:provision ${key}`, () => queue.add(key));
      states.set(key, st);
      ctx.log.write(controllerName, `provisioning a load balancer for service ${key}`, `Service/${key}`);
      return;
    }
    if (ctx.clock.now() < st.readyAt) return;
    const fp = fingerprint(svc);
    if (st.ensured && fp === st.fingerprint) return;
    if (st.ensured) ctx.recorder.event(svc, 'Service', source, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    st.fingerprint = fp;
    const choice = chooseAddress(svc, key, st);
    if ('error' in choice) {
      st.waitingForAddress = true;
      ctx.recorder.event(svc, 'Service', source, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": ${choice.error}`);
      return;
    }
    const changed = st.ip !== choice.ip;
    st.ip = choice.ip;
    st.waitingForAddress = false;
    st.ensured = true;
    ctx.recorder.event(svc, 'Service', source, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
    writeStatus(svc, [{ ip: choice.ip, ipMode: 'VIP' }]);
    if (changed) ctx.log.write(controllerName, `load balancer of service ${key} is at ${choice.ip}`, `Service/${key}`);
  }

  return {
    name: controllerName,
    queue,
    sync(key: string) {
      if (!lb.enabled) return undefined;
      const svc = ctx.store.get('Service', key);
      if (!svc) {
        // gone without the finalizer's help: just give the address back
        const st = states.get(key);
        if (st) release(key, st);
        return undefined;
      }
      // a Service being deleted without the finalizer (added too late) only gives its address back
      if (!wantsLoadBalancer(svc) || needsCleanup(svc) || svc.metadata?.deletionTimestamp) cleanup(key, svc);
      else ensure(key, svc);
      return undefined;
    },
  };
}
