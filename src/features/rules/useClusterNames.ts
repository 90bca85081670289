/** Names the data-plane panels offer in their pickers: nodes, user Services, running pods (kube-system left out). */
import { useMemo } from 'react';
import type { WireObject } from '../../protocol/objects';
import { type AppState, useAppStore } from '../../state/store';

const hidden = new Set(['kube-system', 'local-path-storage']);
const selectNodes = (s: AppState) => s.mirror.versions.Node;
const selectServices = (s: AppState) => s.mirror.versions.Service;
const selectPods = (s: AppState) => s.mirror.versions.Pod;

function names(kind: string, filter: (o: WireObject) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const o of useAppStore.getState().mirror.objects.ofKind(kind).values()) {
    const m = (o as { metadata?: { name?: string; namespace?: string } }).metadata;
    if (!m?.name || hidden.has(m.namespace ?? '') || !filter(o)) continue;
    out.push(m.namespace ? `${m.namespace}/${m.name}` : m.name);
  }
  return out.sort();
}

export function useNodeNames(): string[] {
  const v = useAppStore(selectNodes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  return useMemo(() => names('Node'), [v]);
}

/** `namespace/name` of Services that have a ClusterIP (headless and ExternalName ones have no rules). */
export function useServiceNames(): string[] {
  const v = useAppStore(selectServices);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  return useMemo(() => names('Service', (o) => {
    const spec = (o as { spec?: { clusterIP?: string; type?: string } }).spec;
    return !!spec?.clusterIP && spec.clusterIP !== 'None' && spec.type !== 'ExternalName';
  }), [v]);
}

export function useRunningPodNames(): string[] {
  const v = useAppStore(selectPods);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger
  return useMemo(() => names('Pod', (o) => (o as { status?: { phase?: string; podIP?: string } }).status?.phase === 'Running'), [v]);
}

/** The selected Service as `namespace/name`, when a Service is selected on the canvas. */
export function useSelectedService(): string | undefined {
  const selected = useAppStore((s) => s.selected);
  return selected?.startsWith('svc:') ? selected.slice(4) : undefined;
}
