/**
 * The size in bytes of a DNS message on the wire (RFC 1035 §4), as dig prints it (`MSG SIZE  rcvd`). CoreDNS
 * leaves small UDP replies uncompressed (coredns/coredns `request/request.go` `Scrub` compresses only past the
 * fragmentation limit), so names are written whole unless `compress` is asked for; SRV targets never point back
 * (RFC 2782).
 */
import type { DnsResponse, ResourceRecord } from './dnsMessage';

/** Bytes of the OPT pseudo-record with a client COOKIE option (8 bytes) echoed. */
export const optWithCookieBytes = 11 + 4 + 8;

class NameTable {
  private readonly seen = new Set<string>();
  size = 0;

  /** Bytes needed to write `name` at the current offset, remembering its suffixes for later pointers. */
  name(name: string, compress: boolean): number {
    const labels = name.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
    let bytes = 0;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      if (compress && this.seen.has(suffix)) return bytes + 2;
      if (this.size + bytes < 0x3fff) this.seen.add(suffix);
      bytes += 1 + labels[i].length;
    }
    return bytes + 1;
  }

  add(n: number): void {
    this.size += n;
  }
}

function rdata(t: NameTable, rr: ResourceRecord, compress: boolean): number {
  switch (rr.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return t.name(rr.data, compress);
    case 'SRV':
      return 6 + t.name(rr.data.split(' ')[3], false);
    case 'SOA': {
      const [ns, mbox] = rr.data.split(' ');
      const a = t.name(ns, compress);
      t.add(a);
      const b = t.name(mbox, compress);
      t.add(-a);
      return a + b + 20;
    }
    case 'TXT':
      return [...rr.data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].reduce((n, m) => n + 1 + m[1].length, 0);
  }
}

/** Wire size of a response that carries an OPT record with an echoed cookie (dig's default query). */
export function responseWireSize(r: DnsResponse, withOpt = true, compress = false): number {
  const t = new NameTable();
  t.add(12);
  t.add(t.name(r.question.name, compress) + 4);
  for (const rr of [...r.answer, ...r.authority, ...r.additional]) {
    t.add(t.name(rr.name, compress) + 10);
    // rdata's names sit after the fixed fields, so pointers into them use the offset reached here
    t.add(rdata(t, rr, compress));
  }
  return t.size + (withOpt ? optWithCookieBytes : 0);
}
