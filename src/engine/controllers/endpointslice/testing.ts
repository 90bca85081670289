/**
 * Test helpers for the Endpoints and EndpointSlice controllers. A pod gets its IP one of two ways:
 * - `startPod`: the real path. The scheduler places the pod on a worker, the kubelet pulls, starts and
 *   reports it Ready; the test reads the IP from the pod.
 * - `runPod` / `setPodStatus`: the pod is bound to `noKubeletNode` and the test writes its status as a
 *   kubelet would, for exact control (chosen IPs, Ready flips, pods left terminating).
 */
import type { Container, Pod } from '../../api/types';
import { Cluster } from '../../cluster';
import { formatTimestamp } from '../../clock';
import type { ClusterConfig } from '../../config';

/**
 * A Node registered through the apiserver with no machine behind it. kubelet.ts only starts a node agent
 * for a Node with an InternalIP and a pod CIDR (from the object or config.nodes); this one has neither, so
 * nothing overwrites the statuses tests write. It never heartbeats, so the node lifecycle controller has no
 * lease to time out and leaves it alone. Its taint keeps the scheduler away.
 */
export const noKubeletNode = 'no-kubelet';

/** A frozen-object cluster with `noKubeletNode` registered. Fails loudly if a kubelet serves that node. */
export function endpointsTestCluster(config: Partial<ClusterConfig> = {}): Cluster {
  const c = new Cluster({ freezeObjects: true, ...config });
  const res = c.create('Node', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: noKubeletNode, labels: { 'kubernetes.io/hostname': noKubeletNode } },
    spec: { taints: [{ key: 'svcsim.test/no-kubelet', effect: 'NoSchedule' }] },
  });
  if (!res.ok) throw new Error(`create Node ${noKubeletNode}: ${res.status.message}`);
  if (c.simulation.isNodeRunning(noKubeletNode)) throw new Error(`a kubelet serves ${noKubeletNode}: pod statuses written by tests would be overwritten`);
  return c;
}

/** The kuard container of the alpaca examples. */
export function kuard(ports: Container['ports'] = [{ containerPort: 8080, name: 'http' }]): Container {
  return { name: 'alpaca', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports };
}

/** A kuard pod in `default` bound to `noKubeletNode`; `spec` overrides (containers, hostname, nodeName). */
export function boundPod(name: string, labels: Record<string, string>, spec: Partial<NonNullable<Pod['spec']>> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName: noKubeletNode, containers: [kuard()], ...spec } };
}

/** The status a kubelet reports for a running pod: its IP and a Ready condition that changes now. */
export function runningStatus(c: Cluster, ip: string, ready: boolean): Pod['status'] {
  return { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: formatTimestamp(c.now()) }] };
}

/** Writes a pod's status through the status subresource, as its kubelet would. */
export function setPodStatus(c: Cluster, name: string, ip: string, ready: boolean): void {
  const pod = c.get('Pod', 'default', name);
  if (!pod.ok) throw new Error(pod.status.message);
  const res = c.updateStatus('Pod', { ...pod.value, status: runningStatus(c, ip, ready) });
  if (!res.ok) throw new Error(res.status.message);
}

/** Creates a pod on `noKubeletNode` (see `boundPod`) and reports it running with `ip`. */
export function runPod(c: Cluster, name: string, labels: Record<string, string>, ip: string, ready = true, spec: Partial<NonNullable<Pod['spec']>> = {}): void {
  const res = c.create('Pod', boundPod(name, labels, spec));
  if (!res.ok) throw new Error(res.status.message);
  setPodStatus(c, name, ip, ready);
}

/** The pod's Ready condition status. */
export function isReady(pod: Pod | undefined): boolean {
  return pod?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

/**
 * The real path: creates an unbound kuard pod, then advances virtual time until the scheduler has placed it
 * and the kubelet reports it Ready. Returns the pod as the kubelet left it.
 */
export function startPod(c: Cluster, name: string, labels: Record<string, string>): Pod {
  const res = c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [kuard()] } });
  if (!res.ok) throw new Error(res.status.message);
  const current = () => c.store.get('Pod', `default/${name}`);
  if (!c.runUntil(() => isReady(current()), 120_000)) throw new Error(`pod ${name} not Ready after 2 min: ${JSON.stringify(current()?.status)}`);
  return current() as Pod;
}

/** Advances time until a deleted pod is gone: its kubelet has stopped it and removed the object. */
export function waitForPodGone(c: Cluster, name: string): void {
  if (!c.runUntil(() => !c.store.get('Pod', `default/${name}`), 60_000)) throw new Error(`pod ${name} still there a minute after deletion`);
}
