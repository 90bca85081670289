import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import type { ApplyItemResult } from '../protocol/messages';
import { applyManifests } from './manifestApply';

function apply(cluster: ReturnType<typeof createCluster>, text: string): ApplyItemResult[] {
  const run = applyManifests(cluster, text);
  while (!run.slice(1000));
  const out = run.outcome().value;
  if (out.kind !== 'apply') throw new Error(out.kind);
  return out.items;
}

const service = (extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
${extra}`;

// The editor's Apply is kubectl apply with its default --validate=strict: the apiserver's own messages
// (kubernetes/apiserver pkg/endpoints/handlers/rest.go transformDecodeError, patch.go applyPatchToObject).
describe('editor apply: strict field validation', () => {
  it('rejects an unknown field on create with the decoder message, at the field', () => {
    const items = apply(createCluster({ seed: 1 }), service('    tragetPort: 8080\n'));
    expect(items).toEqual([
      {
        document: 0,
        object: 'service/web',
        errorSource: 'apiserver',
        error: 'Error from server (BadRequest): Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].tragetPort"',
        line: 11,
        column: 17,
      },
    ]);
  });

  it('rejects it in the patch of an existing object as "The request is invalid", at the field', () => {
    const cluster = createCluster({ seed: 1 });
    expect(apply(cluster, service(''))[0].result).toBe('created');
    const [item] = apply(cluster, service('    tragetPort: 8080\n'));
    expect(item.error).toMatch(/^The request is invalid: patch: Invalid value: "map\[.*\]": strict decoding error: unknown field "spec.ports\[0\].tragetPort"$/s);
    expect(item.line).toBe(11);
    expect(cluster.get('Service', 'default', 'web').ok).toBe(true);
  });

  it('accepts fields Kubernetes 1.34 has', () => {
    const [item] = apply(createCluster({ seed: 1 }), service('  trafficDistribution: PreferClose\n'));
    expect(item).toMatchObject({ result: 'created', object: 'service/web' });
  });
});
