/**
 * Each LoadBalancer's external address drawn in front of the nodes: a box under its Service with the address
 * from `status.loadBalancer.ingress` (or `<pending>`), and a line to every node box its traffic is spread over
 * — dashed to the nodes that drop it (`externalTrafficPolicy: Local` without a local endpoint).
 */
import { type ReactFlowState, ViewportPortal, useStore, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { nodeId, serviceId } from '../../graph/elements';
import { testIds } from '../../testids';
import { useEntryPoints } from './useEntryPoints';
import './entryPoints.css';

const selectNodes = (s: ReactFlowState) => s.nodes;
/** The box's centre sits this far under the Service card, above the node boxes. */
const below = 26;

function LoadBalancerLayer() {
  const entries = useEntryPoints();
  const nodes = useStore(selectNodes);
  const api = useStoreApi();
  // biome-ignore lint/correctness/useExhaustiveDependencies: nodes is the trigger for re-reading positions
  const drawn = useMemo(() => {
    const lookup = api.getState().nodeLookup;
    const boxes = [...lookup.values()].filter((n) => n.type === 'k8sNode');
    return entries.loadBalancers.flatMap((lb) => {
      const [ns, name] = lb.service.split('/');
      const svc = lookup.get(serviceId(ns, name));
      if (!svc) return [];
      const at = { x: svc.internals.positionAbsolute.x + (svc.measured.width ?? 220) / 2, y: svc.internals.positionAbsolute.y + (svc.measured.height ?? 66) + below };
      const lines = boxes.map((b) => {
        const node = b.id.slice(nodeId('').length);
        const answering = entries.nodePorts(node).some((p) => p.service === lb.service && p.answering);
        return { node, answering, to: { x: b.internals.positionAbsolute.x + 40, y: b.internals.positionAbsolute.y - 16 } };
      });
      return [{ lb, at, lines }];
    });
  }, [entries, nodes, api]);
  if (drawn.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="lb-overlay">
        <svg className="lb-lines" aria-hidden="true" role="presentation">
          {drawn.flatMap(({ lb, at, lines }) =>
            lines.map((l) => <path key={`${lb.service}>${l.node}`} className={`lb-line${l.answering ? '' : ' not-answering'}`} d={`M ${at.x} ${at.y + 10} L ${l.to.x} ${l.to.y}`} />),
          )}
        </svg>
        {drawn.map(({ lb, at }) => (
          <span
            key={lb.service}
            className="lb-box"
            data-testid={testIds.loadBalancerIP}
            data-service={lb.service}
            style={{ transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)` }}
            title={`${lb.service}: status.loadBalancer.ingress${lb.local ? ' (externalTrafficPolicy: Local)' : ''}`}
          >
            <span className="lb-kind">LoadBalancer</span>
            {lb.addresses.length > 0 ? lb.addresses.map((a) => lb.ports.map((p) => `${a}:${p.port}`).join(' ')).join(' ') : '<pending>'}
          </span>
        ))}
      </div>
    </ViewportPortal>
  );
}

/** Nothing (and no canvas subscription) while no LoadBalancer Service exists. */
export function LoadBalancers() {
  const any = useEntryPoints().loadBalancers.length > 0;
  return any ? <LoadBalancerLayer /> : null;
}
