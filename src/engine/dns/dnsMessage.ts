/**
 * DNS messages as the simulation passes them around: a question, and an answer with its sections, rcode and
 * flags. Record data is kept in presentation form (`10.96.0.1`, `0 100 80 svc.ns.svc.cluster.local.`), so every
 * tool prints from the same value.
 */

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'SOA' | 'TXT' | 'NS';

export const rrTypes: readonly RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'SOA', 'TXT', 'NS'];

/** One resource record; `name` and name-valued data are fully qualified (trailing dot). */
export interface ResourceRecord {
  name: string;
  ttl: number;
  type: RRType;
  /** Presentation form of the RDATA. */
  data: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

/** A question's type: one the simulation keeps records of, or any other mnemonic a client may ask for (`MX`, `ANY`). */
export type QueryType = RRType | (string & Record<never, never>);

export interface DnsQuestion {
  /** Fully qualified, trailing dot. */
  name: string;
  type: QueryType;
}

export interface DnsResponse {
  question: DnsQuestion;
  rcode: Rcode;
  /** `aa`: CoreDNS answers its own zones authoritatively; forwarded answers are not. */
  authoritative: boolean;
  /** `ra`: CoreDNS never sets it for its own zones (the kubernetes plugin does not recurse). */
  recursionAvailable: boolean;
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}

/** Adds the trailing dot. */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Removes the trailing dot (how busybox and glibc print names). */
export function bare(name: string): string {
  return name.endsWith('.') && name.length > 1 ? name.slice(0, -1) : name;
}

/**
 * miekg/dns `RR.String()` (github.com/miekg/dns `types.go` `RR_Header.String`): owner, TTL, class, type and
 * data separated by tabs — the form CoreDNS logs and kuard's DNS query page prints.
 */
export function recordString(rr: ResourceRecord): string {
  return `${rr.name}\t${rr.ttl}\tIN\t${rr.type}\t${rr.data}`;
}

/** The in-addr.arpa name of an IPv4 address (`10.96.0.1` → `1.0.96.10.in-addr.arpa.`). */
export function reverseName(ip: string): string | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return `${[...parts].reverse().join('.')}.in-addr.arpa.`;
}

/** The IPv4 address an in-addr.arpa name stands for, when it names a whole address. */
export function addressOfReverse(name: string): string | undefined {
  const labels = bare(name.toLowerCase()).split('.');
  if (labels.length !== 6 || labels[4] !== 'in-addr' || labels[5] !== 'arpa') return undefined;
  const octets = labels.slice(0, 4).reverse();
  if (octets.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return octets.join('.');
}

/** Whether a string is a dotted IPv4 address. */
export function isIPv4(s: string): boolean {
  return reverseName(s) !== undefined;
}
