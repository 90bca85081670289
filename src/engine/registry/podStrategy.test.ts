import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { podStrategy } from './podStrategy';
import { newAdmissionTestApi } from './admissionTestApi';

/** What `kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels=...` posts. */
function kubectlRun(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'alpaca-prod', labels: { app: 'alpaca', env: 'prod', ver: '1' } },
    spec: {
      containers: [{ name: 'alpaca-prod', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8000 }], resources: {} }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
    },
    status: {},
  };
}

describe('pod create: defaults and admission', () => {
  it('stores a kubectl-run pod the way a 1.34 apiserver does', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Pod', kubectlRun());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pod = r.value;
    const spec = pod.spec as NonNullable<Pod['spec']> & Record<string, unknown>;
    const volumeName = spec.volumes?.[0]?.name ?? '';
    // the ServiceAccount admission plugin's volume: kube-api-access-<5 chars of the rand.String alphabet>
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec).toEqual({
      containers: [
        {
          name: 'alpaca-prod',
          image: 'gcr.io/kuar-demo/kuard-amd64:blue',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8000, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ name: volumeName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volumeName,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(pod.metadata?.generation).toBe(1);
    expect(pod.metadata?.namespace).toBe('default');
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('imagePullPolicy for %s is %s (SetDefaults_Container)', (image, policy) => {
    const api = newAdmissionTestApi();
    const pod = kubectlRun();
    (pod.spec?.containers[0] as { image: string }).image = image;
    const r = api.create('Pod', pod);
    expect(r.ok && r.value.spec?.containers[0].imagePullPolicy).toBe(policy);
  });

  it('defaults probes (SetDefaults_Probe) and keeps tolerations the pod already has', () => {
    const api = newAdmissionTestApi();
    const pod = kubectlRun();
    const c = pod.spec?.containers[0] as NonNullable<Pod['spec']>['containers'][0];
    c.readinessProbe = { httpGet: { port: 8000 } };
    c.livenessProbe = { tcpSocket: { port: 'http' }, initialDelaySeconds: 5 };
    c.ports = [{ containerPort: 8000, name: 'http' }];
    (pod.spec as { tolerations?: unknown }).tolerations = [{ operator: 'Exists' }];
    const r = api.create('Pod', pod);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ctr = r.value.spec?.containers[0];
    expect(ctr?.readinessProbe).toEqual({ httpGet: { port: 8000, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(ctr?.livenessProbe).toEqual({ tcpSocket: { port: 'http' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    // a toleration of every taint already covers not-ready and unreachable
    expect(r.value.spec?.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '128Mi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '128Mi' }, requests: { cpu: '500m' } }, 'Burstable'],
  ])('qosClass for resources %j is %s (qos.ComputePodQOS)', (resources, qos) => {
    const api = newAdmissionTestApi();
    const pod = kubectlRun();
    (pod.spec?.containers[0] as { resources: unknown }).resources = resources;
    const r = api.create('Pod', pod);
    expect(r.ok && r.value.status?.qosClass).toBe(qos);
    // requests default to limits (SetDefaults_Pod)
    if (r.ok && 'limits' in resources && !('requests' in resources)) expect(r.value.spec?.containers[0].resources?.requests).toEqual(resources.limits);
  });

  it('maps the system priority classes (Priority admission)', () => {
    const api = newAdmissionTestApi();
    const pod = kubectlRun();
    (pod.spec as { priorityClassName?: string }).priorityClassName = 'system-node-critical';
    const r = api.create('Pod', pod);
    expect(r.ok && r.value.spec?.priority).toBe(2000001000);
  });

  it('does not mount a token when automounting is off', () => {
    const api = newAdmissionTestApi();
    const pod = kubectlRun();
    (pod.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken = false;
    const r = api.create('Pod', pod);
    expect(r.ok && r.value.spec?.volumes).toBeUndefined();
  });
});

describe('pod graceful deletion (CheckGracefulDelete)', () => {
  const pod = (nodeName: string | undefined, phase: string, grace?: number): Pod => ({
    spec: { nodeName, containers: [], terminationGracePeriodSeconds: grace },
    status: { phase },
  });
  it.each([
    [pod(undefined, 'Pending', 30), undefined, 0],
    [pod('kind-worker', 'Succeeded', 30), undefined, 0],
    [pod('kind-worker', 'Running', 30), undefined, 30],
    [pod('kind-worker', 'Running', 30), 5, 5],
    [pod('kind-worker', 'Running', -1), undefined, 1],
  ])('%#: grace period', (p, requested, want) => {
    expect(podStrategy.gracePeriod?.(p, requested)).toBe(want);
  });
});
