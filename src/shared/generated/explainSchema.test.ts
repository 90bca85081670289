/**
 * The committed `kubectl explain` schemas are exactly what scripts/generateExplainSchema.ts makes from the
 * Kubernetes v1.34.0 OpenAPI as @kubernetes/client-node@1.4.0's models carry it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('generated kubectl explain schemas', () => {
  it('match a fresh generation', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generateExplainSchema.ts', '--check'], { encoding: 'utf8' });
    expect(out).toContain('kubernetes.explain.json is up to date');
  }, 120_000);
});
