/**
 * Lets a pod that just left the cluster fade out instead of vanishing: it stays on the canvas for a quarter
 * second, marked `leaving`, then goes. Its edges are gone already (the engine dropped the endpoint). With
 * `prefers-reduced-motion` nothing lingers.
 */
import type { Node } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';

const lingerMs = 260;

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

export function useLeavingPods(nodes: Node[]): Node[] {
  const previous = useRef<Map<string, Node>>(new Map());
  const timers = useRef<Set<ReturnType<typeof setTimeout>>>(new Set());
  const [leaving, setLeaving] = useState<ReadonlyMap<string, Node>>(new Map());
  useEffect(() => {
    const current = new Map(nodes.map((n) => [n.id, n]));
    // only pods whose node box is still there can stay inside it
    const gone = [...previous.current.values()].filter((n) => n.type === 'pod' && !current.has(n.id) && (!n.parentId || current.has(n.parentId)));
    previous.current = current;
    if (gone.length === 0 || reducedMotion()) return;
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
  }, [nodes]);
  useEffect(
    () => () => {
      for (const t of timers.current) clearTimeout(t);
    },
    [],
  );
  if (leaving.size === 0) return nodes;
  const present = new Set(nodes.map((n) => n.id));
  const parents = new Set(nodes.filter((n) => n.type === 'k8sNode').map((n) => n.id));
  const extra = [...leaving.values()].filter((n) => !present.has(n.id) && (!n.parentId || parents.has(n.parentId)));
  return extra.length ? [...nodes, ...extra] : nodes;
}
