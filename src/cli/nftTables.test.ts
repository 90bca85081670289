/**
 * `nft` inside a kind node, as a kind user types it: golden transcripts under the iptables mode (only the tables
 * iptables-nft made: kubernetes/kubernetes pkg/kubelet/kubelet_network_linux.go `syncIPTablesRules`) and the
 * nftables mode (kube-proxy's `ip kube-proxy` table, pkg/proxy/nftables/proxier.go; `nft list tables` prints
 * `table <family> <name>` per table, nftables src/rule.c `do_list_tables`).
 */
import { describe, expect, it } from 'vitest';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

describe('nft on a kind node', () => {
  it('iptables mode: lists the iptables-nft tables and has no kube-proxy table', () => {
    const got = replay('nft-tables', {});
    expect(got).toBe(golden('nft-tables', got));
    expect(got).toContain('$ docker exec kind-worker nft list tables\ntable ip mangle\ntable ip filter\ntable ip nat\n$');
    expect(got).toContain('$ docker exec kind-worker nft list table ip kube-proxy\nError: No such file or directory\n');
    expect(got).not.toContain('table ip kube-proxy {');
  });

  it('nftables mode: lists ip kube-proxy last, and drops a Local-policy NodePort on the node without its pod', () => {
    const got = replay('nft-tables-nftables', { proxyMode: 'nftables' });
    expect(got).toBe(golden('nft-tables-nftables', got));
    expect(got).toContain('table ip nat\ntable ip kube-proxy\n');
    // one of the two workers runs the pod (goto local-…), the other lists the NodePort as a drop element
    expect(got).toMatch(/tcp \. 3\d{4} comment "default\/web" : drop/);
    expect(got).toMatch(/goto local-\w{8}-default\/web\/tcp\//);
    // the cluster's ServiceCIDR (kube-proxy 1.34 watches ServiceCIDR objects)
    expect(got).toMatch(/ip daddr 10\.96\.0\.0\/\d+ drop comment "Drop traffic to unallocated ClusterIPs"/);
  });
});
