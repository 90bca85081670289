/**
 * The DaemonSet controller (kubernetes/kubernetes `pkg/controller/daemon/daemon_controller.go`, `update.go`):
 * one daemon pod on every node that should run it — node selector, affinity and NoSchedule/NoExecute taints
 * against the template's tolerations plus the daemon ones — pinned to its node by required node affinity on
 * `metadata.name` so the scheduler binds it. Surplus pods and pods on nodes that no longer qualify are
 * deleted. A changed template rolls out node by node: old pods are deleted while fewer than `maxUnavailable`
 * nodes are without an available pod, and the next sync creates the new ones.
 */
import { objectKey } from '../../api/resources';
import type { DaemonSet, Node, Pod } from '../../api/types';
import { intOrPercentValue } from '../../api/validation/deployment';
import { deepEqual } from '../../shared';
import { keyOf } from '../../store/objectStore';
import type { Controller, ControllerContext } from '../controller';
import { computeHash } from '../deployment/podTemplateHash';
import { controllerUidIndex, ensureControllerIndex, getControllerOf, newControllerRef } from '../replicaset/controllerRef';
import { createPodFromTemplate, deletePodOf } from '../replicaset/podControl';
import { isPodAvailable, isPodReady } from '../replicaset/podUtil';
import { daemonPodTemplate, nodeShouldRunDaemonPod, pinToNode, revisionHashLabel } from './daemonPods';

const component = 'daemonset-controller';

function byCreation(a: Pod, b: Pod): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
}

/** The node a daemon pod is for: its binding, else the node its affinity pins it to. */
function podNode(pod: Pod): string {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const term = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
  return term?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0] ?? '';
}

/** `maxUnavailable` resolved against the desired count, rounding a percentage up. */
function maxUnavailableOf(ds: DaemonSet, desired: number): number {
  const v = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  if (typeof v === 'string' && v.endsWith('%')) return Math.ceil((intOrPercentValue(v) * desired) / 100);
  return intOrPercentValue(v);
}

/** Creates the `daemonset-controller`. */
export function createDaemonSetController(ctx: ControllerContext): Controller {
  const { store, api, clock } = ctx;
  const queue = ctx.newQueue(component);
  ensureControllerIndex(store, 'Pod');
  /** Revision hash and pod template per DaemonSet uid, for the generation they were computed at. */
  const templates = new Map<string, { generation: number; collisions: number; hash: string; template: ReturnType<typeof daemonPodTemplate> }>();
  const templateOf = (ds: DaemonSet) => {
    const uid = ds.metadata?.uid ?? '';
    const generation = ds.metadata?.generation ?? 0;
    const collisions = ds.status?.collisionCount ?? 0;
    const cached = templates.get(uid);
    if (cached && cached.generation === generation && cached.collisions === collisions) return cached;
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
    const entry = { generation, collisions, hash, template: daemonPodTemplate(ds, hash) };
    templates.set(uid, entry);
    return entry;
  };

  const enqueueAll = () => {
    for (const ds of store.list('DaemonSet')) queue.add(keyOf(ds));
  };
  const ownerKey = (pod: Pod): string | undefined => {
    const ref = getControllerOf(pod);
    return ref?.kind === 'DaemonSet' ? objectKey(pod.metadata?.namespace, ref.name) : undefined;
  };
  const onPod = (pod: Pod) => {
    const key = ownerKey(pod);
    if (key) queue.add(key);
  };

  ctx.informer('DaemonSet', { onAdd: (ds) => queue.add(keyOf(ds)), onUpdate: (_o, ds) => queue.add(keyOf(ds)), onDelete: (ds) => queue.add(keyOf(ds)) });
  ctx.informer('Pod', { onAdd: onPod, onUpdate: (_o, p) => onPod(p), onDelete: onPod });
  // `shouldIgnoreNodeUpdate`: only changes that can alter which nodes should run daemon pods matter
  ctx.informer('Node', {
    onAdd: enqueueAll,
    onUpdate: (o: Node, n: Node) => {
      if (!deepEqual(o.metadata?.labels, n.metadata?.labels) || !deepEqual(o.spec?.taints, n.spec?.taints)) enqueueAll();
    },
    onDelete: enqueueAll,
  });

  function sync(key: string): string | undefined {
    const ds = store.get('DaemonSet', key);
    if (!ds || ds.metadata?.deletionTimestamp) {
      for (const [uid] of templates) if (!store.list('DaemonSet').some((d) => d.metadata?.uid === uid)) templates.delete(uid);
      return undefined;
    }
    const uid = ds.metadata?.uid ?? '';
    const { hash, template } = templateOf(ds);
    const owned = store.listByIndex('Pod', controllerUidIndex, uid).filter((p) => getControllerOf(p)?.uid === uid);
    const byNode = new Map<string, Pod[]>();
    for (const p of owned) {
      if (p.metadata?.deletionTimestamp) continue;
      const list = byNode.get(podNode(p)) ?? [];
      list.push(p);
      byNode.set(podNode(p), list);
    }
    const nodes = store.list('Node');
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const now = clock.now();
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    const toCreate: string[] = [];
    const toDelete: Pod[] = [];
    let desired = 0;
    const eligible = new Set<string>();
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      const pods = (byNode.get(name) ?? []).filter((p) => p.status?.phase !== 'Failed').sort(byCreation);
      // failed daemon pods are deleted so a fresh one can start
      toDelete.push(...(byNode.get(name) ?? []).filter((p) => p.status?.phase === 'Failed'));
      if (nodeShouldRunDaemonPod(node, ds)) {
        eligible.add(name);
        desired++;
        if (pods.length === 0) toCreate.push(name);
        else toDelete.push(...pods.slice(1));
      } else toDelete.push(...pods);
    }
    // rolling update (update.go rollingUpdate): unavailable old pods go first, then available ones within budget
    if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const budget = maxUnavailableOf(ds, desired);
      let unavailable = 0;
      const oldAvailable: Pod[] = [];
      for (const node of nodes) {
        if (!eligible.has(node.metadata?.name ?? '')) continue;
        const pods = (byNode.get(node.metadata?.name ?? '') ?? []).filter((p) => p.status?.phase !== 'Failed');
        const available = pods.find((p) => isPodAvailable(p, minReady, now));
        if (!available) unavailable++;
        const old = pods.filter((p) => p.metadata?.labels?.[revisionHashLabel] !== hash);
        for (const p of old) {
          if (isPodAvailable(p, minReady, now)) oldAvailable.push(p);
          else if (!toDelete.includes(p)) toDelete.push(p);
        }
      }
      for (const p of oldAvailable) {
        if (unavailable >= budget) break;
        if (!toDelete.includes(p)) toDelete.push(p);
        unavailable++;
      }
    }
    for (const node of toCreate) {
      const t = { ...template, spec: { ...(template.spec ?? { containers: [] }) } };
      pinToNode(t.spec, node);
      createPodFromTemplate(ctx, component, 'DaemonSet', ds, t, ref);
    }
    for (const p of toDelete) deletePodOf(ctx, component, 'DaemonSet', ds, p);
    updateStatus(ds, hash, desired, eligible);
    return undefined;
  }

  function updateStatus(ds: DaemonSet, hash: string, desired: number, eligible: ReadonlySet<string>): void {
    const uid = ds.metadata?.uid ?? '';
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const now = clock.now();
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const p of store.listByIndex('Pod', controllerUidIndex, uid)) {
      if (getControllerOf(p)?.uid !== uid || p.metadata?.deletionTimestamp || !p.spec?.nodeName) continue;
      if (!eligible.has(p.spec.nodeName)) {
        misscheduled++;
        continue;
      }
      current++;
      if (isPodReady(p)) ready++;
      if (isPodAvailable(p, minReady, now)) available++;
      if (p.metadata?.labels?.[revisionHashLabel] === hash) updated++;
    }
    const status: NonNullable<DaemonSet['status']> = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      observedGeneration: ds.metadata?.generation,
      updatedNumberScheduled: updated,
      ...(available ? { numberAvailable: available } : {}),
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
      ...(ds.status?.collisionCount ? { collisionCount: ds.status.collisionCount } : {}),
    };
    if (deepEqual(status, ds.status)) return;
    const fresh = store.get('DaemonSet', keyOf(ds));
    if (!fresh) return;
    api.updateStatus('DaemonSet', { ...fresh, status });
  }

  return { name: component, queue, sync };
}
