/**
 * The committed schemas are exactly what scripts/generateSchemas.ts makes from the Kubernetes v1.34.0 OpenAPI
 * (as @kubernetes/client-node@1.4.0 carries it) today, so nobody hand-edits them and a dependency bump cannot
 * leave them stale unnoticed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import types from './kubernetes.types.json';

type Def = { properties?: Record<string, unknown>; additionalProperties?: unknown };
const definitions = (types as unknown as { definitions: Record<string, Def> }).definitions;

describe('generated Kubernetes schemas', () => {
  it('match a fresh generation from the v1.34.0 OpenAPI', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generateSchemas.ts', '--check'], { encoding: 'utf8' });
    expect(out).toContain('kubernetes.schema.json is up to date');
    expect(out).toContain('kubernetes.types.json is up to date');
  }, 120_000);

  it('cover every kind the editor validates, chosen by kind', () => {
    const kinds = (types as { properties: { kind: { enum: string[] } } }).properties.kind.enum;
    expect(kinds).toEqual(['Pod', 'Service', 'Namespace', 'Node', 'Endpoints', 'ConfigMap', 'Secret', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision', 'EndpointSlice']);
  });

  it('know fields added up to v1.34 and close every object to unknown fields', () => {
    // Service trafficDistribution (beta 1.31), pod-level resources (beta 1.34), container restartPolicyRules and
    // pod hostnameOverride (alpha 1.34): fields the kubernetes-types 1.30 schema did not have
    expect(definitions.ServiceSpec.properties).toHaveProperty('trafficDistribution');
    expect(definitions.PodSpec.properties).toHaveProperty('resources');
    expect(definitions.PodSpec.properties).toHaveProperty('hostnameOverride');
    expect(definitions.Container.properties).toHaveProperty('resizePolicy');
    expect(definitions.Container.properties).toHaveProperty('restartPolicyRules');
    // a v1.35 field must not be there
    expect(definitions.PodSpec.properties).not.toHaveProperty('workloadRef');
    for (const [name, def] of Object.entries(definitions)) if (def.properties) expect([name, def.additionalProperties]).toEqual([name, false]);
  });
});
