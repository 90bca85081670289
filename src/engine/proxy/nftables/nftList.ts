/**
 * `nft list table ip kube-proxy` (and the table's part of `nft list ruleset`): the rule model of
 * nftRuleset.ts printed the way nft prints a table — the table comment, then every named set and map, then
 * every chain (nftables src/rule.c `table_print`), tab-indented, elements wrapped as nft wraps them (two
 * addresses a line, one concatenated key a line: src/expression.c `calculate_delim`).
 *
 * Order: nft lists sets and chains in the order the kernel created them. Sets and the fixed chains follow
 * kube-proxy's `setupNFTables`; the Service chains follow the Services sorted by `ns/name` (kube-proxy visits
 * its Service map in Go's random order, so a real node's order differs from run to run); set elements are in
 * insertion order, the `cluster-ips` addresses sorted (a real hash set prints in hash order).
 */
import type { NftablesProxier } from './nftablesProxier';
import { type NftChain, type NftSet, nftRuleset, verdictText } from './nftRuleset';

const T = '\t';
/** nft's separator when it starts a new line inside `elements = { … }`. */
const newline = ',\n\t\t\t     ';

/** A duration as nft prints it: `3h`, `1h30m`, `10s` (nftables src/datatype.c `time_print`). */
export function nftTime(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = seconds;
  let out = '';
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  return out || '0s';
}

function elementsLine(s: NftSet): string[] {
  if (s.elements.length === 0) return [];
  const items = s.elements.map((e) => `${e.key}${e.comment ? ` comment "${e.comment}"` : ''}${e.verdict ? ` : ${verdictText(e.verdict)}` : ''}`);
  // plain addresses go two to a line; concatenations (every map here) one to a line
  const perLine = s.type === 'ipv4_addr' ? 2 : 1;
  let text = '';
  items.forEach((item, i) => {
    if (i > 0) text += i % perLine === 0 ? newline : ', ';
    text += item;
  });
  return [`${T}${T}elements = { ${text} }`];
}

function setLines(s: NftSet): string[] {
  const head = s.kind === 'map' ? `${T}${T}type ${s.type} : verdict` : `${T}${T}type ${s.type}`;
  // a dynamic set is listed with the default size nft gives it (as in nftables' tests/shell dumps)
  const dynamic = s.timeoutSeconds ? [`${T}${T}size 65535`, `${T}${T}flags dynamic,timeout`, `${T}${T}timeout ${nftTime(s.timeoutSeconds)}`] : [];
  return [`${T}${s.kind} ${s.name} {`, head, ...dynamic, ...(s.comment ? [`${T}${T}comment "${s.comment}"`] : []), ...elementsLine(s), `${T}}`];
}

/** The node's `ip kube-proxy` table as `nft list table ip kube-proxy` prints it. */
export function nftListTable(p: NftablesProxier): string {
  const rs = nftRuleset(p);
  const blocks = [...rs.sets.map(setLines), ...rs.chains.map(chainLines)];
  return `table ip kube-proxy {\n${T}comment "rules for kube-proxy"\n\n${blocks.map((b) => b.join('\n')).join('\n\n')}\n}\n`;
}

/**
 * `nft list chain ip kube-proxy NAME`: the chain inside its table's bare declaration, as nftables src/rule.c
 * `do_list_chain` prints it (`table_print_declaration` carries no comment). Undefined: no such chain.
 */
export function nftListChain(p: NftablesProxier, name: string): string | undefined {
  const c = nftRuleset(p).chain(name);
  return c && `table ip kube-proxy {\n${chainLines(c).join('\n')}\n}\n`;
}

function chainLines(c: NftChain): string[] {
  const head = [...(c.hook ? [`${T}${T}${c.hook}`] : []), ...(c.comment ? [`${T}${T}comment "${c.comment}"`] : [])];
  return [`${T}chain ${c.name} {`, ...head, ...c.rules.map((r) => `${T}${T}${r.text}`), `${T}}`];
}
