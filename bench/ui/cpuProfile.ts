/** What both CPU-profile scripts print: the canvas's DOM at the end, and the hottest functions (self and total time). */
import type { Page } from '@playwright/test';

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** How much of the graph is in the DOM: level of detail, nodes, edges, port labels, minimap shapes. */
export async function printDomSummary(page: Page): Promise<void> {
  const dom = await page.evaluate(() => ({
    detail: document.querySelector('[data-testid="topology"]')?.getAttribute('data-detail'),
    nodes: document.querySelectorAll('.react-flow__node').length,
    edges: document.querySelectorAll('.react-flow__edge').length,
    labels: document.querySelectorAll('.edge-port').length,
    minimap: document.querySelectorAll('.react-flow__minimap rect').length,
  }));
  console.log('DOM at the end:', JSON.stringify(dom));
}

/** The 45 functions with the most self time, then with the most total time (recursion counted once). */
export function printHotFunctions(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i] / 1000);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  const walk = (id: number, stack: Set<string>): number => {
    const n = byId.get(id);
    if (!n) return 0;
    let t = self.get(id) ?? 0;
    const k = name(n);
    selfBy.set(k, (selfBy.get(k) ?? 0) + t);
    const inner = new Set(stack).add(k);
    for (const c of n.children ?? []) t += walk(c, inner);
    if (!stack.has(k)) totalBy.set(k, (totalBy.get(k) ?? 0) + t);
    return t;
  };
  walk(profile.nodes[0].id, new Set());
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`\nself:\n${top(selfBy)}\n\ntotal:\n${top(totalBy)}`);
}
