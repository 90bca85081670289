/**
 * How kubectl picks one pod for an object (kubectl `pkg/polymorphichelpers/helpers.go` SelectorsForObject,
 * GetFirstPod/GetPodList, `pkg/util/podutils` ActivePods and ByLogging): the object's pod selector, the pods it
 * lists sorted by the verb's preference, and a wait (virtual time) for the first pod when there is none yet.
 */
import type { KubeObject } from '../../engine';
import type { DaemonSet, Deployment, Pod, ReplicaSet, Service, StatefulSet } from '../../engine/api/types';
import type { CommandEnv } from '../cli/command';
import { CommandError, fail } from '../cli/errors';
import { goSort } from '../../shared/goSort';
import { selectorString } from '../printers/labels';

/** `%T` of the typed object kubectl decoded (every kind served here is a v1 type). */
export function goTypeOf(kind: string): string {
  return `*v1.${kind}`;
}

/** `SelectorsForObject`: namespace and label selector of the pods an object runs or selects. */
export function selectorForObject(obj: KubeObject, kind: string): { namespace: string; selector: string } {
  const namespace = obj.metadata?.namespace ?? 'default';
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'DaemonSet' || kind === 'StatefulSet') {
    return { namespace, selector: selectorString((obj as Deployment | ReplicaSet | DaemonSet | StatefulSet).spec?.selector) };
  }
  if (kind === 'Service') {
    const sel = (obj as Service).spec?.selector;
    if (!sel || Object.keys(sel).length === 0) throw new Error(`invalid service '${obj.metadata?.name ?? ''}': Service is defined without a selector`);
    return { namespace, selector: Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',') };
  }
  throw new Error(`selector for ${goTypeOf(kind)} not implemented`);
}

const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const readyTime = (p: Pod) => (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
/** afterOrZero: t1 after t2, a zero (empty) time counting as after. */
const afterOrZero = (t1: string, t2: string) => (t1 === '' || t2 === '' ? t1 === '' : t1 > t2);

/** `ActivePods.Less`: the less active pod first (kubectl reverses it to take the most active). */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const ra = rank[a.status?.phase ?? ''] ?? 0;
  const rb = rank[b.status?.phase ?? ''] ?? 0;
  if (ra !== rb) return ra < rb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  const da = a.metadata?.deletionTimestamp ?? '';
  const db = b.metadata?.deletionTimestamp ?? '';
  if ((da !== '') !== (db !== '')) return da !== '';
  if (da && db && da !== db) return da < db;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata?.creationTimestamp ?? '';
  const cb = b.metadata?.creationTimestamp ?? '';
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

/** `ByLogging.Less`: the pod whose logs are most interesting first. */
export function byLoggingLess(a: Pod, b: Pod): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na !== '';
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const ra = rank[a.status?.phase ?? ''] ?? 0;
  const rb = rank[b.status?.phase ?? ''] ?? 0;
  if (ra !== rb) return ra < rb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ca = a.metadata?.creationTimestamp ?? '';
  const cb = b.metadata?.creationTimestamp ?? '';
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/**
 * `GetPodList`: the selected pods sorted with `less`; when there are none, waits (up to `timeoutMs` of virtual
 * time) for the first one to appear and returns it alone.
 */
export function podList(env: CommandEnv, namespace: string, selector: string, timeoutMs: number, less: (a: Pod, b: Pod) => boolean): Pod[] {
  const listed = env.cluster.list('Pod', { namespace, labelSelector: selector || undefined });
  if (!listed.ok) throw new CommandError({ type: 'status', status: listed.status });
  if (listed.value.items.length > 0) return goSort([...listed.value.items], less);
  let found: Pod | undefined;
  const watched = env.cluster.watch('Pod', { namespace, labelSelector: selector || undefined, resourceVersion: listed.value.resourceVersion }, (e) => {
    if (!found && (e.type === 'ADDED' || e.type === 'MODIFIED')) found = e.object as Pod;
  });
  if (!watched.ok) throw new CommandError({ type: 'status', status: watched.status });
  try {
    env.cluster.runUntil(() => found !== undefined, timeoutMs);
  } finally {
    watched.value.stop();
  }
  if (!found) throw fail('timed out waiting for the condition');
  return [found];
}

/**
 * `AttachablePodForObjectFn` (kubectl `pkg/polymorphichelpers/attachablepodforobject.go`), as exec, attach and
 * port-forward use it: a pod is itself; for any other object, the most active of the pods it selects (ActivePods
 * reversed: scheduled, running, ready longest, fewest restarts, oldest), waiting up to `timeoutMs` for one.
 */
export function attachablePodForObject(env: CommandEnv, obj: KubeObject, kind: string, timeoutMs: number): Pod {
  if (kind === 'Pod') return obj as Pod;
  let sel: { namespace: string; selector: string };
  try {
    sel = selectorForObject(obj, kind);
  } catch (e) {
    throw fail(`cannot attach to ${goTypeOf(kind)}: ${(e as Error).message}`);
  }
  return podList(env, sel.namespace, sel.selector, timeoutMs > 0 ? timeoutMs : 60_000, (a, b) => activePodsLess(b, a))[0];
}
