/**
 * The rules one node's kube-proxy has for one Service, in the node's mode and exactly as the node's tools print
 * them (iptables-save -t nat, ipvsadm -Ln, nft list table ip kube-proxy, the userspace table): what the Rules
 * view shows. Lines are picked by the Service's comment (`ns/name`) and the chains those lines jump to.
 */
import type { Cluster } from '../cluster';
import { iptablesSave } from '../proxy/iptables/iptablesSave';
import { ipvsadmList } from '../proxy/ipvs/ipvsadm';
import { nftListTable } from '../proxy/nftables/nftList';
import { nodeIptables } from '../proxy/nodeIptables';
import { userspaceTable } from '../proxy/userspace/userspaceProxier';
import type { AnyProxier } from '../proxy/kubeProxy';

export interface ServiceRules {
  node: string;
  mode: string;
  /** The tool whose output the lines come from (`iptables-save -t nat`). */
  tool: string;
  lines: string[];
}

function iptablesLines(text: string, svcKey: string | undefined): string[] {
  const lines = text.split('\n').filter((l) => l.startsWith('-A ') || l.startsWith(':'));
  if (!svcKey) return lines.filter((l) => l.startsWith('-A '));
  const hit = lines.filter((l) => l.startsWith('-A ') && (l.includes(`"${svcKey} `) || l.includes(`"${svcKey}"`) || l.includes(`"${svcKey}:`)));
  // chains the Service's rules live in or jump to, so a KUBE-SVC chain's rules come with it
  const chains = new Set<string>();
  for (const l of hit) {
    for (const m of l.matchAll(/KUBE-(?:SVC|SVL|EXT|FW|SEP)-[A-Z0-9]{16}/g)) chains.add(m[0]);
  }
  return lines.filter((l) => l.startsWith('-A ') && (hit.includes(l) || chains.has(l.split(' ')[1])));
}

function ipvsLines(text: string, vips: string[]): string[] {
  const out: string[] = [];
  let keep = false;
  for (const l of text.split('\n')) {
    if (/^(TCP|UDP|SCTP) /.test(l)) keep = vips.length === 0 || vips.some((v) => l.includes(` ${v}:`));
    if (keep && l.trim()) out.push(l);
  }
  return out;
}

/**
 * The node's rules for `namespace/name` (all Service rules when no Service is given), as its kube-proxy wrote
 * them — or as `proxier` (the same node in another mode, see serviceRulesInMode.ts) would.
 */
export function serviceRules(cluster: Cluster, node: string, namespace?: string, name?: string, proxier?: AnyProxier): ServiceRules | undefined {
  const p = proxier ?? cluster.proxies.proxier(node);
  if (!p) return undefined;
  const key = namespace && name ? `${namespace}/${name}` : undefined;
  switch (p.mode) {
    case 'iptables':
      return { node, mode: p.mode, tool: 'iptables-save -t nat', lines: iptablesLines(iptablesSave(nodeIptables(p), cluster.now(), 'nat'), key) };
    case 'ipvs': {
      const svc = key ? cluster.get('Service', namespace, name ?? '') : undefined;
      const vips = svc?.ok ? [...(svc.value.spec?.clusterIPs ?? []), ...(svc.value.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '')] : [];
      return { node, mode: p.mode, tool: 'ipvsadm -Ln', lines: key && vips.length === 0 ? [] : ipvsLines(ipvsadmList(p), vips) };
    }
    case 'nftables': {
      const text = nftListTable(p);
      const lines = text.split('\n').filter((l) => l.trim() && !/^\s*}\s*$/.test(l));
      return { node, mode: p.mode, tool: 'nft list table ip kube-proxy', lines: key ? lines.filter((l) => l.includes(key)) : lines };
    }
    default: {
      const lines = userspaceTable(p).split('\n').filter((l) => l.trim());
      return { node, mode: p.mode, tool: 'kube-proxy (userspace)', lines: key ? [lines[0], ...lines.slice(1).filter((l) => l.includes(key))] : lines };
    }
  }
}
