/**
 * Taint-based eviction (pkg/controller/tainteviction, `taint-eviction-controller`): pods on a node with
 * NoExecute taints they do not tolerate are deleted at once; pods that tolerate them for
 * `tolerationSeconds` (admission adds 300 s for not-ready / unreachable) are deleted when that runs out,
 * counted from when the controller noticed. A removed taint cancels the pending deletion.
 */
import type { Pod, Taint } from '../../api/types';
import type { TimerHandle } from '../../clock';
import { formatTimestamp } from '../../clock';
import type { ControllerContext } from '../controller';
import { podsByNodeIndex } from '../../kubelet/kubelet';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './tolerations';

const source = { component: 'taint-eviction-controller' };

interface ScheduledEviction {
  createdAt: number;
  firesAt: number;
  timer: TimerHandle;
}

/** The taint-eviction-controller's bookkeeping: tainted nodes and scheduled pod deletions. */
export class TaintEviction {
  /** node -> its NoExecute taints, for nodes that have some */
  private readonly tainted = new Map<string, Taint[]>();
  private readonly scheduled = new Map<string, ScheduledEviction>();

  constructor(
    private readonly ctx: ControllerContext,
    /** Asks the controller to run `evict(key)` (the deletion happens in sync, not in the timer). */
    private readonly requestEviction: (podKey: string) => void,
  ) {}

  /** Whether a node currently has NoExecute taints (cheap check for pod handlers). */
  isTainted(node: string | undefined): boolean {
    return !!node && this.tainted.has(node);
  }

  /** `handleNodeUpdate`: remember the node's NoExecute taints and (re)process its pods. */
  syncNode(name: string): void {
    const node = this.ctx.store.get('Node', name);
    const taints = noExecuteTaints(node?.spec?.taints);
    if (taints.length) this.tainted.set(name, taints);
    else this.tainted.delete(name);
    const now = this.ctx.clock.now();
    for (const key of [...this.ctx.store.byIndex('Pod', podsByNodeIndex, name)].sort()) {
      const pod = this.ctx.store.get('Pod', key);
      if (pod) this.processPod(key, pod, taints, now);
    }
  }

  /** `handlePodUpdate`. */
  syncPod(key: string): void {
    const pod = this.ctx.store.get('Pod', key);
    if (!pod) {
      this.cancel(key);
      return;
    }
    const node = pod.spec?.nodeName;
    const taints = node ? this.tainted.get(node) : undefined;
    if (taints) this.processPod(key, pod, taints, this.ctx.clock.now());
  }

  private processPod(key: string, pod: Pod, taints: readonly Taint[], now: number): void {
    if (taints.length === 0) {
      this.cancel(key);
      return;
    }
    const { all, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!all) {
      this.cancel(key);
      this.schedule(key, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancel(key);
      return;
    }
    let start = now;
    const existing = this.scheduled.get(key);
    if (existing) {
      start = existing.createdAt;
      if (start + min < now + min) return;
      this.cancel(key);
    }
    this.schedule(key, start, start + min);
  }

  private schedule(key: string, createdAt: number, firesAt: number): void {
    const timer = this.ctx.clock.schedule(firesAt - this.ctx.clock.now(), `taint-eviction ${key}`, () => this.requestEviction(key));
    this.scheduled.set(key, { createdAt, firesAt, timer });
  }

  private cancel(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    s.timer.cancel();
    this.scheduled.delete(key);
    this.ctx.recorder.event(podRef(key), 'Pod', source, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  /** The eviction fires: record it, add the DisruptionTarget condition, delete with the pod's grace period. */
  evict(key: string): void {
    const s = this.scheduled.get(key);
    if (!s || s.firesAt > this.ctx.clock.now()) return;
    this.scheduled.delete(key);
    this.ctx.recorder.event(podRef(key), 'Pod', source, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const pod = this.ctx.store.get('Pod', key);
    if (!pod) return;
    const conditions = [...(pod.status?.conditions ?? [])];
    if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
      const generation = pod.metadata?.generation;
      conditions.push({
        type: 'DisruptionTarget',
        status: 'True',
        ...(generation !== undefined ? { observedGeneration: generation } : {}),
        lastProbeTime: null as unknown as string,
        lastTransitionTime: formatTimestamp(this.ctx.clock.now()),
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      } as (typeof conditions)[number]);
      this.ctx.api.updateStatus('Pod', { ...pod, status: { ...pod.status, conditions } });
    }
    this.ctx.log.write(source.component, `deleting pod ${key}: NoExecute taint not tolerated any longer`, `Pod/${key}`);
    this.ctx.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
  }
}

/** The ObjectReference the taint manager uses: kind, namespace and name, no UID. */
function podRef(key: string): Pod {
  const [namespace, name] = key.split('/');
  return { metadata: { namespace, name } } as Pod;
}
