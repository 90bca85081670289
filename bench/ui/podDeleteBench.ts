/**
 * Figure 2: from the command that deletes a pod (grace period 0) to its endpoint edge leaving the DOM, at 100
 * pods (10 Deployments × 10 behind 10 Services).
 */
import type { Browser } from '@playwright/test';
import { atMost, type Figure } from '../figures';
import { webTier } from './manifests';
import { loadCluster, openPlayground } from './playground';
import { median, p95 } from './stats';

const repetitions = 25;

interface Victim {
  svc: string;
  pod: string;
}

/** Runs in the page: sends the delete and resolves with the ms until a MutationObserver sees the edge gone. */
function deleteAndTimeInPage(v: Victim): Promise<number> {
  const selector = `[data-testid="rf__edge-ep:default/${v.svc}/${v.pod}"]`;
  const flow = document.querySelector('.react-flow');
  if (!flow || !document.querySelector(selector)) throw new Error(`no edge ${selector} to delete`);
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${selector} still there after 5 s`)), 5000);
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) return;
      const t1 = performance.now();
      observer.disconnect();
      clearTimeout(timeout);
      resolve(t1 - t0);
    });
    observer.observe(flow, { childList: true, subtree: true });
    const t0 = performance.now();
    void window.svcsim?.send({ type: 'delete', kind: 'Pod', namespace: 'default', name: v.pod, gracePeriodSeconds: 0 });
  });
}

/** Ready endpoint edges, one Service after another, so consecutive deletions hit different Services. */
function victimsInPage(): Victim[] {
  const bySvc = new Map<string, string[]>();
  for (const el of document.querySelectorAll('[data-testid^="rf__edge-ep:default/"][data-ready="true"]')) {
    const [svc, pod] = (el.getAttribute('data-testid') ?? '').slice('rf__edge-ep:default/'.length).split('/');
    bySvc.set(svc, [...(bySvc.get(svc) ?? []), pod]);
  }
  const lists = [...bySvc.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const out: Victim[] = [];
  for (let i = 0; lists.some(([, pods]) => i < pods.length); i++) for (const [svc, pods] of lists) if (i < pods.length) out.push({ svc, pod: pods[i] });
  return out;
}

export async function podDeleteBench(browser: Browser, appUrl: string): Promise<Figure[]> {
  // one pod's edge is timed: draw every pod (the grouped view merges edges)
  const { context, page } = await openPlayground(browser, appUrl, 'pods');
  await loadCluster(page, webTier(10, 10), 100);
  const victims = (await page.evaluate(victimsInPage)).slice(0, repetitions);
  const times: number[] = [];
  for (const v of victims) {
    times.push(await page.evaluate(deleteAndTimeInPage, v));
    // let the replacement pod's diffs land before the next deletion
    await page.waitForTimeout(300);
  }
  await context.close();
  const med = median(times);
  return [
    {
      name: 'pod delete → its edge gone from the DOM, median (100 pods)',
      value: med,
      unit: 'ms',
      ...atMost(med, 50, 'ms'),
      note: `${times.length} deletions (grace 0) through window.svcsim.send; min ${Math.min(...times).toFixed(1)} ms`,
    },
    { name: 'pod delete → its edge gone from the DOM, p95 (100 pods)', value: p95(times), unit: 'ms', note: `max ${Math.max(...times).toFixed(1)} ms` },
  ];
}
