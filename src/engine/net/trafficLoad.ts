/**
 * Many connections from one client to one target, counted per endpoint: what the Traffic view's histogram and
 * `svcsim load` show. Each connection is a real walk of the node's rules with the cluster's PRNG, so the
 * spread is the one the rules produce (iptables probabilities, IPVS round-robin, affinity).
 */
import type { Cluster } from '../cluster';
import type { NetClient } from './clusterNetwork';
import type { ConnectionTrace, Outcome } from './trace';

/** The most connections one request sends (keeps a command bounded in the browser). */
export const maxLoadCount = 10_000;

export interface LoadRequest {
  from: NetClient;
  /** A name, a ClusterIP, a pod IP or a node IP. */
  to: string;
  port: number;
  count: number;
}

export interface EndpointCount {
  /** `namespace/name` of the pod that answered. */
  pod: string;
  endpoint: string;
  node: string;
  count: number;
}

export interface LoadResult {
  sent: number;
  /** Per answering endpoint, in endpoint order (pod IP, then port). */
  endpoints: EndpointCount[];
  /** Connections that did not reach an app, by outcome. */
  failed: Partial<Record<Exclude<Outcome, 'connected'>, number>>;
  /** The node whose rules the connections met first, and its mode. */
  node?: string;
  mode?: string;
  /** The first connection's trace, as an example. */
  first?: ConnectionTrace;
}

function ipKey(endpoint: string): number[] {
  const [ip, port] = endpoint.split(':');
  return [...ip.split('.').map(Number), Number(port)];
}

/** Opens `count` connections (at most {@link maxLoadCount}) and counts where they went. */
export function sendLoad(cluster: Cluster, req: LoadRequest): LoadResult {
  const count = Math.max(0, Math.min(maxLoadCount, Math.floor(req.count)));
  const byEndpoint = new Map<string, EndpointCount>();
  const failed: LoadResult['failed'] = {};
  let first: ConnectionTrace | undefined;
  let to = req.to;
  for (let i = 0; i < count; i++) {
    const t = cluster.net.connect({ from: req.from, to, port: req.port });
    if (!first) {
      first = t;
      // the name resolves the same way every time (DNS uses no randomness): look it up once, not per connection
      const dns = t.steps.find((s) => s.kind === 'dns');
      if (dns?.kind === 'dns' && dns.answer) to = dns.answer;
    }
    if (t.outcome !== 'connected' || !t.pod || !t.endpoint) {
      const o = t.outcome === 'connected' ? 'refused' : t.outcome;
      failed[o] = (failed[o] ?? 0) + 1;
      continue;
    }
    const e = byEndpoint.get(t.endpoint);
    if (e) e.count++;
    else {
      const pod = cluster.runtime.podByIP(t.endpoint.split(':')[0]);
      byEndpoint.set(t.endpoint, { pod: t.pod, endpoint: t.endpoint, node: pod?.node ?? '', count: 1 });
    }
  }
  const endpoints = [...byEndpoint.values()].sort((a, b) => {
    const x = ipKey(a.endpoint);
    const y = ipKey(b.endpoint);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
  return { sent: count, endpoints, failed, node: first?.node, mode: first?.mode, first };
}
