/** The Inspector's environment: what `kubectl exec -- env` prints, and the Services a container started without. */
import { describe, expect, it } from 'vitest';
import { ClusterHost } from './clusterHost';

const first = `apiVersion: v1
kind: Service
metadata: {name: alpaca-prod}
spec: {selector: {app: alpaca}, ports: [{port: 8080}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: box, image: "busybox:1.36", command: [sleep, "3600"]}]}
`;
const later = `apiVersion: v1
kind: Service
metadata: {name: bandicoot-prod}
spec: {selector: {app: bandicoot}, ports: [{port: 8080}]}
`;

describe('podEnv reply', () => {
  it("lists the container's environment and the Services created after it started", () => {
    const host = new ClusterHost({ seed: 9 });
    host.handle(1, { type: 'apply', yaml: first });
    host.handle(2, { type: 'advance', ms: 30_000 });
    const r = host.handle(3, { type: 'podEnv', namespace: 'default', pod: 'client' }).value;
    if (r?.kind !== 'podEnv') throw new Error('no env');
    const svc = host.current.get('Service', 'default', 'alpaca-prod');
    const ip = svc.ok ? svc.value.spec?.clusterIP : '';
    expect(r.env.containers[0].name).toBe('box');
    expect(r.env.containers[0].env).toContain(`ALPACA_PROD_SERVICE_HOST=${ip}`);
    expect(r.env.containers[0].env).toEqual(host.current.simulation.containerEnv?.('default', 'client', 'box'));
    expect(r.env.missingServices).toEqual([]);

    host.handle(4, { type: 'apply', yaml: later });
    const after = host.handle(5, { type: 'podEnv', namespace: 'default', pod: 'client' }).value;
    expect(after?.kind === 'podEnv' && after.env.missingServices).toEqual(['bandicoot-prod']);
    expect(host.handle(6, { type: 'podEnv', namespace: 'default', pod: 'nope' })).toMatchObject({ ok: false, error: 'pods "nope" not found' });
  });
});
