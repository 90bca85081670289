import { describe, expect, it } from 'vitest';
import { TopologyGraph, hiddenNamespaces } from '../graph/topologyGraph';
import type { ClusterDiff } from '../protocol/messages';
import type { WireObject } from '../protocol/objects';
import { applyDiffs, emptyMirror } from '../state/clusterMirror';
import { resetDiff } from '../state/clusterSlice';
import { seedStartCommands } from '../scenario/library/seedStart';
import { bakeOpening, scenarioOpeningCommands } from '../worker/firstGraph';
import { checkGraphSnapshot, graphSnapshot } from './graphSnapshot';

/** The objects a page mirrors after `diffs`, and its virtual time. */
function mirrored(diffs: readonly ClusterDiff[]): { objects: WireObject[]; time: number } {
  const m = applyDiffs(emptyMirror(), diffs);
  const objects: WireObject[] = [];
  for (const kind of ['Namespace', 'Node', 'Pod', 'Deployment', 'ReplicaSet', 'Service', 'Endpoints', 'EndpointSlice', 'Event'])
    objects.push(...m.objects.ofKind(kind).values());
  return { objects, time: m.time };
}

function diffsOf(commands: Parameters<typeof bakeOpening>[0]): ClusterDiff[] {
  return bakeOpening(commands).steps.flatMap((s) => (s.diff ? [s.diff] : []));
}


/** A view with each object it holds replaced by its snapshot form: what the canvas draws, compared as data. */
function drawn(view: TopologyGraph['view']) {
  const cut = (v: unknown) => (typeof v === 'object' && v !== null && 'kind' in v && 'metadata' in v ? checkGraphSnapshot(JSON.parse(JSON.stringify(graphSnapshot([v], 0))))?.objects[0] : v);
  return {
    nodes: view.nodes.map((n) => ({ ...n, data: Object.fromEntries(Object.entries(n.data).map(([k, v]) => [k, cut(v)])) })),
    edges: view.edges,
    shape: view.shape,
  };
}

describe('a share link’s first graph', () => {
  const starts = {
    'the seed topology': seedStartCommands,
    'the seed walk-through at its NodePort step': scenarioOpeningCommands('alpaca-prod', 5),
    'five Service types side by side, at the end': scenarioOpeningCommands('service-types', 7),
    'a rolling update half way': scenarioOpeningCommands('rolling-update', 3),
  };
  for (const [what, commands] of Object.entries(starts)) {
    it(`draws the graph the engine's own objects draw: ${what}`, () => {
      const { objects, time } = mirrored(diffsOf(commands));
      const snapshot = graphSnapshot(objects, time, hiddenNamespaces);
      expect(snapshot?.objects.some((o) => o.metadata.namespace === 'kube-system')).toBe(false);
      expect(objects.some((o) => o.metadata.namespace === 'kube-system')).toBe(true);
      expect(snapshot).toBeDefined();
      // it went through a link: JSON, then the reader's check
      const read = checkGraphSnapshot(JSON.parse(JSON.stringify(snapshot)));
      expect(read?.objects.map((o) => o.metadata.name)).toEqual(snapshot?.objects.map((o) => o.metadata.name));
      expect(read?.time).toBe(time);
      const fromEngine = new TopologyGraph();
      fromEngine.apply([resetDiff(objects, time)]);
      const fromLink = new TopologyGraph();
      fromLink.apply([resetDiff((read?.objects ?? []) as WireObject[], time)]);
      expect(fromLink.view.nodes.length).toBeGreaterThan(3);
      expect(drawn(fromLink.view)).toEqual(drawn(fromEngine.view));
    });
  }

  it('prints how much a link grows for the seed topology', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const { objects, time } = mirrored(diffsOf(seedStartCommands));
    const json = JSON.stringify(graphSnapshot(objects, time, hiddenNamespaces));
    const chars = Math.ceil((deflateRawSync(json, { level: 9 }).length * 4) / 3);
    console.log(`seed topology first graph: ${json.length} bytes of JSON, about ${chars} link characters`);
    expect(chars).toBeLessThan(3000);
  });

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
