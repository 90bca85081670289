/**
 * Positions the user dragged nodes to: they override the deterministic layout and are remembered for the
 * session (and across reloads).
 */
import type { Node, NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';

type XY = { x: number; y: number };
const key = 'svcsim.positions.v1';

function load(): Record<string, XY> {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, XY>;
  } catch {
    return {};
  }
}

export function usePositions(): { place(nodes: Node[]): Node[]; onNodesChange(changes: NodeChange[]): void } {
  const [moved, setMoved] = useState<Record<string, XY>>(load);
  // Reset forgets every dragged position
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.layoutResets === prev.layoutResets) return;
        try {
          localStorage.removeItem(key);
        } catch {
          // nothing stored, nothing to forget
        }
        setMoved({});
      }),
    [],
  );
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const updates: Record<string, XY> = {};
    for (const c of changes) if (c.type === 'position' && c.position) updates[c.id] = c.position;
    if (Object.keys(updates).length === 0) return;
    setMoved((m) => {
      const next = { ...m, ...updates };
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // positions are a convenience; losing them is harmless
      }
      return next;
    });
  }, []);
  const place = useCallback((nodes: Node[]) => nodes.map((n) => (moved[n.id] ? { ...n, position: moved[n.id] } : n)), [moved]);
  return { place, onNodesChange };
}
