/** A Service's virtual IP: name, type, ClusterIP:port (and NodePort / external IP), drawn apart from every node. */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { Service } from 'kubernetes-types/core/v1';
import { memo } from 'react';
import type { ServiceNodeData } from '../../graph/elements';
import { serviceSummary } from './serviceSummary';

function ServiceNodeView({ data, selected }: NodeProps & { data: ServiceNodeData }) {
  const svc = data.service as unknown as Service;
  const ingress = svc.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname).join(',');
  return (
    <div className={`service-node${selected ? ' is-selected' : ''}${data.highlight ? ' hl-label' : ''}`} data-highlight={data.highlight ? 'label' : ''}>
      <div className="service-kind">{svc.spec?.type ?? 'ClusterIP'}</div>
      <div className="service-name">{svc.metadata?.name}</div>
      <div className="service-addr">{serviceSummary(svc)}</div>
      {svc.spec?.type === 'LoadBalancer' && <div className="service-ext">EXTERNAL-IP {ingress || '<pending>'}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
