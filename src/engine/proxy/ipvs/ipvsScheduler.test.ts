/**
 * The kernel schedulers with kube-proxy's weight-1 real servers (torvalds/linux net/netfilter/ipvs/ip_vs_*.c) and
 * what kube-proxy 1.34 accepts as `ipvs.scheduler` (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go).
 */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../shared/prng';
import { IpvsConnections } from './ipvsConnections';
import { destinationHashBucket, effectiveScheduler, IpvsSchedulerState, schedule, schedulerError, sourceHashBucket } from './ipvsScheduler';

const servers = ['10.244.1.2:80', '10.244.2.2:80', '10.244.3.2:80'];

function picker(scheduler: string) {
  const state = new IpvsSchedulerState();
  const conns = new IpvsConnections();
  const rand = createPrng(7);
  return (src: string, now = 0, dst = '10.96.0.50') => {
    const s = schedule({ scheduler, vsKey: `${dst}:80/TCP`, servers, src, dst, now, rand, state, conns });
    conns.record(`${dst}:80/TCP`, servers[s.index], 'TCP', now);
    return servers[s.index];
  };
}

describe('IPVS schedulers', () => {
  it('defaults a blank scheduler to rr and refuses names the kernel has no module for', () => {
    expect(effectiveScheduler('')).toBe('rr');
    expect(schedulerError('')).toBeUndefined();
    for (const s of ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq', 'mh']) expect(schedulerError(s)).toBeUndefined();
    // kube-proxy's log for scheduler "r": "can't use the IPVS proxier: no such file or directory"
    expect(schedulerError('r')).toBe("can't use the IPVS proxier: no such file or directory");
  });

  it.each(['rr', 'wrr'])('%s takes the real servers in strict turn (weights are all 1)', (s) => {
    const pick = picker(s);
    const seq = Array.from({ length: 6 }, () => pick('10.244.1.9'));
    expect(seq).toEqual([...servers, ...servers]);
  });

  it.each(['lc', 'wlc'])('%s takes the server with the fewest connections, the first on ties, until they expire', (s) => {
    const pick = picker(s);
    // each connection stays in TIME_WAIT (inactive) for 2 minutes, so the next goes to a less loaded server
    expect([pick('a', 0), pick('a', 1), pick('a', 2), pick('a', 3)]).toEqual([servers[0], servers[1], servers[2], servers[0]]);
    // 2 min after the first three they have expired; server 0 still holds the fourth, so server 1 is the least loaded
    expect(pick('a', 120_002)).toBe(servers[1]);
  });

  it.each(['sed', 'nq'])('%s takes the first server while none has an active connection', (s) => {
    const pick = picker(s);
    expect(new Set(Array.from({ length: 5 }, (_, i) => pick('10.244.1.9', i)))).toEqual(new Set([servers[0]]));
  });

  it('sh sends a client address always to the same server, and spreads addresses by hash_32', () => {
    const pick = picker('sh');
    for (const src of ['10.244.1.5', '172.18.0.1', '10.244.3.7']) {
      const first = pick(src);
      for (let i = 0; i < 5; i++) expect(pick(src)).toBe(first);
      // hash_32(addr, 8) = (addr * 0x61C88647 mod 2^32) >> 24, computed here with BigInt (include/linux/hash.h)
      const addr = BigInt(src.split('.').reduce((a, o) => a * 256 + Number(o), 0));
      const bucket = Number(((addr * 0x61c88647n) & 0xffffffffn) >> 24n);
      expect(sourceHashBucket(src)).toBe(bucket);
      expect(first).toBe(servers[bucket % servers.length]);
    }
    const spread = new Set(Array.from({ length: 40 }, (_, i) => pick(`10.244.2.${i + 10}`)));
    expect(spread.size).toBe(3);
  });

  it('dh sends every connection to one virtual address to the same server, whatever the client', () => {
    const pick = picker('dh');
    const first = pick('10.244.1.5');
    for (const src of ['10.244.2.5', '172.18.0.1', '10.244.3.9']) expect(pick(src)).toBe(first);
    // ip_vs_dh_hashkey: (addr * 2654435761) & 255
    const addr = BigInt(0x0a600032); // 10.96.0.50
    expect(destinationHashBucket('10.96.0.50')).toBe(Number((addr * 2654435761n) & 0xffn));
    expect(first).toBe(servers[destinationHashBucket('10.96.0.50') % 3]);
  });

  it('lblc keeps a destination on the server it was first given', () => {
    const pick = picker('lblc');
    const first = pick('a', 0);
    expect([pick('b', 1), pick('c', 2), pick('d', 3)]).toEqual([first, first, first]);
  });

  it('mh chooses with the seeded generator (a note says so), the same sequence for the same seed', () => {
    const a = picker('mh');
    const b = picker('mh');
    const seqA = Array.from({ length: 12 }, () => a('10.244.1.9'));
    expect(Array.from({ length: 12 }, () => b('10.244.1.9'))).toEqual(seqA);
    expect(new Set(seqA).size).toBeGreaterThan(1);
    const s = schedule({ scheduler: 'mh', vsKey: 'k', servers, src: 'x', dst: 'y', now: 0, rand: createPrng(1), state: new IpvsSchedulerState(), conns: new IpvsConnections() });
    expect(s.why).toMatch(/approximates Maglev/);
  });
});

describe('IPVS connection counters', () => {
  it('counts a TCP connection inactive for 2 minutes and a UDP one for 5', () => {
    const c = new IpvsConnections();
    c.record('vs', 'rs', 'TCP', 0);
    c.record('vs', 'rs', 'UDP', 0);
    expect(c.counts('vs', 'rs', 119_999)).toEqual({ active: 0, inactive: 2 });
    expect(c.counts('vs', 'rs', 120_000)).toEqual({ active: 0, inactive: 1 });
    expect(c.counts('vs', 'rs', 300_000)).toEqual({ active: 0, inactive: 0 });
  });
});
