import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../types';
import { defaultStatefulSet } from './statefulSet';

type Spec = NonNullable<StatefulSet['spec']>;

const web = (spec: Partial<Spec> = {}): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] } },
    ...spec,
  },
});

const defaulted = (sts: StatefulSet): Spec => {
  defaultStatefulSet(sts);
  return sts.spec as Spec;
};

// kubernetes/kubernetes pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet (1.34)
describe('defaultStatefulSet', () => {
  it('defaults policy, strategy, retention, replicas and history; maxUnavailable stays unset (gate off in 1.34)', () => {
    const { template, selector, ...spec } = defaulted(web());
    expect(spec).toEqual({
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    expect(template.spec?.restartPolicy).toBe('Always');
    expect(template.spec?.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('adds rollingUpdate only when it defaults the type', () => {
    expect(defaulted(web({ updateStrategy: { type: 'RollingUpdate' } })).updateStrategy).toEqual({ type: 'RollingUpdate' });
    expect(defaulted(web({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: {} } })).updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: 0 },
    });
    expect(defaulted(web({ updateStrategy: { type: 'OnDelete' } })).updateStrategy).toEqual({ type: 'OnDelete' });
    expect(defaulted(web({ updateStrategy: { rollingUpdate: { partition: 2 } } })).updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: 2 },
    });
  });

  it('keeps what was given and fills the rest of the retention policy', () => {
    const spec = defaulted(web({ podManagementPolicy: 'Parallel', replicas: 0, persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } }));
    expect([spec.podManagementPolicy, spec.replicas, spec.persistentVolumeClaimRetentionPolicy]).toEqual([
      'Parallel',
      0,
      { whenScaled: 'Delete', whenDeleted: 'Retain' },
    ]);
  });

  // SetObjectDefaults_StatefulSet: SetDefaults_PersistentVolumeClaim and SetDefaults_PersistentVolumeClaimSpec
  // (pkg/apis/core/v1/defaults.go); apiVersion and kind from Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec
  it('defaults claim templates as apps/v1 writes them back', () => {
    const spec = defaulted(
      web({
        volumeClaimTemplates: [
          { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
          { metadata: { name: 'raw' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block' } },
        ],
      }),
    );
    expect(spec.volumeClaimTemplates).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'raw' },
        spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: {} },
        status: { phase: 'Pending' },
      },
    ]);
  });

  // k8s.io/api apps/v1 types.go: `serviceName` and `ordinals.start` have no omitempty
  it('writes serviceName and ordinals.start even when empty', () => {
    const spec = defaulted(web({ serviceName: undefined as never, ordinals: {} }));
    expect([spec.serviceName, spec.ordinals]).toEqual(['', { start: 0 }]);
  });

  it('defaults the pod spec of a template that has none', () => {
    const spec = defaulted(web({ template: { metadata: { labels: { app: 'nginx' } } } }));
    expect(spec.template.spec).toEqual({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });
});
