/** The live topology: node boxes with pods, Service VIPs above them, endpoint edges from the EndpointSlices. */
import { Background, Controls, MiniMap, type NodeMouseHandler, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useRef } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { EndpointEdge } from './EndpointEdge';
import { FitOnGrowth, fitViewOptions } from './FitOnGrowth';
import { ZoomClass } from './ZoomClass';
import { applyHighlights } from './highlight';
import { NodeBox } from './NodeBox';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import { useLeavingPods } from './useLeavingPods';
import { usePositions } from './usePositions';
import { useRoutedEdges } from './useRoutedEdges';
import { useSelectorMatches } from './useSelectorMatches';

const nodeTypes = { pod: PodNode, service: ServiceNode, k8sNode: NodeBox };
const edgeTypes = { endpoint: EndpointEdge };
const selectTopology = (s: AppState) => s.topology;
const selectSelected = (s: AppState) => s.selected;
const selectHovered = (s: AppState) => s.hoveredLabel;

function minimapColor(n: { type?: string }): string {
  return n.type === 'service' ? '#2f6feb' : n.type === 'pod' ? '#27ae60' : '#c7cfda';
}

// Props React Flow gets at module scope: a new handler or options object on every cluster diff would make it
// hand new props to every node wrapper, re-rendering the whole canvas.
const onNodeClick: NodeMouseHandler = (_e, node) => useAppStore.getState().select(node.id);
const onPaneClick = () => useAppStore.getState().select(undefined);
const minimapStyle = { width: 140, height: 96 };

export function TopologyCanvas() {
  // kept incrementally from the diffs (src/graph): unchanged elements keep their objects, so React Flow
  // re-renders only what a diff touched
  const topology = useAppStore(selectTopology);
  const selected = useAppStore(selectSelected);
  const hoveredLabel = useAppStore(selectHovered);
  const matchedPods = useSelectorMatches();
  const { place, onNodesChange } = usePositions();
  const placed = useMemo(() => place(topology.nodes), [topology.nodes, place]);
  const nodes = useMemo(() => applyHighlights(placed, { matchedPods, hoveredLabel, selected }), [placed, matchedPods, hoveredLabel, selected]);
  const rootRef = useRef<HTMLDivElement>(null);
  const shown = useLeavingPods(nodes);
  // routes depend on where things are, not on what is highlighted
  const edges = useRoutedEdges(placed, topology.edges);
  // Mount the flow once the first cluster state has arrived, so the initial fit-to-view sees the nodes.
  if (topology.nodes.length === 0) return <div className="topology" data-testid={testIds.topology} />;
  return (
    <div className="topology" data-testid={testIds.topology} ref={rootRef}>
      <ReactFlow
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        nodesConnectable={false}
        elementsSelectable={false}
        colorMode="system"
      >
        <FitOnGrowth shape={topology.shape} />
        <ZoomClass target={rootRef} />
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable position="top-right" nodeColor={minimapColor} ariaLabel="Minimap" style={minimapStyle} />
      </ReactFlow>
    </div>
  );
}
