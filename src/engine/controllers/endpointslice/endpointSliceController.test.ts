import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { EndpointSlice, Pod, Service } from '../../api/types';
import { boundPod, endpointsTestCluster, kuard, noKubeletNode, runningStatus, runPod, setPodStatus, startPod, waitForPodGone } from './testing';

function createService(c: Cluster, name: string, spec: Service['spec'], labels?: Record<string, string>): Service {
  const res = c.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec });
  if (!res.ok) throw new Error(res.status.message);
  return res.value;
}

function slices(c: Cluster, svc: string): EndpointSlice[] {
  return c.store.list('EndpointSlice', 'default').filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc);
}

const alpacaLabels = { app: 'alpaca', env: 'prod', ver: '1' };
const alpacaSpec: Service['spec'] = { selector: alpacaLabels, ports: [{ port: 8000, targetPort: 8080 }] };

describe('endpointslice controller', () => {
  it('keeps a placeholder slice for a selector Service without pods', () => {
    const c = endpointsTestCluster();
    const svc = createService(c, 'alpaca-prod', alpacaSpec, alpacaLabels);
    const [slice, ...more] = slices(c, 'alpaca-prod');
    expect(more).toEqual([]);
    expect(slice.endpoints).toEqual([]);
    expect(slice.ports).toBeUndefined();
    expect(slice.addressType).toBe('IPv4');
    // generateName `<svc>-` plus five characters of the apiserver's alphabet
    expect(slice.metadata?.generateName).toBe('alpaca-prod-');
    expect(slice.metadata?.name).toMatch(/^alpaca-prod-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata?.labels).toEqual({
      ...alpacaLabels,
      'kubernetes.io/service-name': 'alpaca-prod',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata?.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Service', name: 'alpaca-prod', uid: svc.metadata?.uid, controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('publishes a ready pod and reuses the placeholder slice for it', () => {
    // the real path: the scheduler places the pod, the kubelet runs it and reports its IP and readiness
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec, alpacaLabels);
    const placeholder = slices(c, 'alpaca-prod')[0].metadata?.name;
    const pod = startPod(c, 'alpaca-prod', alpacaLabels);
    const ip = pod.status?.podIP ?? '';
    expect(ip).toMatch(/^10\.244\.[1-3]\.\d+$/);
    const [slice, ...more] = slices(c, 'alpaca-prod');
    expect(more).toEqual([]);
    expect(slice.metadata?.name).toBe(placeholder);
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints).toEqual([
      {
        addresses: [ip],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'alpaca-prod', uid: pod.metadata?.uid },
        nodeName: pod.spec?.nodeName,
      },
    ]);
    // the trigger is the pod's Ready transition, as the kubelet wrote it
    const readyAt = pod.status?.conditions?.find((x) => x.type === 'Ready')?.lastTransitionTime;
    expect(readyAt).toBeDefined();
    expect(slice.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(readyAt);

    // `kubectl delete pod`: kept as terminating while the kubelet stops it, then back to the placeholder
    c.delete('Pod', 'default', 'alpaca-prod');
    expect(slices(c, 'alpaca-prod')[0].endpoints.map((e) => [e.addresses[0], e.conditions?.terminating])).toEqual([[ip, true]]);
    waitForPodGone(c, 'alpaca-prod');
    expect(slices(c, 'alpaca-prod').map((s) => [s.metadata?.name, s.endpoints.length, s.ports])).toEqual([[placeholder, 0, undefined]]);

    // a new pod of the same name: a new IP, in the same slice
    const next = startPod(c, 'alpaca-prod', alpacaLabels);
    expect(next.status?.podIP).not.toBe(ip);
    expect(slices(c, 'alpaca-prod').map((s) => [s.metadata?.name, s.endpoints.map((e) => e.addresses[0])])).toEqual([[placeholder, [next.status?.podIP]]]);
  });

  it('marks a not-ready pod ready:false, serving:false', () => {
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec);
    runPod(c, 'a', alpacaLabels, '10.244.1.5', false);
    expect(slices(c, 'alpaca-prod')[0].endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
    setPodStatus(c, 'a', '10.244.1.5', true);
    expect(slices(c, 'alpaca-prod')[0].endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false });
  });

  it('keeps a terminating pod with terminating:true (Endpoints drop it)', () => {
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec);
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    c.delete('Pod', 'default', 'a'); // graceful
    expect(slices(c, 'alpaca-prod')[0].endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.244.1.5', { ready: false, serving: true, terminating: true }],
    ]);
    expect(c.store.get('Endpoints', 'default/alpaca-prod')?.subsets).toBeUndefined();
  });

  it('drops a relabelled pod and only rewrites the slice that changed', () => {
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec);
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    runPod(c, 'b', alpacaLabels, '10.244.1.6');
    const pod = c.store.get('Pod', 'default/a') as Pod;
    c.update('Pod', { ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } });
    expect(slices(c, 'alpaca-prod').flatMap((s) => s.endpoints.map((e) => e.addresses[0]))).toEqual(['10.244.1.6']);
    // a change that does not touch endpoints writes nothing
    const rv = slices(c, 'alpaca-prod')[0].metadata?.resourceVersion;
    const b = c.store.get('Pod', 'default/b') as Pod;
    c.update('Pod', { ...b, metadata: { ...b.metadata, annotations: { note: 'x' } } });
    expect(slices(c, 'alpaca-prod')[0].metadata?.resourceVersion).toBe(rv);
  });

  it('groups pods by their resolved port list (named targetPort per pod)', () => {
    const c = endpointsTestCluster();
    createService(c, 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] });
    runPod(c, 'w1', { app: 'web' }, '10.244.1.10', true, { containers: [kuard([{ name: 'web', containerPort: 8080 }])] });
    runPod(c, 'w2', { app: 'web' }, '10.244.1.11', true, { containers: [kuard([{ name: 'web', containerPort: 9090 }])] });
    const got = slices(c, 'web')
      .map((s) => `${s.ports?.map((p) => `${p.name}/${p.port}`).join(',')}=${s.endpoints.map((e) => e.addresses[0]).join(',')}`)
      .sort();
    expect(got).toEqual(['http/8080=10.244.1.10', 'http/9090=10.244.1.11']);
  });

  it('splits at maxEndpointsPerSlice and packs new endpoints into the fullest slice that fits', () => {
    const c = endpointsTestCluster();
    createService(c, 'big', { selector: { app: 'big' }, ports: [{ port: 80 }] });
    for (let i = 0; i < 250; i++) {
      const ip = `10.244.${1 + (i >> 8)}.${i & 255}`;
      const pod = c.api.create('Pod', boundPod(`big-${String(i).padStart(3, '0')}`, { app: 'big' }));
      if (pod.ok) c.api.updateStatus('Pod', { ...pod.value, status: runningStatus(c, ip, true) });
    }
    c.drain();
    expect(slices(c, 'big').map((s) => s.endpoints.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    // ten more fit into the slice of 50
    for (let i = 250; i < 260; i++) runPod(c, `big-${i}`, { app: 'big' }, `10.244.1.${i - 250 + 100}`);
    expect(slices(c, 'big').map((s) => s.endpoints.length).sort((a, b) => a - b)).toEqual([60, 100, 100]);
  });

  it('respects a configured maxEndpointsPerSlice', () => {
    const c = endpointsTestCluster({ maxEndpointsPerSlice: 2 });
    createService(c, 'small', { selector: { app: 's' }, ports: [{ port: 80 }] });
    for (let i = 1; i <= 5; i++) runPod(c, `s-${i}`, { app: 's' }, `10.244.1.${i}`);
    expect(slices(c, 'small').map((s) => s.endpoints.length).sort()).toEqual([1, 2, 2]);
  });

  it('sets hostname and zone, and marks headless Services', () => {
    const c = endpointsTestCluster();
    const node = c.store.get('Node', noKubeletNode);
    if (node) c.update('Node', { ...node, metadata: { ...node.metadata, labels: { ...node.metadata?.labels, 'topology.kubernetes.io/zone': 'zone-a' } } });
    createService(c, 'db', { clusterIP: 'None', selector: { app: 'db' } });
    runPod(c, 'db-0', { app: 'db' }, '10.244.1.20', true, { hostname: 'db-0', subdomain: 'db' });
    const [slice] = slices(c, 'db');
    expect(slice.metadata?.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(slice.ports).toBeUndefined();
    expect(slice.endpoints[0].hostname).toBe('db-0');
    expect(slice.endpoints[0].zone).toBe('zone-a');
  });

  it('skips pods whose Node does not exist, and says so', () => {
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec);
    runPod(c, 'ghost', alpacaLabels, '10.244.9.9', true, { nodeName: 'no-such-node' });
    runPod(c, 'real', alpacaLabels, '10.244.1.5');
    expect(slices(c, 'alpaca-prod').flatMap((s) => s.endpoints.map((e) => e.targetRef?.name))).toEqual(['real']);
    const events = c.store.list('Event', 'default').filter((e) => e.reason === 'FailedToUpdateEndpointSlices');
    // event text from endpointslice_controller.go; the error from reconciler.go
    expect(events[0]?.message).toBe('Error updating Endpoint Slices for Service default/alpaca-prod: skipping Pod ghost for Service default/alpaca-prod: Node no-such-node Not Found');
    expect(events[0]?.source?.component).toBe('endpoint-slice-controller');
  });

  it('recreates a managed slice deleted by hand a second later', () => {
    const c = endpointsTestCluster();
    createService(c, 'alpaca-prod', alpacaSpec);
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    const name = slices(c, 'alpaca-prod')[0].metadata?.name ?? '';
    c.delete('EndpointSlice', 'default', name);
    expect(slices(c, 'alpaca-prod')).toEqual([]);
    c.advance(1000);
    expect(slices(c, 'alpaca-prod').flatMap((s) => s.endpoints.map((e) => e.addresses[0]))).toEqual(['10.244.1.5']);
  });

  it('leaves the bootstrap default/kubernetes slice and selector-less Services alone', () => {
    const c = endpointsTestCluster();
    const before = c.store.get('EndpointSlice', 'default/kubernetes');
    createService(c, 'manual', { ports: [{ port: 80 }] });
    expect(slices(c, 'manual')).toEqual([]);
    expect(c.store.get('EndpointSlice', 'default/kubernetes')).toBe(before);
  });

  it('follows Service label changes on its slices', () => {
    const c = endpointsTestCluster();
    const svc = createService(c, 'alpaca-prod', alpacaSpec, { app: 'alpaca' });
    c.update('Service', { ...svc, metadata: { ...svc.metadata, labels: { app: 'alpaca', tier: 'web' } } });
    expect(slices(c, 'alpaca-prod')[0].metadata?.labels?.tier).toBe('web');
  });
});
