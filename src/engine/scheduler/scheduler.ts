/**
 * kube-scheduler's default profile (`default-scheduler`): takes unassigned pods whose schedulerName is
 * default-scheduler, filters the nodes (filters.ts), scores the feasible ones (scoring.ts), breaks ties with
 * the cluster PRNG and binds (`Scheduled` "Successfully assigned ns/pod to node"). A pod that fits nowhere
 * gets `PodScheduled=False` reason `Unschedulable` and a `FailedScheduling` Warning (fitError.ts), and waits
 * in the unschedulable set until a node is added or changes, or an assigned pod goes away, with the
 * scheduling queue's backoff (1 s doubling to 10 s) and the 5-minute leftover flush.
 */
import type { Node, Pod } from '../api/types';
import { formatTimestamp } from '../clock';
import { deepEqual } from '../shared';
import { keyOf } from '../store/objectStore';
import type { Controller, ControllerContext } from '../controllers/controller';
import { fitErrorMessage, noNodesAvailable } from './fitError';
import { type FilterFailure, runFilters } from './filters';
import { type NodeInfo, SchedulerCache } from './schedulerCache';
import { scoreNodes } from './scoring';

const component = 'default-scheduler';
const initialBackoffMs = 1000;
const maxBackoffMs = 10_000;
/** `podMaxInUnschedulablePodsDuration` */
const maxInUnschedulableMs = 5 * 60 * 1000;

interface Unschedulable {
  attempts: number;
  backoffUntil: number;
  /** When a retry is already queued on the clock. */
  retryAt?: number;
  leftoverFlush: boolean;
}

/** Whether kube-scheduler would take this pod: unassigned, ours, not deleted, not finished, not gated. */
function needsScheduling(pod: Pod): boolean {
  if (pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return false;
  if ((pod.spec?.schedulerName ?? component) !== component) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return !pod.spec?.schedulingGates?.length;
}

/** Node changes that can make an unschedulable pod fit (queueing hints of the filter plugins). */
function nodeSchedulingChanged(old: Node, cur: Node): boolean {
  const ready = (n: Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    !deepEqual(old.spec, cur.spec) ||
    !deepEqual(old.metadata?.labels, cur.metadata?.labels) ||
    !deepEqual(old.status?.allocatable, cur.status?.allocatable) ||
    ready(old) !== ready(cur)
  );
}

/** Creates the `default-scheduler`. */
export function createScheduler(ctx: ControllerContext): Controller {
  const { store, api, clock, rand, recorder } = ctx;
  const queue = ctx.newQueue(component);
  // events.k8s.io/v1 with reportingInstance `<scheduler name>-<hostname>` (client-go tools/events
  // event_broadcaster.go NewRecorder); kube-scheduler runs on the host network of the control-plane node
  const hostname = ctx.config.nodes.find((n) => n.role === 'control-plane')?.name ?? 'kind-control-plane';
  const reporter = { controller: component, instance: `${component}-${hostname}` };
  const cache = new SchedulerCache();
  const unschedulable = new Map<string, Unschedulable>();

  const retryAt = (key: string, rec: Unschedulable, at: number) => {
    const now = clock.now();
    if (rec.retryAt !== undefined && rec.retryAt <= at && rec.retryAt >= now) return;
    rec.retryAt = at;
    clock.schedule(at - now, `${component}: retry ${key}`, () => {
      if (rec.retryAt === at) rec.retryAt = undefined;
      if (unschedulable.get(key) === rec) queue.add(key);
    });
  };

  /** `MoveAllToActiveOrBackoffQueue`: every unschedulable pod is retried once its backoff has passed. */
  const moveAllToActive = () => {
    const now = clock.now();
    for (const [key, rec] of unschedulable) {
      if (rec.backoffUntil <= now) queue.add(key);
      else retryAt(key, rec, rec.backoffUntil);
    }
  };

  ctx.informer('Node', {
    onAdd: (node) => {
      cache.setNode(node);
      moveAllToActive();
    },
    onUpdate: (old, cur) => {
      cache.setNode(cur);
      if (nodeSchedulingChanged(old, cur)) moveAllToActive();
    },
    onDelete: (node) => cache.removeNode(node.metadata?.name ?? ''),
  });

  ctx.informer('Pod', {
    onAdd: (pod) => {
      if (pod.spec?.nodeName) cache.setPod(pod);
      else if (needsScheduling(pod)) queue.add(keyOf(pod));
    },
    onUpdate: (old, cur) => {
      const key = keyOf(cur);
      if (cur.spec?.nodeName) {
        const wasCounted = cache.has(key);
        cache.setPod(cur);
        unschedulable.delete(key);
        // a pod that finished frees its node, like a deletion
        if (wasCounted && !cache.has(key)) moveAllToActive();
        return;
      }
      if (!needsScheduling(cur)) {
        unschedulable.delete(key);
        return;
      }
      // Our own status writes do not count: only a changed spec or labels can change the outcome.
      const changed = !deepEqual(old.spec, cur.spec) || !deepEqual(old.metadata?.labels, cur.metadata?.labels) || needsScheduling(cur) !== needsScheduling(old);
      if (changed) queue.add(key);
    },
    onDelete: (pod) => {
      const key = keyOf(pod);
      unschedulable.delete(key);
      if (cache.removePod(key)) moveAllToActive();
    },
  });

  const fail = (pod: Pod, message: string): undefined => {
    const key = keyOf(pod);
    const now = clock.now();
    const rec = unschedulable.get(key) ?? { attempts: 0, backoffUntil: now, leftoverFlush: false };
    rec.attempts++;
    rec.backoffUntil = now + Math.min(initialBackoffMs * 2 ** (rec.attempts - 1), maxBackoffMs);
    unschedulable.set(key, rec);
    recorder.eventV1(pod, 'Pod', reporter, 'Warning', 'FailedScheduling', 'Scheduling', message);
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (existing?.status !== 'False' || existing.reason !== 'Unschedulable' || existing.message !== message) {
      const condition = {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : formatTimestamp(now),
        reason: 'Unschedulable',
        message,
      };
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), condition];
      api.updateStatus('Pod', { ...pod, status: { ...pod.status, conditions } });
    }
    ctx.log.write(component, `unschedulable: ${message}`, `Pod/${key}`);
    if (!rec.leftoverFlush) {
      rec.leftoverFlush = true;
      clock.schedule(maxInUnschedulableMs, `${component}: flush unschedulable ${key}`, () => {
        rec.leftoverFlush = false;
        if (unschedulable.get(key) === rec) queue.add(key);
      });
    }
    return undefined;
  };

  /** `selectHost`: the highest total score; ties broken uniformly with the cluster PRNG (reservoir sampling). */
  const selectHost = (nodes: readonly NodeInfo[], scores: readonly number[]): NodeInfo => {
    let best = 0;
    let count = 1;
    for (let i = 1; i < nodes.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
        count = 1;
      } else if (scores[i] === scores[best]) {
        count++;
        if (rand.int(count) === 0) best = i;
      }
    }
    return nodes[best];
  };

  const sync = (key: string): string | undefined => {
    const pod = store.get('Pod', key);
    if (!pod || !needsScheduling(pod)) {
      unschedulable.delete(key);
      return undefined;
    }
    const rec = unschedulable.get(key);
    if (rec && rec.backoffUntil > clock.now()) {
      retryAt(key, rec, rec.backoffUntil);
      return undefined;
    }
    const nodes = cache.nodes();
    if (nodes.length === 0) return fail(pod, noNodesAvailable);
    const res = cache.podResources(pod);
    const feasible: NodeInfo[] = [];
    const failures: FilterFailure[] = [];
    for (const info of nodes) {
      const f = runFilters(pod, res, info);
      if (f) failures.push(f);
      else feasible.push(info);
    }
    if (feasible.length === 0) return fail(pod, fitErrorMessage(pod, nodes.length, failures));
    const chosen = feasible.length === 1 ? feasible[0] : selectHost(feasible, scoreNodes(pod, res, feasible, (owner) => cache.podsOfOwner(owner)));
    const bound = api.bind(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '', chosen.name);
    if (!bound.ok) {
      recorder.eventV1(pod, 'Pod', reporter, 'Warning', 'FailedScheduling', 'Scheduling', `Binding rejected: ${bound.status.message}`);
      return bound.status.message;
    }
    unschedulable.delete(key);
    const ns = pod.metadata?.namespace ?? 'default';
    recorder.eventV1(bound.value, 'Pod', reporter, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${ns}/${pod.metadata?.name} to ${chosen.name}`);
    ctx.log.write(component, `assigned to ${chosen.name}`, `Pod/${key}`);
    return undefined;
  };

  return { name: component, queue, sync };
}
