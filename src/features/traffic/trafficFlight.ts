/**
 * The connections the Traffic view last sent, as the canvas draws them: who sent, which Service rewrote them,
 * which pods answered and how often, and the one trace being stepped through. Set by the Traffic view, read by
 * the canvas overlay; nothing else re-renders when it changes.
 */
import { create } from 'zustand';
import type { WireTraceStep, WireTraffic } from '../../protocol/messages';

export interface Flight {
  /** Grows with each send, so the animation restarts. */
  id: number;
  /** `namespace/name` of the client pod, or `your machine`. */
  client: string;
  /** `namespace/name` of the Service whose rules rewrote the connections. */
  service?: string;
  /** The node whose rules the connections met first. */
  entryNode?: string;
  answers: { pod: string; node: string; count: number }[];
  steps: WireTraceStep[];
  /** The step the Traffic view shows. */
  step: number;
}

interface FlightState {
  flight?: Flight;
}

export const useTrafficFlight = create<FlightState>(() => ({}));

/** What the Traffic view's reply says the canvas should draw. */
export function flightFromTraffic(id: number, t: WireTraffic): Flight | undefined {
  const first = t.first;
  if (!first?.client) return undefined;
  return {
    id,
    client: first.client,
    ...(first.service ? { service: first.service } : {}),
    ...(t.node ? { entryNode: t.node } : {}),
    answers: t.endpoints.map((e) => ({ pod: e.pod, node: e.node, count: e.count })),
    steps: first.steps,
    step: 0,
  };
}

export function showFlight(f: Flight | undefined): void {
  useTrafficFlight.setState({ flight: f });
}

export function showStep(step: number): void {
  const f = useTrafficFlight.getState().flight;
  if (f && f.step !== step) useTrafficFlight.setState({ flight: { ...f, step } });
}
