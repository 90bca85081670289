/**
 * The order of the nat table's Service chains: by name, as iptables-save lists chains (sorted by name, in byte
 * order), computed from numbers rather than by comparing 11,000 names at every step of the sort.
 */
import type { Rule } from './rule';

/** The Service chains' prefixes, in the order of `<`. */
const servicePrefixes = ['KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-', 'KUBE-SVC-', 'KUBE-SVL-'];

/**
 * A number that orders a Service chain's name as `<` does: its prefix's rank, then the first six characters of
 * its base32 hash (A–Z2–7; in UTF-16 order the digits come first); -1 for any other name. Equal numbers still
 * need the names compared.
 */
export function chainSortKey(name: string): number {
  let rank = -1;
  for (let r = 0; r < servicePrefixes.length; r++) {
    if (name.startsWith(servicePrefixes[r])) {
      rank = r;
      break;
    }
  }
  const at = rank < 0 ? 0 : servicePrefixes[rank].length;
  if (rank < 0 || name.length < at + 6) return -1;
  let v = rank;
  for (let i = at; i < at + 6; i++) {
    const c = name.charCodeAt(i);
    const d = c >= 50 && c <= 55 ? c - 50 : c >= 65 && c <= 90 ? c - 59 : -1;
    if (d < 0) return -1;
    v = v * 32 + d;
  }
  return v;
}

/**
 * The indexes of `lists` ordered by chain name (`<`; equal names in list order). Each name is read once for a
 * numeric key and the sort compares numbers: comparing 11,000 names directly cost a trip to each list's first
 * rule and its name at every comparison, the dearest part of assembling the table.
 */
export function sortedByChainName(lists: readonly (readonly Rule[])[]): Uint32Array {
  const n = lists.length;
  const keys = new Float64Array(n);
  const order = new Uint32Array(n);
  let plain = false;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    keys[i] = chainSortKey(lists[i][0].chain);
    if (keys[i] < 0) plain = true;
  }
  const byName = (a: number, b: number) => {
    const x = lists[a][0].chain;
    const y = lists[b][0].chain;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  return order.sort(plain ? byName : (a, b) => keys[a] - keys[b] || byName(a, b));
}
