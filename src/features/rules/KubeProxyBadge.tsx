/** kube-proxy's mode on a node box (the engine's answer: the mode the node's kube-proxy pod started with). */
import { memo } from 'react';
import { testIds } from '../../testids';
import { useNodeProxyStatus } from './proxyStatus';

function KubeProxyBadgeView({ node }: { node: string }) {
  const s = useNodeProxyStatus(node);
  if (!s?.mode) return null;
  return (
    <span className="kube-proxy-badge" data-testid={`${testIds.kubeProxyMode}-${node}`} title={s.configError ?? `kube-proxy on ${node} runs in ${s.mode} mode (${s.syncs} syncs)`}>
      kube-proxy {s.mode}
    </span>
  );
}

export const KubeProxyBadge = memo(KubeProxyBadgeView);
