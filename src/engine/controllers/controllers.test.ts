/** The bench's control plane alone (`kubeProxies: false`) runs the same control plane, only without node rules. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';

describe('createControllers without kube-proxies', () => {
  it('settles the same pods and slices, and no node has a proxier', () => {
    const run = (kubeProxies: boolean) => {
      const c = new Cluster({ seed: 5, kubeProxies });
      c.api.create('Deployment', {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
      });
      c.api.create('Service', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
      c.advance(60_000);
      return c;
    };
    const full = run(true);
    const alone = run(false);
    const pods = (c: Cluster) => JSON.stringify(c.store.list('Pod', 'default'));
    expect(pods(alone)).toBe(pods(full));
    expect(JSON.stringify(alone.store.list('EndpointSlice', 'default'))).toBe(JSON.stringify(full.store.list('EndpointSlice', 'default')));
    expect(full.proxies.nodes().length).toBeGreaterThan(0);
    expect(alone.proxies.nodes()).toEqual([]);
    expect(alone.proxies.proxier('kind-worker')).toBeUndefined();
  });
});
