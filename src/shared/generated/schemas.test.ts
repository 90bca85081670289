/**
 * The committed schemas are exactly what scripts/generateSchemas.ts makes from kubernetes-types today, so
 * nobody hand-edits them and a dependency bump cannot leave them stale unnoticed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import types from './kubernetes.types.json';

describe('generated Kubernetes schemas', () => {
  it('match a fresh generation from kubernetes-types', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generateSchemas.ts', '--check'], { encoding: 'utf8' });
    expect(out).toContain('kubernetes.schema.json is up to date');
    expect(out).toContain('kubernetes.types.json is up to date');
  }, 120_000);

  it('cover every kind the editor validates, chosen by kind', () => {
    const kinds = (types as { properties: { kind: { enum: string[] } } }).properties.kind.enum;
    expect(kinds).toEqual(['Pod', 'Service', 'Namespace', 'Node', 'Endpoints', 'Deployment', 'ReplicaSet', 'EndpointSlice']);
  });
});
