/**
 * The selected node: kubectl's STATUS, conditions, kube-proxy's mode, last sync and sync count, cordon/uncordon,
 * Stop/Start node (as `docker stop kind-worker` would: the kubelet stops, pods go not ready, then are evicted).
 */
import type { Node as K8sNode } from 'kubernetes-types/core/v1';
import { send } from '../../state/simulation';
import type { WireObject } from '../../protocol/objects';
import { testIds } from '../../testids';
import { nodeStatus } from '../topology/nodeStatus';
import type { SelectionRef } from './selection';
import { useT } from '../../i18n/languageStore';
import { KubeProxySyncSummary } from '../rules/KubeProxyBadge';

export function NodeInspector({ ref, obj }: { ref: SelectionRef; obj: WireObject }) {
  const node = obj as unknown as K8sNode;
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const cordoned = !!node.spec?.unschedulable;
  const tr = useT();
  return (
    <div className="inspector" data-testid={testIds.inspector}>
      <h2>
        <span className="kind-tag">Node</span> {ref.name}
      </h2>
      <dl className="facts">
        <dt>{tr('inspector.internalIp')}</dt>
        <dd>{node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address}</dd>
        <dt>{tr('inspector.podCidr')}</dt>
        <dd>{node.spec?.podCIDR}</dd>
        <dt>{tr('inspector.status')}</dt>
        <dd data-testid={testIds.nodeStatus}>{nodeStatus(node)}</dd>
        <dt>{tr('inspector.ready')}</dt>
        <dd>
          {ready?.status} {ready?.reason ? `(${ready.reason})` : ''}
        </dd>
        <dt>{tr('inspector.schedulable')}</dt>
        <dd>{cordoned ? tr('inspector.cordonedNo') : tr('inspector.yes')}</dd>
        <dt>{tr('inspector.taints')}</dt>
        <dd data-testid={testIds.nodeTaints}>{(node.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).join(', ') || '<none>'}</dd>
        <dt>kube-proxy</dt>
        <dd>
          <KubeProxySyncSummary node={ref.name} />
        </dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          data-testid={testIds.cordon}
          onClick={() => void send({ type: 'patch', kind: 'Node', name: ref.name, patchType: 'merge', patch: { spec: { unschedulable: cordoned ? null : true } } })}
        >
          {cordoned ? tr('inspector.uncordon') : tr('inspector.cordon')}
        </button>
        <button type="button" data-testid={testIds.nodePower} data-on="false" onClick={() => void send({ type: 'nodePower', node: ref.name, on: false })}>
          {tr('inspector.stopNode')}
        </button>
        <button type="button" data-on="true" onClick={() => void send({ type: 'nodePower', node: ref.name, on: true })}>
          {tr('inspector.startNode')}
        </button>
      </div>
      <p className="muted">
        {tr('inspector.stopNodeHelpBefore')} <code>docker stop</code>
        {tr('inspector.stopNodeHelpAfter')}
      </p>

    </div>
  );
}
