/** A pod card inside its node box: name, IP, kubectl's STATUS and READY, coloured by state; its workload's badge. */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext, useState } from 'react';
import type { PodNodeData } from '../../graph/elements';
import { shortPodName } from '../../graph/podLabel';
import { podVisualState } from './podVisualState';
import { PodArrivalsContext } from './podArrivals';
import { OwnerBadge } from './OwnerBadge';

function PodNodeView({ id, data, selected }: NodeProps & { data: PodNodeData }) {
  const pod = data.pod;
  // a new pod grows in; one whose card mounts because it came into view does not (podArrivals.ts)
  const arrivals = useContext(PodArrivalsContext);
  const [entering] = useState(() => arrivals?.isNew(id, performance.now()) ?? true);
  const view = pod.view;
  const state = podVisualState(view?.status ?? 'Pending', view?.podReady ?? false);
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
  const ns = pod.metadata.namespace ?? 'default';

  return (
    <div
      className={`pod-node pod-${state}${entering ? ' pod-enter' : ''}${selected ? ' is-selected' : ''}${data.highlight ? ` hl-${data.highlight}` : ''}`}
      data-state={state}
      data-highlight={data.highlight ?? ''}
      title={`${ns}/${pod.metadata.name}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {/* the middle of a long name goes, so replicas differ on screen; the full name stays the accessible one */}
      <div className="pod-name">
        <span aria-hidden="true">{shortPodName(pod.metadata.name)}</span>
        <span className="sr-only">{pod.metadata.name}</span>
      </div>
      <div className="pod-meta">
        <span className="pod-status">{view?.status ?? 'Pending'}</span>
        <span className="pod-ready">{view?.ready}</span>
      </div>
      <div className="pod-meta">
        <span className="pod-ip">{ip ?? '<none>'}</span>
        {data.owner && <OwnerBadge owner={data.owner} namespace={ns} />}
      </div>
    </div>
  );
}

export const PodNode = memo(PodNodeView);
