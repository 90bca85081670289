/** Replies about the data plane: kube-proxy per node, and traffic sent through the rules. */
import type { Cluster } from '../engine';
import { maxLoadCount, sendLoad } from '../engine/net/trafficLoad';
import type { Command, ReplyValue } from '../protocol/messages';
import { serviceForDestination, wireStep } from './traceTargets';

export function proxyStatus(cluster: Cluster): ReplyValue {
  const nodes = cluster.proxies
    .nodes()
    .sort()
    .map((node) => {
      const p = cluster.proxies.proxier(node);
      const info = cluster.proxies.syncInfo(node);
      const error = cluster.proxyConfig(node)?.error;
      return { node, mode: p?.mode ?? '', ...(info?.lastSyncAt !== undefined ? { lastSyncAt: info.lastSyncAt } : {}), syncs: info?.syncs ?? 0, ...(error ? { configError: error } : {}) };
    });
  return { kind: 'proxyStatus', nodes };
}

export function trafficReply(cluster: Cluster, c: Extract<Command, { type: 'traffic' }>): ReplyValue {
  const from = c.host ? { host: true as const } : { pod: c.pod, namespace: c.namespace };
  const r = sendLoad(cluster, { from, to: c.to, port: c.port, count: Math.min(maxLoadCount, c.count) });
  const t = r.first;
  const service = t && serviceForDestination(cluster, t.destination, t.port);
  const first = t && {
    outcome: t.outcome,
    ...(t.pod ? { pod: t.pod } : {}),
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    client: c.host ? 'your machine' : `${c.namespace}/${c.pod}`,
    destination: t.destination,
    port: t.port,
    ...(service ? { service } : {}),
    steps: t.steps.map((s) => wireStep(s, t.node)),
  };
  return { kind: 'traffic', traffic: { sent: r.sent, endpoints: r.endpoints, failed: r.failed, ...(r.node ? { node: r.node } : {}), ...(r.mode ? { mode: r.mode } : {}), ...(first ? { first } : {}) } };
}
