/** The live topology: node boxes with pods, Service VIPs above them, endpoint edges from the EndpointSlices. */
import { Background, Controls, MiniMap, type Node, type NodeMouseHandler, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useRef } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { EndpointEdge } from './EndpointEdge';
import { buildGraph } from './graphModel';
import { NodeBox } from './NodeBox';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import type { SlotTable } from './slots';

const nodeTypes = { pod: PodNode, service: ServiceNode, k8sNode: NodeBox };
const edgeTypes = { endpoint: EndpointEdge };
const selectMirror = (s: AppState) => s.mirror;

export interface TopologyCanvasProps {
  selected: string | undefined;
  onSelect(id: string | undefined): void;
}

export function TopologyCanvas({ selected, onSelect }: TopologyCanvasProps) {
  const mirror = useAppStore(selectMirror);
  const slotsRef = useRef<SlotTable>(new Map());
  const graph = useMemo(() => {
    const g = buildGraph(mirror, slotsRef.current);
    slotsRef.current = g.slots;
    return g;
  }, [mirror]);
  const nodes = useMemo(() => graph.nodes.map((n): Node => (n.id === selected ? { ...n, selected: true } : n)), [graph, selected]);
  const onNodeClick: NodeMouseHandler = (_e, node) => onSelect(node.id);
  // Mount the flow once the first cluster state has arrived, so the initial fit-to-view sees the nodes.
  if (graph.nodes.length === 0) return <div className="topology" data-testid={testIds.topology} />;
  return (
    <div className="topology" data-testid={testIds.topology}>
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelect(undefined)}
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: false }}
        nodesConnectable={false}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
