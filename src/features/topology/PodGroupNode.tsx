/**
 * The pods of one owner on one node, drawn as one card when zoomed out (src/graph/levelOfDetail.ts): the
 * owner, how many pods and how many are Ready. Clicking it zooms in until its pods are drawn one by one.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PodGroupData } from '../../graph/levelOfDetail';

function PodGroupNodeView({ data }: NodeProps & { data: PodGroupData }) {
  const state = data.ready === data.pods ? 'ready' : data.ready === 0 ? 'pending' : 'notready';
  const noun = data.pods === 1 ? 'pod' : 'pods';
  return (
    <div
      className={`pod-group pod-${state}`}
      data-pods={data.pods}
      data-ready={data.ready}
      title={`${data.ownerKind} ${data.namespace}/${data.owner} on ${data.node}: ${data.pods} ${noun}, ${data.ready} Ready. Click to zoom in.`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="pod-group-text">
        <span className="pod-group-owner">{data.owner}:</span> <span>{data.pods} {noun},</span> <span>{data.ready} Ready</span>
      </div>
    </div>
  );
}

export const PodGroupNode = memo(PodGroupNodeView);
