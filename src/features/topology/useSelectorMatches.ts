/** Pods the selected Service's selector matches, asked of the engine (the UI does not match selectors itself). */
import { useCallback, useEffect, useState } from 'react';
import type { Service } from 'kubernetes-types/core/v1';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { podId } from '../../graph/elements';

const selectSelected = (s: AppState) => s.selected;
const selectPodsVersion = (s: AppState) => s.mirror.versions.Pod;
const none: ReadonlySet<string> = new Set();

export function useSelectorMatches(): ReadonlySet<string> {
  const selected = useAppStore(selectSelected);
  const key = selected?.startsWith('svc:') ? `Service/${selected.slice(4)}` : undefined;
  // the Service object itself: a new object exactly when it changed
  const svcObj = useAppStore(useCallback((s: AppState) => (key ? s.mirror.objects.get(key) : undefined), [key]));
  const podsVersion = useAppStore(selectPodsVersion);
  const [matches, setMatches] = useState<ReadonlySet<string>>(none);
  const svc = svcObj as unknown as Service | undefined;
  const ns = svc?.metadata?.namespace ?? 'default';
  const selectorKey = JSON.stringify(svc?.spec?.selector ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `podsVersion` is the trigger: pods that now match
  useEffect(() => {
    const selector = JSON.parse(selectorKey) as Record<string, string> | null;
    if (!selector) {
      setMatches(none);
      return;
    }
    let live = true;
    void send({ type: 'selectorMatches', namespace: ns, selector }).then((r) => {
      if (live && r.ok && r.value?.kind === 'names') setMatches(new Set(r.value.names.map((n) => podId(ns, n))));
    });
    return () => {
      live = false;
    };
    // re-ask when pods change too: a new pod may now match
  }, [selectorKey, ns, podsVersion]);
  return matches;
}
