/**
 * `ip addr`, `ip route` and `conntrack -L` inside a kind node, as iproute2 and conntrack-tools print them: the
 * node's eth0 on the kind network, kindnet's routes (a /24 per other node via its IP, a host route per local pod
 * over its veth), `kube-ipvs0` in IPVS mode, and the connections the data plane has tracked.
 */
import { type Cluster, type ConntrackEntry, hasPodVeth, kubeIpvs0, type NodeConfig, ptpGateway } from '../../engine';
import { hexOf } from './nodeIds';

function mac(seed: string): string {
  const h = hexOf(seed);
  return `02:42:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`;
}

function localPods(cluster: Cluster, node: string): { name: string; ip: string }[] {
  const pods = cluster.list('Pod', {});
  if (!pods.ok) return [];
  return pods.value.items
    .filter((p) => p.spec?.nodeName === node && hasPodVeth(p))
    .map((p) => ({ name: `${p.metadata?.namespace}/${p.metadata?.name}`, ip: p.status?.podIP ?? '' }))
    .sort((a, b) => (a.ip < b.ip ? -1 : 1));
}

function veth(pod: string): string {
  return `veth${hexOf(pod).slice(0, 8)}`;
}

export function ipAddr(cluster: Cluster, node: NodeConfig, dev?: string): { stdout: string; stderr?: string } {
  const blocks: string[] = [];
  const lo = ['1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000', '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00', '    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever'];
  const gateway = ptpGateway(node.podCIDR) ?? '';
  const pods = localPods(cluster, node.name);
  const proxier = cluster.proxies.proxier(node.name);
  const named: [string, string][] = [['lo', lo.join('\n')]];
  let index = 2;
  pods.forEach((p, i) => {
    named.push([
      veth(p.name),
      [
        `${index}: ${veth(p.name)}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default `,
        `    link/ether ${mac(`${p.name}/host`)} brd ff:ff:ff:ff:ff:ff link-netns cni-${hexOf(p.name).slice(8, 16)}-${hexOf(p.name).slice(16, 20)}-${hexOf(p.name).slice(20, 24)}`,
        `    inet ${gateway}/32 scope global ${veth(p.name)}`,
        '       valid_lft forever preferred_lft forever',
      ].join('\n'),
    ]);
    index = 3 + i;
  });
  if (proxier?.mode === 'ipvs') named.push(['kube-ipvs0', kubeIpvs0(proxier, ++index).trimEnd()]);
  index++;
  named.push([
    'eth0',
    [
      `${index}: eth0@if${index + 1}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default `,
      `    link/ether ${mac(node.name)} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
      `    inet ${node.ip}/16 brd 172.18.255.255 scope global eth0`,
      '       valid_lft forever preferred_lft forever',
    ].join('\n'),
  ]);
  for (const [name, text] of named) if (dev === undefined || dev === name) blocks.push(text);
  if (dev !== undefined && blocks.length === 0) return { stdout: '', stderr: `Device "${dev}" does not exist.\n` };
  return { stdout: `${blocks.join('\n')}\n` };
}

export function ipRoute(cluster: Cluster, node: NodeConfig): string {
  const lines = ['default via 172.18.0.1 dev eth0 '];
  const routes: [string, string][] = [];
  for (const other of cluster.config.nodes) if (other.name !== node.name) routes.push([other.podCIDR, `${other.podCIDR} via ${other.ip} dev eth0 `]);
  for (const p of localPods(cluster, node.name)) routes.push([p.ip, `${p.ip} dev ${veth(p.name)} scope host `]);
  const key = (s: string) => s.split(/[./]/).map((x) => x.padStart(3, '0')).join('.');
  routes.sort((a, b) => (key(a[0]) < key(b[0]) ? -1 : 1));
  lines.push(...routes.map((r) => r[1]), `172.18.0.0/16 dev eth0 proto kernel scope link src ${node.ip} `);
  return `${lines.join('\n')}\n`;
}

/** `conntrack -L`: entries on stdout, the summary on stderr (conntrack-tools 1.4.7). */
export function conntrackList(entries: readonly ConntrackEntry[], now: number, timeWaitMs: number): { stdout: string; stderr: string } {
  const lines = entries.map((e) => {
    const left = Math.max(0, Math.ceil((timeWaitMs - (now - e.at)) / 1000));
    const proto = e.proto.toLowerCase();
    const num = proto === 'udp' ? 17 : proto === 'sctp' ? 132 : 6;
    const state = proto === 'tcp' ? ' TIME_WAIT' : '';
    return `${proto.padEnd(8)} ${num} ${left}${state} src=${e.src} dst=${e.dst} sport=${e.sport} dport=${e.dport} src=${e.replySrc} dst=${e.replyDst} sport=${e.replySport} dport=${e.sport} [ASSURED] mark=0 use=1`;
  });
  return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr: `conntrack v1.4.7 (conntrack-tools): ${entries.length} flow entries have been shown.\n` };
}
