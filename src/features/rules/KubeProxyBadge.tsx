/**
 * kube-proxy's mode and last sync on a node box (the engine's answer: the mode the node's kube-proxy pod
 * started with, and the virtual time its proxier last wrote rules), e.g. `kube-proxy iptables · synced 3s ago`.
 */
import { useT } from '../../i18n/languageStore';
import { memo } from 'react';
import { type AppState, useAppStore } from '../../state/store';
import { testIds } from '../../testids';
import { humanDuration } from '../../shared/humanDuration';
import { useNodeProxyStatus } from './proxyStatus';
import './kubeProxyBadge.css';

/** Whole seconds since the sync, so a badge re-renders once a second of virtual time at most. */
function useSecondsSince(at: number | undefined): number | undefined {
  return useAppStore((s: AppState) => (at === undefined ? undefined : Math.max(0, Math.floor((s.mirror.time - at) / 1000))));
}

function KubeProxyBadgeView({ node }: { node: string }) {
  const s = useNodeProxyStatus(node);
  const ago = useSecondsSince(s?.lastSyncAt);
  const t = useT();
  if (!s?.mode) return null;
  const synced = ago === undefined ? t('proxy.notSynced') : t('proxy.syncedAgo', { age: humanDuration(ago * 1000) });
  return (
    <span className="kube-proxy-badge" data-testid={`${testIds.kubeProxyMode}-${node}`} title={s.configError ?? t('proxy.badgeTitle', { node, mode: s.mode, syncs: s.syncs })}>
      <span>kube-proxy {s.mode}</span>
      <span className="kube-proxy-sync" data-testid={`${testIds.kubeProxySync}-${node}`}>
        <span className="sr-only"> · </span>
        {synced}
      </span>
    </span>
  );
}

export const KubeProxyBadge = memo(KubeProxyBadgeView);

/**
 * The same status in full for the Inspector of a node, where there is room for how many syncs the proxier has
 * run (each Service or endpoint change batched by `minSyncPeriod` is one): `iptables · synced 3s ago · 12 syncs`.
 */
export function KubeProxySyncSummary({ node }: { node: string }) {
  const s = useNodeProxyStatus(node);
  const ago = useSecondsSince(s?.lastSyncAt);
  const t = useT();
  if (!s?.mode) return null;
  return (
    <span data-testid={`${testIds.kubeProxySyncCount}-${node}`} title={s.configError}>
      {s.mode} · {ago === undefined ? t('proxy.notSynced') : t('proxy.syncedAgo', { age: humanDuration(ago * 1000) })} ·{' '}
      {t(s.syncs === 1 ? 'proxy.syncCountOne' : 'proxy.syncCountMany', { count: s.syncs })}
    </span>
  );
}
