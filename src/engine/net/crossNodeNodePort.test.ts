/**
 * A connection to ANOTHER node's IP:NodePort crosses to that node, in every proxy mode. On the client's node the
 * address is not local, so its NodePort rules do not apply (iptables KUBE-NODEPORTS needs `--dst-type LOCAL`,
 * kubernetes/kubernetes pkg/proxy/iptables/proxier.go; IPVS serves NodePorts on the node's own addresses,
 * pkg/proxy/ipvs/proxier.go; nftables matches @nodeport-ips, pkg/proxy/nftables/proxier.go); kindnet masquerades
 * a pod's packet to a non-pod address (kubernetes-sigs/kind images/kindnetd/cmd/kindnetd/masq.go), so the
 * target node sees the client node's address and applies its own NodePort rules.
 */
import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { ProxyMode } from '../config';
import { nginxDeployment, nginxService } from './testing';
import type { ConnectionTrace, TraceStep } from './trace';

const nodePort = 30080;
const clientNode = 'kind-worker';
const targetNode = 'kind-worker2';

/** nginx pods (pinned to `on` when given) behind a NodePort, and a client pod on kind-worker. */
function cluster(mode: ProxyMode, policy: 'Cluster' | 'Local', replicas: number, on?: string): Cluster {
  const c = new Cluster({ proxyMode: mode });
  const d = nginxDeployment(replicas);
  if (on && d.spec?.template.spec) d.spec.template.spec.nodeSelector = { 'kubernetes.io/hostname': on };
  c.apply('Deployment', d);
  const spec: Partial<NonNullable<Service['spec']>> = { type: 'NodePort', externalTrafficPolicy: policy, ports: [{ port: 80, targetPort: 80, nodePort }] };
  c.apply('Service', nginxService(spec));
  c.apply('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { nodeName: clientNode, containers: [{ name: 'c', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39' }] } });
  c.advance(30_000);
  return c;
}

function ipOf(c: Cluster, node: string): string {
  const n = c.config.nodes.find((x) => x.name === node);
  if (!n) throw new Error(`no node ${node}`);
  return n.ip;
}

function podIP(c: Cluster, name: string): string {
  const p = c.get('Pod', 'default', name);
  if (!p.ok) throw new Error(`no pod ${name}`);
  return p.value.status?.podIP ?? '';
}

/** The rule that takes a NodePort on the node's address, in each mode's own rule model. */
const isNodePortRule: Record<ProxyMode, (s: Extract<TraceStep, { kind: 'rule' }>, nodeIP: string) => boolean> = {
  // -A KUBE-NODEPORTS ... --dport 30080 -j KUBE-EXT-… (pkg/proxy/iptables/proxier.go)
  iptables: (s) => s.chain === 'KUBE-NODEPORTS' && s.text.includes(`--dport ${nodePort}`),
  // ipvsadm's virtual server line `TCP  <node IP>:30080 rr` (pkg/proxy/ipvs/proxier.go)
  ipvs: (s, ip) => s.mode === 'ipvs' && s.text.startsWith(`TCP  ${ip}:${nodePort} `),
  // `ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports` (pkg/proxy/nftables/proxier.go)
  nftables: (s) => s.chain === 'services' && s.text.includes('@service-nodeports') && s.text.includes(`tcp . ${nodePort}`),
  // -A KUBE-NODEPORT-CONTAINER ... --dport 30080 -j REDIRECT (v1.25 pkg/proxy/userspace/proxier.go)
  userspace: (s) => s.chain === 'KUBE-NODEPORT-CONTAINER' && s.text.includes(`--dport ${nodePort}`),
};

/** The steps before and after the hop from the client's node to the target node. */
function split(t: ConnectionTrace, from: string, to: string): { before: TraceStep[]; after: TraceStep[] } {
  const at = t.steps.findIndex((s) => s.kind === 'hop' && s.from === from && s.to === to);
  expect(at).toBeGreaterThan(0);
  return { before: t.steps.slice(0, at), after: t.steps.slice(at + 1) };
}

const rules = (steps: TraceStep[]) => steps.filter((s): s is Extract<TraceStep, { kind: 'rule' }> => s.kind === 'rule');
const modes: ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];

describe('a connection to another node IP:NodePort', () => {
  it.each(modes)('from a pod crosses to that node and is answered through its NodePort rules (%s)', (mode) => {
    const c = cluster(mode, 'Cluster', 3);
    const a = ipOf(c, clientNode);
    const b = ipOf(c, targetNode);
    const t = c.net.connect({ from: { pod: 'client' }, to: b, port: nodePort });
    expect(t.outcome).toBe('connected');
    expect(t.pod).toMatch(/^default\/nginx-/);
    const { before, after } = split(t, clientNode, targetNode);
    // the client's node has no NodePort rule for an address that is not its own
    expect(rules(before).some((s) => isNodePortRule[mode](s, b) || isNodePortRule[mode](s, a))).toBe(false);
    // kindnet's KIND-MASQ-AGENT masquerades the pod's packet to the client node's address before it leaves
    expect(rules(before).map((s) => s.chain)).toEqual(expect.arrayContaining(['POSTROUTING', 'KIND-MASQ-AGENT']));
    expect(before).toContainEqual({ kind: 'snat', from: podIP(c, 'client'), to: a, node: clientNode });
    // the target node's own NodePort rules take it, and DNAT it to an endpoint
    const there = rules(after);
    expect(there.some((s) => isNodePortRule[mode](s, b))).toBe(true);
    expect(there.every((s) => s.node === targetNode)).toBe(true);
    if (mode !== 'userspace') expect(after.some((s) => s.kind === 'dnat' && s.from === `${b}:${nodePort}` && s.node === targetNode)).toBe(true);
    // with the Cluster policy the endpoint sees the target node's address (KUBE-MARK-MASQ, or the userspace proxy)
    expect(t.seenSource).toBe(b);
  });

  it.each(modes)('from a node crosses the same way, keeping the node address (%s)', (mode) => {
    const c = cluster(mode, 'Cluster', 3);
    const b = ipOf(c, targetNode);
    const t = c.net.connect({ from: { node: clientNode }, to: b, port: nodePort });
    expect(t.outcome).toBe('connected');
    const { before, after } = split(t, clientNode, targetNode);
    // the node's own address needs no SNAT: KIND-MASQ-AGENT matches, the address stays
    expect(before.some((s) => s.kind === 'snat')).toBe(false);
    expect(rules(after).some((s) => isNodePortRule[mode](s, b))).toBe(true);
    expect(t.seenSource).toBe(b);
  });

  it.each(['iptables', 'ipvs', 'nftables'] as const)('with externalTrafficPolicy Local and no endpoint on that node times out (%s)', (mode) => {
    const c = cluster(mode, 'Local', 2, 'kind-worker3');
    const b = ipOf(c, targetNode);
    for (const from of [{ pod: 'client' }, { node: clientNode }]) {
      const t = c.net.connect({ from, to: b, port: nodePort });
      expect(t.outcome).toBe('timeout');
      expect(t.pod).toBeUndefined();
      const { after } = split(t, clientNode, targetNode);
      expect(after.some((s) => s.kind === 'deliver')).toBe(false);
      expect(after.at(-1)?.kind).toBe('fail');
    }
  });

  it('with externalTrafficPolicy Local the userspace proxy still answers: it never implemented the policy', () => {
    // v1.25 pkg/proxy/userspace/roundrobin.go balances over every endpoint of the Service port
    const c = cluster('userspace', 'Local', 2, 'kind-worker3');
    const b = ipOf(c, targetNode);
    const t = c.net.connect({ from: { pod: 'client' }, to: b, port: nodePort });
    expect(t.outcome).toBe('connected');
    expect(t.seenSource).toBe(b);
  });

  it.each(['iptables', 'ipvs', 'nftables'] as const)('with externalTrafficPolicy Local answers from that node pod, which sees the client node address (%s)', (mode) => {
    const c = cluster(mode, 'Local', 2, targetNode);
    const a = ipOf(c, clientNode);
    const b = ipOf(c, targetNode);
    for (const from of [{ pod: 'client' }, { node: clientNode }]) {
      for (let i = 0; i < 4; i++) {
        const t = c.net.connect({ from, to: b, port: nodePort });
        expect(t.outcome).toBe('connected');
        expect(t.steps.at(-1)).toMatchObject({ kind: 'deliver', node: targetNode });
        // no kube-proxy SNAT on the target node: the source is what kindnet left, the client node's address
        expect(t.seenSource).toBe(a);
        const { after } = split(t, clientNode, targetNode);
        expect(after.some((s) => s.kind === 'snat')).toBe(false);
        expect(after.some((s) => s.kind === 'hop')).toBe(false);
      }
    }
  });

  it('hops again when the endpoint runs on a third node, SNATed to the target node', () => {
    const c = cluster('iptables', 'Cluster', 1, 'kind-worker3');
    const b = ipOf(c, targetNode);
    const t = c.net.connect({ from: { pod: 'client' }, to: b, port: nodePort });
    expect(t.outcome).toBe('connected');
    const path = t.steps.flatMap((s) => {
      if (s.kind === 'hop') return [`hop ${s.from}>${s.to}`];
      if (s.kind === 'snat' || s.kind === 'dnat' || s.kind === 'deliver') return [`${s.kind} ${s.node}`];
      return [];
    });
    // kindnet's SNAT on the client's node, the hop, DNAT and KUBE-POSTROUTING's SNAT on the target, the second hop
    expect(path).toEqual([`snat ${clientNode}`, `hop ${clientNode}>${targetNode}`, `dnat ${targetNode}`, `snat ${targetNode}`, `hop ${targetNode}>kind-worker3`, 'deliver kind-worker3']);
    expect(t.seenSource).toBe(b);
    // both nodes keep the connection in conntrack: kindnet's SNAT on the client's node, the DNAT on the target
    const port = t.sourcePort;
    expect(c.net.conntrack(clientNode).at(-1)).toMatchObject({ src: podIP(c, 'client'), sport: port, dst: b, dport: nodePort, replyDst: ipOf(c, clientNode) });
    expect(c.net.conntrack(targetNode).at(-1)).toMatchObject({ src: ipOf(c, clientNode), sport: port, dst: b, dport: nodePort, replyDst: b });
  });

  it("leaves the client's own node NodePort as it was: no hop", () => {
    const c = cluster('iptables', 'Cluster', 3);
    const t = c.net.connect({ from: { pod: 'client' }, to: ipOf(c, clientNode), port: nodePort });
    expect(t.outcome).toBe('connected');
    expect(t.steps.some((s) => s.kind === 'rule' && s.chain === 'KIND-MASQ-AGENT')).toBe(false);
    expect(t.steps.some((s) => s.kind === 'rule' && s.node !== undefined)).toBe(false);
  });
});
