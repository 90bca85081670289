/**
 * Virtual time stops at the last instant an RFC 3339 timestamp (metav1.Time, kubernetes/apimachinery
 * pkg/apis/meta/v1/time.go) can hold: asking to cross it is refused before anything happens.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { formatTimestamp } from './clock';
import { advanceRefusal, lastTimestampMs, TimeLimitError } from './timeLimit';
import { ShellSession } from '../cli/shellSession';
import { ClusterHost } from '../worker/clusterHost';
import { terminalParts } from '../worker/terminalParts';
import { TerminalSessions } from '../worker/terminalSessions';
import { parseGoDuration } from '../kubectl/cli/flags';

describe('the last timestamp', () => {
  it('is 9999-12-31T23:59:59Z', () => {
    expect(formatTimestamp(lastTimestampMs)).toBe('9999-12-31T23:59:59Z');
    expect(formatTimestamp(lastTimestampMs + 1000)).not.toMatch(/^9999-/);
  });

  it('allows an advance that ends on it and refuses one that passes it', () => {
    const now = lastTimestampMs - 5000;
    expect(advanceRefusal(now, 5000, 'sleep 5s')).toBeUndefined();
    expect(advanceRefusal(now, 5001, 'sleep 5.001s')).toBe(
      `sleep 5.001s would move the clock past 9999-12-31T23:59:59Z, the last instant a Kubernetes timestamp can hold (RFC 3339 has four-digit years); it is now ${formatTimestamp(now)}`,
    );
  });

  it('guards Cluster.advance and runUntil, moving nothing', () => {
    const cluster = new Cluster({ seed: 1 });
    const before = cluster.now();
    const rv = cluster.store.resourceVersion;
    expect(() => cluster.advance(lastTimestampMs)).toThrow(TimeLimitError);
    expect(() => cluster.runUntil(() => false, lastTimestampMs)).toThrow(TimeLimitError);
    expect(cluster.now()).toBe(before);
    expect(cluster.store.resourceVersion).toBe(rv);
  });

  it('is refused by the CLI shell sleep with a message naming the limit', () => {
    const cluster = new Cluster({ seed: 1 });
    const before = cluster.now();
    const s = new ShellSession(cluster);
    const out = s.feed('sleep 100000000h');
    expect(out).toMatch(/^\$ sleep 100000000h\nsleep: sleep 100000000h would move the clock past 9999-12-31T23:59:59Z, the last instant a Kubernetes timestamp can hold/);
    expect(cluster.now()).toBe(before);
  });

  it('is refused by the browser terminal sleep and the worker advance command', () => {
    const host = new ClusterHost({}, undefined, terminalParts);
    const before = host.current.now();
    const terminals = new TerminalSessions(() => host.current, () => {});
    const r = terminals.run('t1', 'sleep 100000000h');
    if (!('output' in r)) throw new Error('a refused sleep answers at once, it does not run');
    expect(r.exitCode).toBe(1);
    expect(r.output[0].text).toContain('past 9999-12-31T23:59:59Z');
    const reply = host.handle(1, { type: 'advance', ms: lastTimestampMs });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^advancing 253402300799000 ms would move the clock past 9999-12-31T23:59:59Z/);
    expect(host.current.now()).toBe(before);
  });

  it('kubectl --timeout: a Duration beyond int64 nanoseconds is invalid, as time.ParseDuration says (Go src/time/format.go)', () => {
    expect(parseGoDuration('2562047h')).toBe(2562047 * 3_600_000);
    expect(parseGoDuration('2562048h')).toBeUndefined();
    const s = new ShellSession(new Cluster({ seed: 1 }));
    expect(s.feed('kubectl wait --for=delete pod/x --timeout=2562048h')).toContain(
      '\nerror: invalid argument "2562048h" for "--timeout" flag: time: invalid duration "2562048h"\n',
    );
  });

  it('kubectl wait near the limit reports the refusal instead of moving the clock past it', () => {
    const cluster = new Cluster({ seed: 1, startTime: lastTimestampMs - 3_600_000 });
    const s = new ShellSession(cluster);
    s.feed('kubectl run p --image=nginx');
    cluster.advance(lastTimestampMs - cluster.now() - 10_000);
    const before = cluster.now();
    const out = s.feed('kubectl wait --for=delete pod/p --timeout=1h');
    expect(out).toMatch(/\nerror: advancing the clock by \d+ ms would move the clock past 9999-12-31T23:59:59Z/);
    expect(cluster.now()).toBe(before);
  });

  it('the sliced kubectl wait in the worker refuses the same way, before the clock moves', () => {
    const cluster = new Cluster({ seed: 1, startTime: lastTimestampMs - 3_600_000 });
    const terminals = new TerminalSessions(() => cluster, () => {});
    terminals.run('t1', 'kubectl run p --image=nginx');
    cluster.advance(lastTimestampMs - cluster.now() - 10_000);
    const before = cluster.now();
    const r = terminals.run('t1', 'kubectl wait --for=delete pod/p --timeout=1h');
    if ('slice' in r) expect(r.slice(1)).toBe(true);
    const value = 'slice' in r ? r.outcome().value : { kind: 'terminal' as const, ...r };
    if (value.kind !== 'terminal') throw new Error('expected terminal output');
    expect(value.exitCode).toBe(1);
    const text = value.output.map((c) => c.text).join('');
    expect(text).toMatch(/^error: advancing the clock by 3600000 ms would move the clock past 9999-12-31T23:59:59Z/);
    expect(cluster.now()).toBe(before);
  });
});
