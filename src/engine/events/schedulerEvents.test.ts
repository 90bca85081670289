/**
 * kube-scheduler records through events.k8s.io/v1 (client-go tools/events recorder.go makeEvent,
 * event_broadcaster.go NewRecorder: reportingInstance `<controller>-<hostname>`; series for repeats). Read
 * back through core/v1, kubectl's SOURCE column (kubernetes pkg/printers/internalversion/printers.go
 * formatEventSource) falls back to reportingController and reportingInstance.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('scheduler events (events.k8s.io/v1)', () => {
  it('carry the reporting controller and instance, an eventTime and an empty source', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.create('Pod', { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const events = cluster.list('Event', { namespace: 'default' });
    if (!events.ok) throw new Error('list');
    const scheduled = events.value.items.find((e) => e.reason === 'Scheduled');
    expect(scheduled).toMatchObject({
      action: 'Binding',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-kind-control-plane',
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
    });
    expect(scheduled?.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(scheduled?.count).toBeUndefined();
  });

  it('turn a repeated FailedScheduling into a series of count 2', () => {
    const cluster = createCluster({ seed: 1 });
    const pod = { metadata: { name: 'big', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1000' } } }] } };
    cluster.create('Pod', pod);
    cluster.advance(5 * 60 * 1000);
    const events = cluster.list('Event', { namespace: 'default' });
    if (!events.ok) throw new Error('list');
    const failed = events.value.items.filter((e) => e.reason === 'FailedScheduling');
    expect(failed).toHaveLength(1);
    expect(failed[0].series?.count).toBeGreaterThanOrEqual(2);
    expect(failed[0].reportingInstance).toBe('default-scheduler-kind-control-plane');
  });
});
