/**
 * A share link's first graph (src/share/graphSnapshot.ts) against the page's own: what an embed draws from the
 * link is what the page drew from the engine's objects. (A state test: it builds the page's zustand slice.)
 */
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { TopologyGraph } from '../graph/topologyGraph';
import type { WireObject } from '../protocol/objects';
import { seedStartCommands } from '../scenario/library/seedStart';
import { checkGraphSnapshot, graphSnapshot } from '../share/graphSnapshot';
import { bakeOpening, scenarioOpeningCommands } from '../worker/firstGraph';
import { type ClusterSlice, createClusterSlice, resetDiff } from './clusterSlice';

/** A page's cluster slice after the worker posted what `commands` made. */
function pageAfter(commands: Parameters<typeof bakeOpening>[0]) {
  const store = create<ClusterSlice>()(createClusterSlice);
  store.getState().applyDiffs(bakeOpening(commands).steps.flatMap((s) => (s.diff ? [s.diff] : [])));
  return store.getState();
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
      const page = pageAfter(commands);
      const { objects, time } = page.drawnObjects();
      const snapshot = graphSnapshot(objects, time);
      expect(snapshot).toBeDefined();
      // the namespaces the canvas hides are mirrored, not carried
      expect([...page.mirror.objects.all()].some((o) => o.metadata.namespace === 'kube-system')).toBe(true);
      expect(snapshot?.objects.some((o) => o.metadata.namespace === 'kube-system')).toBe(false);
      // it went through a link: JSON, then the reader's check
      const read = checkGraphSnapshot(JSON.parse(JSON.stringify(snapshot)));
      expect(read?.objects.map((o) => o.metadata.name)).toEqual(snapshot?.objects.map((o) => o.metadata.name));
      expect(read?.time).toBe(time);
      // the page's own graph, drawn from the engine's objects, against one drawn from the link's
      const fromLink = new TopologyGraph();
      fromLink.apply([resetDiff((read?.objects ?? []) as WireObject[], time)]);
      expect(fromLink.view.nodes.length).toBeGreaterThan(3);
      expect(drawn(fromLink.view)).toEqual(drawn(page.topology));
    });
  }

  it('prints how much a link grows for the seed topology', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const { objects, time } = pageAfter(seedStartCommands).drawnObjects();
    const json = JSON.stringify(graphSnapshot(objects, time));
    const chars = Math.ceil((deflateRawSync(json, { level: 9 }).length * 4) / 3);
    console.log(`seed topology first graph: ${json.length} bytes of JSON, about ${chars} link characters`);
    expect(chars).toBeLessThan(3000);
  });
});
