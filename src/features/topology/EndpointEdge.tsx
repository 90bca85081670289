/**
 * An endpoint edge: Service → pod, solid when the endpoint is ready, dashed when not. It follows its routed
 * path (src/graph/edgeRouting), which passes no other pod; the target port label sits just under the
 * Service, where no node box can cover it.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { roundedPath } from '../../graph/edgeRouting';
import type { EndpointEdgeData, XY } from '../../graph/elements';

function EndpointEdgeView(props: EdgeProps & { data?: EndpointEdgeData & { points?: XY[]; unlabelled?: boolean } }) {
  const points = props.data?.points;
  const routed = points && points.length > 1 ? roundedPath(points) : undefined;
  const [bezier, bx, by] = routed ? ['', 0, 0] : getBezierPath(props);
  const path = routed?.path ?? bezier;
  const label = routed?.label ?? { x: bx, y: by };
  const ready = props.data?.ready ?? true;
  return (
    <>
      <BaseEdge path={path} interactionWidth={0} className={ready ? 'edge-ready' : 'edge-notready'} style={ready ? undefined : { strokeDasharray: '6 4' }} />
      {props.data?.port !== undefined && !props.data.unlabelled && (
        <EdgeLabelRenderer>
          <div className="edge-port" style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}>
            :{props.data.port}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const EndpointEdge = memo(EndpointEdgeView);
