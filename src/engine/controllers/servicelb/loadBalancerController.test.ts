import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { defaultConfig } from '../../config';
import type { Service } from '../../api/types';

function createLb(c: Cluster, name: string, extra: Partial<NonNullable<Service['spec']>> = {}): Service {
  const res = c.create('Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...extra },
  });
  if (!res.ok) throw new Error(res.status.message);
  return res.value;
}

function ingress(c: Cluster, name: string) {
  return c.store.get('Service', `default/${name}`)?.status?.loadBalancer?.ingress;
}

function events(c: Cluster, name: string): string[] {
  return c.store
    .list('Event', 'default')
    .filter((e) => e.involvedObject.name === name && e.source?.component === 'service-controller')
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

const lb = defaultConfig().loadBalancer;

describe('load-balancer controller', () => {
  it('stays <pending> for provisionDelayMs, then writes the first pool address', () => {
    const c = new Cluster({ freezeObjects: true });
    createLb(c, 'alpaca-prod');
    expect(ingress(c, 'alpaca-prod')).toBeUndefined();
    expect(c.store.get('Service', 'default/alpaca-prod')?.metadata?.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    c.advance(lb.provisionDelayMs - 1);
    expect(ingress(c, 'alpaca-prod')).toBeUndefined();
    c.advance(1);
    expect(ingress(c, 'alpaca-prod')).toEqual([{ ip: lb.poolStart, ipMode: 'VIP' }]);
    // event reasons and messages of k8s.io/cloud-provider controllers/service/controller.go
    expect(events(c, 'alpaca-prod')).toEqual(['Normal EnsuringLoadBalancer Ensuring load balancer', 'Normal EnsuredLoadBalancer Ensured load balancer']);
  });

  it('honours a free loadBalancerIP in the pool, and refuses one outside it', () => {
    const c = new Cluster({ freezeObjects: true });
    createLb(c, 'fixed', { loadBalancerIP: '172.18.255.210' });
    createLb(c, 'outside', { loadBalancerIP: '192.168.1.1' });
    c.advance(lb.provisionDelayMs);
    expect(ingress(c, 'fixed')).toEqual([{ ip: '172.18.255.210', ipMode: 'VIP' }]);
    expect(ingress(c, 'outside')).toBeUndefined();
    expect(events(c, 'outside')).toContain('Warning AllocationFailed Failed to allocate IP for "default/outside": "192.168.1.1" is not allowed in config');
  });

  it('gives the address back when the Service is deleted, and releases the finalizer', () => {
    const c = new Cluster({ freezeObjects: true });
    createLb(c, 'a');
    c.advance(lb.provisionDelayMs);
    expect(ingress(c, 'a')?.[0].ip).toBe(lb.poolStart);
    c.delete('Service', 'default', 'a');
    expect(c.store.get('Service', 'default/a')).toBeUndefined();
    createLb(c, 'b');
    c.advance(lb.provisionDelayMs);
    expect(ingress(c, 'b')?.[0].ip).toBe(lb.poolStart);
  });

  it('cleans up when the type changes away from LoadBalancer', () => {
    const c = new Cluster({ freezeObjects: true });
    createLb(c, 'a');
    c.advance(lb.provisionDelayMs);
    const svc = c.store.get('Service', 'default/a') as Service;
    const ports = (svc.spec?.ports ?? []).map(({ nodePort: _drop, ...p }) => p);
    const res = c.update('Service', { ...svc, spec: { ...svc.spec, type: 'ClusterIP', ports } });
    expect(res.ok).toBe(true);
    const after = c.store.get('Service', 'default/a');
    expect(after?.status?.loadBalancer?.ingress).toBeUndefined();
    expect(after?.metadata?.finalizers).toBeUndefined();
    expect(events(c, 'a').slice(-2)).toEqual(['Normal DeletingLoadBalancer Deleting load balancer', 'Normal DeletedLoadBalancer Deleted load balancer']);
  });

  it('leaves Services <pending> with a MetalLB-style warning when the pool is exhausted, until an address frees up', () => {
    const c = new Cluster({ freezeObjects: true, loadBalancer: { ...lb, poolStart: '172.18.255.200', poolEnd: '172.18.255.201' } });
    createLb(c, 'a');
    createLb(c, 'b');
    createLb(c, 'c');
    c.advance(lb.provisionDelayMs);
    expect(ingress(c, 'a')?.[0].ip).toBe('172.18.255.200');
    expect(ingress(c, 'b')?.[0].ip).toBe('172.18.255.201');
    expect(ingress(c, 'c')).toBeUndefined();
    expect(events(c, 'c')).toContain('Warning AllocationFailed Failed to allocate IP for "default/c": no available IPs');
    c.advance(60_000);
    expect(ingress(c, 'c')).toBeUndefined();
    c.delete('Service', 'default', 'a');
    expect(ingress(c, 'c')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  });

  it('does nothing without a load-balancer implementation', () => {
    const c = new Cluster({ freezeObjects: true, loadBalancer: { ...lb, enabled: false } });
    createLb(c, 'a');
    c.advance(60_000);
    expect(ingress(c, 'a')).toBeUndefined();
    expect(c.store.get('Service', 'default/a')?.metadata?.finalizers).toBeUndefined();
    expect(events(c, 'a')).toEqual([]);
  });

  it('cancels provisioning when the Service goes before it is done', () => {
    const c = new Cluster({ freezeObjects: true });
    createLb(c, 'a');
    c.advance(500);
    c.delete('Service', 'default', 'a');
    createLb(c, 'b');
    c.advance(lb.provisionDelayMs);
    expect(ingress(c, 'b')?.[0].ip).toBe(lb.poolStart);
  });
});
