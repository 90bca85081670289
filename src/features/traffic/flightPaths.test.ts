import { describe, expect, it } from 'vitest';
import { type Box, type CanvasLookup, flightPaths, shareDots } from './flightPaths';
import type { Flight } from './trafficFlight';

const boxes: Record<string, Box> = {
  'node:kind-worker': { x: 0, y: 200, width: 300, height: 200 },
  'node:kind-worker2': { x: 400, y: 200, width: 300, height: 200 },
  'svc:default/web': { x: 300, y: 0, width: 100, height: 40 },
  'pod:default/client': { x: 20, y: 240, width: 100, height: 40 },
  'pod:default/web-a': { x: 20, y: 300, width: 100, height: 40 },
  'pod:default/web-b': { x: 420, y: 300, width: 100, height: 40 },
};
const look: CanvasLookup = {
  box: (id) => boxes[id],
  edgePoints: (id) => (id === 'ep:default/web/web-b' ? [{ x: 350, y: 40 }, { x: 350, y: 150 }, { x: 470, y: 300 }] : undefined),
  podNode: (pod) => (pod === 'default/web-c' ? 'kind-worker2' : undefined),
};
const flight = (over: Partial<Flight> = {}): Flight => ({
  id: 1,
  client: 'default/client',
  service: 'default/web',
  entryNode: 'kind-worker',
  answers: [
    { pod: 'default/web-a', node: 'kind-worker', count: 60 },
    { pod: 'default/web-b', node: 'kind-worker2', count: 40 },
  ],
  steps: [
    { kind: 'send', text: 'SYN', node: 'kind-worker' },
    { kind: 'rule', text: '-A KUBE-SERVICES …', node: 'kind-worker' },
    { kind: 'dnat', text: '10.96.0.5:80 → 10.244.2.3:80', node: 'kind-worker' },
    { kind: 'hop', text: 'kind-worker → kind-worker2', from: 'kind-worker', node: 'kind-worker2' },
    { kind: 'deliver', text: 'answered', pod: 'default/web-b', node: 'kind-worker2' },
  ],
  step: 0,
  ...over,
});

describe('shareDots', () => {
  it('shares at most twelve dots by count, largest remainders first', () => {
    expect(shareDots([60, 40])).toEqual([7, 5]);
    expect(shareDots([1, 1, 1])).toEqual([1, 1, 1]);
    expect(shareDots([100, 0, 1])).toEqual([12, 0, 0]);
    expect(shareDots([0, 0])).toEqual([0, 0]);
    expect(shareDots([25, 25, 25, 25]).reduce((a, b) => a + b)).toBe(12);
  });
});

describe('flightPaths', () => {
  it('routes client → Service VIP → the endpoint edge (or straight) → each answering pod', () => {
    const d = flightPaths(flight(), look);
    expect(d.routes.map((r) => r.pod)).toEqual(['default/web-a', 'default/web-b']);
    // no routed edge for web-a: client centre, Service centre, pod centre
    expect(d.routes[0].points).toEqual([{ x: 70, y: 260 }, { x: 350, y: 20 }, { x: 70, y: 320 }]);
    // web-b follows its routed endpoint edge
    expect(d.routes[1].points).toEqual([{ x: 70, y: 260 }, { x: 350, y: 40 }, { x: 350, y: 150 }, { x: 470, y: 300 }]);
    expect(d.machine).toBeUndefined();
  });

  it('boxes the element each step happened at', () => {
    const at = (step: number) => flightPaths(flight({ step }), look).focus;
    expect(at(0)).toMatchObject({ ...boxes['pod:default/client'], label: 'send' });
    expect(at(1)).toMatchObject({ ...boxes['node:kind-worker'], label: 'rule' });
    expect(at(2)).toMatchObject({ ...boxes['svc:default/web'], label: 'dnat' });
    expect(at(3)).toMatchObject({ ...boxes['node:kind-worker2'], label: 'hop' });
    expect(at(4)).toMatchObject({ ...boxes['pod:default/web-b'], label: 'deliver' });
    expect(flightPaths(flight({ step: 4 }), look).stepAt).toEqual({ x: 470, y: 320 });
  });

  it('starts from your machine through the entry node box for a NodePort', () => {
    const d = flightPaths(flight({ client: 'your machine' }), look);
    expect(d.machine).toEqual({ x: -60, y: 110 });
    expect(d.routes[0].points.slice(0, 2)).toEqual([{ x: -60, y: 110 }, { x: 150, y: 212 }]);
    expect(flightPaths(flight({ client: 'your machine', step: 0 }), look).focus?.label).toBe('send');
  });

  it('falls back on the node box when a pod is grouped away, and draws nothing it cannot place', () => {
    const d = flightPaths(flight({ answers: [{ pod: 'default/web-c', node: '', count: 3 }] }), look);
    expect(d.routes[0].points.at(-1)).toEqual({ x: 550, y: 300 });
    expect(flightPaths(flight({ client: 'default/gone' }), look).routes).toEqual([]);
  });
});
