import { describe, expect, it } from 'vitest';
import { newAdmissionTestApi } from './admissionTestApi';

describe('Event strategy (core/v1: legacyValidateEvent only)', () => {
  it('accepts a recorder-style event about a cluster-scoped object in default', () => {
    const r = newAdmissionTestApi().create('Event', {
      metadata: { name: 'kind-worker.1881', namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'kind-worker' },
      reason: 'NodeReady',
      message: 'Node kind-worker status is now: NodeReady',
      type: 'Normal',
    });
    expect(r.ok).toBe(true);
  });

  it('requires the event namespace to match the object’s', () => {
    const r = newAdmissionTestApi().create('Event', {
      metadata: { name: 'web.1881', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'team-a' },
      reason: 'Scheduled',
    });
    expect(!r.ok && r.status.message).toBe('Event "web.1881" is invalid: involvedObject.namespace: Invalid value: "team-a": does not match event.namespace');
  });
});
