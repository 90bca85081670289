/**
 * The StatefulSet controller (kubernetes/kubernetes `pkg/controller/statefulset/stateful_set_control.go`,
 * `stateful_set_utils.go`, `stateful_pod_control.go`): ordinal pods with stable identities, ordered creation
 * and removal, rolling updates from the highest ordinal down to the partition, ControllerRevisions.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import type { Pod, StatefulSet } from '../../api/types';

type Spec = NonNullable<StatefulSet['spec']>;

const sts = (name: string, replicas: number, spec: Partial<Spec> = {}, readyAfter = 0): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'registry.k8s.io/nginx-slim:0.21',
            ports: [{ containerPort: 80, name: 'web' }],
            ...(readyAfter ? { readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: readyAfter, periodSeconds: 1 } } : {}),
          },
        ],
      },
    },
    ...spec,
  },
});

type Cluster = ReturnType<typeof createCluster>;

const live = (c: Cluster, app: string): Pod[] =>
  c.store
    .list('Pod', 'default')
    .filter((p) => p.metadata?.labels?.app === app && !p.metadata?.deletionTimestamp)
    .sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
const names = (c: Cluster, app: string) => live(c, app).map((p) => p.metadata?.name);
const ready = (p: Pod) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
const eventsOf = (c: Cluster, name: string) =>
  c.store
    .list('Event', 'default')
    .filter((e) => e.involvedObject?.kind === 'StatefulSet' && e.involvedObject.name === name)
    .map((e) => `${e.reason} ${e.message}`);

describe('StatefulSet controller', () => {
  it('creates <set>-0, -1, … one at a time, each once the one before is Running and Ready (OrderedReady)', () => {
    const c = createCluster({ seed: 7 });
    expect(c.create('StatefulSet', sts('web', 3, {}, 10)).ok).toBe(true);
    c.advance(8_000);
    expect(names(c, 'web')).toEqual(['web-0']);
    // web-1 appears only after web-0 turned ready; and the same for web-2
    c.runUntil(() => names(c, 'web').length === 2, 60_000);
    expect(ready(live(c, 'web')[0])).toBe(true);
    expect(ready(live(c, 'web')[1])).toBe(false);
    c.advance(60_000);
    const pods = live(c, 'web');
    expect(pods.map((p) => p.metadata?.name)).toEqual(['web-0', 'web-1', 'web-2']);
    for (const [i, p] of pods.entries()) {
      // stateful_set_utils.go newStatefulSetPod / initIdentity: hostname and subdomain give web-0.nginx its name
      expect(p.spec?.hostname).toBe(`web-${i}`);
      expect(p.spec?.subdomain).toBe('nginx');
      expect(p.metadata?.generateName).toBe('web-');
      expect(p.metadata?.labels?.['statefulset.kubernetes.io/pod-name']).toBe(`web-${i}`);
      expect(p.metadata?.labels?.['apps.kubernetes.io/pod-index']).toBe(String(i));
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true, blockOwnerDeletion: true });
    }
    const rev = pods[0].metadata?.labels?.['controller-revision-hash'];
    expect(rev).toMatch(/^web-[bcdfghjklmnpqrstvwxz2-9]+$/);
    // stateful_pod_control.go recordPodEvent
    expect(eventsOf(c, 'web')).toEqual([
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate create Pod web-2 in StatefulSet web successful',
    ]);
    const status = c.store.get('StatefulSet', 'default/web')?.status;
    expect(status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
      availableReplicas: 3,
    });
    const revisions = c.store.list('ControllerRevision', 'default');
    expect(revisions.map((r) => [r.metadata?.name, r.revision, r.metadata?.labels?.['controller.kubernetes.io/hash']])).toEqual([[rev, 1, rev?.slice(4)]]);
    expect((revisions[0].data as { spec: { template: Record<string, unknown> } }).spec.template.$patch).toBe('replace');
  });

  it('creates every pod at once under podManagementPolicy Parallel', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('par', 4, { podManagementPolicy: 'Parallel' }, 10));
    c.advance(1_000);
    expect(names(c, 'par')).toEqual(['par-0', 'par-1', 'par-2', 'par-3']);
  });

  it('removes pods from the highest ordinal down, one at a time, on scale-in', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 4));
    c.advance(60_000);
    expect(names(c, 'web')).toHaveLength(4);
    c.patch('StatefulSet', 'default', 'web', 'merge', { spec: { replicas: 1 } });
    c.drain();
    // one deletion at a time: web-3 is terminating, nothing else yet
    expect(c.store.list('Pod', 'default').filter((p) => p.metadata?.deletionTimestamp).map((p) => p.metadata?.name)).toEqual(['web-3']);
    c.advance(120_000);
    expect(names(c, 'web')).toEqual(['web-0']);
    expect(eventsOf(c, 'web').filter((e) => e.startsWith('SuccessfulDelete'))).toEqual([
      'SuccessfulDelete delete Pod web-3 in StatefulSet web successful',
      'SuccessfulDelete delete Pod web-2 in StatefulSet web successful',
      'SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('rolls a template change out from the highest ordinal down to the partition, and back to an old revision', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    c.advance(60_000);
    const first = c.store.get('StatefulSet', 'default/web')?.status?.currentRevision;
    const setImage = (image: string) =>
      c.patch('StatefulSet', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: image }]);
    expect(setImage('registry.k8s.io/nginx-slim:0.24').ok).toBe(true);
    c.advance(120_000);
    const revs = () => Object.fromEntries(live(c, 'web').map((p) => [p.metadata?.name, p.metadata?.labels?.['controller-revision-hash']]));
    const status = c.store.get('StatefulSet', 'default/web')?.status;
    const second = status?.updateRevision;
    expect(second).not.toBe(first);
    // ordinals below the partition keep the current revision, so the update never completes
    expect(revs()).toEqual({ 'web-0': first, 'web-1': second, 'web-2': second });
    expect(status).toMatchObject({ currentRevision: first, currentReplicas: 1, updatedReplicas: 2, replicas: 3 });
    expect(live(c, 'web').find((p) => p.metadata?.name === 'web-2')?.spec?.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.24');
    // partition 0: web-0 follows, and the update revision becomes current
    c.patch('StatefulSet', 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    c.advance(60_000);
    expect(new Set(Object.values(revs()))).toEqual(new Set([second]));
    expect(c.store.get('StatefulSet', 'default/web')?.status).toMatchObject({ currentRevision: second, updateRevision: second, currentReplicas: 3 });
    // going back to the first template reuses its revision, renumbered (getStatefulSetRevisions' roll back)
    setImage('registry.k8s.io/nginx-slim:0.21');
    c.advance(120_000);
    expect(new Set(Object.values(revs()))).toEqual(new Set([first]));
    const history = c.store.list('ControllerRevision', 'default').map((r) => [r.metadata?.name, r.revision]);
    expect(history.sort()).toEqual([first, second].map((n) => [n, n === first ? 3 : 2]).sort());
  });

  it('leaves pods alone under OnDelete until one is deleted, then recreates it from the new template', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 2, { updateStrategy: { type: 'OnDelete' } }));
    c.advance(60_000);
    c.patch('StatefulSet', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.k8s.io/nginx-slim:0.24' }]);
    c.advance(60_000);
    const images = () => live(c, 'web').map((p) => p.spec?.containers[0].image);
    expect(images()).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21']);
    c.delete('Pod', 'default', 'web-1');
    c.advance(60_000);
    expect(images()).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24']);
  });

  it('puts back an identity label a user removed, recording the update', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 1));
    c.advance(30_000);
    expect(c.patch('Pod', 'default', 'web-0', 'json', [{ op: 'remove', path: '/metadata/labels/statefulset.kubernetes.io~1pod-name' }]).ok).toBe(true);
    c.drain();
    expect(live(c, 'web')[0].metadata?.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(eventsOf(c, 'web')).toContain('SuccessfulUpdate update Pod web-0 in StatefulSet web successful');
  });

  it('recreates a deleted pod under the same name, and deletes its pods and revisions with the set', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 2));
    c.advance(60_000);
    const oldUid = live(c, 'web')[1].metadata?.uid;
    c.delete('Pod', 'default', 'web-1');
    c.advance(60_000);
    expect(names(c, 'web')).toEqual(['web-0', 'web-1']);
    expect(live(c, 'web')[1].metadata?.uid).not.toBe(oldUid);
    c.delete('StatefulSet', 'default', 'web');
    c.advance(60_000);
    expect(names(c, 'web')).toEqual([]);
    expect(c.store.list('ControllerRevision', 'default')).toEqual([]);
  });

  it('numbers pods from spec.ordinals.start', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('web', 2, { ordinals: { start: 5 } }));
    c.advance(60_000);
    expect(names(c, 'web')).toEqual(['web-5', 'web-6']);
  });

  it('gives each pod a volume for each claim template, named <claim>-<set>-<ordinal>', () => {
    const c = createCluster({ seed: 7 });
    const set = sts('web', 1, {
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    });
    const container = set.spec?.template.spec?.containers[0];
    if (container) container.volumeMounts = [{ name: 'www', mountPath: '/usr/share/nginx/html' }];
    expect(c.create('StatefulSet', set).ok).toBe(true);
    c.advance(30_000);
    expect(live(c, 'web')[0].spec?.volumes?.find((v) => v.name === 'www')).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    // no PersistentVolumeClaims are served: the cluster log says the claim is taken as bound
    expect(c.log.recent().filter((e) => e.object === 'Pod/default/web-0' && e.component === 'statefulset-controller').map((e) => e.message)).toEqual([
      'svcsim does not simulate PersistentVolumeClaims: www-web-0 taken as bound',
    ]);
  });
});

describe('StatefulSet controller with a huge replica count', () => {
  it('makes only the pods it creates, one request at a time through the client rate limit (no slice of 2^31 pods)', () => {
    const c = createCluster({ seed: 7 });
    expect(c.create('StatefulSet', sts('big', 2147483647, { podManagementPolicy: 'Parallel' })).ok).toBe(true);
    c.advance(10_000);
    // kube-controller-manager's client: a burst of 30, then 20 requests a second
    const created = names(c, 'big').length;
    expect(created).toBeGreaterThan(100);
    expect(created).toBeLessThanOrEqual(30 + 20 * 10 + 1);
    expect(c.store.get('StatefulSet', 'default/big')?.status?.replicas).toBeLessThanOrEqual(created);
  });

  it('creates one pod at a time under OrderedReady whatever spec.replicas says', () => {
    const c = createCluster({ seed: 7 });
    c.create('StatefulSet', sts('big', 2147483647));
    c.advance(20_000);
    const got = names(c, 'big');
    expect(got.length).toBeGreaterThan(1);
    expect(got.length).toBeLessThan(20);
    expect(got).toContain('big-0');
  });
});
