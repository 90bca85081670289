/**
 * Each node's kube-proxy mode and last sync, asked of the worker (the engine knows which pod started with which
 * ConfigMap). One small store: the node boxes read it, the Rules panel keeps it fresh.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { WireProxyStatus } from '../../protocol/messages';
import { send } from '../../state/simulation';
import { type AppState, useAppStore } from '../../state/store';

interface ProxyStatusState {
  byNode: ReadonlyMap<string, WireProxyStatus>;
}

export const useProxyStatusStore = create<ProxyStatusState>(() => ({ byNode: new Map() }));

const selectPods = (s: AppState) => s.mirror.versions.Pod;
const selectSlices = (s: AppState) => s.mirror.versions.EndpointSlice;
const selectRv = (s: AppState) => s.mirror.resourceVersion;
const selectServices = (s: AppState) => s.mirror.versions.Service;

/** Re-asks the worker whenever pods (a restarted kube-proxy), EndpointSlices or Services (a sync) change. */
export function useProxyStatusRefresh(): void {
  const pods = useAppStore(selectPods);
  const slices = useAppStore(selectSlices);
  const rv = useAppStore(selectRv);
  // a Service change (a new NodePort) makes every kube-proxy sync without touching a slice
  const services = useAppStore(selectServices);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the versions are the triggers
  useEffect(() => {
    if (rv === 0) return;
    let live = true;
    void send({ type: 'proxyStatus' }).then((r) => {
      if (live && r.ok && r.value?.kind === 'proxyStatus') useProxyStatusStore.setState({ byNode: new Map(r.value.nodes.map((n) => [n.node, n])) });
    });
    return () => {
      live = false;
    };
  }, [pods, slices, services, rv === 0]);
}

/**
 * Keeps the kube-proxy statuses fresh (the node boxes' badges, the Rules panel) for the whole page, as a
 * component of its own: the cluster changes it follows re-render it alone, not the shell around it.
 */
export function ProxyStatusRefresh(): null {
  useProxyStatusRefresh();
  return null;
}

/** One node's kube-proxy status, undefined until known. */
export function useNodeProxyStatus(node: string): WireProxyStatus | undefined {
  return useProxyStatusStore((s) => s.byNode.get(node));
}
