import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overallRulesCluster, testService, testSlice, trackerWith } from '../testing/fixtures';
import { IptablesProxier } from './iptablesProxier';
import { iptablesSave, restoreLine } from './iptablesSave';
import type { Table } from './rule';

const testNode = { name: 'test-node', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8' };

/**
 * kube-proxy's iptables-restore input in the order kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go
 * compares it (`sortIPTablesRules`: KUBE-NODEPORTS and KUBE-SERVICES first, then the other chains by name,
 * each chain's rules in order), without the built-in chains the test's fake does not record.
 */
function restoreText(p: IptablesProxier): string {
  const out: string[] = [];
  for (const t of ['filter', 'nat'] as Table[]) {
    const m = p.table(t);
    const first = t === 'filter' ? ['KUBE-NODEPORTS', 'KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-PROXY-FIREWALL'] : ['KUBE-NODEPORTS', 'KUBE-SERVICES'];
    const rest = [...m.chains.keys()].filter((c) => !m.builtins.includes(c) && !first.includes(c)).sort();
    const order = [...first, ...rest];
    out.push(`*${t}`, ...order.map((c) => `:${c} - [0:0]`));
    for (const c of order) for (const r of m.chains.get(c) ?? []) out.push(restoreLine(r));
    out.push('COMMIT');
  }
  return `${out.join('\n')}\n`;
}

const golden = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('iptables proxier', () => {
  // The golden file is the expected output of TestOverallIPTablesRules in kubernetes/kubernetes
  // pkg/proxy/iptables/proxier_test.go (ClusterIP, LoadBalancer + Local policy, NodePort, external IPs with two
  // endpoints, LoadBalancer with source ranges and ClientIP affinity, no endpoints), compared line for line.
  it('writes the rules of TestOverallIPTablesRules', () => {
    const p = new IptablesProxier(testNode);
    p.sync(overallRulesCluster(), undefined);
    expect(restoreText(p)).toBe(golden('overall-rules.restore'));
  });

  it('prints the same rules as iptables-save does on a node', () => {
    const p = new IptablesProxier(testNode);
    p.sync(overallRulesCluster(), undefined);
    expect(iptablesSave((t) => p.table(t), Date.UTC(2026, 0, 5, 9, 0, 0))).toBe(golden('overall-rules.iptables-save'));
  });

  it.each([1, 2, 3, 4, 5])('cascades %i endpoints with probabilities 1/n, 1/(n-1), ... and a final catch-all', (n) => {
    const ips = Array.from({ length: n }, (_, i) => ({ ip: `10.244.1.${i + 10}` }));
    const t = trackerWith([testService('default', 'web', { clusterIP: '10.96.0.50', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] })], [testSlice('default', 'web', ips)]);
    const p = new IptablesProxier(testNode);
    p.sync(t, undefined);
    const svc = [...p.table('nat').chains.entries()].find(([c]) => c.startsWith('KUBE-SVC-'));
    const probs = (svc?.[1] ?? []).filter((r) => r.target.t === 'jump' && r.target.chain.startsWith('KUBE-SEP-')).map((r) => restoreLine(r).match(/--probability (\S+)/)?.[1] ?? 'always');
    const expected = Array.from({ length: n }, (_, i) => (i === n - 1 ? 'always' : (1 / (n - i)).toFixed(10)));
    expect(probs).toEqual(expected);
  });

  it('rebuilds only the Services that changed', () => {
    const t = overallRulesCluster();
    const p = new IptablesProxier(testNode);
    p.sync(t, undefined);
    const before = p.chain('nat', 'KUBE-SVC-XPGD46QRK7WJZT7O');
    t.onSliceChange(testSlice('ns3', 'svc3', [{ ip: '10.180.0.3' }, { ip: '10.180.0.9' }]));
    p.sync(t, new Set(['ns3/svc3']));
    expect(p.chain('nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toEqual(before);
    expect(p.chain('nat', 'KUBE-SVC-X27LE4BHSL4DOUIK').map(restoreLine)).toContain('-A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 -> 10.180.0.3:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-OYPFS5VJICHGATKP');
  });
  it('keeps the rules its last sync saw until it syncs again, sharing them with nodes whose inputs are the same', () => {
    const t = overallRulesCluster();
    const a = new IptablesProxier(testNode);
    const b = new IptablesProxier({ ...testNode, name: 'other-node' });
    a.sync(t, undefined);
    b.sync(t, undefined);
    const before = a.chain('nat', 'KUBE-SVC-X27LE4BHSL4DOUIK').map(restoreLine);
    t.onSliceChange(testSlice('ns3', 'svc3', [{ ip: '10.180.0.3' }, { ip: '10.180.0.9' }]));
    // not synced yet: what the node has is what its last sync saw, whenever it is read
    expect(b.chain('nat', 'KUBE-SVC-X27LE4BHSL4DOUIK').map(restoreLine)).toEqual(before);
    a.sync(t, new Set(['ns3/svc3']));
    b.sync(t, new Set(['ns3/svc3']));
    expect(a.chain('nat', 'KUBE-SVC-X27LE4BHSL4DOUIK').map(restoreLine)).not.toEqual(before);
    expect(a.serviceRules('ns3/svc3')).toBe(b.serviceRules('ns3/svc3'));
    // a Local traffic policy makes the rules depend on which endpoints are on the node: not shared
    expect(a.serviceRules('ns2/svc2')).not.toBe(b.serviceRules('ns2/svc2'));
    expect(a.serviceRules('ns2/svc2').length).toBeGreaterThan(0);
  });
});
