/**
 * Figure 3: long tasks on the main thread while 20 pod readiness flips a second run for 10 s. Each flip is an
 * `appHealth` command turning a kuard pod's /ready off or on, followed by a 1 s `advance` so its readiness
 * probe (period 1 s, failureThreshold 1) sees the change and the endpoint edge changes style.
 */
import type { Browser } from '@playwright/test';
import type { Figure } from '../figures';
import { flippingKuard, webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';

const perSecond = 20;
const seconds = 10;
const kuardPods = 20;

interface FlipResult {
  longTasks: number[];
  flips: number;
  failedReplies: number;
  /** Changes seen on the flipping pods' edges (attribute or re-inserted element): proof the canvas followed. */
  edgeChanges: number;
  lastReplyMs: number;
}

/** Runs in the page: the flips at a steady cadence, with a long-task observer around them. */
async function flipInPage(o: { pods: string[]; perSecond: number; seconds: number }): Promise<FlipResult> {
  const longTasks: number[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  po.observe({ type: 'longtask' });
  // React Flow may re-insert an edge element (endpoint order changes) instead of updating its attribute
  let edgeChanges = 0;
  const flipEdge = '[data-testid^="rf__edge-ep:default/flip/"]';
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && (r.target as Element).matches(flipEdge)) edgeChanges++;
      for (const n of r.addedNodes) if (n instanceof Element && (n.matches(flipEdge) || n.querySelector(flipEdge))) edgeChanges++;
    }
  });
  mo.observe(document.querySelector('.react-flow') ?? document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  const send = window.svcsim?.send;
  if (!send) throw new Error('no window.svcsim.send');
  const ready = new Map<string, boolean>();
  const replies: Promise<{ ok: boolean }>[] = [];
  const total = o.perSecond * o.seconds;
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    // scheduled against the start, so a late flip does not push every later one back
    const due = start + (k * 1000) / o.perSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const pod = o.pods[k % o.pods.length];
    const next = !(ready.get(pod) ?? true);
    ready.set(pod, next);
    replies.push(send({ type: 'appHealth', namespace: 'default', pod, check: 'ready', ok: next }));
    replies.push(send({ type: 'advance', ms: 1000 }));
  }
  const settled = await Promise.all(replies);
  const lastReplyMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 500));
  for (const e of po.takeRecords()) longTasks.push(e.duration);
  po.disconnect();
  mo.disconnect();
  return { longTasks, flips: total, failedReplies: settled.filter((r) => !r.ok).length, edgeChanges, lastReplyMs };
}

export async function readinessFlipBench(browser: Browser, appUrl: string): Promise<Figure[]> {
  // one pod's edge is timed: draw every pod (the grouped view merges edges)
  const { context, page } = await openPlayground(browser, appUrl, 'pods');
  // the kuard pods first, so they take the first slots on the nodes and are in view: the flips change drawn edges
  await loadCluster(page, `${flippingKuard(kuardPods)}---\n${webTier(10, 10)}`, 100 + kuardPods);
  // every kuard pod flips, drawn or not: the canvas draws only the pods near the view (src/graph/edgeCulling.ts),
  // and a change to a pod out of view must not block the page either
  const pods = await page.evaluate(async () => {
    const r = await window.svcsim?.send({ type: 'terminal', session: 'bench', line: 'kubectl get pods -l app=flip -o name' });
    const out = r?.ok && r.value?.kind === 'terminal' ? r.value.output.map((c) => c.text).join('') : '';
    return out.split('\n').filter(Boolean).map((l) => l.replace('pod/', ''));
  });
  if (pods.length !== kuardPods) throw new Error(`expected ${kuardPods} kuard pods, found ${pods.length}`);
  const drawn = await page.evaluate(() => document.querySelectorAll('[data-testid^="rf__node-pod:default/flip-"]').length);
  const r = await page.evaluate(flipInPage, { pods, perSecond, seconds });
  await context.close();
  if (r.failedReplies) throw new Error(`${r.failedReplies} flip commands failed`);
  const longest = Math.max(0, ...r.longTasks);
  return [
    {
      name: `long tasks > 50 ms during ${perSecond} readiness flips/s for ${seconds} s`,
      value: r.longTasks.length,
      unit: 'tasks',
      budget: '0',
      pass: r.longTasks.length === 0,
      note: `${r.flips} flips over ${pods.length} kuard pods among ${100 + kuardPods} (those in view drawn: ${drawn}); ${r.edgeChanges} flipping-edge DOM updates seen; last reply ${r.lastReplyMs.toFixed(0)} ms after the first flip`,
    },
    { name: 'longest long task in that window', value: longest, unit: 'ms', note: r.longTasks.length ? `all: ${r.longTasks.map((d) => d.toFixed(0)).join(', ')} ms` : 'none' },
  ];
}
