/**
 * Stable slot assignment for pods inside a node box: a pod keeps its slot for as long as it lives, a gone
 * pod frees its slot, and a new pod takes the lowest free one. Nothing else moves when one pod changes.
 */
export type SlotTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** `podsByGroup`: group id (node name) → pod keys currently in it, in any order. */
export function assignSlots(previous: SlotTable, podsByGroup: ReadonlyMap<string, readonly string[]>): SlotTable {
  const next = new Map<string, Map<string, number>>();
  for (const [group, pods] of podsByGroup) {
    const before = previous.get(group);
    const slots = new Map<string, number>();
    const taken = new Set<number>();
    for (const p of pods) {
      const s = before?.get(p);
      if (s !== undefined) {
        slots.set(p, s);
        taken.add(s);
      }
    }
    // New pods in a stable order, so two runs with the same cluster lay out the same way.
    const fresh = pods.filter((p) => !slots.has(p)).sort();
    let candidate = 0;
    for (const p of fresh) {
      while (taken.has(candidate)) candidate++;
      slots.set(p, candidate);
      taken.add(candidate);
    }
    next.set(group, slots);
  }
  return next;
}
