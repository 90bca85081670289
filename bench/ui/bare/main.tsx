/**
 * A bare React Flow page: the same nodes and edges as the playground's canvas (same count, positions and
 * sizes), drawn as plain default nodes and edges with nothing around them. It is the baseline the
 * playground's frame times are compared with, so it carries only what is needed to show the same view:
 * fitView with the playground's padding and its minZoom (a 300-pod cluster fits only below React Flow's
 * default minZoom of 0.5).
 */
import { type Edge, type Node, ReactFlow, useNodesInitialized, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { BareGraph } from './bareGraph';

function FitWhenMeasured({ onReady }: { onReady(): void }) {
  const initialized = useNodesInitialized();
  const flow = useReactFlow();
  useEffect(() => {
    if (!initialized) return;
    void flow.fitView({ padding: 0.12 }).then(onReady);
  }, [initialized, flow, onReady]);
  return null;
}

function BareFlow({ graph, onReady }: { graph: BareGraph; onReady(): void }) {
  const nodes: Node[] = graph.nodes.map((n) => ({
    id: n.id,
    position: { x: n.x, y: n.y },
    data: { label: n.label },
    style: { width: n.width, height: n.height },
  }));
  const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  return (
    <div style={{ width: graph.width, height: graph.height }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} minZoom={0.05}>
        <FitWhenMeasured onReady={onReady} />
      </ReactFlow>
    </div>
  );
}

window.renderBareFlow = (graph) =>
  new Promise<void>((resolve) => {
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<BareFlow graph={graph} onReady={resolve} />);
  });
