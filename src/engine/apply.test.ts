// Client-side `kubectl apply` (kubectl v0.34 pkg/cmd/apply/apply.go, patcher.go, pkg/util/apply.go).
import { describe, expect, it } from 'vitest';
import type { Service } from './api/types';
import { must, newTestApiServer } from './apiserver/apiServer.fixture';
import { applyObject, lastAppliedAnnotation, lastAppliedConfiguration, threeWayMerge } from './apply';
import { createCluster } from './cluster';

const manifest = (extra: Partial<Service['spec']> = {}, labels: Record<string, string> = { app: 'web' }): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', labels },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...extra },
});

describe('last-applied-configuration', () => {
  it('is the manifest as Go writes it: sorted keys, compact, namespace set, empty annotations kept, trailing newline', () => {
    const { api } = newTestApiServer();
    const out = must(applyObject(api, 'Service', manifest()));
    expect(out.result).toBe('created');
    expect(out.object.metadata?.annotations?.[lastAppliedAnnotation]).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"}}}\n',
    );
  });

  it('keeps the user annotations, drops an old last-applied one, and escapes like encoding/json', () => {
    const text = lastAppliedConfiguration({
      metadata: { name: 'x', annotations: { note: 'a<b & c>', [lastAppliedAnnotation]: 'old' } },
      kind: 'Service',
    });
    expect(text).toBe('{"kind":"Service","metadata":{"annotations":{"note":"a\\u003cb \\u0026 c\\u003e"},"name":"x"}}\n');
  });
});

describe('applyObject', () => {
  it('created → unchanged (no write) → configured', () => {
    const { api, store } = newTestApiServer();
    const created = must(applyObject(api, 'Service', manifest())).object;
    const rv = store.resourceVersion;
    const again = must(applyObject(api, 'Service', manifest()));
    expect(again.result).toBe('unchanged');
    expect(again.patch).toEqual({});
    expect(again.object).toBe(created);
    expect(store.resourceVersion).toBe(rv);
    const changed = must(applyObject(api, 'Service', manifest({ ports: [{ port: 80, targetPort: 9090 }] })));
    expect(changed.result).toBe('configured');
    expect(changed.object.spec?.ports).toEqual([{ port: 80, targetPort: 9090, protocol: 'TCP' }]);
    expect(Number(changed.object.metadata?.resourceVersion)).toBeGreaterThan(rv);
  });

  it('keeps server-populated fields and fields set by others; deletes what was dropped from the manifest', () => {
    const { api } = newTestApiServer();
    const first = must(applyObject(api, 'Service', manifest({ sessionAffinity: 'ClientIP' }, { app: 'web', tier: 'front' }))).object;
    const clusterIP = first.spec?.clusterIP;
    expect(clusterIP).toMatch(/^10\.96\.0\./);
    // someone else labels the object (kubectl label)
    must(api.update('Service', { ...first, metadata: { ...first.metadata, labels: { ...first.metadata?.labels, owner: 'ops' } } }));
    const out = must(applyObject(api, 'Service', manifest({}, { app: 'web' })));
    expect(out.result).toBe('configured');
    expect(out.object.metadata?.labels).toEqual({ app: 'web', owner: 'ops' });
    expect(out.object.spec?.sessionAffinity).toBeUndefined();
    expect(out.object.spec?.clusterIP).toBe(clusterIP);
    expect(out.object.spec?.type).toBe('ClusterIP');
    expect(out.object.spec?.ports?.[0].protocol).toBe('TCP');
    expect(out.object.status).toEqual({ loadBalancer: {} });
    expect(out.patch).toEqual({
      metadata: {
        annotations: { [lastAppliedAnnotation]: lastAppliedConfiguration({ ...manifest({}, { app: 'web' }), metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } } }) },
        labels: { tier: null },
      },
      spec: { sessionAffinity: null },
    });
  });

  it('--dry-run=server reports what would happen without storing it', () => {
    const { api, store } = newTestApiServer();
    const created = must(applyObject(api, 'Service', manifest(), { dryRun: true }));
    expect(created.result).toBe('created');
    expect(api.get('Service', 'default', 'web').ok).toBe(false);
    must(applyObject(api, 'Service', manifest()));
    const rv = store.resourceVersion;
    expect(must(applyObject(api, 'Service', manifest(), { dryRun: 'server' })).result).toBe('unchanged');
    const changed = must(applyObject(api, 'Service', manifest({ ports: [{ port: 81 }] }), { dryRun: true }));
    expect(changed.result).toBe('configured');
    expect(changed.object.spec?.ports?.map((p) => p.port)).toEqual([81]);
    expect(store.resourceVersion).toBe(rv);
  });

  it('--dry-run=client never asks for a patch: existing objects are always configured', () => {
    const { api, store } = newTestApiServer();
    expect(must(applyObject(api, 'Service', manifest(), { dryRun: 'client' })).result).toBe('created');
    expect(store.count('Service')).toBe(0);
    must(applyObject(api, 'Service', manifest()));
    expect(must(applyObject(api, 'Service', manifest(), { dryRun: 'client' })).result).toBe('configured');
  });

  it('warns when the live object was not created by apply, then patches the annotation in', () => {
    const { api } = newTestApiServer();
    must(api.create('Service', manifest()));
    const out = must(applyObject(api, 'Service', manifest()));
    expect(out.result).toBe('configured');
    expect(out.warnings).toEqual([
      `Warning: resource services/web is missing the ${lastAppliedAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    ]);
    expect(out.object.metadata?.annotations?.[lastAppliedAnnotation]).toBeDefined();
    expect(must(applyObject(api, 'Service', manifest())).result).toBe('unchanged');
  });

  it('warns when the object is being deleted', () => {
    const { api } = newTestApiServer();
    must(applyObject(api, 'Service', { ...manifest(), metadata: { name: 'web', finalizers: ['example.com/hold'] } }));
    must(api.delete('Service', 'default', 'web'));
    const out = must(applyObject(api, 'Service', { ...manifest(), metadata: { name: 'web', finalizers: ['example.com/hold'], labels: { x: 'y' } } }));
    expect(out.warnings).toEqual(['Warning: Detected changes to resource web which is currently being deleted.\n']);
  });

  it('passes on server errors', () => {
    const { api } = newTestApiServer();
    const r = applyObject(api, 'Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } });
    expect(!r.ok && r.status.message).toBe('Pod "p" is invalid: spec.containers[0].image: Required value');
  });
});

describe('threeWayMerge', () => {
  it('merges lists by the kind of the desired object', () => {
    const live = { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, nodePort: 30080 }], clusterIP: '10.96.0.9' } };
    const last = { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } };
    const desired = { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    expect(threeWayMerge(last, desired, live)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      spec: { ports: [{ port: 80, nodePort: 30080, targetPort: 8080 }], clusterIP: '10.96.0.9' },
    });
  });
});

describe('apply on a full cluster', () => {
  it('re-applying the same Service is unchanged and keeps its allocated clusterIP', () => {
    const c = createCluster({ freezeObjects: true });
    const first = must(c.apply('Service', manifest()));
    expect(first.result).toBe('created');
    const ip = first.object.spec?.clusterIP;
    expect(ip).toBeTruthy();
    const again = must(c.apply('Service', manifest()));
    expect(again.result).toBe('unchanged');
    const changed = must(c.apply('Service', manifest({}, { app: 'web', v: '2' })));
    expect(changed.result).toBe('configured');
    expect(changed.object.spec?.clusterIP).toBe(ip);
  });
});
