import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainSortKey, sortedByChainName } from './chainOrder';
import type { Rule } from './rule';

const base32 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const serviceChain = fc.tuple(fc.constantFrom('KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-', 'KUBE-SVC-', 'KUBE-SVL-'), fc.array(base32, { minLength: 16, maxLength: 16 })).map(([p, cs]) => p + cs.join(''));
const listOf = (name: string): Rule[] => [{ chain: name, parts: [], target: { t: 'RETURN' } }];

describe('nat chain order', () => {
  it('orders Service chains as `<` orders their names, equal names in list order', () => {
    // a few shared leading characters make the numeric keys tie, so the names are compared too
    const name = fc.oneof(serviceChain, serviceChain.map((n) => `${n.slice(0, n.indexOf('-', 5) + 1)}AAAAAA${n.slice(-10)}`));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (names) => {
        const lists = names.map(listOf);
        const got = [...sortedByChainName(lists)];
        const want = names.map((n, i) => ({ n, i })).sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : a.i - b.i)).map((x) => x.i);
        expect(got).toEqual(want);
      }),
    );
  });

  it('falls back to comparing names when one is not a Service chain', () => {
    expect(chainSortKey('KUBE-MARK-MASQ')).toBe(-1);
    expect(chainSortKey('KUBE-SEP-ABC')).toBe(-1);
    const names = ['KUBE-SVC-ZZZZZZZZZZZZZZZZ', 'KUBE-MARK-MASQ', 'KUBE-SEP-2AAAAAAAAAAAAAAA', 'KUBE-SEP-AAAAAAAAAAAAAAAA'];
    expect([...sortedByChainName(names.map(listOf))].map((i) => names[i])).toEqual([...names].sort());
  });
});
