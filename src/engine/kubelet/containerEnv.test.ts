/**
 * Service environment variables end to end (kubernetes/kubernetes pkg/kubelet/envvars/envvars.go), pinned to
 * what `kubectl exec alpaca-prod -- env` prints on a real cluster.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { Service } from '../api/types';
import { expandEnvValue } from './containerEnv';
import { boundPod, getPod, mustCreate, testCluster } from './testing';

// `kubectl exec alpaca-prod -- env` from the seed; the order of these lines is map order and carries no meaning
const seedEnv = [
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  'HOSTNAME=alpaca-prod',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'ALPACA_PROD_PORT_8000_TCP_PROTO=tcp',
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
  'ALPACA_PROD_PORT=tcp://10.99.141.81:8000',
  'ALPACA_PROD_PORT_8000_TCP_PORT=8000',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'ALPACA_PROD_PORT_8000_TCP=tcp://10.99.141.81:8000',
  'ALPACA_PROD_PORT_8000_TCP_ADDR=10.99.141.81',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'ALPACA_PROD_SERVICE_HOST=10.99.141.81',
  'ALPACA_PROD_SERVICE_PORT=8000',
];

const alpacaLabels = { app: 'alpaca', env: 'prod', ver: '1' };

function exposeAlpaca(c: Cluster): void {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'alpaca-prod', namespace: 'default', labels: alpacaLabels },
    spec: { clusterIP: '10.99.141.81', selector: alpacaLabels, ports: [{ port: 8000, protocol: 'TCP', targetPort: 8000 }] },
  };
  const r = c.create('Service', svc);
  if (!r.ok) throw new Error(r.status.message);
}

function runAlpaca(c: Cluster, liveness = false): void {
  const pod = boundPod('alpaca-prod', [
    {
      name: 'alpaca-prod',
      image: 'gcr.io/kuar-demo/kuard-amd64:blue',
      ports: [{ containerPort: 8000 }],
      ...(liveness ? { livenessProbe: { httpGet: { path: '/healthy', port: 8080 } } } : {}),
    },
  ]);
  pod.metadata = { ...pod.metadata, labels: alpacaLabels };
  mustCreate(c, pod);
  c.advance(10_000);
}

describe('container environment', () => {
  it('is exactly the seed transcript for a pod started after `kubectl expose`', () => {
    const c = testCluster();
    exposeAlpaca(c);
    runAlpaca(c);
    const env = c.simulation.containerEnv('default', 'alpaca-prod');
    expect(env?.slice(0, 2)).toEqual(seedEnv.slice(0, 2));
    expect([...(env ?? [])].sort()).toEqual([...seedEnv].sort());
  });

  it('lacks a Service created after the container started, until the container restarts', () => {
    const c = testCluster();
    runAlpaca(c, true);
    exposeAlpaca(c);
    c.advance(5_000);
    const before = c.simulation.containerEnv('default', 'alpaca-prod') ?? [];
    expect(before.some((l) => l.startsWith('ALPACA_PROD_'))).toBe(false);
    expect(before).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    // a liveness failure restarts the container; the new process gets the Services that exist now
    c.simulation.setAppHealth('default', 'alpaca-prod', 'healthy', false);
    expect(c.runUntil(() => getPod(c, 'alpaca-prod')?.status?.containerStatuses?.[0]?.restartCount === 1, 60_000)).toBe(true);
    const after = c.simulation.containerEnv('default', 'alpaca-prod') ?? [];
    expect([...after].sort()).toEqual([...seedEnv].sort());
  });

  it('keeps only default/kubernetes with enableServiceLinks false, and user env wins with $(VAR) expansion', () => {
    const c = testCluster();
    exposeAlpaca(c);
    mustCreate(
      c,
      boundPod(
        'client',
        [
          {
            name: 'client',
            image: 'busybox:1.36',
            command: ['sleep', '3600'],
            env: [
              { name: 'KUBERNETES_SERVICE_PORT', value: '6443' },
              { name: 'API', value: 'https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)' },
              { name: 'LITERAL', value: '$$(NOT_EXPANDED) $(MISSING)' },
              { name: 'MY_POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
          },
        ],
        { enableServiceLinks: false },
      ),
    );
    c.advance(10_000);
    const env = c.simulation.containerEnv('default', 'client') ?? [];
    expect(env.some((l) => l.startsWith('ALPACA_PROD_'))).toBe(false);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env).toContain('KUBERNETES_SERVICE_PORT=6443');
    expect(env.filter((l) => l.startsWith('KUBERNETES_SERVICE_PORT=')).length).toBe(1);
    expect(env).toContain('API=https://10.96.0.1:6443');
    expect(env).toContain('LITERAL=$(NOT_EXPANDED) $(MISSING)');
    expect(env).toContain('MY_POD=client');
    expect(env.at(-1)).toBe('HOME=/root');
  });
});

describe('expandEnvValue (third_party/forked/golang/expansion)', () => {
  const lookup = (n: string) => ({ A: 'a', B: 'b' })[n];
  it.each([
    ['$(A)-$(B)', 'a-b'],
    ['$$(A)', '$(A)'],
    ['$(C)', '$(C)'],
    ['$A', '$A'],
    ['$(A', '$(A'],
    ['x$', 'x$'],
  ])('%s -> %s', (input, want) => {
    expect(expandEnvValue(input, lookup)).toBe(want);
  });
});
