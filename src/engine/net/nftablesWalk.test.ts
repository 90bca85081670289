/**
 * The nftables walk evaluates the same rule model `nft list` prints (nftRuleset.ts), on the cluster of
 * TestOverallNFTablesRules; expected outcomes are the packet-flow tests of kubernetes/kubernetes
 * pkg/proxy/nftables/proxier_test.go (`TestNoEndpointsReject`, `TestLoadBalancer`, `TestExternalTrafficPolicy…`).
 */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../shared/prng';
import { NftablesProxier } from '../proxy/nftables/nftablesProxier';
import { overallRulesCluster, testService, testSlice, trackerWith } from '../proxy/testing/fixtures';
import { walkNftables } from './otherModesWalk';
import type { Persistence } from './persistence';
import type { Packet, WalkContext } from './packet';

const node = { name: 'test-node', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8' };

function walk(pkt: Packet, localOrigin = false, persist: Persistence = new Map(), now = 0, tracker = overallRulesCluster()) {
  const p = new NftablesProxier(node);
  p.sync(tracker, undefined);
  const ctx: WalkContext = { node, localOrigin, now, rand: createPrng(1), recent: new Map(), steps: [] };
  const r = walkNftables(p, pkt, ctx, persist);
  return { ...r, rules: ctx.steps.flatMap((s) => (s.kind === 'rule' ? [s.text] : [])) };
}

const tcp = (src: string, dst: string, dport: number): Packet => ({ src, dst, dport, proto: 'TCP' });

describe('nftables walk', () => {
  it('drops external traffic to a Local-policy LoadBalancer without a local endpoint, at the drop element it lists', () => {
    for (const [dst, port] of [
      ['1.2.3.4', 80],
      ['192.168.99.22', 80],
      ['192.168.0.2', 3001],
    ] as const) {
      const r = walk(tcp('203.0.113.1', dst, port));
      expect(r.verdict).toBe('drop');
      expect(r.rules.at(-1)).toMatch(/vmap @no-endpoint-(services|nodeports) {2}\(.* : drop\)$/);
    }
  });

  it('short-circuits pod and node traffic to that LoadBalancer to the cluster-wide endpoint', () => {
    const pod = walk(tcp('10.0.0.2', '1.2.3.4', 80));
    expect(pod).toMatchObject({ verdict: 'accept', dnat: { ip: '10.180.0.2', port: 80 }, masquerade: false });
    expect(pod.rules).toContain('ip saddr 10.0.0.0/8 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"');
    const host = walk(tcp('192.168.0.2', '1.2.3.4', 80), true);
    expect(host).toMatchObject({ verdict: 'accept', dnat: { ip: '10.180.0.2', port: 80 }, masquerade: true });
  });

  it('rejects a Service without endpoints and still serves the ClusterIP of the Local-policy Service', () => {
    expect(walk(tcp('10.0.0.2', '172.30.0.46', 80))).toMatchObject({ verdict: 'reject' });
    expect(walk(tcp('10.0.0.2', '172.30.0.42', 80))).toMatchObject({ verdict: 'accept', dnat: { ip: '10.180.0.2', port: 80 } });
  });

  it('drops ClusterIP traffic of an internalTrafficPolicy: Local Service with no endpoint on this node', () => {
    const t = trackerWith(
      [testService('ns1', 'local', { clusterIP: '172.30.0.50', internalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] })],
      [testSlice('ns1', 'local', [{ ip: '10.180.0.9', node: 'other-node' }])],
    );
    const r = walk(tcp('10.0.0.2', '172.30.0.50', 80), false, new Map(), 0, t);
    expect(r.verdict).toBe('drop');
    expect(r.rules).toEqual(['ip daddr . meta l4proto . th dport vmap @no-endpoint-services  (172.30.0.50 . tcp . 80 : drop)']);
  });

  it('drops LoadBalancer traffic from outside loadBalancerSourceRanges, but not NodePort traffic', () => {
    expect(walk(tcp('203.0.113.200', '5.6.7.8', 80))).toMatchObject({ verdict: 'drop' });
    expect(walk(tcp('203.0.113.1', '5.6.7.8', 80))).toMatchObject({ verdict: 'accept', dnat: { ip: '10.180.0.3', port: 80 }, masquerade: true });
    expect(walk(tcp('203.0.113.200', '192.168.0.2', 3002))).toMatchObject({ verdict: 'accept', dnat: { ip: '10.180.0.3', port: 80 } });
  });

  it('masquerades off-cluster ClusterIP traffic and hairpin traffic, not pod traffic', () => {
    expect(walk(tcp('10.0.0.2', '172.30.0.41', 80)).masquerade).toBe(false);
    expect(walk(tcp('192.168.0.5', '172.30.0.41', 80)).masquerade).toBe(true);
    expect(walk(tcp('10.180.0.1', '172.30.0.41', 80)).masquerade).toBe(true);
  });

  it('keeps ClientIP affinity through the affinity set the endpoint chain updates', () => {
    const persist: Persistence = new Map();
    walk(tcp('10.0.0.2', '172.30.0.45', 80), false, persist, 0);
    const again = walk(tcp('10.0.0.2', '172.30.0.45', 80), false, persist, 1000);
    expect(again.rules).toContain('ip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80');
    const expired = walk(tcp('10.0.0.2', '172.30.0.45', 80), false, persist, 10_801_000);
    expect(expired.rules.some((t) => t.startsWith('ip saddr @affinity-'))).toBe(false);
  });
});
