import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { Endpoints, Pod, Service } from '../../api/types';
import { boundPod, endpointsTestCluster, isReady, kuard, runningStatus, runPod, setPodStatus, startPod, waitForPodGone } from '../endpointslice/testing';

const alpacaLabels = { app: 'alpaca', env: 'prod', ver: '1' };

function createService(c: Cluster, spec: Service['spec'], name = 'alpaca-prod', labels: Record<string, string> = { app: 'alpaca', env: 'prod', ver: '1' }): Service {
  const res = c.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels }, spec });
  if (!res.ok) throw new Error(res.status.message);
  return res.value;
}

function endpoints(c: Cluster, name = 'alpaca-prod'): Endpoints | undefined {
  return c.store.get('Endpoints', `default/${name}`);
}

/** What `kubectl get ep` shows (kubernetes/kubernetes pkg/printers/internalversion/printers.go formatEndpoints): ready addresses only, subset → port → address. */
function endpointsColumn(ep: Endpoints | undefined): string {
  if (!ep?.subsets?.length) return '<none>';
  const list: string[] = [];
  for (const s of ep.subsets) {
    if (!s.ports?.length) for (const a of s.addresses ?? []) list.push(a.ip);
    else for (const p of s.ports) for (const a of s.addresses ?? []) list.push(`${a.ip}:${p.port}`);
  }
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

const alpacaSvc: Service['spec'] = { selector: alpacaLabels, ports: [{ port: 8000, targetPort: 8080 }] };

describe('endpoints controller: the alpaca-prod story', () => {
  it('follows a pod through ready, deleted and replaced', () => {
    // the real path: the scheduler places the pod, the kubelet runs it and reports its IP and readiness
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    // no pods yet: an Endpoints object with no subsets (`<none>`)
    expect(endpoints(c)?.subsets).toBeUndefined();
    expect(endpointsColumn(endpoints(c))).toBe('<none>');

    const first = startPod(c, 'alpaca-prod', alpacaLabels);
    const ip = first.status?.podIP ?? '';
    expect(ip).toMatch(/^10\.244\.[1-3]\.\d+$/);
    expect(first.spec?.nodeName).toMatch(/^kind-worker\d?$/);
    const ep = endpoints(c);
    expect(ep?.subsets).toEqual([
      {
        addresses: [{ ip, nodeName: first.spec?.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'alpaca-prod', uid: first.metadata?.uid } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(endpointsColumn(ep)).toBe(`${ip}:8080`);
    expect(ep?.metadata?.labels).toEqual(alpacaLabels);

    // `kubectl delete pod`: terminating pods leave Endpoints at once, and nothing comes back while it stops
    c.delete('Pod', 'default', 'alpaca-prod');
    expect(endpointsColumn(endpoints(c))).toBe('<none>');
    waitForPodGone(c, 'alpaca-prod');
    expect(endpoints(c)?.subsets).toBeUndefined();

    // a new pod of the same name is a new sandbox with a new IP
    const second = startPod(c, 'alpaca-prod', alpacaLabels);
    const newIp = second.status?.podIP ?? '';
    expect(second.metadata?.uid).not.toBe(first.metadata?.uid);
    expect(newIp).not.toBe(ip);
    expect(endpointsColumn(endpoints(c))).toBe(`${newIp}:8080`);
    expect(endpoints(c)?.subsets?.[0].addresses?.[0].targetRef?.uid).toBe(second.metadata?.uid);
  });

  it('lists a not-ready pod under notReadyAddresses, and moves it when it becomes Ready', () => {
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    runPod(c, 'a', alpacaLabels, '10.244.1.5', false);
    expect(endpoints(c)?.subsets?.[0].addresses).toBeUndefined();
    expect(endpoints(c)?.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual(['10.244.1.5']);
    // a subset with ports but no ready address prints as an empty cell (printers.go formatEndpoints)
    expect(endpointsColumn(endpoints(c))).toBe('');
    setPodStatus(c, 'a', '10.244.1.5', true);
    expect(endpoints(c)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.5']);
    expect(endpoints(c)?.subsets?.[0].notReadyAddresses).toBeUndefined();
  });

  it('drops a terminating pod at once, unless publishNotReadyAddresses', () => {
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    createService(c, { ...alpacaSvc, publishNotReadyAddresses: true }, 'alpaca-all');
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    c.delete('Pod', 'default', 'a'); // graceful: 30 s with a deletionTimestamp
    expect(c.store.get('Pod', 'default/a')?.metadata?.deletionTimestamp).toBeDefined();
    expect(endpointsColumn(endpoints(c))).toBe('<none>');
    expect(endpointsColumn(endpoints(c, 'alpaca-all'))).toBe('10.244.1.5:8080');
  });

  it('lets a relabelled pod leave the Service', () => {
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    runPod(c, 'b', alpacaLabels, '10.244.1.6');
    const pod = c.store.get('Pod', 'default/a') as Pod;
    c.update('Pod', { ...pod, metadata: { ...pod.metadata, labels: { ...alpacaLabels, env: 'debug' } } });
    expect(endpointsColumn(endpoints(c))).toBe('10.244.1.6:8080');
  });

  it('resolves a named targetPort per pod, by name and protocol', () => {
    const c = endpointsTestCluster();
    createService(c, { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }, 'web', {});
    runPod(c, 'w1', { app: 'web' }, '10.244.1.10', true, { containers: [kuard([{ name: 'web', containerPort: 8080 }])] });
    runPod(c, 'w2', { app: 'web' }, '10.244.1.9', true, { containers: [kuard([{ name: 'web', containerPort: 9090 }])] });
    // the name matches but not the protocol: no entry for this pod
    runPod(c, 'w3', { app: 'web' }, '10.244.1.8', true, { containers: [kuard([{ name: 'web', containerPort: 7070, protocol: 'UDP' }])] });
    const subsets = endpoints(c, 'web')?.subsets ?? [];
    const byPort = subsets.map((s) => `${s.ports?.map((p) => `${p.name}:${p.port}`).join('|')}=${s.addresses?.map((a) => a.ip).join(',')}`);
    expect(byPort.sort()).toEqual(['http:8080=10.244.1.10', 'http:9090=10.244.1.9']);
    expect(endpoints(c, 'web')?.metadata?.labels).toBeUndefined();
  });

  it('groups multi-port addresses in one subset, sorted by IP bytes', () => {
    const c = endpointsTestCluster();
    createService(c, {
      selector: { app: 'mp' },
      ports: [
        { name: 'http', port: 80, targetPort: 8080 },
        { name: 'metrics', port: 9100, targetPort: 9100 },
      ],
    }, 'mp', {});
    runPod(c, 'p1', { app: 'mp' }, '10.244.1.5');
    runPod(c, 'p2', { app: 'mp' }, '10.244.1.10');
    const subsets = endpoints(c, 'mp')?.subsets ?? [];
    expect(subsets).toHaveLength(1);
    // byte-wise: "10.244.1.10" < "10.244.1.5" (pkg/api/v1/endpoints/util.go RepackSubsets)
    expect(subsets[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.5']);
    expect(subsets[0].ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9100, protocol: 'TCP' },
    ]);
    expect(endpointsColumn(endpoints(c, 'mp'))).toBe('10.244.1.10:8080,10.244.1.5:8080,10.244.1.10:9100 + 1 more...');
  });

  it('sets the hostname only when hostname and subdomain match the Service', () => {
    const c = endpointsTestCluster();
    createService(c, { clusterIP: 'None', selector: { app: 'db' } }, 'db', {});
    runPod(c, 'db-0', { app: 'db' }, '10.244.1.20', true, { hostname: 'db-0', subdomain: 'db' });
    runPod(c, 'db-1', { app: 'db' }, '10.244.1.21', true, { hostname: 'db-1', subdomain: 'other' });
    const ep = endpoints(c, 'db');
    // headless without ports: bare addresses; labelled headless
    expect(ep?.subsets?.[0].ports).toBeUndefined();
    expect(ep?.subsets?.[0].addresses?.map((a) => [a.ip, a.hostname])).toEqual([
      ['10.244.1.20', 'db-0'],
      ['10.244.1.21', undefined],
    ]);
    expect(ep?.metadata?.labels).toEqual({ 'service.kubernetes.io/headless': '' });
  });

  it('caps at 1000 addresses and marks the object truncated', () => {
    const c = endpointsTestCluster();
    createService(c, { selector: { app: 'big' }, ports: [{ port: 80 }] }, 'big', {});
    // written straight to the apiserver, then settled once: the controller sees one burst
    for (let i = 0; i < 1005; i++) {
      const ip = `10.244.${1 + (i >> 8)}.${i & 255}`;
      const pod = c.api.create('Pod', boundPod(`big-${i}`, { app: 'big' }));
      if (pod.ok) c.api.updateStatus('Pod', { ...pod.value, status: runningStatus(c, ip, i < 995) });
    }
    c.drain();
    const ep = endpoints(c, 'big');
    const n = (ep?.subsets ?? []).reduce((k, s) => k + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    expect(n).toBe(1000);
    // ready addresses are kept first: 995 ready, then 5 of the 10 not ready
    expect(ep?.subsets?.[0].addresses).toHaveLength(995);
    expect(ep?.subsets?.[0].notReadyAddresses).toHaveLength(5);
    expect(ep?.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    for (let i = 0; i < 10; i++) c.delete('Pod', 'default', `big-${i}`, { gracePeriodSeconds: 0 });
    expect(endpoints(c, 'big')?.metadata?.annotations?.['endpoints.kubernetes.io/over-capacity']).toBeUndefined();
  });

  it('writes the last-change-trigger-time annotation: the Service creation time, then the pod Ready transition', () => {
    const c = endpointsTestCluster();
    const svc = createService(c, alpacaSvc);
    // annotation format: RFC 3339 (RFC3339Nano, trailing zeros dropped) — endpoints_controller.go, LastChangeTriggerTime
    expect(endpoints(c)?.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(svc.metadata?.creationTimestamp);
    c.advance(5000);
    // the real path: the kubelet reports the pod Ready, and that transition is the trigger
    const pod = startPod(c, 'a', alpacaLabels);
    const readyAt = pod.status?.conditions?.find((x) => x.type === 'Ready')?.lastTransitionTime ?? '';
    expect(Date.parse(readyAt)).toBeGreaterThan(Date.parse(svc.metadata?.creationTimestamp ?? ''));
    expect(endpoints(c)?.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe(readyAt);
    // a deletion has no trigger time: the annotation is removed
    c.delete('Pod', 'default', 'a', { gracePeriodSeconds: 0 });
    expect(endpoints(c)?.metadata?.annotations).toBeUndefined();
  });

  it('leaves selector-less and ExternalName Services alone, and deletes Endpoints with their Service', () => {
    const c = endpointsTestCluster();
    createService(c, { ports: [{ port: 80 }] }, 'manual', {});
    const manual: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'manual', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.1.1' }], ports: [{ port: 80 }] }] };
    c.create('Endpoints', manual);
    createService(c, { type: 'ExternalName', externalName: 'example.com', selector: { app: 'x' } }, 'ext', {});
    runPod(c, 'x', { app: 'x' }, '10.244.1.5');
    expect(endpoints(c, 'manual')?.subsets?.[0].addresses?.[0].ip).toBe('192.168.1.1');
    expect(endpoints(c, 'ext')).toBeUndefined();
    // the apiserver's own `default/kubernetes` Endpoints are untouched
    expect(endpoints(c, 'kubernetes')?.subsets?.[0].ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);

    createService(c, alpacaSvc);
    expect(endpoints(c)).toBeDefined();
    c.delete('Service', 'default', 'alpaca-prod');
    expect(endpoints(c)).toBeUndefined();
  });

  it('recreates managed Endpoints deleted by hand', () => {
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    c.delete('Endpoints', 'default', 'alpaca-prod');
    expect(endpointsColumn(endpoints(c))).toBe('10.244.1.5:8080');
  });

  it('keeps kube-dns Endpoints for CoreDNS pods, dns ports per protocol', () => {
    const c = endpointsTestCluster();
    // the bootstrap ran the CoreDNS Deployment for real: two Ready replicas on the workers
    const coredns = c.store.list('Pod', 'kube-system').filter((p) => p.metadata?.labels?.['k8s-app'] === 'kube-dns');
    expect(coredns.map(isReady)).toEqual([true, true]);
    // a look-alike in `default`: kube-dns selects in `kube-system` only
    runPod(c, 'coredns-x', { 'k8s-app': 'kube-dns' }, '10.244.0.2', true, {
      containers: [
        kuard([
          { containerPort: 53, name: 'dns', protocol: 'UDP' },
          { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
          { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        ]),
      ],
    });
    const addresses = coredns
      .map((p) => ({ ip: p.status?.podIP ?? '', nodeName: p.spec?.nodeName, targetRef: { kind: 'Pod', namespace: 'kube-system', name: p.metadata?.name, uid: p.metadata?.uid } }))
      .sort((x, y) => (x.ip < y.ip ? -1 : 1));
    expect(c.store.get('Endpoints', 'kube-system/kube-dns')?.subsets).toEqual([
      {
        addresses,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('writes one log entry per reconcile that changes something', () => {
    const c = endpointsTestCluster();
    createService(c, alpacaSvc);
    const before = c.log.lastSeq;
    runPod(c, 'a', alpacaLabels, '10.244.1.5');
    const mine = c.log.since(before).filter((e) => e.component === 'endpoint-controller');
    expect(mine.map((e) => e.message)).toEqual(['updated endpoints default/alpaca-prod: 1 ready, 0 not ready']);
  });
});
