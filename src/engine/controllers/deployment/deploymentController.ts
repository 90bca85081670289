/**
 * The Deployment controller (`pkg/controller/deployment/deployment_controller.go`): watches Deployments,
 * their ReplicaSets and (for Recreate) their pods, and for each Deployment decides between a status-only
 * sync (being deleted), a scale (paused, or replicas changed), a Recreate rollout or a RollingUpdate
 * rollout. The pieces live in deploymentSync.ts, rolling.ts, recreate.ts and progress.ts.
 */
import { objectKey } from '../../api/resources';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import { controllersSelecting, ensureControllerIndex, ensureSelectorIndex, getControllerOf, resolveControllerRef } from '../replicaset/controllerRef';
import { writeDeployment, syncDeploymentStatus } from './deploymentStatus';
import {
  type SyncEnv,
  claimReplicaSets,
  cleanupDeployment,
  component,
  getAllReplicaSetsAndSyncRevision,
  isScalingEvent,
  scale,
} from './deploymentSync';
import { withDeploymentDefaults } from './deploymentUtil';
import { checkPausedConditions } from './progress';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';

/** `sync`: scale and status, no rollout (paused Deployments and replica-count changes). */
function syncScale(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[]): string | undefined {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (!all.ok) return all.error;
  const { newRS, oldRSs } = all.value;
  const e = scale(env, d, newRS, oldRSs);
  if (e) return e;
  if (d.spec?.paused) {
    const c = cleanupDeployment(env, oldRSs, d);
    if (c) return c;
  }
  return syncDeploymentStatus(env, [...oldRSs, newRS], newRS, d);
}

/** `syncStatusOnly`: a Deployment being deleted only gets its status refreshed. */
function syncStatusOnly(env: SyncEnv, d: Deployment, rsList: readonly ReplicaSet[]): string | undefined {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (!all.ok) return all.error;
  return syncDeploymentStatus(env, [...all.value.oldRSs, all.value.newRS], all.value.newRS, d);
}

/** Creates the `deployment-controller`. */
export function createDeploymentController(ctx: ControllerContext): Controller {
  const { store } = ctx;
  const queue = ctx.newQueue(component);
  ensureControllerIndex(store, 'ReplicaSet');
  ensureControllerIndex(store, 'Pod');
  ensureSelectorIndex(store, 'Deployment');

  const enqueue = (d: Deployment) => queue.add(keyOf(d));
  /** Pending progress-deadline checks per Deployment, so repeated no-op syncs do not pile up timers. */
  const progressChecks = new Map<string, number>();
  const requeueAfter = (key: string, ms: number) => {
    const at = ctx.clock.now() + ms;
    const pending = progressChecks.get(key);
    if (pending !== undefined && pending <= at && pending > ctx.clock.now()) return;
    progressChecks.set(key, at);
    ctx.clock.schedule(ms, `${component}: progress check ${key}`, () => {
      if (progressChecks.get(key) === at) progressChecks.delete(key);
      queue.add(key);
    });
  };

  const deploymentFor = (rs: ReplicaSet): Deployment | undefined => resolveControllerRef(store, 'Deployment', rs);
  const deploymentsMatching = (rs: ReplicaSet): Deployment[] => controllersSelecting(store, ctx.caches.selectors, 'Deployment', rs);

  ctx.informer('Deployment', { onAdd: enqueue, onUpdate: (_o, cur) => enqueue(cur), onDelete: enqueue });

  ctx.informer('ReplicaSet', {
    onAdd: (rs) => {
      const d = deploymentFor(rs);
      if (d) return enqueue(d);
      if (!getControllerOf(rs)) for (const m of deploymentsMatching(rs)) enqueue(m);
    },
    onUpdate: (old, cur) => {
      const curRef = getControllerOf(cur);
      const oldRef = getControllerOf(old);
      if (!deepEqual(curRef, oldRef) && oldRef) {
        const d = deploymentFor(old);
        if (d) enqueue(d);
      }
      if (curRef) {
        const d = deploymentFor(cur);
        if (d) enqueue(d);
        return;
      }
      const labelsChanged = !deepEqual(old.metadata?.labels, cur.metadata?.labels);
      if (labelsChanged || !deepEqual(curRef, oldRef)) for (const m of deploymentsMatching(cur)) enqueue(m);
    },
    onDelete: (rs) => {
      const d = deploymentFor(rs);
      if (d) enqueue(d);
    },
  });

  // Recreate waits for every old pod to be gone, so the last pod's deletion must wake the Deployment.
  ctx.informer('Pod', {
    onDelete: (pod: Pod) => {
      const ref = getControllerOf(pod);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = store.get('ReplicaSet', objectKey(pod.metadata?.namespace, ref.name));
      if (!rs || rs.metadata?.uid !== ref.uid) return;
      const d = deploymentFor(rs);
      if (d && d.spec?.strategy?.type === 'Recreate') enqueue(d);
    },
  });

  const sync = (key: string): string | undefined => {
    const stored = store.get('Deployment', key);
    if (!stored) return undefined;
    const d = withDeploymentDefaults(stored);
    const env: SyncEnv = { ctx, notes: [], requeueAfter: (ms) => requeueAfter(key, ms) };
    const result = syncDeployment(env, d);
    if (env.notes.length) ctx.log.write(component, env.notes.join('; '), `Deployment/${key}`);
    return result;
  };

  const syncDeployment = (env: SyncEnv, d: Deployment): string | undefined => {
    const sel = d.spec?.selector;
    if (sel && deepEqual(sel, {})) {
      ctx.recorder.event(d, 'Deployment', { component }, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata?.generation };
        return writeDeployment(env, d);
      }
      return undefined;
    }
    const claimed = claimReplicaSets(env, d);
    if (!claimed.ok) return claimed.error;
    const rsList = claimed.value;
    if (d.metadata?.deletionTimestamp) return syncStatusOnly(env, d, rsList);
    const paused = checkPausedConditions(env, d);
    if (paused) return paused;
    if (d.spec?.paused) return syncScale(env, d, rsList);
    const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
    if (!all.ok) return all.error;
    if (isScalingEvent(d, all.value.newRS, all.value.oldRSs)) return syncScale(env, d, rsList);
    switch (d.spec?.strategy?.type) {
      case 'Recreate':
        return rolloutRecreate(env, d, rsList);
      case 'RollingUpdate':
        return rolloutRolling(env, d, rsList);
      default:
        return `unexpected deployment strategy type: ${d.spec?.strategy?.type}`;
    }
  };

  return { name: component, queue, sync };
}
