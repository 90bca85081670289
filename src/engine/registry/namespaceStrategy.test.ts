import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import { newAdmissionTestApi } from './admissionTestApi';

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

describe('Namespace strategy (pkg/registry/core/namespace/strategy.go)', () => {
  it('creates namespaces Active with the kubernetes finalizer and the name label', () => {
    const r = newAdmissionTestApi().create('Namespace', { metadata: { name: 'team-a' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(r.value.status).toEqual({ phase: 'Active' });
    expect(r.value.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(r.value.metadata?.namespace).toBeUndefined();
  });

  it('names are DNS-1123 labels', () => {
    expect(causes(newAdmissionTestApi().create('Namespace', { metadata: { name: 'team.a' } }) as never)).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
  });

  it('an update keeps spec.finalizers and the name label', () => {
    const api = newAdmissionTestApi();
    const created = api.create('Namespace', { metadata: { name: 'team-a' } });
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    next.spec = {};
    next.metadata = { ...next.metadata, labels: { owner: 'me' } };
    const r = api.update('Namespace', next);
    expect(r.ok && r.value.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(r.ok && r.value.metadata?.labels).toEqual({ owner: 'me', 'kubernetes.io/metadata.name': 'team-a' });
  });
});
