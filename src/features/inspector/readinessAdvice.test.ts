import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { addProbePatch, readinessAdvice } from './readinessAdvice';

const kuard = { name: 'kuard', image: 'gcr.io/kuar-demo/kuard-amd64:blue' };
const owned = (kind: string, name: string): Pod => ({ metadata: { name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind, name, uid: 'u', controller: true }] } });
const deployments = (rs: string) => (rs === 'kuard-5d8f' ? 'kuard' : undefined);

describe('readinessAdvice', () => {
  it('says a probed container can leave its Services', () => {
    expect(readinessAdvice({}, { ...kuard, readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }, deployments)).toEqual({ kind: 'probed' });
  });

  it("patches the owning Deployment's template when the pod has none", () => {
    expect(readinessAdvice(owned('ReplicaSet', 'kuard-5d8f'), kuard, deployments)).toEqual({ kind: 'deployment', deployment: 'kuard', container: 'kuard' });
    expect(addProbePatch('kuard')).toEqual({
      spec: { template: { spec: { containers: [{ name: 'kuard', readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 2, failureThreshold: 3 } }] } } },
    });
  });

  it('asks to re-create a bare pod or one whose owner is not a Deployment', () => {
    expect(readinessAdvice({ metadata: { name: 'p' } }, kuard, deployments)).toEqual({ kind: 'recreate', owner: undefined });
    expect(readinessAdvice(owned('ReplicaSet', 'lonely-rs'), kuard, deployments)).toEqual({ kind: 'recreate', owner: 'replicaset/lonely-rs' });
    expect(readinessAdvice(owned('StatefulSet', 'db'), kuard, deployments)).toEqual({ kind: 'recreate', owner: 'statefulset/db' });
  });
});
