/**
 * The iptables rules the userspace proxier wrote (kubernetes/kubernetes v1.25 pkg/proxy/userspace/proxier.go,
 * the last release with the mode: `iptablesInit`, `openOnePortal`, `openNodePort` and the `ipt…PortalArgs`
 * helpers). Each Service address — ClusterIP, external IPs, LoadBalancer ingress IPs — gets a
 * KUBE-PORTALS-CONTAINER rule that REDIRECTs to kube-proxy's proxy port and a KUBE-PORTALS-HOST rule that DNATs
 * to the node IP and that port; an external IP is matched twice in the container chain (traffic not bridged
 * in from a container, and traffic to a local address); a NodePort gets the same pair in KUBE-NODEPORT-*.
 * The filter table's KUBE-NODEPORT-NON-LOCAL chain (`-m state --state NEW -j ACCEPT` per proxy port) is not
 * modelled: svcsim's rule model has no `state` match.
 */
import type { TableModel } from '../iptables/iptablesProxier';
import { comment, type Part, type Rule, rule, type Table } from '../iptables/rule';
import type { UserspacePort, UserspaceProxier } from './userspaceProxier';

const natBuiltins = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const filterBuiltins = ['INPUT', 'FORWARD', 'OUTPUT'];

/** `-m comment --comment NAME -p PROTO -m PROTO --dport PORT [-d IP/32]`, in the order the proxier passes them. */
function common(u: UserspacePort, port: number, ip?: string, extra: Part[] = []): Part[] {
  return [comment(u.info.name), { k: 'proto', proto: u.info.protocol.toLowerCase() }, { k: 'dport', port }, ...(ip ? [{ k: 'dst' as const, cidr: ip }] : []), ...extra];
}

function portalRules(p: UserspaceProxier): Map<string, Rule[]> {
  const container: Rule[] = [];
  const host: Rule[] = [];
  const npContainer: Rule[] = [];
  const npHost: Rule[] = [];
  const redirect = (u: UserspacePort) => ({ t: 'REDIRECT' as const, toPorts: u.proxyPort });
  const dnat = (u: UserspacePort) => ({ t: 'DNAT' as const, to: `${p.node.ip}:${u.proxyPort}` });
  const local: Part = { k: 'addrtype', dst: 'LOCAL' };
  for (const u of p.ports()) {
    const port = u.info.port;
    container.push(rule('KUBE-PORTALS-CONTAINER', common(u, port, u.info.clusterIP), redirect(u)));
    host.push(rule('KUBE-PORTALS-HOST', common(u, port, u.info.clusterIP), dnat(u)));
    for (const ip of u.info.externalIPs) {
      container.push(rule('KUBE-PORTALS-CONTAINER', common(u, port, ip, [{ k: 'physdev', notIsIn: true }]), redirect(u)));
      container.push(rule('KUBE-PORTALS-CONTAINER', common(u, port, ip, [local]), redirect(u)));
      host.push(rule('KUBE-PORTALS-HOST', common(u, port, ip, [local]), dnat(u)));
    }
    for (const ip of u.info.loadBalancerIPs) {
      container.push(rule('KUBE-PORTALS-CONTAINER', common(u, port, ip), redirect(u)));
      host.push(rule('KUBE-PORTALS-HOST', common(u, port, ip), dnat(u)));
    }
    if (u.info.nodePort) {
      npContainer.push(rule('KUBE-NODEPORT-CONTAINER', common(u, u.info.nodePort), redirect(u)));
      npHost.push(rule('KUBE-NODEPORT-HOST', common(u, u.info.nodePort), dnat(u)));
    }
  }
  return new Map([
    ['KUBE-NODEPORT-CONTAINER', npContainer],
    ['KUBE-NODEPORT-HOST', npHost],
    ['KUBE-PORTALS-CONTAINER', container],
    ['KUBE-PORTALS-HOST', host],
  ]);
}

/** The node's `nat` (portals) and `filter` tables in userspace mode, as `iptables-save` reads them. */
export function portalTables(p: UserspaceProxier, table: Table): TableModel {
  if (table === 'filter') return { table, builtins: filterBuiltins, chains: new Map(filterBuiltins.map((c) => [c, []])) };
  if (p.natCache?.version === p.syncVersion()) return p.natCache.model;
  const portals = comment('handle ClusterIPs; NOTE: this must be before the NodePort rules');
  const nodePorts: Part[] = [{ k: 'addrtype', dst: 'LOCAL' }, comment('handle service NodePorts; NOTE: this must be the last rule in the chain')];
  const chains = new Map<string, Rule[]>([
    ['PREROUTING', [rule('PREROUTING', [portals], { t: 'jump', chain: 'KUBE-PORTALS-CONTAINER' }), rule('PREROUTING', nodePorts, { t: 'jump', chain: 'KUBE-NODEPORT-CONTAINER' })]],
    ['INPUT', []],
    ['OUTPUT', [rule('OUTPUT', [portals], { t: 'jump', chain: 'KUBE-PORTALS-HOST' }), rule('OUTPUT', nodePorts, { t: 'jump', chain: 'KUBE-NODEPORT-HOST' })]],
    ['POSTROUTING', []],
    ...portalRules(p),
  ]);
  const model: TableModel = { table, builtins: natBuiltins, chains };
  p.natCache = { version: p.syncVersion(), model };
  return model;
}
