/**
 * True once the first cluster state has arrived and two frames have passed, i.e. the canvas has painted it.
 * Heavy panels (Monaco, xterm) wait for it before loading their chunk: evaluating megabytes of editor code on
 * the main thread must not delay the first graph (ARCHITECTURE: heavy libraries stay off its critical path).
 */
import { useEffect, useState } from 'react';
import type { AppState } from './store';
import { useAppStore } from './store';

const selectHasCluster = (s: AppState) => s.mirror.resourceVersion > 0;
let painted = false;

export function useAfterFirstGraph(): boolean {
  const hasCluster = useAppStore(selectHasCluster);
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready || !hasCluster) return;
    let id = requestAnimationFrame(() => {
      id = requestAnimationFrame(() => {
        painted = true;
        setReady(true);
      });
    });
    return () => cancelAnimationFrame(id);
  }, [hasCluster, ready]);
  return ready;
}
