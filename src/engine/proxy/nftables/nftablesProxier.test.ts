import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overallRulesCluster, testService, testSlice, trackerWith } from '../testing/fixtures';
import { NftablesProxier } from './nftablesProxier';
import { nftListTable } from './nftList';

/** The fake proxier's node and ServiceCIDR in kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go. */
const testNode = { name: 'test-node', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8', serviceCIDRs: ['172.30.0.0/16'] };

function golden(name: string, got: string): string {
  const url = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, got);
  return readFileSync(url, 'utf8');
}

function synced(tracker = overallRulesCluster()): NftablesProxier {
  const p = new NftablesProxier(testNode);
  p.sync(tracker, undefined);
  return p;
}

describe('nftables proxier', () => {
  // The six Services of TestOverallNFTablesRules (kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go, the
  // same cluster as TestOverallIPTablesRules), listed as `nft list table ip kube-proxy` prints them. Every rule
  // and element of the upstream expected transaction is in the golden, in nft's listing syntax; the order is
  // nftList.ts's (sets, then chains in creation order, Services sorted by name).
  it('writes the rules of TestOverallNFTablesRules', () => {
    const got = nftListTable(synced());
    expect(got).toBe(golden('overall-rules.nft', got));
  });

  // Upstream's expectations for svc2 (LoadBalancer, externalTrafficPolicy: Local, its only endpoint on
  // another node) and svc6 (no endpoints), verbatim apart from nft's listing syntax.
  it('drops external traffic of a Local-policy Service with no local endpoint, and rejects a Service with none', () => {
    const got = nftListTable(synced());
    expect(got).toContain('elements = { 192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop,\n\t\t\t     1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop,\n\t\t\t     172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }');
    expect(got).toContain('elements = { tcp . 3001 comment "ns2/svc2:p80" : drop }');
    // the ClusterIP still reaches the cluster-wide endpoint, and the external chain short-circuits pod and
    // node traffic but has no `goto local-…` without a local endpoint
    expect(got).toContain('172.30.0.42 . tcp . 80 : goto service-42NFTM6N-ns2/svc2/tcp/p80');
    const ext = got.slice(got.indexOf('chain external-42NFTM6N-ns2/svc2/tcp/p80 {'));
    expect(ext.slice(0, ext.indexOf('}'))).not.toContain('goto local-');
  });

  it('drops ClusterIP traffic of an internalTrafficPolicy: Local Service with no endpoint on this node', () => {
    const t = trackerWith(
      [testService('ns1', 'local', { clusterIP: '172.30.0.50', internalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] })],
      [testSlice('ns1', 'local', [{ ip: '10.180.0.9', node: 'other-node' }])],
    );
    const got = nftListTable(synced(t));
    expect(got).toContain('elements = { 172.30.0.50 . tcp . 80 comment "ns1/local:p80" : drop }');
    expect(got).not.toMatch(/service-ips \{[^}]*172\.30\.0\.50/);
  });
});
