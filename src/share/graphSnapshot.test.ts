import { describe, expect, it } from 'vitest';
import { checkGraphSnapshot } from './graphSnapshot';

describe('a share link’s first graph', () => {
  const pod = { kind: 'Pod', metadata: { name: 'p', uid: 'u', resourceVersion: '1' }, view: { status: 'Running', ready: '1/1', podReady: true, restarts: 0 } };
  it('keeps only the fields it knows, read as own fields', () => {
    const hostile = JSON.parse(
      '{"time":1,"objects":[{"kind":"Pod","metadata":{"name":"p","uid":"u","resourceVersion":"1","__proto__":{"polluted":true},"annotations":{"a":"<img src=x onerror=alert(1)>"}},"spec":{"nodeName":"n","extra":1},"view":{"status":"Running","ready":"1/1","podReady":true,"restarts":0}}]}',
    );
    const read = checkGraphSnapshot(hostile);
    expect(read?.objects[0]).toEqual({ ...pod, metadata: { name: 'p', uid: '', resourceVersion: '0' }, spec: { nodeName: 'n' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a field of the wrong type', { ...pod, spec: { nodeName: 7 } }],
    ['an unknown kind', { ...pod, kind: 'Secret' }],
    ['a pod without the status the canvas colours', { ...pod, view: { ready: '1/1', podReady: true, restarts: 0 } }],
    ['a nameless object', { ...pod, metadata: { namespace: 'default' } }],
    ['a label that is not text', { ...pod, metadata: { ...pod.metadata, labels: { app: 1 } } }],
    ['an endpoint without addresses', { kind: 'EndpointSlice', metadata: pod.metadata, endpoints: [{ conditions: { ready: true } }] }],
    ['text beyond the bound', { ...pod, spec: { nodeName: 'n'.repeat(5000) } }],
  ])('refuses the whole snapshot for %s', (_, object) => {
    expect(checkGraphSnapshot({ time: 1, objects: [object] })).toBeUndefined();
  });

  it('refuses a snapshot that is not one', () => {
    for (const v of [null, [], { time: '1', objects: [] }, { time: 1 }, { time: Number.NaN, objects: [] }, { time: 1, objects: new Array(5001).fill(pod) }])
      expect(checkGraphSnapshot(v)).toBeUndefined();
  });
});

describe('a link with a first graph', () => {
  it('is refused whole when its graph is not one, with the reason', async () => {
    const { checkShareState } = await import('./shareState');
    const session = { commands: [{ command: { type: 'init' } }] };
    expect(checkShareState({ session, graph: { time: 1, objects: [{ kind: 'Pod', metadata: { name: 'p' } }] } })).toEqual({ ok: false, error: "the link's first graph is not valid" });
    const ok = checkShareState({ session, graph: { time: 1, objects: [] } });
    expect(ok.ok && ok.state.graph).toEqual({ time: 1, objects: [] });
  });
});
