import { expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
import type { ObjectStore } from '../../store/objectStore';
import { boundPod, endpointsTestCluster, runningStatus } from './testing';

// The cost budgets of the brief (one pod deletion or relabel at 10,000 pods / 1,000 Services reconciled in
// ≤ 1 ms, settling them in ≤ 500 ms) are timed in bench/. Here the same scenario is checked structurally:
// what the controllers read from the store and write through the apiserver. Pods sit on the kubelet-less
// node with hand-written statuses; objects are not frozen, as in production.

/** Objects handed out by the store (lister reads) and the Endpoints/EndpointSlice writes, since the last reset. */
interface Meter {
  reads: number;
  /** `Kind/Service` of each Endpoints or EndpointSlice write. */
  writes: string[];
}

function meter(c: Cluster): Meter {
  const m: Meter = { reads: 0, writes: [] };
  const store: ObjectStore = c.store;
  const { get, list, byIndex, listByIndex } = store;
  store.get = ((kind, key) => {
    const o = get.call(store, kind, key);
    if (o) m.reads++;
    return o;
  }) as ObjectStore['get'];
  store.list = ((kind, ns) => {
    const o = list.call(store, kind, ns);
    m.reads += o.length;
    return o;
  }) as ObjectStore['list'];
  store.byIndex = (kind, name, value) => {
    const o = byIndex.call(store, kind, name, value);
    m.reads += o.size;
    return o;
  };
  store.listByIndex = ((kind, name, value) => {
    const o = listByIndex.call(store, kind, name, value);
    m.reads += o.length;
    return o;
  }) as ObjectStore['listByIndex'];
  c.subscribe((e) => {
    if (e.object.kind === 'Endpoints') m.writes.push(`Endpoints/${e.object.metadata?.name}`);
    if (e.object.kind === 'EndpointSlice') m.writes.push(`EndpointSlice/${e.object.metadata?.labels?.['kubernetes.io/service-name']}`);
  });
  return m;
}

function reset(m: Meter): void {
  m.reads = 0;
  m.writes = [];
}

/** `services` Services of ten Ready pods each, written straight to the apiserver: nothing settled yet. */
function populatedCluster(services: number): Cluster {
  const c = endpointsTestCluster({ freezeObjects: false });
  for (let s = 0; s < services; s++) {
    c.api.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${s}` }, spec: { selector: { app: `app-${s}` }, ports: [{ port: 80, targetPort: 8080 }] } });
    for (let j = 0; j < 10; j++) {
      const i = s * 10 + j;
      const ip = `10.${244 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
      const pod = c.api.create('Pod', boundPod(`p-${i}`, { app: `app-${s}`, tier: 'web' }));
      if (pod.ok) c.api.updateStatus('Pod', { ...pod.value, status: runningStatus(c, ip, true) });
    }
  }
  return c;
}

const deletePod = (c: Cluster, i: number) => c.delete('Pod', 'default', `p-${i}`, { gracePeriodSeconds: 0 });

function relabelPod(c: Cluster, i: number): void {
  const pod = c.store.get('Pod', `default/p-${i}`) as Pod;
  c.update('Pod', { ...pod, metadata: { ...pod.metadata, labels: { app: 'elsewhere', tier: 'web' } } });
}

it('keeps endpoint work proportional to what a change affects', () => {
  // a cluster a hundred times smaller sets the per-object and per-change baseline
  const small = populatedCluster(10);
  const smallMeter = meter(small);
  small.drain();
  const smallSettle = smallMeter.reads;
  reset(smallMeter);
  deletePod(small, 0);
  const smallDelete = smallMeter.reads;
  reset(smallMeter);
  relabelPod(small, 11); // svc-1 still has all ten pods: the largest Service a relabel below meets
  const smallRelabel = smallMeter.reads;

  const c = populatedCluster(1000);
  const m = meter(c);
  c.drain();
  // settling: each Service's Endpoints and its one slice written once, reads growing with the object count only
  expect(m.reads).toBeLessThanOrEqual(100 * smallSettle);
  expect(m.writes).toHaveLength(2000);
  expect(new Set(m.writes).size).toBe(2000);
  expect(c.store.get('Endpoints', 'default/svc-999')?.subsets?.[0].addresses).toHaveLength(10);

  // one change: only the affected Service's Endpoints and slice are written, and no more is read than at
  // a hundredth of the size
  const n = 200;
  for (let i = 0; i < n; i++) {
    const pod = i * 37;
    const svc = `svc-${Math.floor(pod / 10)}`;
    reset(m);
    deletePod(c, pod);
    expect(m.writes).toEqual([`Endpoints/${svc}`, `EndpointSlice/${svc}`]);
    expect(m.reads).toBeLessThanOrEqual(smallDelete);
  }
  for (let i = 0; i < n; i++) {
    const pod = i * 37 + 1;
    const svc = `svc-${Math.floor(pod / 10)}`;
    reset(m);
    relabelPod(c, pod);
    expect(m.writes).toEqual([`Endpoints/${svc}`, `EndpointSlice/${svc}`]);
    expect(m.reads).toBeLessThanOrEqual(smallRelabel);
  }
  expect(c.store.get('Endpoints', 'default/svc-0')?.subsets?.[0].addresses).toHaveLength(8);
});
