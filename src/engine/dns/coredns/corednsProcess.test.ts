import { describe, expect, it } from 'vitest';
import { goSeconds, queryLogLine, reloadIntervalMs } from './corednsProcess';

describe('the log plugin line', () => {
  it('has the common log format of the DNS debugging page', () => {
    const response = {
      question: { name: 'kubernetes.default.svc.cluster.local.', type: 'A' as const },
      rcode: 'NOERROR' as const,
      authoritative: true,
      recursionAvailable: false,
      answer: [{ name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A' as const, data: '10.96.0.1' }],
      authority: [],
      additional: [],
    };
    const line = queryLogLine({ clientIP: '10.244.1.5', clientPort: 43201, id: 59925, proto: 'udp' }, response);
    expect(line).toMatch(/^\[INFO\] 10\.244\.1\.5:43201 - 59925 "A IN kubernetes\.default\.svc\.cluster\.local\. udp 54 false 512" NOERROR qr,aa,rd 106 0\.000\d+s$/);
    // dig's EDNS0 query with a cookie over TCP: 23 more bytes each way, and TCP's 64 KiB buffer
    const tcp = queryLogLine({ clientIP: '10.244.1.5', clientPort: 43201, id: 1, proto: 'tcp', edns: 1232 }, response);
    expect(tcp).toContain('"A IN kubernetes.default.svc.cluster.local. tcp 77 false 65535" NOERROR qr,aa,rd 129 ');
  });

  it('prints durations as Go formats seconds', () => {
    expect(goSeconds(66_649)).toBe('0.000066649s');
    expect(goSeconds(66_640)).toBe('0.00006664s');
    expect(goSeconds(1_500_000_000)).toBe('1.5s');
  });

  it('reloads every 30 s with a jitter within ±7.5 s', () => {
    for (let i = 0; i < 20; i++) {
      const ms = reloadIntervalMs('coredns-x', i);
      expect(ms).toBeGreaterThanOrEqual(22_500);
      expect(ms).toBeLessThan(37_500);
    }
  });
});
