/**
 * Where traffic can enter the cluster, per node: every NodePort (and LoadBalancer) Service opens its nodePort
 * on every node's IP; with `externalTrafficPolicy: Local` a node without a ready endpoint of its own drops what
 * arrives there (kubernetes/kubernetes pkg/proxy/iptables/proxier.go: the KUBE-EXT chain of a Local Service
 * jumps only to local endpoints, and to KUBE-MARK-DROP when there are none). A LoadBalancer's address is the
 * one in `status.loadBalancer.ingress`. Pure: read from the Service and EndpointSlice objects as listed.
 */

interface ServiceShape {
  metadata?: { name?: string; namespace?: string };
  spec?: { type?: string; externalTrafficPolicy?: string; ports?: { name?: string; port?: number; nodePort?: number; protocol?: string }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

interface SliceShape {
  metadata?: { namespace?: string; labels?: Record<string, string> };
  endpoints?: { nodeName?: string; conditions?: { ready?: boolean } }[];
}

export interface NodePortEntry {
  /** `namespace/name` */
  service: string;
  nodePort: number;
  protocol: string;
  /** False when the node drops this port's traffic (`externalTrafficPolicy: Local`, no local ready endpoint). */
  answering: boolean;
  local: boolean;
}

export interface LoadBalancerEntry {
  service: string;
  /** Ingress IPs (or hostnames); empty while pending. */
  addresses: string[];
  ports: { port: number; nodePort?: number; protocol: string }[];
  local: boolean;
}

export interface EntryPoints {
  /** Node → its open NodePorts, by Service then port. */
  nodePorts(node: string): NodePortEntry[];
  loadBalancers: LoadBalancerEntry[];
}

const keyOf = (o: { metadata?: { name?: string; namespace?: string } }) => `${o.metadata?.namespace ?? 'default'}/${o.metadata?.name ?? ''}`;

export function entryPoints(services: Iterable<ServiceShape>, slices: Iterable<SliceShape>): EntryPoints {
  const exposed = [...services].filter((s) => s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer').sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  // nodes with a ready endpoint, per Service (only needed for Local policy)
  const readyOn = new Map<string, Set<string>>();
  const wanted = new Set(exposed.filter((s) => s.spec?.externalTrafficPolicy === 'Local').map(keyOf));
  for (const sl of slices) {
    const svc = sl.metadata?.labels?.['kubernetes.io/service-name'];
    const key = `${sl.metadata?.namespace ?? 'default'}/${svc ?? ''}`;
    if (!svc || !wanted.has(key)) continue;
    let set = readyOn.get(key);
    if (!set) {
      set = new Set();
      readyOn.set(key, set);
    }
    for (const e of sl.endpoints ?? []) if (e.conditions?.ready !== false && e.nodeName) set.add(e.nodeName);
  }
  const loadBalancers: LoadBalancerEntry[] = exposed
    .filter((s) => s.spec?.type === 'LoadBalancer')
    .map((s) => ({
      service: keyOf(s),
      addresses: (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean),
      ports: (s.spec?.ports ?? []).map((p) => ({ port: p.port ?? 0, ...(p.nodePort ? { nodePort: p.nodePort } : {}), protocol: p.protocol ?? 'TCP' })),
      local: s.spec?.externalTrafficPolicy === 'Local',
    }));
  return {
    nodePorts(node) {
      const out: NodePortEntry[] = [];
      for (const s of exposed) {
        const key = keyOf(s);
        const local = s.spec?.externalTrafficPolicy === 'Local';
        const answering = !local || (readyOn.get(key)?.has(node) ?? false);
        for (const p of s.spec?.ports ?? []) if (p.nodePort) out.push({ service: key, nodePort: p.nodePort, protocol: p.protocol ?? 'TCP', answering, local });
      }
      return out;
    },
    loadBalancers,
  };
}
