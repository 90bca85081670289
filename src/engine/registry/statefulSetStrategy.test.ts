/**
 * StatefulSet admission end to end through the simulated apiserver: kubernetes/kubernetes
 * `pkg/registry/apps/statefulset/strategy.go` (1.34) around `SetDefaults_StatefulSet` and
 * `ValidateStatefulSet` / `ValidateStatefulSetUpdate` (`pkg/apis/apps/validation/validation.go`).
 */
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import type { StatefulSet } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

type Spec = NonNullable<StatefulSet['spec']>;

const web = (): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'nginx',
    replicas: 2,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
    },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
});

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

function created(api = newAdmissionTestApi(), sts = web()) {
  const r = api.create('StatefulSet', sts);
  if (!r.ok) throw new Error(r.status.message);
  return { api, sts: r.value };
}

describe('StatefulSet admission', () => {
  it('stores the defaulted spec, an empty status as apps/v1 writes it, and generation 1', () => {
    const { sts } = created();
    const { template, volumeClaimTemplates, ...spec } = sts.spec as Spec;
    expect(spec).toEqual({
      serviceName: 'nginx',
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(template.spec?.dnsPolicy).toBe('ClusterFirst');
    expect(volumeClaimTemplates?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', status: { phase: 'Pending' } });
    // StatefulSetStatus: `replicas` and `availableReplicas` have no omitempty
    expect(sts.status).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(sts.metadata?.generation).toBe(1);
  });

  it('refuses an invalid StatefulSet with every cause, once each', () => {
    const bad = web();
    const spec = bad.spec as Spec;
    spec.podManagementPolicy = 'Sometimes';
    spec.template.metadata = { labels: { app: 'nginx', 'bad key!': 'x' } };
    const r = newAdmissionTestApi().create('StatefulSet', bad);
    expect(causes(r as never)).toEqual([
      'spec.podManagementPolicy: Invalid value: "Sometimes": must be \'OrderedReady\' or \'Parallel\'',
      expect.stringMatching(/^spec\.template\.labels: Invalid value: "bad key!": name part must consist/) as unknown as string,
    ]);
  });

  it('drops maxUnavailable while MaxUnavailableStatefulSet is off (dropStatefulSetDisabledFields)', () => {
    const withMax = web();
    (withMax.spec as Spec).updateStrategy = { rollingUpdate: { maxUnavailable: 2 } };
    const { api, sts } = created(newAdmissionTestApi(), withMax);
    expect(sts.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    const next = cloneJson(sts);
    (next.spec as Spec).updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1, maxUnavailable: '50%' } };
    const r = api.update('StatefulSet', next);
    expect(r.ok && r.value.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 1 } });
  });

  it('keeps the status on update and bumps the generation only for spec changes', () => {
    const { api, sts } = created();
    const withStatus = cloneJson(sts);
    withStatus.status = { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 };
    const s = api.updateStatus('StatefulSet', withStatus);
    expect(s.ok && s.value.metadata?.generation).toBe(1);
    if (!s.ok) return;
    const scaled = cloneJson(s.value);
    (scaled.spec as Spec).replicas = 3;
    scaled.status = { replicas: 0, availableReplicas: 0 };
    const r1 = api.update('StatefulSet', scaled);
    expect(r1.ok && [r1.value.metadata?.generation, r1.value.status?.readyReplicas]).toEqual([2, 2]);
    if (!r1.ok) return;
    const labelled = cloneJson(r1.value);
    labelled.metadata = { ...labelled.metadata, labels: { tier: 'web' } };
    const r2 = api.update('StatefulSet', labelled);
    expect(r2.ok && r2.value.metadata?.generation).toBe(2);
  });

  it('refuses changes outside the mutable fields with one Forbidden error', () => {
    const { api, sts } = created();
    const next = cloneJson(sts);
    (next.spec as Spec).serviceName = 'nginx-headless';
    expect(causes(api.update('StatefulSet', next) as never)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('accepts re-sending the manifest as written: claim template defaults make it equal', () => {
    const { api, sts } = created();
    const replaced = { ...web(), metadata: { ...web().metadata, resourceVersion: sts.metadata?.resourceVersion } };
    const r = api.update('StatefulSet', replaced);
    expect(r.ok && r.value.metadata?.generation).toBe(1);
  });
});
