/**
 * The CoreDNS `kubernetes` plugin as kubeadm configures it for kind (`kubernetes cluster.local in-addr.arpa
 * ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }`): name parsing, Service, endpoint,
 * SRV, ExternalName, pod and reverse records, NXDOMAIN/NODATA with the zone's SOA
 * (coredns/coredns `plugin/kubernetes/kubernetes.go` `findServices`/`findPods`, `parse.go`, `reverse.go`,
 * `plugin/backend_lookup.go`).
 */
import type { DnsCatalog, DnsEndpoint } from './dnsCatalog';
import { addressOfReverse, type DnsQuestion, type DnsResponse, fqdn, type ResourceRecord } from './dnsMessage';

export interface KubernetesPluginConfig {
  /** The cluster domain, without trailing dot (`cluster.local`). */
  zone: string;
  /** `ttl 30` in kubeadm's Corefile. */
  ttl: number;
  /** SOA serial: CoreDNS uses the Unix time of the last change it saw from the API. */
  serial: number;
}

/** Upstream lookups the plugin makes for ExternalName targets (plugin/pkg/upstream). */
export type UpstreamLookup = (name: string) => ResourceRecord[];

/** A CoreDNS "service": an address (or CNAME target) and port under a key name. */
interface Item {
  host: string;
  port: number;
  /** The record name the item stands for (SRV target), fully qualified. */
  key: string;
  cname?: boolean;
}

const nodata = Symbol('nodata');
type Found = Item[] | 'nxdomain' | typeof nodata;

function endpointHostname(e: DnsEndpoint): string {
  // endpointHostname: the endpoint's hostname, else its address with dots as dashes
  return e.hostname || e.ip.replaceAll('.', '-');
}

function matches(want: string, have: string): boolean {
  // matchPortAndProtocol: empty or "*" matches anything; otherwise names compare case-insensitively
  return want === '' || want === '*' || want.toLowerCase() === have.toLowerCase();
}

function strip(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

function soa(cfg: KubernetesPluginConfig, zone: string): ResourceRecord {
  // plugin/backend_lookup.go SOA: header TTL min(300, minTTL), Refresh 7200, Retry 1800, Expire 86400, Minttl = ttl
  return {
    name: fqdn(zone),
    ttl: Math.min(300, cfg.ttl),
    type: 'SOA',
    data: `ns.dns.${fqdn(zone)} hostmaster.${fqdn(zone)} ${cfg.serial} 7200 1800 86400 ${cfg.ttl}`,
  };
}

function reply(q: DnsQuestion, rcode: 'NOERROR' | 'NXDOMAIN', answer: ResourceRecord[], authority: ResourceRecord[], additional: ResourceRecord[] = []): DnsResponse {
  return { question: q, rcode, authoritative: true, recursionAvailable: false, answer, authority, additional };
}

function findServices(cat: DnsCatalog, cfg: KubernetesPluginConfig, labels: string[]): Found {
  // labels, left to right, before ".svc.<zone>": [endpoint] service namespace | port protocol service namespace
  if (labels.length === 0) return nodata;
  const namespace = labels[labels.length - 1];
  if (!cat.namespaceExists(namespace)) return 'nxdomain';
  if (labels.length === 1) return nodata;
  const serviceName = labels[labels.length - 2];
  let endpoint = '';
  let port = '';
  let protocol = '';
  const rest = labels.slice(0, -2);
  if (rest.length === 1) endpoint = rest[0];
  else if (rest.length === 2) [port, protocol] = [strip(rest[0]), strip(rest[1])];
  else if (rest.length > 2) return 'nxdomain';
  const svc = cat.service(namespace, serviceName);
  if (!svc?.metadata?.name) return 'nxdomain';
  const base = `${svc.metadata.name}.${namespace}.svc.${fqdn(cfg.zone)}`;
  const spec = svc.spec ?? {};
  const items: Item[] = [];
  if (spec.type === 'ExternalName') {
    if (endpoint || port) return 'nxdomain';
    return [{ host: fqdn(spec.externalName ?? ''), port: -1, key: base, cname: true }];
  }
  if (spec.clusterIP === 'None' || endpoint) {
    for (const e of cat.readyEndpoints(namespace, svc.metadata.name)) {
      if (endpoint && endpointHostname(e) !== endpoint) continue;
      // object/endpoint.go adds a sentinel port when an endpoint has none, so port-less headless Services resolve
      const ports = e.ports.length ? e.ports : [{ name: '', port: -1, protocol: '' }];
      for (const p of ports) {
        if (!(matches(port, p.name) && matches(protocol, p.protocol))) continue;
        items.push({ host: e.ip, port: p.port, key: `${endpointHostname(e)}.${base}` });
      }
    }
    return items.length ? items : 'nxdomain';
  }
  for (const p of spec.ports ?? []) {
    if (!(matches(port, p.name ?? '') && matches(protocol, p.protocol ?? 'TCP'))) continue;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) items.push({ host: ip, port: p.port ?? 0, key: base });
  }
  return items.length ? items : 'nxdomain';
}

function findPod(cat: DnsCatalog, labels: string[]): Found {
  // `pods insecure`: any dashed IPv4 address in an existing namespace answers with that address
  if (labels.length !== 2) return labels.length < 2 ? nodata : 'nxdomain';
  const [dashed, namespace] = labels;
  if (!cat.namespaceExists(namespace)) return 'nxdomain';
  const ip = dashed.replaceAll('-', '.');
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip) || ip.split('.').some((o) => Number(o) > 255)) return 'nxdomain';
  return [{ host: ip, port: -1, key: '' }];
}

function recordsFor(q: DnsQuestion, items: Item[], cfg: KubernetesPluginConfig, upstream: UpstreamLookup): { answer: ResourceRecord[]; extra: ResourceRecord[] } {
  const answer: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  const seen = new Set<string>();
  const cnames = items.filter((i) => i.cname);
  if (cnames.length) {
    const target = cnames[0].host;
    answer.push({ name: q.name, ttl: cfg.ttl, type: 'CNAME', data: target });
    if (q.type !== 'CNAME') for (const rr of upstream(target)) if (rr.type === q.type || rr.type === 'CNAME') answer.push(rr);
    return { answer, extra };
  }
  if (q.type === 'A') {
    for (const i of items) {
      if (seen.has(i.host)) continue;
      seen.add(i.host);
      answer.push({ name: q.name, ttl: cfg.ttl, type: 'A', data: i.host });
    }
  } else if (q.type === 'SRV') {
    // backend_lookup.go SRV: every item has priority 0 and weight 100, so each gets floor(100 / count)
    const withPort = items.filter((i) => i.port >= 0);
    const weight = Math.floor(100 / Math.max(1, withPort.length));
    for (const i of withPort) {
      const id = `${i.key}:${i.port}`;
      if (seen.has(id)) continue;
      seen.add(id);
      answer.push({ name: q.name, ttl: cfg.ttl, type: 'SRV', data: `0 ${weight} ${i.port} ${i.key}` });
      if (!extra.some((e) => e.name === i.key && e.data === i.host)) extra.push({ name: i.key, ttl: cfg.ttl, type: 'A', data: i.host });
    }
  }
  return { answer, extra };
}

function reverse(cat: DnsCatalog, cfg: KubernetesPluginConfig, q: DnsQuestion): DnsResponse | undefined {
  const ip = addressOfReverse(q.name);
  if (!ip) return undefined;
  const answer: ResourceRecord[] = [];
  const ptr = (target: string) => answer.push({ name: q.name, ttl: cfg.ttl, type: 'PTR', data: target });
  const zone = fqdn(cfg.zone);
  for (const svc of cat.services()) {
    const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    if (ips.includes(ip)) ptr(`${svc.metadata?.name}.${svc.metadata?.namespace}.svc.${zone}`);
  }
  if (!answer.length) {
    for (const svc of cat.services()) {
      const ns = svc.metadata?.namespace ?? '';
      const name = svc.metadata?.name ?? '';
      for (const e of cat.readyEndpoints(ns, name)) if (e.ip === ip) ptr(`${endpointHostname(e)}.${name}.${ns}.svc.${zone}`);
    }
  }
  // `fallthrough in-addr.arpa ip6.arpa`: unknown addresses go on to `forward`
  if (!answer.length) return undefined;
  return q.type === 'PTR' ? reply(q, 'NOERROR', answer, []) : reply(q, 'NOERROR', [], [soa(cfg, 'in-addr.arpa')]);
}

/**
 * Answers a question the plugin is authoritative for; undefined when the name is outside its zones or falls
 * through (unknown reverse addresses), so the next plugin (`forward`) gets it.
 */
export function kubernetesPlugin(cat: DnsCatalog, cfg: KubernetesPluginConfig, q: DnsQuestion, upstream: UpstreamLookup): DnsResponse | undefined {
  const name = fqdn(q.name.toLowerCase());
  if (name.endsWith('.in-addr.arpa.')) return reverse(cat, cfg, q);
  const zone = fqdn(cfg.zone);
  if (name !== zone && !name.endsWith(`.${zone}`)) return undefined;
  const authority = [soa(cfg, cfg.zone)];
  const rest = name === zone ? [] : name.slice(0, -(zone.length + 1)).split('.');
  if (rest.length === 0) {
    if (q.type === 'SOA') return reply(q, 'NOERROR', authority, []);
    return reply(q, 'NOERROR', [], authority);
  }
  if (rest.length === 1 && rest[0] === 'dns-version') {
    // kubernetes/dns docs/specification.md: the schema version as TXT
    return q.type === 'TXT' ? reply(q, 'NOERROR', [{ name: q.name, ttl: cfg.ttl, type: 'TXT', data: '"1.1.0"' }], []) : reply(q, 'NOERROR', [], authority);
  }
  const kind = rest[rest.length - 1];
  let found: Found;
  if (kind === 'svc') found = findServices(cat, cfg, rest.slice(0, -1));
  else if (kind === 'pod') found = findPod(cat, rest.slice(0, -1));
  else found = 'nxdomain';
  if (found === 'nxdomain') return reply(q, 'NXDOMAIN', [], authority);
  if (found === nodata) return reply(q, 'NOERROR', [], authority);
  const { answer, extra } = recordsFor(q, found, cfg, upstream);
  if (!answer.length) return reply(q, 'NOERROR', [], authority);
  return reply(q, 'NOERROR', answer, [], extra);
}
