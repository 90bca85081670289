/** The live topology: node boxes with pods, Service VIPs above them, endpoint edges from the EndpointSlices. */
import { Background, Controls, type Edge, type Node, type NodeMouseHandler, ReactFlow, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './levelOfDetail.css';
import { type ReactNode, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { cullEdges, cullPods, regionOfKey } from '../../graph/edgeCulling';
import { type Detail, LevelOfDetail } from '../../graph/levelOfDetail';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import type { XY } from '../../graph/elements';
import { testIds } from '../../testids';
import { CullRegion, DetailBand } from './DetailBand';
import { EndpointEdge } from './EndpointEdge';
import { FitOnGrowth, fitViewOptionsFor } from './FitOnGrowth';
import { ViewportGuard } from './ViewportGuard';
import { ZoomClass } from './ZoomClass';
import { applyHighlights } from './highlight';
import { NodeBox } from './NodeBox';
import { OverviewMap } from './OverviewMap';
import { PodGroupNode } from './PodGroupNode';
import { PodNode } from './PodNode';
import { PodArrivals, PodArrivalsContext } from './podArrivals';
import { ServiceNode } from './ServiceNode';
import { useLeavingPods } from './useLeavingPods';
import { zoomIntoGroup } from './zoomIntoGroup';
import { usePositions } from './usePositions';
import { useRoutedEdges } from './useRoutedEdges';
import { useSelectorMatches } from './useSelectorMatches';
import { canvasKeyDown } from './keyboardSelect';
import { viewportMoved } from './viewportStore';
import { useT } from '../../i18n/languageStore';
import { TrafficOverlay } from '../traffic/TrafficOverlay';
import { LoadBalancers } from '../entry/LoadBalancers';

const nodeTypes = { pod: PodNode, service: ServiceNode, k8sNode: NodeBox, podGroup: PodGroupNode };
const edgeTypes = { endpoint: EndpointEdge };
const selectTopology = (s: AppState) => s.topology;
const selectSelected = (s: AppState) => s.selected;
const selectHovered = (s: AppState) => s.hoveredLabel;
const selectLargeText = (s: AppState) => s.largeText;

// Props React Flow gets at module scope: a new handler or options object on every cluster diff would make it
// hand new props to every node wrapper, re-rendering the whole canvas.
const selectNode = (id: string) => useAppStore.getState().select(id);
const onPaneClick = () => useAppStore.getState().select(undefined);
// React Flow passes the event for a pan or zoom by the learner, null for one made in code (a fit)
const onMoveEnd = (event: MouseEvent | TouchEvent | null, viewport: Viewport) => viewportMoved(viewport, event !== null);

/** `children` render inside the flow (they may use React Flow's hooks): the embed's camera follows the selection. */
export function TopologyCanvas({ dark = false, children }: { dark?: boolean; children?: ReactNode }) {
  // kept incrementally from the diffs (src/graph): unchanged elements keep their objects, so React Flow
  // re-renders only what a diff touched
  // a batch of a growing cluster is drawn in a deferred render, which React time-slices: the page keeps
  // answering input while hundreds of pods are placed, routed and mounted
  const topology = useDeferredValue(useAppStore(selectTopology));
  const selected = useAppStore(selectSelected);
  const hoveredLabel = useAppStore(selectHovered);
  const largeText = useAppStore(selectLargeText);
  const matchedPods = useSelectorMatches();
  const { place, onNodesChange } = usePositions();
  // which pods are new to the cluster (they animate in) as opposed to scrolled into view (podArrivals.ts)
  const [arrivals] = useState(() => new PodArrivals());
  const noted = useRef<unknown>(undefined);
  if (noted.current !== topology.nodes) {
    arrivals.note(topology.nodes, performance.now());
    noted.current = topology.nodes;
  }
  const placed = useMemo(() => place(topology.nodes), [topology.nodes, place]);
  const nodes = useMemo(() => applyHighlights(placed, { matchedPods, hoveredLabel, selected }), [placed, matchedPods, hoveredLabel, selected]);
  const rootRef = useRef<HTMLDivElement>(null);
  const shown = useLeavingPods(nodes, topology.left as Node[]);
  // zoomed out, the pods of one owner on one node are one card (src/graph/levelOfDetail.ts)
  const [lod] = useState(() => new LevelOfDetail());
  const [detail, setDetail] = useState<Detail>('pods');
  // routes depend on where things are, not on what is highlighted
  const edges = useRoutedEdges(placed, topology.edges);
  const t = useT();
  const drawn = useMemo(() => lod.view<Node, Edge>(shown, edges, detail), [lod, shown, edges, detail]);
  // on a big cluster, only the pods and the edges that pass near the view (src/graph/edgeCulling.ts); an
  // array React Flow was handed is handed again while it holds the same elements
  const [region, setRegion] = useState('');
  const culled = useRef<{ nodes?: Node[]; edges?: Edge[] }>({});
  const drawnNodes = useMemo(() => {
    culled.current.nodes = cullPods(drawn.nodes as Node[], regionOfKey(region), culled.current.nodes);
    return culled.current.nodes;
  }, [drawn.nodes, region]);
  const drawnEdges = useMemo(() => {
    culled.current.edges = cullEdges(drawn.edges as Edge<{ points?: XY[] }>[], regionOfKey(region), culled.current.edges as Edge<{ points?: XY[] }>[] | undefined);
    return culled.current.edges;
  }, [drawn.edges, region]);
  const flowRef = useRef<ReactFlowInstance | undefined>(undefined);
  const onInit = useCallback((flow: ReactFlowInstance) => {
    flowRef.current = flow;
  }, []);
  const onNodeClick: NodeMouseHandler = useCallback((_e, node) => {
    if (node.type === 'podGroup' && flowRef.current) zoomIntoGroup(flowRef.current, node);
    else selectNode(node.id);
  }, []);
  const onKeyDown = useMemo(
    () =>
      canvasKeyDown((id) => {
        const node = flowRef.current?.getNode(id);
        if (node?.type === 'podGroup' && flowRef.current) zoomIntoGroup(flowRef.current, node);
        else selectNode(id);
      }),
    [],
  );
  // Mount the flow once the first cluster state has arrived, so the initial fit-to-view sees the nodes.
  if (topology.nodes.length === 0) return <div className="topology" data-testid={testIds.topology} />;
  return (
    <div
      className="topology"
      data-testid={testIds.topology}
      ref={rootRef}
      data-detail={detail}
      data-pods={drawn.summary.pods}
      data-ready-pods={drawn.summary.readyPods}
      data-ready-endpoints={drawn.summary.readyEndpoints}
    >
      <PodArrivalsContext.Provider value={arrivals}>
      <ReactFlow
        nodes={drawnNodes}
        edges={drawnEdges as Edge[]}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onKeyDown={onKeyDown}
        onInit={onInit}
        onMoveEnd={onMoveEnd}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitViewOptionsFor(largeText)}
        // a thousand pods make boxes thousands of pixels tall: the fitted view must still hold them all
        minZoom={0.02}
        nodesConnectable={false}
        elementsSelectable={false}
        // the app's theme, not the OS's: Dark picked on a light OS must not leave white controls and minimap
        colorMode={dark ? 'dark' : 'light'}
      >
        <FitOnGrowth shape={topology.shape} />
        <ViewportGuard />
        <ZoomClass target={rootRef} />
        <DetailBand onDetail={setDetail} target={rootRef} />
        <CullRegion onRegion={setRegion} />
        <LoadBalancers />
        <TrafficOverlay />
        <Background gap={20} />
        <Controls showInteractive={false} />
        <OverviewMap nodes={placed} width={140} height={96} ariaLabel={t('canvas.minimap')} />
        {children}
      </ReactFlow>
      </PodArrivalsContext.Provider>
    </div>
  );
}
