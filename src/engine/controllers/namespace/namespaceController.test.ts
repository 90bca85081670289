import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../api/types';
import { clusterWithoutKubelets, runPods } from '../replicaset/testing/podLifecycle';
import { namespaceDeletionForbidden } from './namespaceLifecycle';

function app(namespace: string): Deployment {
  const labels = { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace },
    spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  };
}

describe('namespace controller', () => {
  it('terminates a namespace: content deleted, pods serve their grace period, then the namespace goes', () => {
    const c = clusterWithoutKubelets();
    c.create('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.create('Deployment', app('team'));
    c.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'team' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    runPods(c);
    expect(c.store.list('Pod', 'team')).toHaveLength(3);

    c.delete('Namespace', undefined, 'team');
    const ns = c.store.get('Namespace', 'team');
    expect(ns?.metadata?.deletionTimestamp).toBeDefined();
    expect(ns?.status?.phase).toBe('Terminating');
    expect(ns?.spec?.finalizers).toEqual(['kubernetes']);
    expect(c.store.list('Deployment', 'team')).toHaveLength(0);
    expect(c.store.list('ReplicaSet', 'team')).toHaveLength(0);
    expect(c.store.list('Service', 'team')).toHaveLength(0);
    const pods = c.store.list('Pod', 'team');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.metadata?.deletionTimestamp)).toBe(true);
    // status_condition_utils.go: "Some resources are remaining: %s" with "<resource>.<group> has %d resource instances"
    expect(ns?.status?.conditions?.find((x) => x.type === 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 3 resource instances',
    });
    expect(ns?.status?.conditions?.find((x) => x.type === 'NamespaceDeletionContentFailure')).toMatchObject({
      status: 'False',
      reason: 'ContentDeleted',
      message: 'All content successfully deleted, may be waiting on finalization',
    });
    // nothing new may be created meanwhile
    const denied = c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'late', namespace: 'team' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.status.message).toBe('pods "late" is forbidden: unable to create new content in namespace team because it is being terminated');

    runPods(c);
    expect(c.store.get('Namespace', 'team')).toBeDefined();
    // the controller looks again after estimate/2 + 1 = 16 s
    c.advance(16_000);
    expect(c.store.get('Namespace', 'team')).toBeUndefined();
  });

  it('refuses to delete the immortal namespaces (NamespaceLifecycle admission)', () => {
    expect(namespaceDeletionForbidden('default')?.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    expect(namespaceDeletionForbidden('kube-system')?.code).toBe(403);
    expect(namespaceDeletionForbidden('kube-public')?.reason).toBe('Forbidden');
    expect(namespaceDeletionForbidden('kube-node-lease')).toBeUndefined();
    expect(namespaceDeletionForbidden('team')).toBeUndefined();
  });
});
