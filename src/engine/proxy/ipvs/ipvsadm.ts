/**
 * The IPVS mode as its tools print it: `ipvsadm -Ln` (ipvsadm.c `print_title` / `print_service_entry`),
 * `ip addr show kube-ipvs0` (iproute2) and `ipset list` (ipset's plain save format).
 */
import { addressInCidr } from '../../../shared/ipv4';
import type { IpvsProxier } from './ipvsProxier';

/**
 * `ipvsadm -Ln`: a service line per virtual server, a padded line per real server. `now` is the node's clock
 * for the connection counters; without it every counter reads 0, as the Rules view wants: it marks lines that an
 * endpoint change altered, and traffic moving a counter is not one.
 */
export function ipvsadmList(p: IpvsProxier, now?: number): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  for (const v of p.virtualServerList()) {
    const flags = v.flags.length ? ` (${v.flags.join(',')})` : '';
    lines.push(`${v.protocol}  ${v.ip}:${v.port} ${v.scheduler}${flags}${v.persistentSeconds ? ` persistent ${v.persistentSeconds}` : ''}`);
    const vsKey = `${v.ip}:${v.port}/${v.protocol}`;
    for (const r of v.realServers) {
      const c = now === undefined ? { active: 0, inactive: 0 } : p.connections.counts(vsKey, r.endpoint.endpoint, now);
      // ipvsadm.c print_service_entry: "  -> %-28s %-7s %-6d %-10u %-10u"
      lines.push(`  -> ${`${r.ip}:${r.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${String(c.active).padEnd(10)} ${String(c.inactive).padEnd(10)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `ip addr show kube-ipvs0`: the dummy interface, down, holding every VIP as a /32. */
export function kubeIpvs0(p: IpvsProxier, index = 3): string {
  const lines = [`${index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `, '    link/ether 6a:1c:3e:0b:8f:52 brd ff:ff:ff:ff:ff:ff'];
  for (const ip of p.boundAddresses()) {
    lines.push(`    inet ${ip}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return `${lines.join('\n')}\n`;
}

export interface IpsetDef {
  name: string;
  type: string;
  comment: string;
  members: string[];
}

/**
 * Every ipset kube-proxy's IPVS mode creates, in its `ipsetInfo` order, with the names, types and comments of
 * kubernetes/kubernetes pkg/proxy/ipvs/ipset.go and the entries `syncProxyRules` puts in them
 * (pkg/proxy/ipvs/proxier.go; entry text as pkg/proxy/ipvs/ipset/ipset.go `Entry.String` writes it).
 */
export function ipsets(p: IpvsProxier): IpsetDef[] {
  const m = new Map<string, Set<string>>();
  const add = (set: string, entry: string) => {
    let s = m.get(set);
    if (!s) {
      s = new Set();
      m.set(set, s);
    }
    s.add(entry);
  };
  const nodeIP = p.node.ip;
  for (const v of p.virtualServerList()) {
    const proto = v.protocol.toLowerCase();
    const info = v.service;
    const entry = `${v.ip},${proto}:${v.port}`;
    if (v.kind === 'cluster IP') {
      add('KUBE-CLUSTER-IP', entry);
      for (const r of v.realServers) if (r.endpoint.nodeName === p.node.name) add('KUBE-LOOP-BACK', `${r.ip},${proto}:${r.port},${r.ip}`);
      if (info.healthCheckNodePort) add('KUBE-HEALTH-CHECK-NODE-PORT', String(info.healthCheckNodePort));
    } else if (v.kind === 'external IP') add(info.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', entry);
    else if (v.kind === 'loadbalancer IP') {
      add('KUBE-LOAD-BALANCER', entry);
      if (info.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', entry);
      if (info.loadBalancerSourceRanges.length) {
        add('KUBE-LOAD-BALANCER-FW', entry);
        for (const cidr of info.loadBalancerSourceRanges) add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${cidr}`);
        if (info.loadBalancerSourceRanges.some((c) => addressInCidr(nodeIP, c))) add('KUBE-LOAD-BALANCER-SOURCE-IP', `${entry},${v.ip}`);
      }
    } else if (proto === 'sctp') {
      add('KUBE-NODE-PORT-SCTP-HASH', entry);
      if (info.externalPolicyLocal) add('KUBE-NODE-PORT-LOCAL-SCTP-HASH', entry);
    } else {
      const suffix = proto === 'udp' ? 'UDP' : 'TCP';
      add(`KUBE-NODE-PORT-${suffix}`, String(v.port));
      if (info.externalPolicyLocal) add(`KUBE-NODE-PORT-LOCAL-${suffix}`, String(v.port));
    }
  }
  for (const ip of p.boundAddresses()) add('KUBE-IPVS-IPS', ip);
  return ipsetInfo.map(([name, type, comment]) => ({ name, type, comment, members: [...(m.get(name) ?? [])].sort(byEntry) }));
}

/** kubernetes/kubernetes pkg/proxy/ipvs/ipset.go: name, type and comment of each set, in `ipsetInfo` order. */
const ipsetInfo: [string, string, string][] = [
  ['KUBE-LOOP-BACK', 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'],
  ['KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose'],
  ['KUBE-EXTERNAL-IP', 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose'],
  ['KUBE-EXTERNAL-IP-LOCAL', 'hash:ip,port', 'Kubernetes service external ip + port with externalTrafficPolicy=local'],
  ['KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal'],
  ['KUBE-LOAD-BALANCER-FW', 'hash:ip,port', 'Kubernetes service load balancer ip + port for load balancer with sourceRange'],
  ['KUBE-LOAD-BALANCER-LOCAL', 'hash:ip,port', 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local'],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'hash:ip,port,ip', 'Kubernetes service load balancer ip + port + source IP for packet filter purpose'],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'hash:ip,port,net', 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose'],
  ['KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose'],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local'],
  ['KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'"],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'"],
  ['KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port'],
  ['KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface'],
];

function byEntry(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `ipset list [name]`. */
export function ipsetList(p: IpvsProxier, only?: string): string | undefined {
  const sets = ipsets(p).filter((s) => only === undefined || s.name === only);
  if (sets.length === 0) return undefined;
  return sets
    .map((s) => {
      const header = s.type === 'bitmap:port' ? 'range 0-65535 comment' : 'family inet hashsize 1024 maxelem 65536 comment';
      return [
        `Name: ${s.name}`,
        `Type: ${s.type}`,
        // ipset 7.x set-type revisions (hash types 5, bitmap:port 3)
        `Revision: ${s.type === 'bitmap:port' ? 3 : 5}`,
        `Header: ${header}`,
        `Size in memory: ${200 + s.members.length * 64}`,
        'References: 1',
        `Number of entries: ${s.members.length}`,
        'Members:',
        ...s.members.map((m) => `${m} comment "${s.comment}"`),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
