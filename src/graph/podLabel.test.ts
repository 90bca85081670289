import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortPodName } from './podLabel';

describe('shortPodName', () => {
  it('keeps names that fit', () => {
    expect(shortPodName('app')).toBe('app');
    expect(shortPodName('web-7d4b9c-abcde', 16)).toBe('web-7d4b9c-abcde');
  });

  it("keeps each replica's distinguishing suffix (hash end and random part)", () => {
    expect(shortPodName('nginx-5659547d6b-rxsxk')).toBe('nginx-…6b-rxsxk');
    expect(shortPodName('nginx-5659547d6b-sjbtm')).toBe('nginx-…6b-sjbtm');
    expect(shortPodName('frontend-backend-api-6f9c8d7b5-x2x9q')).toBe('fronte…b5-x2x9q');
  });

  it('never exceeds the budget and keeps both ends of any name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,60}[a-z0-9])?$/), fc.integer({ min: 10, max: 30 }), (name, max) => {
        const s = shortPodName(name, max);
        expect(s.length).toBeLessThanOrEqual(max);
        if (name.length <= max) expect(s).toBe(name);
        else {
          const [head, tail] = s.split('…');
          expect(name.startsWith(head)).toBe(true);
          expect(name.endsWith(tail)).toBe(true);
          expect(tail.length).toBeGreaterThanOrEqual(Math.min(5, name.length - name.lastIndexOf('-') - 1));
        }
      }),
    );
  });
});
