/** The live topology: node boxes with pods, Service VIPs above them, endpoint edges from the EndpointSlices. */
import { Background, Controls, type Edge, MiniMap, type Node, type NodeMouseHandler, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useRef } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { EndpointEdge } from './EndpointEdge';
import { FitOnGrowth, fitViewOptions } from './FitOnGrowth';
import { ZoomClass } from './ZoomClass';
import { buildGraph } from './graphModel';
import { applyHighlights } from './highlight';
import { NodeBox } from './NodeBox';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import type { SlotTable } from './slots';
import { reuseUnchanged } from './stableElements';
import { useLeavingPods } from './useLeavingPods';
import { usePositions } from './usePositions';
import { useSelectorMatches } from './useSelectorMatches';

const nodeTypes = { pod: PodNode, service: ServiceNode, k8sNode: NodeBox };
const edgeTypes = { endpoint: EndpointEdge };
const selectMirror = (s: AppState) => s.mirror;
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
const emptyGraph: { nodes: Node[]; edges: Edge[] } = { nodes: [], edges: [] };

export function TopologyCanvas() {
  const mirror = useAppStore(selectMirror);
  const selected = useAppStore(selectSelected);
  const hoveredLabel = useAppStore(selectHovered);
  const matchedPods = useSelectorMatches();
  const slotsRef = useRef<SlotTable>(new Map());
  const { place, onNodesChange } = usePositions();
  const previousRef = useRef(emptyGraph);
  const graph = useMemo(() => {
    const g = buildGraph(mirror, slotsRef.current);
    slotsRef.current = g.slots;
    // unchanged elements keep their objects, so React Flow re-renders only what the diff touched
    const stable = { nodes: reuseUnchanged(previousRef.current.nodes, g.nodes), edges: reuseUnchanged(previousRef.current.edges, g.edges) };
    previousRef.current = stable;
    return stable;
  }, [mirror]);
  const nodes = useMemo(
    () => applyHighlights(place(graph.nodes), { matchedPods, hoveredLabel, selected }),
    [graph.nodes, place, matchedPods, hoveredLabel, selected],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const shown = useLeavingPods(nodes);
  const shape = useMemo(() => graph.nodes.filter((n) => n.type !== 'pod').map((n) => `${n.id}:${(n.style?.height as number) ?? 0}`).join('|'), [graph.nodes]);
  // Mount the flow once the first cluster state has arrived, so the initial fit-to-view sees the nodes.
  if (graph.nodes.length === 0) return <div className="topology" data-testid={testIds.topology} />;
  return (
    <div className="topology" data-testid={testIds.topology} ref={rootRef}>
      <ReactFlow
        nodes={shown}
        edges={graph.edges}
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
        <FitOnGrowth shape={shape} />
        <ZoomClass target={rootRef} />
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable position="top-right" nodeColor={minimapColor} ariaLabel="Minimap" style={minimapStyle} />
      </ReactFlow>
    </div>
  );
}
