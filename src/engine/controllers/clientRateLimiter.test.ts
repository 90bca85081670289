/**
 * kube-controller-manager's client rate limit (--kube-api-qps 20, --kube-api-burst 30, one token bucket per
 * controller client: kubernetes/kubernetes pkg/controller/apis/config/v1alpha1/defaults.go,
 * k8s.io/controller-manager/pkg/clientbuilder/client_builder.go, client-go rest/config.go) on virtual time.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { ShellSession } from '../../cli/shellSession';
import { TokenBucket } from './clientRateLimiter';

describe('TokenBucket', () => {
  it('starts full with the burst, then refills one token every 1/qps s', () => {
    const b = new TokenBucket(20, 30, 0);
    for (let i = 0; i < 30; i++) expect(b.take(0)).toBe(0);
    expect(b.take(0)).toBe(50);
    expect(b.take(49)).toBe(1);
    expect(b.take(50)).toBe(0);
    // idle for a minute: back to the burst, never more
    expect(b.take(60_050)).toBe(0);
    let n = 1;
    while (b.take(60_050) === 0) n++;
    expect(n).toBe(30);
  });
});

describe('a ReplicaSet asking for 100,000 pods', () => {
  const podsOf = (c: Cluster) => c.store.list('Pod', 'default').length;

  it('creates the burst (30) at once, then about 20 per second of virtual time', () => {
    const cluster = new Cluster({ seed: 1 });
    const s = new ShellSession(cluster);
    // timers of the cluster itself (kube-system pods' events and kubelets) before the Deployment
    const before = cluster.clock.pendingCount();
    expect(s.feed('kubectl create deployment big --image=nginx --replicas=100000')).toContain('deployment.apps/big created');
    expect(podsOf(cluster)).toBe(30);
    // the rest of the sync waits for tokens on one timer; the others are the 30 pods' own (kubelet, events),
    // not one per pod still to create
    expect(cluster.clock.pendingCount() - before).toBeLessThan(200);
    cluster.advance(1000);
    expect(podsOf(cluster)).toBe(50);
    cluster.advance(9000);
    expect(podsOf(cluster)).toBe(230);
    const created = cluster.store.list('Event', 'default').filter((e) => e.reason === 'SuccessfulCreate');
    expect(created.length).toBeGreaterThan(0);
  });

  it('has a bucket per controller: the Deployment controller still writes while the ReplicaSet controller waits', () => {
    const cluster = new Cluster({ seed: 1 });
    const s = new ShellSession(cluster);
    s.feed('kubectl create deployment big --image=nginx --replicas=100000');
    s.feed('kubectl create deployment small --image=nginx --replicas=1');
    const smallPods = () => cluster.store.list('Pod', 'default').filter((p) => p.metadata?.name?.startsWith('small-')).length;
    // the second ReplicaSet exists at once; its pod waits behind the first sync's requests (500 at 20/s)
    expect(cluster.store.list('ReplicaSet', 'default').length).toBe(2);
    expect(smallPods()).toBe(0);
    cluster.advance(30_000);
    expect(smallPods()).toBe(1);
  });
});
