/**
 * The pods of one owner on one node, drawn as one card when zoomed out (src/graph/levelOfDetail.ts): the
 * owner, how many pods and how many are Ready. Clicking it zooms in until its pods are drawn one by one.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { PodGroupData } from '../../graph/levelOfDetail';
import { useT } from '../../i18n/languageStore';

function PodGroupNodeView({ data }: NodeProps & { data: PodGroupData }) {
  const state = data.ready === data.pods ? 'ready' : data.ready === 0 ? 'pending' : 'notready';
  const t = useT();
  const noun = t(data.pods === 1 ? 'canvas.pod' : 'canvas.pods');
  return (
    <div
      className={`pod-group pod-${state}`}
      data-pods={data.pods}
      data-ready={data.ready}
      title={t('canvas.groupTitle', { kind: data.ownerKind, namespace: data.namespace, owner: data.owner, node: data.node, pods: data.pods, noun, ready: data.ready })}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="pod-group-text">
        <span className="pod-group-owner">{data.owner}:</span> <span>{t('canvas.groupPods', { pods: data.pods, noun })}</span> <span>{t('canvas.groupReady', { ready: data.ready })}</span>

      </div>
    </div>
  );
}

export const PodGroupNode = memo(PodGroupNodeView);
