/**
 * The selected node: kubectl's STATUS, conditions, cordon/uncordon, Stop/Start node (as `docker stop
 * kind-worker` would: the kubelet stops, pods go not ready, then are evicted).
 */
import type { Node as K8sNode } from 'kubernetes-types/core/v1';
import { send } from '../../state/simulation';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { nodeStatus } from '../topology/nodeStatus';
import type { SelectionRef } from './selection';

export function NodeInspector({ ref, obj }: { ref: SelectionRef; obj: WireObject }) {
  const node = obj as unknown as K8sNode;
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const cordoned = !!node.spec?.unschedulable;
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">Node</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>InternalIP</dt>
        <dd>{node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address}</dd>
        <dt>Pod CIDR</dt>
        <dd>{node.spec?.podCIDR}</dd>
        <dt>Status</dt>
        <dd data-testid={testIds.nodeStatus}>{nodeStatus(node)}</dd>
        <dt>Ready</dt>
        <dd>
          {ready?.status} {ready?.reason ? `(${ready.reason})` : ''}
        </dd>
        <dt>Schedulable</dt>
        <dd>{cordoned ? 'no (cordoned)' : 'yes'}</dd>
        <dt>Taints</dt>
        <dd data-testid={testIds.nodeTaints}>{(node.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).join(', ') || '<none>'}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          data-testid={testIds.cordon}
          onClick={() => void send({ type: 'patch', kind: 'Node', name: ref.name, patchType: 'merge', patch: { spec: { unschedulable: cordoned ? null : true } } })}
        >
          {cordoned ? 'Uncordon' : 'Cordon'}
        </button>
        <button type="button" data-testid={testIds.nodePower} data-on="false" onClick={() => void send({ type: 'nodePower', node: ref.name, on: false })}>
          Stop node
        </button>
        <button type="button" data-on="true" onClick={() => void send({ type: 'nodePower', node: ref.name, on: true })}>
          Start node
        </button>
      </div>
      <p className="muted">Stop node is <code>docker stop</code> on kind's node container: its kubelet stops heartbeating: after the grace period it goes NotReady, its pods become not ready, and after their 300 s toleration they are evicted.</p>
    </div>
  );
}
