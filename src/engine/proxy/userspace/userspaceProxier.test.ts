import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesSave } from '../iptables/iptablesSave';
import { overallRulesCluster } from '../testing/fixtures';
import { portalTables } from './portalRules';
import { UserspaceProxier, userspaceTable } from './userspaceProxier';

const testNode = { name: 'test-node', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8' };

function golden(name: string, got: string): string {
  const url = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, got);
  return readFileSync(url, 'utf8');
}

function synced(): UserspaceProxier {
  const p = new UserspaceProxier(testNode);
  p.sync(overallRulesCluster(), undefined);
  return p;
}

describe('userspace proxier', () => {
  // The cluster of TestOverallIPTablesRules under the userspace mode (removed in 1.26): svcsim's readable
  // table, then the nat table as iptables-save prints the portal rules kubernetes/kubernetes v1.25
  // pkg/proxy/userspace/proxier.go wrote for it (`iptablesInit`, `openOnePortal`, `openNodePort`).
  it('writes the portal rules of the TestOverallIPTablesRules cluster', () => {
    const p = synced();
    const got = `${userspaceTable(p)}\n${iptablesSave((t) => portalTables(p, t), Date.UTC(2026, 0, 5, 9, 0, 0), 'nat')}`;
    expect(got).toBe(golden('overall-rules.txt', got));
  });

  it('redirects each Service address to the proxy port from pods and DNATs it to the node IP from the host', () => {
    const p = synced();
    const save = iptablesSave((t) => portalTables(p, t), 0, 'nat');
    const svc4 = p.ports().find((u) => u.info.name === 'ns4/svc4:p80');
    // v1.25 `iptablesCommonPortalArgs`: comment, -p, -m tcp --dport, -d; `iptablesContainerPortalArgs` adds
    // `-m physdev ! --physdev-is-in` for an external IP, then a second rule with `-m addrtype --dst-type LOCAL`
    expect(save).toContain(`-A KUBE-PORTALS-CONTAINER -d 172.30.0.44/32 -p tcp -m comment --comment "ns4/svc4:p80" -m tcp --dport 80 -j REDIRECT --to-ports ${svc4?.proxyPort}`);
    expect(save).toContain(`-A KUBE-PORTALS-CONTAINER -d 192.168.99.33/32 -p tcp -m comment --comment "ns4/svc4:p80" -m tcp --dport 80 -m physdev ! --physdev-is-in -j REDIRECT --to-ports ${svc4?.proxyPort}`);
    expect(save).toContain(`-A KUBE-PORTALS-HOST -d 192.168.99.33/32 -p tcp -m comment --comment "ns4/svc4:p80" -m tcp --dport 80 -m addrtype --dst-type LOCAL -j DNAT --to-destination 192.168.0.2:${svc4?.proxyPort}`);
    // `iptablesInit`: the NodePort chains hang off PREROUTING and OUTPUT after the portal chains
    expect(save).toContain('-A PREROUTING -m addrtype --dst-type LOCAL -m comment --comment "handle service NodePorts; NOTE: this must be the last rule in the chain" -j KUBE-NODEPORT-CONTAINER');
    const svc3 = p.ports().find((u) => u.info.name === 'ns3/svc3:p80');
    expect(save).toContain(`-A KUBE-NODEPORT-HOST -p tcp -m comment --comment "ns3/svc3:p80" -m tcp --dport 3003 -j DNAT --to-destination 192.168.0.2:${svc3?.proxyPort}`);
  });
});
