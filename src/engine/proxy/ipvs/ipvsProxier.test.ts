import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iptablesSave } from '../iptables/iptablesSave';
import { nodeIptables } from '../nodeIptables';
import { overallRulesCluster, testService, testSlice, trackerWith } from '../testing/fixtures';
import { ipsetList, ipsets, ipvsadmList } from './ipvsadm';
import { IpvsProxier } from './ipvsProxier';

const testNode = { name: 'test-node', ip: '192.168.0.2', clusterCIDR: '10.0.0.0/8' };
const at = Date.UTC(2026, 0, 5, 9, 0, 0);

function golden(name: string, got: string): string {
  const url = new URL(`./testdata/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(url, got);
  return readFileSync(url, 'utf8');
}

function overall(): IpvsProxier {
  const p = new IpvsProxier(testNode);
  p.sync(overallRulesCluster(), undefined);
  return p;
}

const members = (p: IpvsProxier, set: string) => ipsets(p).find((s) => s.name === set)?.members;
const natRules = (p: IpvsProxier) =>
  iptablesSave(nodeIptables(p), at, 'nat')
    .split('\n')
    .filter((l) => l.startsWith('-A '));

describe('IPVS proxier', () => {
  // The fixed cluster of the iptables golden (TestOverallIPTablesRules' six Services: ClusterIP, LoadBalancer with
  // Local policy and an external IP, NodePort, external IP with two endpoints, LoadBalancer with source ranges and
  // ClientIP affinity, no endpoints) as IPVS mode leaves it on the node.
  it('lists the fixed cluster as ipvsadm -Ln, ipset list and iptables-save -t nat show it', () => {
    const p = overall();
    const ipvsadm = ipvsadmList(p);
    expect(ipvsadm).toBe(golden('overall.ipvsadm', ipvsadm));
    const sets = ipsetList(p) ?? '';
    expect(sets).toBe(golden('overall.ipset', sets));
    const nat = iptablesSave(nodeIptables(p), at, 'nat');
    expect(nat).toBe(golden('overall.nat.iptables-save', nat));
  });

  it('gives every virtual server the configured scheduler, rr when blank', () => {
    const lines = (p: IpvsProxier) => ipvsadmList(p).split('\n').filter((l) => /^(TCP|UDP|SCTP) /.test(l));
    const blank = new IpvsProxier(testNode, { scheduler: '' });
    blank.sync(overallRulesCluster(), undefined);
    expect(lines(blank).every((l) => / rr( |$)/.test(l))).toBe(true);
    const lc = new IpvsProxier(testNode, { scheduler: 'lc' });
    lc.sync(overallRulesCluster(), undefined);
    expect(lines(lc).length).toBe(lines(blank).length);
    expect(lines(lc).every((l) => / lc( |$)/.test(l))).toBe(true);
    // kube-proxy sets mh-port with mh (pkg/proxy/ipvs/proxier.go `FlagSourceHash`)
    const mh = new IpvsProxier(testNode, { scheduler: 'mh' });
    mh.sync(overallRulesCluster(), undefined);
    expect(lines(mh)).toContain('TCP  172.30.0.41:80 mh (mh-port)');
  });

  // TestSessionAffinity (pkg/proxy/ipvs/proxier_test.go): ClientIP affinity is the persistent flag with the
  // affinity timeout, on every virtual server of the Service
  it('makes ClientIP affinity a persistent virtual server', () => {
    const svc5 = overall()
      .virtualServerList()
      .filter((v) => v.service.name === 'ns5/svc5:p80');
    expect(svc5.map((v) => `${v.kind} ${v.ip}:${v.port} ${v.persistentSeconds}`)).toEqual(['loadbalancer IP 5.6.7.8:80 10800', 'cluster IP 172.30.0.45:80 10800', 'node port 192.168.0.2:3002 10800']);
    expect(ipvsadmList(overall())).toContain('TCP  5.6.7.8:80 rr persistent 10800\n');
  });

  // TestOnlyLocalNodePorts (pkg/proxy/ipvs/proxier_test.go): the NodePort virtual server holds only the local
  // endpoint; the port is in KUBE-NODE-PORT-TCP and KUBE-NODE-PORT-LOCAL-TCP; KUBE-NODE-PORT returns the Local set
  // before it masquerades the other
  it('keeps only local endpoints behind a Local NodePort and returns it before masquerading', () => {
    const t = trackerWith(
      [testService('ns1', 'svc1', { type: 'NodePort', clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
      [testSlice('ns1', 'svc1', [{ ip: '10.180.0.1', node: 'test-node' }, { ip: '10.180.1.1', node: 'other-node' }])],
    );
    const p = new IpvsProxier({ ...testNode, ip: '100.101.102.103' });
    p.sync(t, undefined);
    expect(p.lookup('100.101.102.103', 3001, 'TCP')?.realServers.map((r) => r.endpoint.endpoint)).toEqual(['10.180.0.1:80']);
    expect(p.virtualServerList().length).toBe(2);
    expect(members(p, 'KUBE-NODE-PORT-TCP')).toEqual(['3001']);
    expect(members(p, 'KUBE-NODE-PORT-LOCAL-TCP')).toEqual(['3001']);
    const rules = natRules(p);
    expect(rules.filter((r) => r.startsWith('-A KUBE-NODE-PORT '))).toEqual([
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    ]);
    expect(rules.filter((r) => r.startsWith('-A KUBE-SERVICES ')).map((r) => r.replace(/ -m comment --comment "[^"]*"/, ''))).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      '-A KUBE-SERVICES ! -s 10.0.0.0/8 -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
    ]);
  });

  // TestOnlyLocalNodePorts' other half, pkg/proxy/ipvs/proxier.go `syncEndpoint` (kubernetes/kubernetes#97081): a
  // node without a local endpoint keeps the cluster's endpoints behind a Local virtual server
  it('falls back to the cluster endpoints when a Local policy finds none on the node', () => {
    const t = trackerWith(
      [testService('ns1', 'svc1', { type: 'NodePort', clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
      [testSlice('ns1', 'svc1', [{ ip: '10.180.1.1', node: 'other-node' }])],
    );
    const p = new IpvsProxier(testNode);
    p.sync(t, undefined);
    expect(p.lookup('192.168.0.2', 3001, 'TCP')?.realServers.map((r) => r.endpoint.endpoint)).toEqual(['10.180.1.1:80']);
  });

  // TestOnlyLocalLoadBalancing: KUBE-LOAD-BALANCER and KUBE-LOAD-BALANCER-LOCAL hold the ingress; KUBE-SERVICES
  // jumps to KUBE-LOAD-BALANCER first, which returns the Local set and masquerades the rest
  it('returns Local LoadBalancer traffic before the chain masquerades', () => {
    const p = overall();
    expect(members(p, 'KUBE-LOAD-BALANCER')).toEqual(['1.2.3.4,tcp:80', '5.6.7.8,tcp:80']);
    expect(members(p, 'KUBE-LOAD-BALANCER-LOCAL')).toEqual(['1.2.3.4,tcp:80']);
    expect(natRules(p).filter((r) => r.startsWith('-A KUBE-LOAD-BALANCER '))).toEqual([
      '-A KUBE-LOAD-BALANCER -m comment --comment "Kubernetes service load balancer ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN',
      '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
    ]);
  });

  // TestAcceptIPVSTraffic and TestLoadBalancerSourceRanges: the order of KUBE-SERVICES — loopback RETURN, the LB
  // jump, ClusterIP masquerade, external IP masquerade and its two ACCEPTs, the NodePort jump, then the ACCEPTs
  // of what IPVS handles; the source-range sets hold the ingress and its CIDR
  it('orders KUBE-SERVICES as writeIptablesRules does', () => {
    const p = overall();
    const targets = natRules(p)
      .filter((r) => r.startsWith('-A KUBE-SERVICES '))
      .map((r) => `${r.match(/--match-set (\S+)/)?.[1] ?? (r.includes('127.0.0.0/8') ? 'lo' : '')} ${r.match(/-j (\S+)/)?.[1]}`);
    expect(targets).toEqual([
      'lo RETURN',
      'KUBE-LOAD-BALANCER KUBE-LOAD-BALANCER',
      'KUBE-CLUSTER-IP KUBE-MARK-MASQ',
      'KUBE-EXTERNAL-IP KUBE-MARK-MASQ',
      'KUBE-EXTERNAL-IP ACCEPT',
      'KUBE-EXTERNAL-IP ACCEPT',
      'KUBE-EXTERNAL-IP-LOCAL ACCEPT',
      'KUBE-EXTERNAL-IP-LOCAL ACCEPT',
      ' KUBE-NODE-PORT',
      'KUBE-CLUSTER-IP ACCEPT',
      'KUBE-LOAD-BALANCER ACCEPT',
    ]);
    expect(members(p, 'KUBE-LOAD-BALANCER-FW')).toEqual(['5.6.7.8,tcp:80']);
    expect(members(p, 'KUBE-LOAD-BALANCER-SOURCE-CIDR')).toEqual(['5.6.7.8,tcp:80,203.0.113.0/25']);
    // the node's IP is outside the range: no source-IP entry for it
    expect(members(p, 'KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual([]);
  });

  // TestNodePortIPv4 / syncProxyRules' nodeIPs: one NodePort virtual server per node address, loopback left out
  it('serves a NodePort on every node address but loopback, none of them bound to kube-ipvs0', () => {
    const p = new IpvsProxier(testNode, { nodeAddresses: () => ['127.0.0.1', '192.168.0.2', '10.244.1.1'] });
    p.sync(overallRulesCluster(), undefined);
    expect(p.nodeIPs()).toEqual(['10.244.1.1', '192.168.0.2']);
    const np = p.virtualServerList().filter((v) => v.service.name === 'ns3/svc3:p80' && v.kind === 'node port');
    expect(np.map((v) => `${v.ip}:${v.port}`)).toEqual(['10.244.1.1:3003', '192.168.0.2:3003']);
    expect(p.boundAddresses()).not.toContain('192.168.0.2');
    expect(p.lookup('127.0.0.1', 3003, 'TCP')).toBeUndefined();
    expect(members(p, 'KUBE-IPVS-IPS')).toEqual(p.boundAddresses().slice().sort());
  });

  it('picks the node addresses up at its next sync, as kube-proxy reads them at each sync', () => {
    let addrs = ['192.168.0.2'];
    const p = new IpvsProxier(testNode, { nodeAddresses: () => addrs });
    const t = overallRulesCluster();
    p.sync(t, undefined);
    addrs = ['192.168.0.2', '10.244.1.1'];
    expect(p.lookup('10.244.1.1', 3003, 'TCP')).toBeUndefined();
    p.sync(t, new Set());
    expect(p.lookup('10.244.1.1', 3003, 'TCP')?.realServers.length).toBe(1);
  });
});
