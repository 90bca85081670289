/** An endpoint edge: Service → pod, solid when the endpoint is ready, dashed when not, labelled with the target port. */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { EndpointEdgeData } from '../../graph/elements';

function EndpointEdgeView(props: EdgeProps & { data?: EndpointEdgeData }) {
  const [path, labelX, labelY] = getBezierPath(props);
  const ready = props.data?.ready ?? true;
  return (
    <>
      <BaseEdge path={path} className={ready ? 'edge-ready' : 'edge-notready'} style={ready ? undefined : { strokeDasharray: '6 4' }} />
      {props.data?.port !== undefined && (
        <EdgeLabelRenderer>
          <div className="edge-port" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            :{props.data.port}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const EndpointEdge = memo(EndpointEdgeView);
