/** ClusterHost: the worker's logic without the worker. Replies, diffs, long work in slices, and errors as replies. */
import { describe, expect, it } from 'vitest';
import type { Command, Reply } from '../protocol/messages';
import { ClusterHost } from './clusterHost';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
spec:
  containers:
  - name: c
    image: nginx:1.27
`;

function answer(host: ClusterHost, command: Command): Reply {
  return host.handle(1, command);
}

describe('ClusterHost', () => {
  it('applies a multi-document manifest, one result per document, and streams the new objects as a diff', () => {
    const host = new ClusterHost({ seed: 3 });
    const first = host.takeDiff();
    expect(first?.reset).toBe(true);
    expect(first?.changes.Node?.added.length).toBeGreaterThan(0);
    expect(host.takeDiff()).toBeUndefined();
    const r = answer(host, { type: 'apply', yaml: `${pod('a')}---\n${pod('b')}` });
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({
      kind: 'apply',
      items: [
        { document: 0, line: 1, object: 'pod/a', result: 'created' },
        { document: 1, line: 11, object: 'pod/b', result: 'created' },
      ],
    });
    const diff = host.takeDiff();
    expect(diff?.reset).toBe(false);
    expect(diff?.changes.Pod?.added.map((o) => o.metadata?.name)).toEqual(expect.arrayContaining(['a', 'b']));
    // applying the same text again changes nothing
    expect(answer(host, { type: 'apply', yaml: pod('a') }).value).toEqual({ kind: 'apply', items: [{ document: 0, line: 1, object: 'pod/a', result: 'unchanged' }] });
  });

  it('reports bad input in the reply and never throws', () => {
    const host = new ClusterHost({ seed: 3 });
    const yamlError = answer(host, { type: 'apply', yaml: 'kind: Pod\n  bad: [' });
    expect(yamlError.ok).toBe(true);
    expect(yamlError.value?.kind === 'apply' && yamlError.value.items[0].errorSource).toBe('yaml');
    const unknownKind = answer(host, { type: 'apply', yaml: 'apiVersion: v9\nkind: Gadget\nmetadata: {name: x}\n' });
    expect(unknownKind.value?.kind === 'apply' && unknownKind.value.items[0].error).toBe('no matches for kind "Gadget" in version "v9"');
    expect(answer(host, { type: 'delete', kind: 'Pod', namespace: 'default', name: 'ghost' })).toEqual({
      type: 'reply',
      id: 1,
      ok: false,
      error: 'pods "ghost" not found',
    });
    expect(answer(host, { type: 'objectYaml', kind: 'Service', namespace: 'default', name: 'ghost' }).error).toBe('Error from server (NotFound): services "ghost" not found');
    expect(answer(host, { type: 'nodePower', node: 'no-such-node', on: false }).error).toBe('node "no-such-node" cannot be powered off');
    expect(answer(host, { type: 'hang' }).ok).toBe(false);
    // a command the host does not know is a bug in the sender: an internal error, not a crash
    const odd = answer(host, { type: 'objectYaml', kind: undefined, name: 'x' } as unknown as Command);
    expect(odd.ok).toBe(false);
  });

  it('returns an advance as a running command that reaches its target in slices, with progress', () => {
    const host = new ClusterHost({ seed: 3 });
    const start = host.current.now();
    const begun = host.begin(7, { type: 'advance', ms: 3_600_000 });
    expect(begun.type).toBe('running');
    if (begun.type !== 'running') return;
    let reply = host.step(7, begun.running, 5);
    expect(reply).toBeUndefined();
    const mid = begun.running.progress();
    expect(mid.fraction).toBeGreaterThanOrEqual(0);
    expect(mid.fraction).toBeLessThan(1);
    while (!reply) reply = host.step(7, begun.running, 50);
    expect(reply).toEqual({ type: 'reply', id: 7, ok: true, value: { kind: 'none' } });
    expect(host.current.now()).toBe(start + 3_600_000);
    expect(host.takeDiff()?.time).toBe(start + 3_600_000);
  });

  it('step moves to the next change the UI is sent, and says how far; nothing in maxMs is said too', () => {
    const host = new ClusterHost({ seed: 3 });
    answer(host, { type: 'apply', yaml: pod('a') });
    host.takeDiff();
    const before = host.current.now();
    const r = answer(host, { type: 'step', maxMs: 3_600_000 });
    const moved = host.current.now() - before;
    expect(r.value).toEqual({ kind: 'step', changed: true, movedMs: moved });
    expect(moved).toBeGreaterThan(0);
    // the diff the UI gets carries the change the step stopped at
    expect(host.takeDiff()?.changes.Pod?.updated.length).toBeGreaterThan(0);
    // the pod runs; once everything has settled a step finds nothing within maxMs and moves the whole span
    answer(host, { type: 'advance', ms: 60_000 });
    const quietFrom = host.current.now();
    expect(answer(host, { type: 'step', maxMs: 600_000 }).value).toEqual({ kind: 'step', changed: false, movedMs: 600_000 });
    expect(host.current.now()).toBe(quietFrom + 600_000);
  });

  it('a step cut short (Stop) ends at a finished instant and says how far it got', () => {
    const host = new ClusterHost({ seed: 3 });
    answer(host, { type: 'advance', ms: 60_000 });
    const start = host.current.now();
    const begun = host.begin(4, { type: 'step', maxMs: 3_600_000 });
    if (begun.type !== 'running') throw new Error('a step is long work');
    expect(host.step(4, begun.running, 1)).toBeUndefined();
    begun.running.interrupt();
    const reply = host.finish(4, begun.running, 10);
    const moved = host.current.now() - start;
    expect(moved).toBeLessThan(3_600_000);
    expect(reply.interruptedAfterMs).toBe(moved);
    expect(reply.value).toEqual({ kind: 'step', changed: false, movedMs: moved });
  });

  it('answers ping with the virtual time, and init rebuilds the cluster from scratch', () => {
    const host = new ClusterHost({ seed: 3 });
    answer(host, { type: 'apply', yaml: pod('a') });
    answer(host, { type: 'advance', ms: 5000 });
    expect(answer(host, { type: 'ping' }).value).toEqual({ kind: 'pong', time: host.current.now() });
    host.takeDiff();
    answer(host, { type: 'init', settings: { seed: 3 } });
    expect(host.current.store.get('Pod', 'default/a')).toBeUndefined();
    expect(host.takeDiff()?.reset).toBe(true);
  });

  it('applies a big manifest in slices, document by document, to the same cluster as Cluster.apply', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: big}
spec:
  replicas: 30
  selector: {matchLabels: {app: big}}
  template:
    metadata: {labels: {app: big}}
    spec: {containers: [{name: c, image: nginx:1.27}]}
`;
    const text = [deployment, ...Array.from({ length: 20 }, (_, i) => pod(`p${i}`)), 'kind: Pod\n  bad: ['].join('---\n');
    const sliced = new ClusterHost({ seed: 3 });
    const begun = sliced.begin(2, { type: 'apply', yaml: text });
    if (begun.type !== 'running') throw new Error('expected a running apply');
    expect(begun.running.label).toBe('apply (22 documents)');
    let slices = 1;
    let reply = sliced.step(2, begun.running, 3);
    while (!reply) {
      slices++;
      reply = sliced.step(2, begun.running, 3);
    }
    expect(slices).toBeGreaterThan(22);
    const whole = new ClusterHost({ seed: 3 });
    expect(reply).toEqual(whole.handle(2, { type: 'apply', yaml: text }));
    // 30 replicas: the ReplicaSet controller's client burst, so every pod exists without the clock moving
    expect(sliced.current.store.list('Pod', 'default')).toHaveLength(50);
    const dump = (h: ClusterHost) => JSON.stringify([h.current.now(), h.current.store.list('Pod'), h.current.store.list('ReplicaSet'), h.current.log.digest()]);
    expect(dump(sliced)).toBe(dump(whole));
  });
});
