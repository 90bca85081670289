/**
 * Where a flight's packets go on the canvas, in flow coordinates: one route per answering pod (client → Service
 * VIP → along the endpoint edge → the pod; from your machine the node box comes first), a handful of dots
 * shared out by how many connections each pod answered, and the box of the element the current trace step
 * happened at. Pure geometry over lookups, so it is tested without a canvas.
 */
import type { XY } from '../../graph/elements';
import { edgeId, nodeId, podId, serviceId } from '../../graph/elements';
import type { Flight } from './trafficFlight';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasLookup {
  /** A drawn node's box in flow coordinates (absolute), undefined when it is not drawn. */
  box(id: string): Box | undefined;
  /** An endpoint edge's routed points, when it is drawn with a route. */
  edgePoints(id: string): readonly XY[] | undefined;
  /** The node a pod runs on (to fall back on its box when the pod is grouped away at low zoom). */
  podNode(pod: string): string | undefined;
}

export interface FlightRoute {
  pod: string;
  points: XY[];
  /** Dots on this route (0 when the share rounds down: the route is still drawn). */
  dots: number;
}

export interface FlightDrawing {
  routes: FlightRoute[];
  /** Where "your machine" is drawn, for connections from the kind host. */
  machine?: XY;
  /** The element the current step happened at. */
  focus?: Box & { label: string };
  /** The single stepped packet's position. */
  stepAt?: XY;
}

/** The most dots drawn at once: a handful, whatever the count sent. */
export const maxDots = 12;
export const machineLabel = 'your machine';

const center = (b: Box): XY => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const [nsOf, nameOf] = [(k: string) => k.split('/')[0], (k: string) => k.split('/').slice(1).join('/')];

/** Dots per route by share of connections, largest remainders first, at most {@link maxDots} in all. */
export function shareDots(counts: readonly number[], total = maxDots): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return counts.map(() => 0);
  const budget = Math.min(total, sum);
  const exact = counts.map((c) => (c * budget) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = budget - out.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

function podBox(look: CanvasLookup, pod: string, node?: string): Box | undefined {
  const drawn = look.box(podId(nsOf(pod), nameOf(pod)));
  if (drawn) return drawn;
  const on = node || look.podNode(pod);
  return on ? look.box(nodeId(on)) : undefined;
}

export function flightPaths(f: Flight, look: CanvasLookup): FlightDrawing {
  const fromMachine = f.client === machineLabel;
  const entryBox = f.entryNode ? look.box(nodeId(f.entryNode)) : undefined;
  const svcBox = f.service ? look.box(serviceId(nsOf(f.service), nameOf(f.service))) : undefined;
  const machine = fromMachine && entryBox ? { x: entryBox.x - 60, y: entryBox.y - 90 } : undefined;
  const clientBox = fromMachine ? undefined : podBox(look, f.client);
  const start: XY[] = fromMachine ? (machine && entryBox ? [machine, { x: entryBox.x + entryBox.width / 2, y: entryBox.y + 12 }] : []) : clientBox ? [center(clientBox)] : [];
  const svc = svcBox ? center(svcBox) : undefined;
  const dots = shareDots(f.answers.map((a) => a.count));
  const routes: FlightRoute[] = [];
  f.answers.forEach((a, i) => {
    const target = podBox(look, a.pod, a.node);
    if (!target || start.length === 0) return;
    const edge = f.service ? look.edgePoints(edgeId(nsOf(f.service), nameOf(f.service), nameOf(a.pod))) : undefined;
    const tail = edge && edge.length > 1 ? [...edge] : [...(svc ? [svc] : []), center(target)];
    routes.push({ pod: a.pod, points: [...start, ...tail], dots: dots[i] });
  });
  const drawing: FlightDrawing = { routes, ...(machine ? { machine } : {}) };
  const focus = stepFocus(f, look, { machine, clientBox, entryBox, svcBox });
  if (focus) {
    drawing.focus = focus;
    drawing.stepAt = center(focus);
  }
  return drawing;
}

function stepFocus(f: Flight, look: CanvasLookup, at: { machine?: XY; clientBox?: Box; entryBox?: Box; svcBox?: Box }): (Box & { label: string }) | undefined {
  const s = f.steps[f.step];
  if (!s) return undefined;
  const machineBox = at.machine ? { x: at.machine.x - 50, y: at.machine.y - 14, width: 100, height: 28 } : undefined;
  let box: Box | undefined;
  switch (s.kind) {
    case 'send':
    case 'dns':
      box = at.clientBox ?? machineBox;
      break;
    case 'dnat':
      box = at.svcBox ?? at.entryBox;
      break;
    case 'hop':
      box = s.node ? look.box(nodeId(s.node)) : at.entryBox;
      break;
    case 'deliver':
      box = s.pod ? podBox(look, s.pod, s.node) : undefined;
      break;
    default:
      // rules, SNAT and failures happen in the entry node's netfilter
      box = (s.node ? look.box(nodeId(s.node)) : undefined) ?? at.entryBox;
  }
  return box && { ...box, label: s.kind };
}
