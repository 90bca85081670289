/**
 * Hand-over validation: kinds valid by construction (Pods from a template, Endpoints, EndpointSlices) skip it
 * outside the tests; under the tests (`checkHandedOverWrites`) an invalid one is an engine bug and throws.
 * Other kinds (Events, ReplicaSets) are always validated, hand-over or not.
 */
import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../api/types';
import { Cluster } from '../cluster';

const imageless: Pod = { metadata: { name: 'no-image' }, spec: { containers: [{ name: 'app' }] } } as Pod;
// an events.k8s.io Event whose note is longer than 1024 characters (a message quoting a user's long text)
const badEvent = (): Event =>
  ({
    metadata: { name: 'p.1', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
    eventTime: '2026-01-05T09:00:00.000000Z',
    action: 'Scheduling',
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-kind-control-plane',
    reason: 'FailedScheduling',
    message: 'x'.repeat(1100),
    type: 'Warning',
  }) as Event;

describe('handed-over writes', () => {
  it('skip validation for trusted kinds only when not checking', () => {
    const c = new Cluster({ seed: 1, checkHandedOverWrites: false });
    expect(c.api.create('Pod', structuredClone(imageless), { handOver: true }).ok).toBe(true);
    // a user's write of the same object is refused as before
    const user = c.api.create('Pod', { ...structuredClone(imageless), metadata: { name: 'user-pod' } });
    expect(user.ok).toBe(false);
  });

  it('throw under the check when a trusted kind is invalid', () => {
    const c = new Cluster({ seed: 1, checkHandedOverWrites: true });
    expect(() => c.api.create('Pod', structuredClone(imageless), { handOver: true })).toThrow(/handed over an invalid Pod "no-image"/);
  });

  it('keep validating the other kinds, refusing (not throwing) an invalid Event either way', () => {
    for (const checkHandedOverWrites of [false, true]) {
      const c = new Cluster({ seed: 1, checkHandedOverWrites });
      const res = c.api.create('Event', badEvent(), { handOver: true });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.status.reason).toBe('Invalid');
    }
  });
});
