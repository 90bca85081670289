/** Pods the selected Service's selector matches, asked of the engine (the UI does not match selectors itself). */
import { useEffect, useState } from 'react';
import type { Service } from 'kubernetes-types/core/v1';
import { send } from '../../state/simulation';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { podId } from './graphModel';

const selectSelected = (s: AppState) => s.selected;
const selectObjects = (s: AppState) => s.mirror.objects;
const none: ReadonlySet<string> = new Set();

export function useSelectorMatches(): ReadonlySet<string> {
  const selected = useAppStore(selectSelected);
  const objects = useAppStore(selectObjects);
  const [matches, setMatches] = useState<ReadonlySet<string>>(none);
  const svc = selected?.startsWith('svc:') ? (objects[`Service/${selected.slice(4)}`] as unknown as Service | undefined) : undefined;
  const ns = svc?.metadata?.namespace ?? 'default';
  const selectorKey = JSON.stringify(svc?.spec?.selector ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `objects` is the trigger: pods that now match
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
  }, [selectorKey, ns, objects]);
  return matches;
}
