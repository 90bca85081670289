/**
 * Packets on the canvas: after the Traffic view sends, a handful of dots run along the routes the engine's
 * trace took (client → Service VIP → endpoint edge → the pod that answered), and the trace step being shown
 * is boxed where it happened. The motion is CSS (offset-path keyframes, a transform transition), so no React
 * render runs per frame; with prefers-reduced-motion the routes stay as a static highlight and no dot moves.
 */
import { type ReactFlowState, ViewportPortal, useStore, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import type { XY } from '../../graph/elements';
import { useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import './trafficOverlay.css';
import { type CanvasLookup, flightPaths, machineLabel } from './flightPaths';
import { type Flight, useTrafficFlight } from './trafficFlight';

const selectNodes = (s: ReactFlowState) => s.nodes;
const selectEdges = (s: ReactFlowState) => s.edges;
const pathOf = (points: readonly XY[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${Math.round(p.x)} ${Math.round(p.y)}`).join(' ');

/** One dot's trip takes this long; dots of a route leave one after another. */
const tripMs = 1600;
const trips = 3;

function FlightLayer({ flight }: { flight: Flight }) {
  const nodes = useStore(selectNodes);
  const edges = useStore(selectEdges);
  const api = useStoreApi();
  // nodes: positions and sizes moved, so the lookup is read again
  // biome-ignore lint/correctness/useExhaustiveDependencies: nodes is the trigger for re-reading the lookup
  const drawing = useMemo(() => {
    const lookup = api.getState().nodeLookup;
    const look: CanvasLookup = {
      box: (id) => {
        const n = lookup.get(id);
        if (!n) return undefined;
        const p = n.internals.positionAbsolute;
        return { x: p.x, y: p.y, width: n.measured.width ?? n.width ?? 0, height: n.measured.height ?? n.height ?? 0 };
      },
      edgePoints: (id) => (edges.find((e) => e.id === id)?.data as { points?: XY[] } | undefined)?.points,
      podNode: (pod) => (useAppStore.getState().mirror.objects.get(`Pod/${pod}`)?.spec as { nodeName?: string } | undefined)?.nodeName,
    };
    return flightPaths(flight, look);
  }, [flight, nodes, edges, api]);
  return (
    <ViewportPortal>
      <div className="traffic-overlay" data-testid={testIds.trafficOverlay} data-flight={flight.id} data-step={flight.steps[flight.step]?.kind}>
        <svg className="traffic-routes" aria-hidden="true" role="presentation">
          {drawing.routes.map((r) => (
            <path key={r.pod} d={pathOf(r.points)} className="traffic-route" data-testid={testIds.trafficRoute} data-pod={r.pod} />
          ))}
        </svg>
        {drawing.routes.flatMap((r) =>
          Array.from({ length: r.dots }, (_, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: a route's dots are interchangeable, their order is their identity
              key={`${flight.id}-${r.pod}-${i}`}
              className="packet-dot"
              data-testid={testIds.trafficDot}
              style={{ offsetPath: `path('${pathOf(r.points)}')`, animationDuration: `${tripMs}ms`, animationIterationCount: trips, animationDelay: `${(i * tripMs) / Math.max(1, r.dots)}ms` }}
            />
          )),
        )}
        {drawing.machine && (
          <span className="traffic-machine" data-testid={testIds.trafficMachine} style={{ transform: `translate(${drawing.machine.x}px, ${drawing.machine.y}px) translate(-50%, -50%)` }}>
            {machineLabel}
          </span>
        )}
        {drawing.focus && (
          <span
            className="traffic-focus"
            data-testid={testIds.trafficFocus}
            data-kind={drawing.focus.label}
            style={{ transform: `translate(${drawing.focus.x - 4}px, ${drawing.focus.y - 4}px)`, width: drawing.focus.width + 8, height: drawing.focus.height + 8 }}
          >
            <span className="traffic-focus-label">{drawing.focus.label}</span>
          </span>
        )}
        {drawing.stepAt && <span className="packet-dot packet-step" style={{ transform: `translate(${drawing.stepAt.x}px, ${drawing.stepAt.y}px) translate(-50%, -50%)` }} />}
      </div>
    </ViewportPortal>
  );
}

const selectFlight = (s: { flight?: Flight }) => s.flight;

/** Draws nothing (and subscribes to nothing of the canvas) until traffic has been sent. */
export function TrafficOverlay() {
  const flight = useTrafficFlight(selectFlight);
  return flight ? <FlightLayer key={flight.id} flight={flight} /> : null;
}
