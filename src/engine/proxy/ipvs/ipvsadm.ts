/**
 * The IPVS mode as its tools print it: `ipvsadm -Ln` (ipvsadm.c `print_title` / `print_service_entry`),
 * `ip addr show kube-ipvs0` (iproute2) and `ipset list` (ipset's plain save format).
 */
import type { IpvsProxier } from './ipvsProxier';

/** `ipvsadm -Ln`: a service line per virtual server, a padded line per real server. */
export function ipvsadmList(p: IpvsProxier, activeConns: (key: string) => number = () => 0): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  for (const v of p.virtualServerList()) {
    lines.push(`${v.protocol}  ${v.ip}:${v.port} ${v.scheduler}${v.persistentSeconds ? ` persistent ${v.persistentSeconds}` : ''}`);
    for (const r of v.realServers) {
      const active = activeConns(`${v.ip}:${v.port}/${v.protocol}>${r.ip}:${r.port}`);
      // ipvsadm.c print_service_entry: "  -> %-28s %-7s %-6d %-10u %-10u"
      lines.push(`  -> ${`${r.ip}:${r.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${String(active).padEnd(10)} ${'0'.padEnd(10)}`);
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

interface IpsetDef {
  name: string;
  type: string;
  comment: string;
  members: string[];
}

/** The ipsets kube-proxy fills in IPVS mode (pkg/proxy/ipvs/ipset.go), with their members. */
export function ipsets(p: IpvsProxier): IpsetDef[] {
  const cluster: string[] = [];
  const nodePortTcp: string[] = [];
  const nodePortUdp: string[] = [];
  const external: string[] = [];
  const lb: string[] = [];
  const loopback: string[] = [];
  for (const v of p.virtualServerList()) {
    const proto = v.protocol.toLowerCase();
    if (v.kind === 'cluster IP') {
      cluster.push(`${v.ip},${proto}:${v.port}`);
      for (const r of v.realServers) if (r.endpoint.nodeName === p.node.name) loopback.push(`${r.ip},${proto}:${r.port},${r.ip}`);
    } else if (v.kind === 'node port') (proto === 'udp' ? nodePortUdp : nodePortTcp).push(String(v.port));
    else if (v.kind === 'external IP') external.push(`${v.ip},${proto}:${v.port}`);
    else lb.push(`${v.ip},${proto}:${v.port}`);
  }
  const uniq = (xs: string[]) => [...new Set(xs)].sort();
  return [
    { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', comment: 'Kubernetes service cluster ip + port for masquerade purpose', members: uniq(cluster) },
    { name: 'KUBE-EXTERNAL-IP', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port for masquerade and filter purpose', members: uniq(external) },
    { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal', members: uniq(lb) },
    { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose', members: uniq(loopback) },
    { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port for masquerade purpose', members: uniq(nodePortTcp) },
    { name: 'KUBE-NODE-PORT-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port for masquerade purpose', members: uniq(nodePortUdp) },
  ];
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
        // ipset 7.x set-type revisions (hash:ip,port and hash:ip,port,ip 5, bitmap:port 3)
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
