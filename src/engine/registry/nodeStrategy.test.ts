import { describe, expect, it } from 'vitest';
import { cloneJson } from '../shared';
import type { Node } from '../api/types';
import { newAdmissionTestApi } from './admissionTestApi';

const causes = (r: { ok: boolean; status?: { details?: { causes?: { field?: string; message: string }[] } } }) =>
  (r.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);

const node = (spec: Node['spec'] = {}): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker4' }, spec });

describe('Node strategy (ValidateNode, ValidateNodeUpdate)', () => {
  it('mirrors podCIDR into podCIDRs', () => {
    const r = newAdmissionTestApi().create('Node', node({ podCIDR: '10.244.4.0/24' }));
    expect(r.ok && r.value.spec).toEqual({ podCIDR: '10.244.4.0/24', podCIDRs: ['10.244.4.0/24'] });
  });

  it.each<[string, Node['spec'], string[]]>([
    ['taint effects', { taints: [{ key: 'k', effect: 'Sometimes' }] }, ['metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"']],
    [
      'taints unique by key and effect',
      { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }] },
      ['metadata.taints[1]: Duplicate value: {"Key":"k","Value":"v","Effect":"NoSchedule","TimeAdded":null}: taints must be unique by key and effect pair'],
    ],
    ['pod CIDRs', { podCIDRs: ['10.244.4.1/24'] }, ['spec.podCIDRs[0]: Invalid value: "10.244.4.1/24": must not have bits set beyond the prefix length']],
  ])('%s', (_name, spec, want) => {
    expect(causes(newAdmissionTestApi().create('Node', node(spec)) as never)).toEqual(want);
  });

  it('pod CIDRs and provider ID are set once', () => {
    const api = newAdmissionTestApi();
    const created = api.create('Node', node({ podCIDR: '10.244.4.0/24', providerID: 'kind://docker/kind/kind-worker4' }));
    if (!created.ok) throw new Error(created.status.message);
    const next = cloneJson(created.value);
    next.spec = { podCIDR: '10.244.5.0/24', podCIDRs: ['10.244.5.0/24'], providerID: 'other' };
    expect(causes(api.update('Node', next) as never)).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
    const cordoned = cloneJson(created.value);
    cordoned.spec = { ...cordoned.spec, unschedulable: true };
    expect(api.update('Node', cordoned).ok).toBe(true);
  });
});
