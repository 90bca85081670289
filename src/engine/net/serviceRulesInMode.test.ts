import { describe, expect, it } from 'vitest';
import { serviceRules } from './serviceRules';
import { serviceRulesInMode } from './serviceRulesInMode';
import { nginxCluster } from './testing';

describe("one node's rules rendered in another mode", () => {
  it('is what a node really running that mode writes, for the same cluster', () => {
    const iptablesCluster = nginxCluster(3);
    for (const mode of ['ipvs', 'nftables', 'userspace'] as const) {
      const real = serviceRules(nginxCluster(3, { proxyMode: mode }), 'kind-worker', 'default', 'nginx');
      const rendered = serviceRulesInMode(iptablesCluster, 'kind-worker', mode, 'default', 'nginx');
      expect(rendered?.mode).toBe(mode);
      expect(rendered?.lines.length).toBeGreaterThan(0);
      expect(rendered).toEqual(real);
    }
  });

  it("leaves the node's own kube-proxy as it was", () => {
    const c = nginxCluster(2);
    const before = serviceRules(c, 'kind-worker', 'default', 'nginx');
    serviceRulesInMode(c, 'kind-worker', 'ipvs', 'default', 'nginx');
    expect(c.proxies.proxier('kind-worker')?.mode).toBe('iptables');
    expect(serviceRules(c, 'kind-worker', 'default', 'nginx')).toEqual(before);
    expect(serviceRulesInMode(c, 'kind-worker', 'iptables', 'default', 'nginx')).toEqual(before);
    expect(serviceRulesInMode(c, 'nope', 'ipvs')).toBeUndefined();
  });
});
