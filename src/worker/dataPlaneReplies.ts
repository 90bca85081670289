/** Replies about the data plane: kube-proxy per node, and traffic sent through the rules. */
import type { Cluster } from '../engine';
import { maxLoadCount, sendLoad } from '../engine/net/trafficLoad';
import type { Command, ReplyValue } from '../protocol/messages';

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
  const r = sendLoad(cluster, { from: { pod: c.pod, namespace: c.namespace }, to: c.to, port: c.port, count: Math.min(maxLoadCount, c.count) });
  const first = r.first && {
    outcome: r.first.outcome,
    ...(r.first.pod ? { pod: r.first.pod } : {}),
    ...(r.first.endpoint ? { endpoint: r.first.endpoint } : {}),
    // the step's own fields (chain, node, pod, DNS answer) ride along: the sequence diagram names them
    steps: r.first.steps.map((s) => ({ ...s, text: 'text' in s ? s.text : `${s.from} → ${s.to}` })),
  };
  return { kind: 'traffic', traffic: { sent: r.sent, endpoints: r.endpoints, failed: r.failed, ...(r.node ? { node: r.node } : {}), ...(r.mode ? { mode: r.mode } : {}), ...(first ? { first } : {}) } };
}
