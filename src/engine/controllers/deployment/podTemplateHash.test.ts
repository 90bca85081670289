import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, equalIgnoreHash, safeEncodeString } from './podTemplateHash';

const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

describe('pod-template-hash', () => {
  it('encodes decimal digits like rand.SafeEncodeString (byte mod 27 into the name alphabet)', () => {
    // '0'..'9' are bytes 48..57 → alphabet[21..26], alphabet[0..3]
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('3405691582')).toBe('7849bf59d6');
  });

  it('is a stable function of the template and the collision count', () => {
    expect(computeHash(template)).toBe(computeHash(structuredClone(template)));
    expect(computeHash(template)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(template)).toBe('6cbc886c57');
    const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } };
    expect(computeHash(other)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 2));
  });

  it('ignores key order, not content', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined }] })).toBe('{"a":[{"y":2}],"b":1}');
  });

  it('compares templates ignoring the pod-template-hash label', () => {
    const withHash = { ...template, metadata: { labels: { app: 'nginx', 'pod-template-hash': '55ddf88d6f' } } };
    expect(equalIgnoreHash(template, withHash)).toBe(true);
    expect(equalIgnoreHash(template, { ...withHash, metadata: { labels: { app: 'web', 'pod-template-hash': 'x' } } })).toBe(false);
  });
});
