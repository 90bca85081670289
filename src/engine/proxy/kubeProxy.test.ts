/**
 * How often a node's kube-proxy syncs: its BoundedFrequencyRunner runs at most once per `minSyncPeriod`
 * (kubernetes/kubernetes pkg/util/async/bounded_frequency_runner.go), read like the mode from the config.conf
 * the node's kube-proxy pod started with (cmd/kube-proxy/app/server.go). kind writes `iptables.minSyncPeriod:
 * 1s`; a zero value is defaulted to 1s (pkg/proxy/apis/config/v1alpha1/defaults.go).
 */
import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../kubectl/commandLine';
import { runKubectl } from '../../kubectl/kubectl';
import { createCluster } from '../index';
import { nginxDeployment, nginxService, setIptablesMinSyncPeriod } from '../net/testing';

const workers = ['kind-worker', 'kind-worker2', 'kind-worker3'];

/**
 * Syncs of the workers' kube-proxies, with `minSyncPeriod` set to `period`, while a 100-pod Deployment behind a
 * Service comes up (the replicaset-controller creates 20 pods a second, so endpoints become ready over ~5 s)
 * and while it is deleted.
 */
function syncs100Pods(period: string): { up: number; down: number; minSyncMs: number | undefined } {
  const cluster = createCluster({ seed: 3 });
  const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
  setIptablesMinSyncPeriod(cluster, period);
  const count = () => workers.reduce((n, w) => n + (cluster.proxies.syncInfo(w)?.syncs ?? 0), 0);
  const start = count();
  cluster.apply('Deployment', nginxDeployment(100));
  cluster.apply('Service', nginxService());
  cluster.advance(60_000);
  const ready = cluster.store
    .list('EndpointSlice', 'default')
    .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'nginx')
    .flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready).length;
  expect(ready).toBe(100);
  const before = count();
  expect(run('delete deployment nginx').exitCode).toBe(0);
  cluster.advance(120_000);
  expect(cluster.store.list('Pod', 'default').filter((p) => p.metadata?.labels?.app === 'nginx')).toHaveLength(0);
  return { up: before - start, down: count() - before, minSyncMs: cluster.proxyConfig('kind-worker')?.minSyncPeriodMs };
}

describe('kube-proxy minSyncPeriod per node', () => {
  it('syncs on (nearly) every EndpointSlice change with 10ms and batches them with kind’s 1s; 0s is defaulted to 1s', () => {
    const eager = syncs100Pods('10ms');
    const batched = syncs100Pods('1s');
    const zero = syncs100Pods('0s');
    expect([eager.minSyncMs, batched.minSyncMs, zero.minSyncMs]).toEqual([10, 1000, 1000]);
    expect(zero).toEqual(batched);
    expect(batched.up).toBeGreaterThan(0);
    // seed 3: 303 syncs on the three workers with 10ms, 33 with 1s (about one a second each while pods start)
    expect(eager.up).toBeGreaterThan(5 * batched.up);
    expect(batched.up).toBeLessThanOrEqual(3 * 15);
    // the deletion reaches the EndpointSlice in a few instants (the pods go together): 6 syncs either way
    expect(eager.down).toBeGreaterThan(0);
    expect(eager.down).toBeGreaterThanOrEqual(batched.down);
  });

  it('syncs a change that comes inside minSyncPeriod once, exactly when the period ends, on every node', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.apply('Deployment', nginxDeployment(3));
    cluster.apply('Service', nginxService());
    cluster.advance(60_000);
    const info = () => workers.map((w) => cluster.proxies.syncInfo(w));
    const pods = () => cluster.store.list('Pod', 'default').filter((p) => p.metadata?.labels?.app === 'nginx');
    const drop = () => cluster.delete('Pod', 'default', pods()[0].metadata?.name ?? '', { gracePeriodSeconds: 0 });
    // after a quiet spell a change syncs at once
    drop();
    const t0 = cluster.now();
    const first = info();
    for (const i of first) expect(i?.lastSyncAt).toBe(t0);
    // changes 300 ms later wait: no node syncs before t0 + 1s, and then each syncs once
    cluster.advance(300);
    drop();
    cluster.advance(699);
    expect(info()).toEqual(first);
    cluster.advance(1);
    expect(info()).toEqual(first.map((i) => ({ lastSyncAt: t0 + 1000, syncs: (i?.syncs ?? 0) + 1 })));
  });
});
