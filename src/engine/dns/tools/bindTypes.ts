/**
 * Which words BIND's tools take for an RR type or class (bind9 `lib/dns/rdata.c` `dns_rdatatype_fromtext`, whose
 * table `lib/dns/gen.c` builds from the `lib/dns/rdata/<class>/<type>_<number>.c` files of 9.18 plus the reserved
 * and question-only meta types; `lib/dns/rcode.c` `dns_rdataclass_fromtext`). Matching ignores case, `TYPE<n>` and
 * `CLASS<n>` (n ≤ 65535) name any number, and a known number prints as its mnemonic (`TYPE33` is `SRV`).
 */

const typeNumbers: ReadonlyArray<[string, number]> = [
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8], ['MR', 9], ['NULL', 10],
  ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15], ['TXT', 16], ['RP', 17], ['AFSDB', 18],
  ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22], ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25], ['PX', 26],
  ['GPOS', 27], ['AAAA', 28], ['LOC', 29], ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33], ['ATMA', 34],
  ['NAPTR', 35], ['KX', 36], ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['OPT', 41], ['APL', 42],
  ['DS', 43], ['SSHFP', 44], ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49],
  ['NSEC3', 50], ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56], ['RKEY', 57],
  ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63], ['SVCB', 64],
  ['HTTPS', 65], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102], ['UNSPEC', 103], ['NID', 104],
  ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108], ['EUI64', 109], ['TKEY', 249], ['TSIG', 250],
  ['IXFR', 251], ['AXFR', 252], ['MAILB', 253], ['MAILA', 254], ['ANY', 255], ['URI', 256], ['CAA', 257],
  ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260], ['RESINFO', 261], ['WALLET', 262], ['TA', 32768], ['DLV', 32769],
  ['KEYDATA', 65533],
];


// lib/dns/rcode.c: CH is printed, CHAOS and HESIOD are accepted too
const classNumbers: ReadonlyArray<[string, number]> = [['RESERVED0', 0], ['IN', 1], ['CH', 3], ['CHAOS', 3], ['HS', 4], ['HESIOD', 4], ['NONE', 254], ['ANY', 255]];

function numbered(word: string, prefix: string): number | undefined {
  const m = new RegExp(`^${prefix}(\\d{1,5})$`, 'i').exec(word);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 0xffff ? n : undefined;
}

/** The type a word names, as BIND prints it (`srv` → `SRV`, `TYPE65` → `HTTPS`, `TYPE999` → `TYPE999`); undefined: not a type. */
export function bindTypeFromText(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (typeNumbers.some(([name]) => name === upper)) return upper;
  const n = numbered(word, 'type');
  if (n === undefined) return undefined;
  return typeNumbers.find(([, number]) => number === n)?.[0] ?? `TYPE${n}`;
}

/** The class a word names, as BIND prints it (`chaos` → `CH`, `CLASS1` → `IN`); undefined: not a class. */
export function bindClassFromText(word: string): string | undefined {
  const upper = word.toUpperCase();
  const n = classNumbers.find(([name]) => name === upper)?.[1] ?? numbered(word, 'class');
  if (n === undefined) return undefined;
  // the first name listed for a number is the one BIND prints
  return classNumbers.find(([, number]) => number === n)?.[0] ?? `CLASS${n}`;
}
