/**
 * How BIND's tools lay out records (bind9 `lib/dns/masterdump.c` with the style dig creates in
 * `bin/dig/dig.c` `printmessage`: TTL at column 24, class 32, type 40, data 48, tab width 8). A field that
 * starts past its column is set off by one space; otherwise tabs reach the column.
 */
import type { DnsQuestion, ResourceRecord } from '../dnsMessage';

function pad(col: number, target: number): { text: string; col: number } {
  if (col >= target) return { text: ' ', col: col + 1 };
  let text = '';
  let c = col;
  while (c < target) {
    c = (Math.floor(c / 8) + 1) * 8;
    text += '\t';
  }
  return { text, col: c };
}

function columns(fields: ReadonlyArray<[string, number]>): string {
  let out = '';
  let col = 0;
  for (const [i, [text, target]] of fields.entries()) {
    if (i > 0) {
      const p = pad(col, target);
      out += p.text;
      col = p.col;
    }
    out += text;
    col += text.length;
  }
  return out;
}

/** An answer/authority/additional line as dig prints it. */
export function bindRecordLine(rr: ResourceRecord): string {
  return columns([
    [rr.name, 0],
    [String(rr.ttl), 24],
    ['IN', 32],
    [rr.type, 40],
    [rr.data, 48],
  ]);
}

/** The question line (`;name. IN A`): no TTL column; dig can ask in another class (`CH`). */
export function bindQuestionLine(q: DnsQuestion, qclass = 'IN'): string {
  return columns([
    [`;${q.name}`, 0],
    [qclass, 32],
    [q.type, 40],
  ]);
}
