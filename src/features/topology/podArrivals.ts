/**
 * When each pod first appeared on this canvas, so that only a pod new to the cluster animates in. On a big
 * cluster the canvas mounts a pod's card when it scrolls or zooms into view (culling, and React Flow's visible
 * elements): without this every card coming into view would fade and grow in as if just created — misleading,
 * and the animations of dozens of cards a frame were most of what made a 1,000-pod zoom-out miss its frames.
 */
import { createContext } from 'react';

/** A card mounted this soon after its pod first appeared animates in (a few frames of slack for the mount). */
export const enterWindowMs = 400;

export class PodArrivals {
  private seen = new Map<string, number>();

  /** Records the pods of `nodes` (all the canvas has, drawn or not) at `now`; pods that are gone are forgotten. */
  note(nodes: readonly { id: string; type?: string }[], now: number): void {
    const next = new Map<string, number>();
    for (const n of nodes) if (n.type === 'pod') next.set(n.id, this.seen.get(n.id) ?? now);
    this.seen = next;
  }

  /** Whether a card for `id` mounted at `now` shows a new pod (one never noted counts as new). */
  isNew(id: string, now: number): boolean {
    const at = this.seen.get(id);
    return at === undefined || now - at < enterWindowMs;
  }
}

export const PodArrivalsContext = createContext<PodArrivals | undefined>(undefined);
