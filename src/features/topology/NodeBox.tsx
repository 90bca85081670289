/** A Kubernetes node as a box holding its pods: name, role, InternalIP, kubectl's STATUS (Ready,SchedulingDisabled…). */
import type { NodeProps } from '@xyflow/react';
import type { Node as K8sNode } from 'kubernetes-types/core/v1';
import { memo } from 'react';
import type { NodeBoxData } from '../../graph/elements';
import { nodeStatus } from './nodeStatus';
import { KubeProxyBadge } from '../rules/KubeProxyBadge';
import { NodePorts } from '../entry/NodePorts';

function NodeBoxView({ data, selected }: NodeProps & { data: NodeBoxData }) {
  const node = data.node as unknown as K8sNode | undefined;
  const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  const role = node?.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined ? 'control-plane' : node ? 'worker' : '';
  return (
    <div className={`node-box${selected ? ' is-selected' : ''}${ready && ready !== 'True' ? ' node-down' : ''}${node?.spec?.unschedulable ? ' cordoned' : ''}`}>
      <div className="node-header">
        <span className="node-name">{data.name}</span>
        <span className="node-meta">
          {role} {ip} <span className="node-status">{node ? nodeStatus(node) : ''}</span>
        </span>
        <KubeProxyBadge node={data.name} />
      </div>
      <NodePorts node={data.name} ip={ip} />
    </div>
  );
}

export const NodeBox = memo(NodeBoxView);
