import { describe, expect, it } from 'vitest';
import { planFromArgv } from './shellScript';

describe('planFromArgv', () => {
  it('sleep N exits 0 after N seconds', () => {
    expect(planFromArgv(['sleep', '3600'], false)).toEqual({ steps: [], exit: { atMs: 3_600_000, code: 0 } });
  });

  it('sleep infinity and keep-alive loops run until stopped', () => {
    expect(planFromArgv(['sleep', 'infinity'], false).exit).toBeUndefined();
    expect(planFromArgv(['sh', '-c', 'while true; do echo hi; sleep 5; done'], false).exit).toBeUndefined();
    expect(planFromArgv(['tail', '-f', '/dev/null'], false).exit).toBeUndefined();
  });

  it('sh -c "exit 1" fails at once', () => {
    expect(planFromArgv(['sh', '-c', 'exit 1'], false)).toEqual({ steps: [], exit: { atMs: 0, code: 1 } });
  });

  it('a bare shell without stdin exits 0, with stdin it stays', () => {
    expect(planFromArgv(['sh'], false).exit).toEqual({ atMs: 0, code: 0 });
    expect(planFromArgv(['sh'], true).exit).toBeUndefined();
  });

  it('models the liveness exec demo from the Kubernetes docs', () => {
    const plan = planFromArgv(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], false);
    expect(plan.steps).toEqual([
      { atMs: 0, touch: '/tmp/healthy' },
      { atMs: 30_000, remove: '/tmp/healthy' },
    ]);
    expect(plan.exit).toEqual({ atMs: 630_000, code: 0 });
  });

  it('honours && and ||', () => {
    expect(planFromArgv(['sh', '-c', 'false && sleep 10; exit 3'], false).exit).toEqual({ atMs: 0, code: 3 });
    expect(planFromArgv(['sh', '-c', 'false || sleep 10'], false).exit).toEqual({ atMs: 10_000, code: 0 });
  });
});
