import { describe, expect, it } from 'vitest';
import { HostLocalIpam } from './podIpam';

// host-local allocator (containernetworking/plugins allocator.go): gateway .1 skipped, round-robin after
// the last reserved IP. Seed: a re-created alpaca-prod got 10.244.0.7 after 10.244.0.6.
describe('HostLocalIpam', () => {
  it('starts at .2 and hands out addresses in order', () => {
    const ipam = new HostLocalIpam('10.244.1.0/24');
    expect(['a', 'b', 'c'].map((id) => ipam.allocate(id))).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('does not reuse a freed address right away', () => {
    const ipam = new HostLocalIpam('10.244.0.0/24');
    for (const id of ['coredns-1', 'coredns-2', 'local-path', 'x']) ipam.allocate(id);
    expect(ipam.allocate('alpaca-prod')).toBe('10.244.0.6');
    ipam.release('alpaca-prod');
    expect(ipam.allocate('alpaca-prod-2')).toBe('10.244.0.7');
  });

  it('wraps around to the lowest free address when the range is used up', () => {
    const ipam = new HostLocalIpam('10.244.2.0/29'); // usable .1-.6, gateway .1
    const got = ['a', 'b', 'c', 'd', 'e'].map((id) => ipam.allocate(id));
    expect(got).toEqual(['10.244.2.2', '10.244.2.3', '10.244.2.4', '10.244.2.5', '10.244.2.6']);
    expect(ipam.allocate('f')).toBeUndefined();
    ipam.release('b');
    expect(ipam.allocate('g')).toBe('10.244.2.3');
  });

  it('forgets everything on reset (tmpfs state dir after a reboot)', () => {
    const ipam = new HostLocalIpam('10.244.1.0/24');
    ipam.allocate('a');
    ipam.allocate('b');
    ipam.reset();
    expect(ipam.allocate('c')).toBe('10.244.1.2');
  });
});
