/**
 * How a client turns a host name into an address before it connects: getaddrinfo with nsswitch `hosts: files
 * dns` — /etc/hosts first, then the resolv.conf search walk (glibc `resolv/res_query.c` `res_nsearch`: with
 * `ndots:5` a Service name tries `<ns>.svc.cluster.local`, `svc.cluster.local`, `cluster.local` before the name
 * itself), answered by CoreDNS's kubernetes plugin. A node asks Docker's embedded DNS, which knows only the node
 * containers; the user's machine knows none of the cluster's names.
 */
import { cidrAddress, parseCidr } from '../../shared/ipv4';
import type { Cluster } from '../cluster';
import { clusterDnsNetwork } from '../dns/clusterDnsNetwork';
import { bare } from '../dns/dnsMessage';
import { hostsEntries } from '../dns/etcHosts';
import { resolveWithSearch } from '../dns/tools/stubResolver';
import { kindNodeResolvConf } from '../kubelet/resolvConf';

/** Where a lookup starts: a pod (namespace/name), a node, or the user's machine. */
export type Resolver = { pod: string; namespace: string } | { node: string; ip: string } | { host: true };

export type NameLookup =
  /** `address` is the first A record; `canonical` the name that had it (after search and CNAMEs). */
  | { kind: 'address'; address: string; canonical: string; server: string; via: 'hosts' | 'dns' }
  /** No address; `cname` is the alias target when the name was an ExternalName-style CNAME. */
  | { kind: 'nxdomain'; server?: string; cname?: { name: string; target: string } }
  | { kind: 'timeout'; server: string };

function hostsLookup(hosts: string, name: string): string | undefined {
  return hostsEntries(hosts).find((e) => e.names.includes(name))?.address;
}

/** Resolves `name` for the client as its C library would; IPs are not passed here. */
export function lookupHost(cluster: Cluster, client: Resolver, name: string): NameLookup {
  if ('host' in client) return { kind: 'nxdomain' };
  const cidr = parseCidr(cluster.config.serviceCIDR);
  const net = clusterDnsNetwork(cluster.store, cluster.config, cidr ? cidrAddress(cidr, 10) : '10.96.0.10', cluster.runtime);
  let resolvConf: string;
  let clientIP: string | undefined;
  if ('pod' in client) {
    const hosts = cluster.simulation.hostsFile(client.namespace, client.pod) ?? '';
    const local = hostsLookup(hosts, name);
    if (local) return { kind: 'address', address: local, canonical: name, server: '/etc/hosts', via: 'hosts' };
    resolvConf = cluster.simulation.resolvConf(client.namespace, client.pod) ?? '';
    clientIP = cluster.runtime.pod(client.namespace, client.pod)?.ip;
  } else {
    if (name === client.node) return { kind: 'address', address: client.ip, canonical: name, server: '/etc/hosts', via: 'hosts' };
    const r = kindNodeResolvConf(client.ip);
    resolvConf = [...r.nameservers.map((s) => `nameserver ${s}`), `options ${r.options.join(' ')}`].join('\n');
  }
  const out = resolveWithSearch({ net, resolvConf, now: cluster.now(), clientIP }, name, 'A');
  if (out.kind === 'timeout') return { kind: 'timeout', server: out.server };
  const a = out.response.rcode === 'NOERROR' ? out.response.answer.find((rr) => rr.type === 'A') : undefined;
  if (!a) {
    const c = out.response.answer.find((rr) => rr.type === 'CNAME');
    return { kind: 'nxdomain', server: out.server, ...(c ? { cname: { name: bare(c.name), target: bare(c.data) } } : {}) };
  }
  return { kind: 'address', address: a.data, canonical: bare(a.name), server: out.server, via: 'dns' };
}
