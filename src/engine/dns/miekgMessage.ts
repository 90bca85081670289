/**
 * A DNS reply as github.com/miekg/dns prints it (`msg.go` `Msg.String`, `MsgHdr.String`, `Question.String`,
 * `types.go` `RR_Header.String`): the text kuard's DNS Query page shows. No OPT pseudosection: kuard's client
 * sends no EDNS0, so CoreDNS adds none.
 */
import { type DnsResponse, recordString } from './dnsMessage';

function flags(r: DnsResponse): string {
  // MsgHdr.String order: qr aa tc rd ra z ad cd; CoreDNS copies the query's rd (miekg SetReply)
  return ['qr', ...(r.authoritative ? ['aa'] : []), 'rd', ...(r.recursionAvailable ? ['ra'] : [])].map((f) => ` ${f}`).join('');
}

/** `Msg.String()` of a reply to one question, with message id `id`. */
export function miekgMessageString(r: DnsResponse, id: number): string {
  let s = `;; opcode: QUERY, status: ${r.rcode}, id: ${id}\n`;
  s += `;; flags:${flags(r)}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length}\n`;
  // Question.String: ";" name "\t" class "\t" " " type
  s += `\n;; QUESTION SECTION:\n;${r.question.name}\tIN\t ${r.question.type}\n`;
  const section = (title: string, records: DnsResponse['answer']) => {
    if (records.length) s += `\n;; ${title} SECTION:\n${records.map((rr) => `${recordString(rr)}\n`).join('')}`;
  };
  section('ANSWER', r.answer);
  section('AUTHORITY', r.authority);
  section('ADDITIONAL', r.additional);
  return s;
}
