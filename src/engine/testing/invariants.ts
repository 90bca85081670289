/**
 * Invariants that must hold after every command once the cluster has drained. Each returns a list of
 * violations (empty when the cluster is consistent), so a failing property test says exactly what broke.
 */
import type { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { selectorFromSet } from '../store/labelSelector';

function isPodReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Every ready endpoint is an existing, running, ready, non-terminating pod that matches the selector and has that IP. */
export function readyEndpointsAreReadyPods(cluster: Cluster): string[] {
  const out: string[] = [];
  for (const svc of cluster.store.list('Service')) {
    if (!svc.spec?.selector || svc.spec.type === 'ExternalName') continue;
    const ns = svc.metadata?.namespace ?? 'default';
    const sel = selectorFromSet(svc.spec.selector);
    const check = (ip: string, podName: string | undefined, where: string) => {
      const pod = podName ? cluster.store.get('Pod', `${ns}/${podName}`) : undefined;
      if (!pod) return out.push(`${where}: ${ip} refers to missing pod ${podName}`);
      if (pod.status?.phase !== 'Running') out.push(`${where}: pod ${podName} is ${pod.status?.phase}`);
      if (!isPodReady(pod) && !svc.spec?.publishNotReadyAddresses) out.push(`${where}: pod ${podName} is not ready`);
      if (pod.metadata?.deletionTimestamp && !svc.spec?.publishNotReadyAddresses) out.push(`${where}: pod ${podName} is terminating`);
      if (!sel.matches(pod.metadata?.labels)) out.push(`${where}: pod ${podName} does not match the selector`);
      if (pod.status?.podIP !== ip) out.push(`${where}: ${ip} is not pod ${podName}'s IP (${pod.status?.podIP})`);
    };
    const ep = cluster.store.get('Endpoints', `${ns}/${svc.metadata?.name}`);
    for (const sub of ep?.subsets ?? []) for (const a of sub.addresses ?? []) check(a.ip, a.targetRef?.name, `Endpoints ${ns}/${svc.metadata?.name}`);
    for (const slice of cluster.store.list('EndpointSlice', ns)) {
      if (slice.metadata?.labels?.['kubernetes.io/service-name'] !== svc.metadata?.name) continue;
      for (const e of slice.endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        check(e.addresses[0], e.targetRef?.name, `EndpointSlice ${slice.metadata?.name}`);
      }
    }
  }
  return out;
}

/** No two Services share a ClusterIP, no two share a NodePort (per protocol). */
export function serviceAllocationsAreUnique(cluster: Cluster): string[] {
  const out: string[] = [];
  const ips = new Map<string, string>();
  const ports = new Map<string, string>();
  for (const svc of cluster.store.list('Service')) {
    const id = `${svc.metadata?.namespace}/${svc.metadata?.name}`;
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) {
      if (ip === 'None' || ip === '') continue;
      const other = ips.get(ip);
      if (other) out.push(`ClusterIP ${ip} held by ${other} and ${id}`);
      ips.set(ip, id);
    }
    const own = new Set<string>();
    for (const p of svc.spec?.ports ?? []) {
      if (!p.nodePort) continue;
      const k = `${p.nodePort}/${p.protocol ?? 'TCP'}`;
      const other = ports.get(k);
      if (other && other !== id) out.push(`NodePort ${k} held by ${other} and ${id}`);
      if (own.has(k)) continue;
      own.add(k);
      ports.set(k, id);
    }
  }
  return out;
}

/** No two live pods share an IP. */
export function podIpsAreUnique(cluster: Cluster): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const p of cluster.store.list('Pod')) {
    const ip = p.status?.podIP;
    if (!ip || p.spec?.hostNetwork) continue;
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    const id = `${p.metadata?.namespace}/${p.metadata?.name}`;
    const other = seen.get(ip);
    if (other) out.push(`pod IP ${ip} held by ${other} and ${id}`);
    seen.set(ip, id);
  }
  return out;
}

/** Every owner reference points at an existing object with that uid (objects already being deleted excepted). */
export function noOrphans(cluster: Cluster): string[] {
  const out: string[] = [];
  const uids = new Set<string>();
  for (const kind of ['Deployment', 'ReplicaSet', 'DaemonSet', 'Service', 'Pod', 'Node', 'Namespace'] as const) {
    for (const o of cluster.store.list(kind)) if (o.metadata?.uid) uids.add(o.metadata.uid);
  }
  for (const kind of ['ReplicaSet', 'Pod', 'EndpointSlice'] as const) {
    for (const o of cluster.store.list(kind)) {
      if (o.metadata?.deletionTimestamp) continue;
      for (const ref of o.metadata?.ownerReferences ?? []) {
        if (!uids.has(ref.uid)) out.push(`${kind} ${o.metadata?.namespace}/${o.metadata?.name} owned by missing ${ref.kind} ${ref.name}`);
      }
    }
  }
  return out;
}

export function allInvariants(cluster: Cluster): string[] {
  return [...readyEndpointsAreReadyPods(cluster), ...serviceAllocationsAreUnique(cluster), ...podIpsAreUnique(cluster), ...noOrphans(cluster)];
}
