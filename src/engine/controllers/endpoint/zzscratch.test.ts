import { it } from 'vitest';
import { Cluster } from '../../cluster';
import type { Pod } from '../../api/types';
it('scratch', () => {
  const c = new Cluster({ freezeObjects: true });
  c.create('Node', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'no-kubelet' }, spec: { taints: [{ key: 'svcsim.test/no-kubelet', effect: 'NoSchedule' }] } } as never);
  console.log('running?', c.simulation.isNodeRunning('no-kubelet'));
  c.create('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'alpaca-prod', namespace: 'default' }, spec: { selector: { app: 'alpaca' }, ports: [{ port: 8000, targetPort: 8080 }] } });
  const sl = () => JSON.stringify(c.store.list('EndpointSlice', 'default').filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'alpaca-prod').map((s) => [s.metadata?.name, s.metadata?.annotations, s.endpoints, s.ports]));
  c.watch('EndpointSlice', { namespace: 'default' }, (e) => console.log((c.now() % 1e6) / 1000, e.type, JSON.stringify((e.object as any).endpoints)));
  const mk = () => c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'alpaca-prod', namespace: 'default', labels: { app: 'alpaca' } }, spec: { containers: [{ name: 'alpaca', image: 'gcr.io/kuar-demo/kuard-amd64:blue', ports: [{ containerPort: 8080, name: 'http' }] }] } });
  mk();
  const pod = () => c.store.get('Pod', 'default/alpaca-prod') as Pod | undefined;
  const ready = () => pod()?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
  console.log(c.runUntil(ready, 120_000), JSON.stringify(pod()?.status?.conditions), sl());
  c.delete('Pod', 'default', 'alpaca-prod');
  console.log('after delete', sl());
  console.log(c.runUntil(() => !pod(), 60_000));
  console.log('gone', sl());
  mk();
  console.log(c.runUntil(ready, 120_000), sl());
  c.delete('Pod', 'default', 'alpaca-prod', { gracePeriodSeconds: 0 });
  console.log('grace0', !!pod(), sl());
  // hand pod on no-kubelet node
  const r = c.create('Pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'h', namespace: 'default', labels: { app: 'alpaca' } }, spec: { nodeName: 'no-kubelet', containers: [{ name: 'alpaca', image: 'gcr.io/kuar-demo/kuard-amd64:blue' }] } });
  if (r.ok) c.updateStatus('Pod', { ...r.value, status: { phase: 'Running', podIP: '10.244.9.9', podIPs: [{ ip: '10.244.9.9' }], conditions: [{ type: 'Ready', status: 'True' }] } });
  c.advance(300_000);
  console.log(JSON.stringify(c.store.get('Pod', 'default/h')?.status), JSON.stringify(c.store.get('Node', 'no-kubelet')));
});
