/**
 * Lets a pod that just left the cluster fade out instead of vanishing: it stays on the canvas for a quarter
 * second, marked `leaving`, then goes. Its edges are gone already (the engine dropped the endpoint). With
 * `prefers-reduced-motion` nothing lingers. The pods that left come from the graph model (the diff's
 * deletions), not from comparing the whole node list with the last one: a batch's cost follows what it deleted.
 */
import type { Node } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';

const lingerMs = 260;

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/** The node boxes drawn: the graph model puts them first (src/graph/topologyGraph.ts), so the scan stops at the first pod. */
function boxIds(nodes: readonly Node[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    if (n.type !== 'k8sNode') break;
    out.add(n.id);
  }
  return out;
}

/** `left`: the pods the latest diffs deleted (a new array per batch that deleted any). */
export function useLeavingPods(nodes: Node[], left: readonly Node[]): Node[] {
  const timers = useRef<Set<ReturnType<typeof setTimeout>>>(new Set());
  const [leaving, setLeaving] = useState<ReadonlyMap<string, Node>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` is the trigger; the boxes are read as they are then
  useEffect(() => {
    if (left.length === 0 || reducedMotion()) return;
    // only pods whose node box is still there can stay inside it
    const boxes = boxIds(nodes);
    const gone = left.filter((n) => !n.parentId || boxes.has(n.parentId));
    if (gone.length === 0) return;
    setLeaving((m) => new Map([...m, ...gone.map((n): [string, Node] => [n.id, { ...n, className: 'leaving', selectable: false }])]));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setLeaving((m) => {
        const next = new Map(m);
        for (const n of gone) next.delete(n.id);
        return next;
      });
    }, lingerMs);
    timers.current.add(timer);
  }, [left]);
  useEffect(
    () => () => {
      for (const t of timers.current) clearTimeout(t);
    },
    [],
  );
  if (leaving.size === 0) return nodes;
  // a pod deleted and made again under the same name (a StatefulSet's) is drawn once, as it is now
  const present = new Set(nodes.map((n) => n.id));
  const boxes = boxIds(nodes);
  const extra = [...leaving.values()].filter((n) => !present.has(n.id) && (!n.parentId || boxes.has(n.parentId)));
  return extra.length ? [...nodes, ...extra] : nodes;
}
