import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import type { Deployment, ReplicaSet } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

const nginx = (labels: Record<string, string> = { app: 'nginx' }, selector: Record<string, string> | null = { app: 'nginx' }): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx' },
  spec: {
    selector: selector ? { matchLabels: selector } : (undefined as never),
    template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
});

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

describe('Deployment (apps/v1 SetDefaults_Deployment, ValidateDeployment)', () => {
  it('defaults replicas, strategy, history, deadline and the template', () => {
    const api = newAdmissionTestApi();
    const r = api.create('Deployment', nginx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { template, ...spec } = r.value.spec ?? ({} as NonNullable<Deployment['spec']>);
    expect(spec).toEqual({
      selector: { matchLabels: { app: 'nginx' } },
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    // SetDefaults_PodSpec applies to templates, SetDefaults_Pod and admission do not
    expect(template.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    expect(r.value.status).toEqual({});
    expect(r.value.metadata?.generation).toBe(1);
  });

  it.each<[string, Deployment, string[]]>([
    [
      'selector does not match the template labels',
      nginx({ app: 'http' }),
      ['spec.template.metadata.labels: Invalid value: {"app":"http"}: `selector` does not match template `labels`'],
    ],
    [
      'selector missing',
      nginx({ app: 'helloworld' }, null),
      ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"helloworld"}: `selector` does not match template `labels`'],
    ],
    [
      'empty selector',
      { ...nginx(), spec: { ...nginx().spec, selector: {} } as Deployment['spec'] },
      ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
    ],
    ['negative replicas', { ...nginx(), spec: { ...nginx().spec, replicas: -1 } as Deployment['spec'] }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    [
      'maxSurge and maxUnavailable both 0',
      { ...nginx(), spec: { ...nginx().spec, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } } as Deployment['spec'] },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'maxUnavailable over 100%',
      { ...nginx(), spec: { ...nginx().spec, strategy: { rollingUpdate: { maxUnavailable: '150%' } } } as Deployment['spec'] },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%'],
    ],
    [
      'not a percentage',
      { ...nginx(), spec: { ...nginx().spec, strategy: { rollingUpdate: { maxSurge: '25' } } } as Deployment['spec'] },
      [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "25": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`],
    ],
    [
      'Recreate with rollingUpdate',
      { ...nginx(), spec: { ...nginx().spec, strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } } as Deployment['spec'] },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'template restartPolicy must be Always',
      (() => {
        const d = nginx();
        (d.spec?.template.spec as { restartPolicy?: string }).restartPolicy = 'Never';
        return d;
      })(),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'template labels are checked at spec.template.labels',
      nginx({ app: 'nginx', 'bad key!': 'x' }),
      [expect.stringMatching(/^spec\.template\.labels: Invalid value: "bad key!": name part must consist/) as unknown as string],
    ],
  ])('%s', (_name, d, want) => {
    expect(causes(newAdmissionTestApi().create('Deployment', d) as never)).toEqual(want);
  });

  it('keeps the selector immutable on update, after the template check', () => {
    const api = newAdmissionTestApi();
    const created = api.create('Deployment', nginx({ app: 'immutable-demo' }, { app: 'immutable-demo' }));
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    (next.spec as NonNullable<Deployment['spec']>).selector = { matchLabels: { app: 'immutable-demo-typo' } };
    expect(causes(api.update('Deployment', next) as never)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"immutable-demo"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: {"matchLabels":{"app":"immutable-demo-typo"}}: field is immutable',
    ]);
  });

  it('bumps the generation for spec and annotation changes only', () => {
    const api = newAdmissionTestApi();
    const created = api.create('Deployment', nginx());
    if (!created.ok) throw new Error(created.status.message);
    const scaled = cloneJson(created.value);
    (scaled.spec as NonNullable<Deployment['spec']>).replicas = 3;
    const r1 = api.update('Deployment', scaled);
    expect(r1.ok && r1.value.metadata?.generation).toBe(2);
    if (!r1.ok) return;
    const annotated = cloneJson(r1.value);
    annotated.metadata = { ...annotated.metadata, annotations: { 'kubernetes.io/change-cause': 'scale' } };
    const r2 = api.update('Deployment', annotated);
    expect(r2.ok && r2.value.metadata?.generation).toBe(3);
    if (!r2.ok) return;
    const labelled = cloneJson(r2.value);
    labelled.metadata = { ...labelled.metadata, labels: { team: 'web' } };
    const r3 = api.update('Deployment', labelled);
    expect(r3.ok && r3.value.metadata?.generation).toBe(3);
  });
});

describe('ReplicaSet (SetDefaults_ReplicaSet, ValidateReplicaSet)', () => {
  const rs = (): ReplicaSet => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });

  it('defaults one replica and starts with replicas: 0 in status', () => {
    const r = newAdmissionTestApi().create('ReplicaSet', rs());
    expect(r.ok && [r.value.spec?.replicas, r.value.status, r.value.metadata?.generation]).toEqual([1, { replicas: 0 }, 1]);
  });

  it('reports a selector mismatch like Deployments do', () => {
    const bad = rs();
    const spec = bad.spec as NonNullable<ReplicaSet['spec']>;
    spec.selector = { matchLabels: { app: 'snack' } };
    spec.template = { ...spec.template, metadata: { labels: { app: 'snak' } } };
    expect(causes(newAdmissionTestApi().create('ReplicaSet', bad) as never)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"snak"}: `selector` does not match template `labels`',
    ]);
  });

  it('matches expressions too', () => {
    const ok = rs();
    (ok.spec as NonNullable<ReplicaSet['spec']>).selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] };
    expect(newAdmissionTestApi().create('ReplicaSet', ok).ok).toBe(true);
  });

  it('keeps the selector immutable (replicaset strategy ValidateUpdate)', () => {
    const api = newAdmissionTestApi();
    const created = api.create('ReplicaSet', rs());
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    (next.spec as NonNullable<ReplicaSet['spec']>).selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] };
    expect(causes(api.update('ReplicaSet', next) as never)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"Exists"}]}: field is immutable',
    ]);
  });
});
