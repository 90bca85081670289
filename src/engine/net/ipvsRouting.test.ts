/**
 * Connections through a kind cluster whose kube-proxy runs in IPVS mode: the configured scheduler's choice,
 * traffic policies as IPVS mode applies them (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go `syncEndpoint`,
 * `writeIptablesRules`), and the addresses NodePorts are served on.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { formatTimestamp } from '../clock';
import { ipvsadmList } from '../proxy/ipvs/ipvsadm';
import type { IpvsProxier } from '../proxy/ipvs/ipvsProxier';
import { nginxCluster, nginxDeployment } from './testing';

/** Sets `ipvs.scheduler` in config.conf and rolls the kube-proxy DaemonSet, as a kind user would. */
function setScheduler(c: Cluster, scheduler: string): void {
  const cm = c.get('ConfigMap', 'kube-system', 'kube-proxy');
  if (!cm.ok) throw new Error('no kube-proxy ConfigMap');
  const conf = (cm.value.data?.['config.conf'] ?? '').replace(/(\nipvs:\n(?: {2}.*\n)*? {2}scheduler: )\S+\n/, `$1${scheduler}\n`);
  if (!c.update('ConfigMap', { ...cm.value, data: { ...cm.value.data, 'config.conf': conf } }).ok) throw new Error('update failed');
  const at = formatTimestamp(c.now());
  if (!c.patch('DaemonSet', 'kube-system', 'kube-proxy', 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } }).ok) throw new Error('restart failed');
  c.advance(120_000);
}

function service(c: Cluster, name = 'nginx') {
  const s = c.get('Service', 'default', name);
  if (!s.ok) throw new Error('no service');
  return s.value.spec ?? {};
}

function pods(c: Cluster): { name: string; node: string; ip: string }[] {
  const l = c.list('Pod', { namespace: 'default' });
  if (!l.ok) throw new Error('no pods');
  return l.value.items.map((p) => ({ name: p.metadata?.name ?? '', node: p.spec?.nodeName ?? '', ip: p.status?.podIP ?? '' }));
}

const ipvs = (c: Cluster, node: string) => c.proxies.proxier(node) as IpvsProxier;
const nodeIP = (c: Cluster, node: string) => c.config.nodes.find((n) => n.name === node)?.ip ?? '';

describe('IPVS routing', () => {
  it('uses the scheduler of the ConfigMap on every virtual server once kube-proxy restarts', () => {
    const c = nginxCluster(3, { proxyMode: 'ipvs' });
    expect(ipvsadmList(ipvs(c, 'kind-worker'))).toContain(`TCP  ${service(c).clusterIP}:80 rr\n`);
    setScheduler(c, 'lc');
    expect(c.proxyConfig('kind-worker')?.ipvsScheduler).toBe('lc');
    const lines = ipvsadmList(ipvs(c, 'kind-worker')).split('\n').filter((l) => /^(TCP|UDP) /.test(l));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((l) => / lc$/.test(l))).toBe(true);
  });

  it('keeps the old virtual servers when the kernel has no such scheduler (kube-proxy exits)', () => {
    const c = nginxCluster(1, { proxyMode: 'ipvs' });
    setScheduler(c, 'lcx');
    expect(c.proxyConfig('kind-worker')?.error).toBe("can't use the IPVS proxier: no such file or directory");
    expect(ipvs(c, 'kind-worker').scheduler).toBe('rr');
  });

  it('lc sends each new connection to the real server with the fewest, and ipvsadm counts them as InActConn', () => {
    const c = nginxCluster(3, { proxyMode: 'ipvs' });
    setScheduler(c, 'lc');
    const client = pods(c)[0];
    const vip = service(c).clusterIP ?? '';
    const seq = Array.from({ length: 6 }, () => c.net.connect({ from: { pod: client.name }, to: vip, port: 80 }));
    expect(seq.every((t) => t.outcome === 'connected')).toBe(true);
    const eps = seq.map((t) => t.endpoint);
    expect(new Set(eps.slice(0, 3)).size).toBe(3);
    expect(eps.slice(3)).toEqual(eps.slice(0, 3));
    expect(seq[0].steps.some((s) => s.kind === 'note' && s.text.startsWith('lc: fewest connections'))).toBe(true);
    // the real-server lines of the Service: two closed connections each, in TIME_WAIT (inactive)
    const text = ipvsadmList(ipvs(c, client.node), c.now());
    const block = text.slice(text.indexOf(`TCP  ${vip}:80 lc`)).split('\n').slice(1, 4);
    expect(block.map((l) => l.trim().split(/\s+/).slice(4))).toEqual([
      ['0', '2'],
      ['0', '2'],
      ['0', '2'],
    ]);
  });

  it('sh keeps each client on one real server', () => {
    const c = nginxCluster(3, { proxyMode: 'ipvs' });
    setScheduler(c, 'sh');
    const vip = service(c).clusterIP ?? '';
    for (const p of pods(c)) {
      const seen = new Set(Array.from({ length: 8 }, () => c.net.connect({ from: { pod: p.name }, to: vip, port: 80 }).endpoint));
      expect(seen.size).toBe(1);
    }
  });

  it('externalTrafficPolicy Local: kept client IP on the endpoint node; from elsewhere the reply is dropped', () => {
    const c = nginxCluster(1, { proxyMode: 'ipvs' }, { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
    const [pod] = pods(c);
    const other = c.config.nodes.find((n) => n.role === 'worker' && n.name !== pod.node);
    if (!other) throw new Error('one worker only');
    const ok = c.net.connect({ from: { host: true }, to: nodeIP(c, pod.node), port: 30080 });
    expect(ok.outcome).toBe('connected');
    expect(ok.seenSource).toBe('172.18.0.1');
    // the node without an endpoint still has one behind its virtual server (#97081), reached without SNAT
    expect(ipvs(c, other.name).lookup(other.ip, 30080, 'TCP')?.realServers.map((r) => r.ip)).toEqual([pod.ip]);
    const lost = c.net.connect({ from: { host: true }, to: other.ip, port: 30080 });
    expect(lost.outcome).toBe('timeout');
    expect(lost.steps.some((s) => s.kind === 'fail' && s.text.includes('externalTrafficPolicy: Local and no endpoint'))).toBe(true);
    // a pod on that node reaches it: no SNAT either, and the reply comes back through its node
    c.apply('Deployment', nginxDeployment(3, 'client'));
    c.advance(30_000);
    const client = pods(c).find((p) => p.name.startsWith('client-') && p.node !== pod.node);
    if (!client) throw new Error('no client pod off the endpoint node');
    const t = c.net.connect({ from: { pod: client.name }, to: nodeIP(c, client.node), port: 30080 });
    expect(t.outcome).toBe('connected');
    expect(t.endpoint).toBe(`${pod.ip}:80`);
    expect(t.seenSource).toBe(client.ip);
  });

  it('internalTrafficPolicy Local: the local endpoint only, refused on a node without one', () => {
    const c = nginxCluster(1, { proxyMode: 'ipvs' }, { internalTrafficPolicy: 'Local' });
    const [pod] = pods(c);
    const vip = service(c).clusterIP ?? '';
    const same = c.net.connect({ from: { node: pod.node }, to: vip, port: 80 });
    expect(same.outcome).toBe('connected');
    const other = c.config.nodes.find((n) => n.role === 'worker' && n.name !== pod.node);
    if (!other) throw new Error('one worker only');
    expect(ipvs(c, other.name).lookup(vip, 80, 'TCP')?.realServers).toEqual([]);
    // no destination: ip_vs_leave answers ICMP port unreachable
    expect(c.net.connect({ from: { node: other.name }, to: vip, port: 80 }).outcome).toBe('refused');
  });

  it('serves a NodePort on the node IP and the pod gateway address, not on 127.0.0.1', () => {
    const c = nginxCluster(1, { proxyMode: 'ipvs' }, { type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] });
    const [pod] = pods(c);
    const gateway = c.config.nodes.find((n) => n.name === pod.node)?.podCIDR.replace(/\.0\/\d+$/, '.1') ?? '';
    const p = ipvs(c, pod.node);
    expect(p.nodeIPs()).toEqual([gateway, nodeIP(c, pod.node)].sort((x, y) => (x < y ? -1 : 1)));
    expect(ipvsadmList(p)).toContain(`TCP  ${gateway}:30080 rr\n`);
    expect(c.net.connect({ from: { pod: pod.name }, to: gateway, port: 30080 }).outcome).toBe('connected');
    const lo = c.net.connect({ from: { node: pod.node }, to: '127.0.0.1', port: 30080 });
    expect(lo.outcome).toBe('refused');
    expect(lo.steps.some((s) => s.kind === 'fail' && s.text.includes('not on loopback'))).toBe(true);
  });
});
