/**
 * Which rule lines are new since the last look, so the Rules view can highlight what an endpoint change did.
 * Lines are compared as text with their hash-named chains intact (a new endpoint is a new KUBE-SEP chain, a new
 * probability a changed line).
 */
export interface MarkedLine {
  text: string;
  changed: boolean;
}

export function markChanged(previous: readonly string[] | undefined, current: readonly string[]): MarkedLine[] {
  if (!previous) return current.map((text) => ({ text, changed: false }));
  const before = new Set(previous);
  return current.map((text) => ({ text, changed: !before.has(text) }));
}

/** Lines that were there and are gone. */
export function removedLines(previous: readonly string[] | undefined, current: readonly string[]): string[] {
  if (!previous) return [];
  const now = new Set(current);
  return previous.filter((l) => !now.has(l));
}
