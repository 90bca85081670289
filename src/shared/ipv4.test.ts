import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressInCidr, cidrContains, ipToInt, parseCidr } from './ipv4';

/** The straightforward reading: split on dots, each group 1–3 digits and at most 255. */
function referenceIpToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) return Number.NaN;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return Number.NaN;
    const v = Number(p);
    if (v > 255) return Number.NaN;
    n = n * 256 + v;
  }
  return n >>> 0;
}

describe('ipToInt', () => {
  it('reads dotted quads and rejects everything else', () => {
    expect(ipToInt('10.96.0.10')).toBe(0x0a60000a);
    expect(ipToInt('255.255.255.255')).toBe(0xffffffff);
    expect(ipToInt('010.96.0.10')).toBe(0x0a60000a);
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '1.2.3.256', '1..3.4', '1.2.3.', '.1.2.3', '1.2.3.4/32', ' 1.2.3.4', '1.2.3.0004', 'a.b.c.d']) expect(ipToInt(bad)).toBeNaN();
  });

  it('agrees with the split-and-regex reading on random strings of digits and dots', () => {
    const text = fc.array(fc.constantFrom('0', '1', '2', '5', '9', '.', '.', 'x'), { maxLength: 18 }).map((cs) => cs.join(''));
    const quad = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((xs) => xs.join('.'));
    fc.assert(fc.property(fc.oneof(text, quad), (s) => Object.is(ipToInt(s), referenceIpToInt(s))), { numRuns: 3000 });
  });

  it('parseCidr still normalises the network address', () => {
    expect(parseCidr('10.244.1.7/16')?.text).toBe('10.244.0.0/16');
    expect(parseCidr('10.244.1.7/33')).toBeUndefined();
  });
});

describe('addressInCidr', () => {
  it('answers as parseCidr and cidrContains do', () => {
    const octet = fc.oneof(fc.nat(255), fc.constantFrom(0, 255, 256, 999));
    const ip = fc.tuple(octet, octet, octet, octet).map((xs) => xs.join('.'));
    const cidr = fc.oneof(ip, fc.tuple(ip, fc.oneof(fc.nat(33), fc.constant(100))).map(([a, p]) => `${a}/${p}`), fc.constantFrom('', '/8', '1.2.3.4/', '1.2.3/8', '10.0.0.0/x'));
    const near = fc.tuple(cidr, fc.nat(255)).map(([c, last]) => [c, `${c.split('/')[0].split('.').slice(0, 3).join('.')}.${last}`] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(cidr, ip), near), ([c, a]) => {
        const parsed = parseCidr(c.includes('/') ? c : `${c}/32`);
        expect(addressInCidr(a, c)).toBe(parsed !== undefined && cidrContains(parsed, a));
      }),
      { numRuns: 3000 },
    );
    expect(addressInCidr('10.244.3.9', '10.244.0.0/16')).toBe(true);
    expect(addressInCidr('10.245.0.1', '10.244.0.0/16')).toBe(false);
    expect(addressInCidr('10.96.0.10', '10.96.0.10')).toBe(true);
    expect(addressInCidr('8.8.8.8', '0.0.0.0/0')).toBe(true);
  });
});
