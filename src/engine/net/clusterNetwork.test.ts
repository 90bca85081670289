import { describe, expect, it } from 'vitest';
import { iptablesSave } from '../proxy/iptables/iptablesSave';
import { nodeIptables } from '../proxy/nodeIptables';
import type { IptablesProxier } from '../proxy/iptables/iptablesProxier';
import { setKubeProxyMode } from '../kubeSystem/kubeProxyMode';
import { nginxCluster, setIptablesMinSyncPeriod } from './testing';

function clusterIP(c: ReturnType<typeof nginxCluster>, name = 'nginx'): string {
  const s = c.get('Service', 'default', name);
  if (!s.ok) throw new Error('no service');
  return s.value.spec?.clusterIP ?? '';
}

function firstPod(c: ReturnType<typeof nginxCluster>): string {
  const pods = c.list('Pod', { namespace: 'default' });
  if (!pods.ok) throw new Error('no pods');
  return pods.value.items[0].metadata?.name ?? '';
}

function histogram(c: ReturnType<typeof nginxCluster>, n: number, to: string, from = { pod: firstPod(c) } as Parameters<typeof c.net.connect>[0]['from']) {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = c.net.connect({ from, to, port: 80 });
    expect(t.outcome).toBe('connected');
    counts.set(t.pod ?? '', (counts.get(t.pod ?? '') ?? 0) + 1);
  }
  return counts;
}

describe('cluster network', () => {
  it('renders the Service with one KUBE-SEP per endpoint on every node', () => {
    const c = nginxCluster(3);
    const p = c.proxies.proxier('kind-worker') as IptablesProxier;
    const text = iptablesSave((t) => p.table(t), c.now(), 'nat');
    expect(text).toMatch(/-A KUBE-SERVICES -d 10\.\d+\.\d+\.\d+\/32 -p tcp -m comment --comment "default\/nginx cluster IP" -m tcp --dport 80 -j KUBE-SVC-/);
    const nginxRules = text.split('\n').filter((l) => l.includes('default/nginx'));
    expect(nginxRules.filter((l) => l.includes('-m statistic --mode random --probability')).length).toBe(2);
    expect(text).toContain('--probability 0.33333333349');
    expect(text).toContain('--probability 0.50000000000');
    expect(nginxRules.filter((l) => /-j DNAT --to-destination 10\.244\.\d+\.\d+:80$/.test(l)).length).toBe(3);
  });

  it('spreads 10,000 connections over 3 endpoints within 3% of uniform under iptables', () => {
    const c = nginxCluster(3);
    const counts = histogram(c, 10_000, clusterIP(c));
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(Math.abs(n / 10_000 - 1 / 3)).toBeLessThan(0.03);
  });

  it('takes the endpoints in strict turn under IPVS rr', () => {
    const c = nginxCluster(3, { proxyMode: 'ipvs' });
    const seq: string[] = [];
    for (let i = 0; i < 9; i++) seq.push(c.net.connect({ from: { pod: firstPod(c) }, to: clusterIP(c), port: 80 }).pod ?? '');
    expect(new Set(seq.slice(0, 3)).size).toBe(3);
    expect(seq.slice(3, 6)).toEqual(seq.slice(0, 3));
    expect(seq.slice(6, 9)).toEqual(seq.slice(0, 3));
  });

  it.each(['iptables', 'ipvs', 'nftables', 'userspace'] as const)('keeps ClientIP affinity under %s', (mode) => {
    const c = nginxCluster(3, { proxyMode: mode }, { sessionAffinity: 'ClientIP' });
    const counts = histogram(c, 50, clusterIP(c));
    expect(counts.size).toBe(1);
  });

  it.each(['iptables', 'ipvs', 'nftables', 'userspace'] as const)('refuses connections to a Service without endpoints under %s', (mode) => {
    const c = nginxCluster(0, { proxyMode: mode });
    const t = c.net.connect({ from: { node: 'kind-worker' }, to: clusterIP(c), port: 80 });
    expect(t.outcome).toBe('refused');
  });

  // the `cluster-ips-check` chain of kubernetes/kubernetes pkg/proxy/nftables/proxier.go, which the walk evaluates
  // from the same rule model `nft list` prints; iptables and IPVS have no such rule, so nothing answers
  it('nftables rejects an active ClusterIP on a port it does not serve and drops an address no Service holds', () => {
    const rule = (t: ReturnType<typeof c.net.connect>) => t.steps.flatMap((s) => (s.kind === 'rule' && s.chain === 'cluster-ips-check' ? [s.text] : []));
    const c = nginxCluster(1, { proxyMode: 'nftables' });
    const from = { pod: firstPod(c) };
    const badPort = c.net.connect({ from, to: clusterIP(c), port: 8080 });
    expect([badPort.outcome, rule(badPort)]).toEqual(['refused', ['ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"']]);
    const unallocated = c.net.connect({ from, to: '10.96.200.200', port: 80 });
    expect([unallocated.outcome, rule(unallocated)]).toEqual(['timeout', [`ip daddr ${c.config.serviceCIDR} drop comment "Drop traffic to unallocated ClusterIPs"`]]);
    // the node's own traffic meets the same chain (filter-output)
    expect(c.net.connect({ from: { node: 'kind-worker' }, to: '10.96.200.200', port: 80 }).outcome).toBe('timeout');
    for (const mode of ['iptables', 'ipvs'] as const) {
      const other = nginxCluster(1, { proxyMode: mode });
      const t = other.net.connect({ from: { pod: firstPod(other) }, to: '10.96.200.200', port: 80 });
      expect([mode, t.outcome, rule(t)]).toEqual([mode, 'timeout', []]);
    }
  });

  // v1.25 pkg/proxy/userspace/proxier.go: the walk evaluates the portal rules iptables-save lists, in order; an
  // external IP is captured in KUBE-PORTALS-HOST only when it is one of the node's own addresses
  it('userspace: a trace shows the rules iptables-save lists, and the node\'s own traffic to a foreign external IP is not captured', () => {
    const c = nginxCluster(2, { proxyMode: 'userspace' }, { externalIPs: ['172.18.0.200'] });
    const p = c.proxies.proxier('kind-worker');
    if (!p) throw new Error('no proxier');
    const saved = iptablesSave(nodeIptables(p), c.now(), 'nat').split('\n');
    const rules = (t: ReturnType<typeof c.net.connect>) => t.steps.flatMap((s) => (s.kind === 'rule' ? [s.text] : []));
    for (const to of [clusterIP(c), '172.18.0.200']) {
      const t = c.net.connect({ from: { pod: firstPod(c) }, to, port: 80 });
      expect(t.outcome).toBe('connected');
      expect(rules(t)).toHaveLength(2);
      for (const r of rules(t)) expect(saved).toContain(r);
      expect(rules(t)[0]).toMatch(/^-A PREROUTING .* -j KUBE-PORTALS-CONTAINER$/);
    }
    // the external IP's container rule carries its physdev match, as listed
    expect(rules(c.net.connect({ from: { pod: firstPod(c) }, to: '172.18.0.200', port: 80 }))[1]).toContain('-m physdev ! --physdev-is-in');
    const fromNode = c.net.connect({ from: { node: 'kind-worker' }, to: '172.18.0.200', port: 80 });
    expect([fromNode.outcome, rules(fromNode)]).toEqual(['timeout', []]);
    expect(c.net.connect({ from: { node: 'kind-worker' }, to: clusterIP(c), port: 80 }).outcome).toBe('connected');
  });

  it('reaches a NodePort from the user machine on a node IP, not on localhost without extraPortMappings', () => {
    const c = nginxCluster(2, {}, { type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
    const ok = c.net.connect({ from: { host: true }, to: '172.18.0.3', port: 30080 });
    expect(ok.outcome).toBe('connected');
    expect(ok.steps.some((s) => s.kind === 'rule' && s.text.includes('KUBE-NODEPORTS'))).toBe(true);
    expect(ok.seenSource).toBe('172.18.0.3');
    const local = c.net.connect({ from: { host: true }, to: 'localhost', port: 30080 });
    expect(local.outcome).toBe('refused');
    expect(local.steps.map((s) => ('text' in s ? s.text : '')).join()).toContain('extraPortMappings');
  });

  it('with extraPortMappings, localhost reaches the NodePort', () => {
    const c = nginxCluster(2, { extraPortMappings: [{ node: 'kind-control-plane', containerPort: 30080, hostPort: 30080 }] }, { type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
    expect(c.net.connect({ from: { host: true }, to: 'localhost', port: 30080 }).outcome).toBe('connected');
  });

  it('externalTrafficPolicy Local drops on nodes without a local endpoint and keeps the client IP elsewhere', () => {
    const c = nginxCluster(1, {}, { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 80, nodePort: 30081 }] });
    const pods = c.list('Pod', { namespace: 'default' });
    const podNode = pods.ok ? pods.value.items[0].spec?.nodeName : '';
    const nodes = c.config.nodes.filter((n) => n.role === 'worker');
    for (const n of nodes) {
      const t = c.net.connect({ from: { host: true }, to: n.ip, port: 30081 });
      if (n.name === podNode) {
        expect(t.outcome).toBe('connected');
        expect(t.seenSource).toBe('172.18.0.1');
      } else {
        expect(t.outcome).toBe('timeout');
      }
    }
  });

  it('batches endpoint changes into one sync per minSyncPeriod, and syncs each change with 10 ms', () => {
    // twenty scale-downs 100 ms apart: each marks one endpoint terminating
    const syncsAfterScaleDown = (minSync: string) => {
      const c = nginxCluster(20);
      setIptablesMinSyncPeriod(c, minSync);
      expect(c.proxyConfig('kind-worker')?.minSyncPeriodMs).toBe(minSync === '10ms' ? 10 : 1000);
      const before = c.proxies.syncInfo('kind-worker')?.syncs ?? 0;
      for (let r = 19; r >= 0; r--) {
        c.patch('Deployment', 'default', 'nginx', 'merge', { spec: { replicas: r } });
        c.advance(100);
      }
      c.advance(60_000);
      return (c.proxies.syncInfo('kind-worker')?.syncs ?? 0) - before;
    };
    const eager = syncsAfterScaleDown('10ms');
    const batched = syncsAfterScaleDown('1s');
    expect(batched).toBeLessThan(eager);
    expect(eager).toBeGreaterThanOrEqual(20);
    expect(batched).toBeLessThanOrEqual(6);
  });

  it('traces a pod → ClusterIP connection rule by rule: KUBE-SERVICES, KUBE-SVC, KUBE-SEP, DNAT, then the pod', () => {
    const c = nginxCluster(3);
    const t = c.net.connect({ from: { node: 'kind-worker' }, to: clusterIP(c), port: 80 });
    expect(t.outcome).toBe('connected');
    const chains = t.steps.filter((s) => s.kind === 'rule').map((s) => (s.kind === 'rule' ? s.chain : ''));
    expect(chains.slice(0, 3)).toEqual(['OUTPUT', 'KUBE-SERVICES', expect.stringMatching(/^KUBE-SVC-/)]);
    expect(chains).toContain('KUBE-MARK-MASQ');
    const kinds = t.steps.map((s) => s.kind);
    expect(kinds.indexOf('dnat')).toBeGreaterThan(kinds.lastIndexOf('send'));
    expect(kinds[kinds.length - 1]).toBe('deliver');
    // from the node itself the source is not in the cluster CIDR: KUBE-SVC marks it and POSTROUTING masquerades
    expect(kinds).toContain('snat');
  });

  it('internalTrafficPolicy Local drops from a node without a local endpoint', () => {
    const c = nginxCluster(1, {}, { internalTrafficPolicy: 'Local' });
    const pods = c.list('Pod', { namespace: 'default' });
    const podNode = pods.ok ? pods.value.items[0].spec?.nodeName : '';
    const other = c.config.nodes.find((n) => n.role === 'worker' && n.name !== podNode)?.name ?? '';
    expect(c.net.connect({ from: { node: podNode ?? '' }, to: clusterIP(c), port: 80 }).outcome).toBe('connected');
    const t = c.net.connect({ from: { node: other }, to: clusterIP(c), port: 80 });
    expect(t.outcome).toBe('timeout');
    expect(t.steps.some((s) => s.kind === 'rule' && s.text.includes('has no local endpoints'))).toBe(true);
  });

  it('reaches a LoadBalancer IP from the user machine, not a ClusterIP', () => {
    const c = nginxCluster(2, {}, { type: 'LoadBalancer' });
    c.advance(5_000);
    const svc = c.get('Service', 'default', 'nginx');
    const lb = svc.ok ? (svc.value.status?.loadBalancer?.ingress?.[0]?.ip ?? '') : '';
    expect(lb).toMatch(/^172\.18\.255\./);
    expect(c.net.connect({ from: { host: true }, to: lb, port: 80 }).outcome).toBe('connected');
    expect(c.net.connect({ from: { host: true }, to: clusterIP(c), port: 80 }).outcome).toBe('timeout');
  });

  it('resolves a Service name and follows nothing for an ExternalName', () => {
    const c = nginxCluster(1);
    c.apply('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect(c.net.connect({ from: { pod: firstPod(c) }, to: 'nginx.default.svc.cluster.local', port: 80 }).outcome).toBe('connected');
    const t = c.net.connect({ from: { pod: firstPod(c) }, to: 'ext', port: 80 });
    expect(t.outcome).toBe('no-route');
    expect(t.steps.map((s) => ('text' in s ? s.text : '')).join('\n')).toContain('CNAME) for example.com');
  });

  it('resolves names with the pod resolver: search path, ndots, NXDOMAIN, and a node that only knows Docker DNS', () => {
    const c = nginxCluster(1);
    const pod = firstPod(c);
    const short = c.net.connect({ from: { pod }, to: 'nginx', port: 80 });
    expect(short.outcome).toBe('connected');
    const dns = short.steps.find((s) => s.kind === 'dns');
    // ndots:5 → the first search domain (default.svc.cluster.local) answers
    expect(dns && 'text' in dns ? dns.text : '').toBe(`nginx → nginx.default.svc.cluster.local A ${clusterIP(c)} (asked 10.96.0.10)`);
    expect(c.net.connect({ from: { pod }, to: 'nginx.default', port: 80 }).outcome).toBe('connected');
    const missing = c.net.connect({ from: { pod }, to: 'nope', port: 80 });
    expect([missing.outcome, missing.resolveError]).toEqual(['no-route', 'nxdomain']);
    const fromNode = c.net.connect({ from: { node: 'kind-worker' }, to: 'nginx.default.svc.cluster.local', port: 80 });
    expect(fromNode.resolveError).toBe('nxdomain');
  });

  it('switches each node to the ConfigMap mode as its restarted kube-proxy pod starts', () => {
    const c = nginxCluster(3);
    expect(setKubeProxyMode(c, 'ipvs').ok).toBe(true);
    c.drain();
    // the ConfigMap alone changes nothing: the running pods read it when they started
    expect(c.proxies.proxier('kind-worker')?.mode).toBe('iptables');
    c.advance(60_000);
    for (const n of c.proxies.nodes()) expect([n, c.proxies.proxier(n)?.mode, c.proxyConfig(n)?.mode]).toEqual([n, 'ipvs', 'ipvs']);
    expect(c.net.connect({ from: { node: 'kind-worker' }, to: clusterIP(c), port: 80 }).steps.some((s) => s.kind === 'rule' && s.mode === 'ipvs')).toBe(true);
  });
});

