/** A pod card inside its node box: name, IP, kubectl's STATUS and READY, coloured by state. */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PodNodeData } from './graphModel';
import { podVisualState } from './podVisualState';

function PodNodeView({ data, selected }: NodeProps & { data: PodNodeData }) {
  const pod = data.pod;
  const view = pod.view;
  const state = podVisualState(view?.status ?? 'Pending', view?.podReady ?? false);
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
  return (
    <div className={`pod-node pod-${state}${selected ? ' is-selected' : ''}`} data-state={state} title={`${pod.metadata.namespace}/${pod.metadata.name}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="pod-name">{pod.metadata.name}</div>
      <div className="pod-meta">
        <span className="pod-status">{view?.status ?? 'Pending'}</span>
        <span className="pod-ready">{view?.ready}</span>
        <span className="pod-ip">{ip ?? '<none>'}</span>
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
