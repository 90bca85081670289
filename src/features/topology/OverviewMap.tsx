/**
 * The canvas's minimap: node boxes (green as far down as their pods reach) and Services, with the viewport
 * over them; a click or drag on it centres the view there. React Flow's own MiniMap draws one rectangle per
 * node, each with its own store subscription, and walks every node on every pan frame: with 1,000 pods that
 * is most of a frame's budget spent on a 140 px picture whose pods are sub-pixel anyway. This one draws the
 * few boxes and Services (O(nodes of the cluster), not O(pods)) and re-renders on a pan only to move its mask.
 */
import { type Node, Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { memo, useMemo, useRef } from 'react';
import type { NodeBoxData } from '../../graph/elements';
import { layout } from '../../graph/layout';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Mark extends Rect {
  kind: 'box' | 'pods' | 'service';
}

const selectView = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameView = (a: ReturnType<typeof selectView>, b: ReturnType<typeof selectView>) =>
  a.tx === b.tx && a.ty === b.ty && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** What the map draws for the nodes as placed (dragged boxes included): boxes, their pod areas, Services. */
export function overviewMarks(nodes: readonly Node[]): Mark[] {
  const marks: Mark[] = [];
  for (const n of nodes) {
    const width = n.width ?? 0;
    const height = n.height ?? 0;
    if (n.type === 'service') marks.push({ kind: 'service', x: n.position.x, y: n.position.y, width, height });
    else if (n.type === 'k8sNode') {
      marks.push({ kind: 'box', x: n.position.x, y: n.position.y, width, height });
      const pods = (n.data as NodeBoxData).podCount;
      if (pods > 0) {
        const rows = Math.ceil(pods / layout.columns);
        const podsHeight = Math.min(height - layout.boxHeader, rows * (layout.podHeight + layout.podGap));
        marks.push({ kind: 'pods', x: n.position.x + layout.boxPadding, y: n.position.y + layout.boxHeader, width: width - 2 * layout.boxPadding, height: podsHeight });
      }
    }
  }
  return marks;
}

function bounds(marks: readonly Mark[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of marks) {
    x0 = Math.min(x0, m.x);
    y0 = Math.min(y0, m.y);
    x1 = Math.max(x1, m.x + m.width);
    y1 = Math.max(y1, m.y + m.height);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : { x: 0, y: 0, width: 0, height: 0 };
}

const Marks = memo(function Marks({ marks }: { marks: readonly Mark[] }) {
  return (
    <>
      {marks.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the marks are redrawn as a whole; order is stable
        <rect key={i} className={`react-flow__minimap-node overview-${m.kind}`} x={m.x} y={m.y} width={m.width} height={m.height} rx={m.kind === 'pods' ? 0 : 5} />
      ))}
    </>
  );
});

export function OverviewMap({ nodes, width, height, ariaLabel }: { nodes: readonly Node[]; width: number; height: number; ariaLabel: string }) {
  const marks = useMemo(() => overviewMarks(nodes), [nodes]);
  const view = useStore(selectView, sameView);
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef(false);
  const viewBB: Rect = { x: -view.tx / view.zoom, y: -view.ty / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom };
  const content = bounds(marks);
  const all = content.width > 0 ? bounds([{ kind: 'box', ...content }, { kind: 'box', ...viewBB }]) : viewBB;
  const scale = Math.max(all.width / width, all.height / height) || 1;
  const offset = 5 * scale;
  const vw = scale * width + 2 * offset;
  const vh = scale * height + 2 * offset;
  const vx = all.x - (scale * width - all.width) / 2 - offset;
  const vy = all.y - (scale * height - all.height) / 2 - offset;
  // a pointer on the map, in flow coordinates: the view centres there, keeping its zoom
  const centreAt = (e: React.PointerEvent<SVGSVGElement>) => {
    const r = svg.current?.getBoundingClientRect();
    if (!r || r.width === 0) return;
    const x = vx + ((e.clientX - r.left) / r.width) * vw;
    const y = vy + ((e.clientY - r.top) / r.height) * vh;
    void flow.setCenter(x, y, { zoom: view.zoom });
  };
  return (
    <Panel position="top-right" className="react-flow__minimap" style={{ width, height }} data-testid="rf__minimap">
      <svg
        ref={svg}
        width={width}
        height={height}
        viewBox={`${vx} ${vy} ${vw} ${vh}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={ariaLabel}
        onPointerDown={(e) => {
          drag.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          centreAt(e);
        }}
        onPointerMove={(e) => {
          if (drag.current) centreAt(e);
        }}
        onPointerUp={() => {
          drag.current = false;
        }}
      >
        <Marks marks={marks} />
        <path
          className="react-flow__minimap-mask"
          d={`M${vx - offset},${vy - offset}h${vw + offset * 2}v${vh + offset * 2}h${-vw - offset * 2}z M${viewBB.x},${viewBB.y}h${viewBB.width}v${viewBB.height}h${-viewBB.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
