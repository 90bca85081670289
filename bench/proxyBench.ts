/**
 * kube-proxy and data-plane benchmarks (issue 9 §7): a full iptables sync of 1,000 Services with 10,000
 * endpoints, one endpoint change synced incrementally (flat in cluster size), and one traced connection
 * through a node's rules. CPU time is the process's user + system time.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { IptablesProxier } from '../src/engine/proxy/iptables/iptablesProxier';
import { iptablesSave } from '../src/engine/proxy/iptables/iptablesSave';
import { ServiceChangeTracker } from '../src/engine/proxy/serviceChangeTracker';
import { nginxCluster } from '../src/engine/net/testing';
import { atMost, type Figure } from './figures';

const node = { name: 'kind-worker', ip: '172.18.0.3', clusterCIDR: '10.244.0.0/16' };

function service(i: number): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace: 'bench', name: `svc-${i}` },
    spec: { type: i % 10 === 0 ? 'NodePort' : 'ClusterIP', clusterIP: `10.96.${(i >> 8) & 255}.${i & 255}`, ports: [{ name: 'http', port: 80, protocol: 'TCP', ...(i % 10 === 0 ? { nodePort: 30000 + i } : {}) }] },
  };
}

function slice(i: number, perService: number, gen = 0): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace: 'bench', name: `svc-${i}-abcde`, labels: { 'kubernetes.io/service-name': `svc-${i}` } },
    addressType: 'IPv4',
    endpoints: Array.from({ length: perService }, (_, k) => {
      const n = i * perService + k + gen;
      return { addresses: [`10.244.${(n >> 8) & 255}.${n & 255}`], nodeName: `kind-worker${n % 3 || ''}`, conditions: { ready: true } };
    }),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function trackerOf(services: number, perService: number): ServiceChangeTracker {
  const t = new ServiceChangeTracker();
  for (let i = 0; i < services; i++) {
    t.onServiceChange(service(i));
    t.onSliceChange(slice(i, perService));
  }
  return t;
}

/** Median CPU ms of `runs` runs of `fn`. */
function median(runs: number, fn: () => number): number {
  const xs = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return xs[Math.floor(runs / 2)];
}

function incrementalMs(services: number): number {
  const t = trackerOf(services, 10);
  const p = new IptablesProxier(node);
  p.sync(t, undefined);
  p.table('nat');
  let gen = 0;
  const rounds = 200;
  const total = cpuMs(() => {
    for (let r = 0; r < rounds; r++) {
      const i = r % services;
      t.onSliceChange(slice(i, 10, ++gen));
      p.sync(t, new Set([`bench/svc-${i}`]));
    }
  });
  return total / rounds;
}

export function proxyBench(): Figure[] {
  const t = trackerOf(1000, 10);
  const full = median(5, () =>
    cpuMs(() => {
      const p = new IptablesProxier(node);
      p.sync(t, undefined);
      p.table('nat');
      p.table('filter');
    }),
  );
  const p = new IptablesProxier(node);
  p.sync(t, undefined);
  const save = cpuMs(() => iptablesSave((x) => p.table(x), 0));
  const inc1000 = incrementalMs(1000);
  const inc100 = incrementalMs(100);

  const c = nginxCluster(3);
  const svc = c.get('Service', 'default', 'nginx');
  const ip = svc.ok ? (svc.value.spec?.clusterIP ?? '') : '';
  const pods = c.list('Pod', { namespace: 'default' });
  const from = { pod: pods.ok ? (pods.value.items[0].metadata?.name ?? '') : '' };
  for (let i = 0; i < 1000; i++) c.net.connect({ from, to: ip, port: 80 });
  const n = 10_000;
  const connectUs = (cpuMs(() => {
    for (let i = 0; i < n; i++) c.net.connect({ from, to: ip, port: 80 });
  }) * 1000) / n;

  return [
    { name: 'iptables full sync: 1,000 Services / 10,000 endpoints (rules built, tables assembled)', value: full, unit: 'ms CPU', ...atMost(full, 100, 'ms') },
    { name: 'iptables-save text of that node', value: save, unit: 'ms CPU', note: `${iptablesSave((x) => p.table(x), 0).split('\n').length} lines` },
    { name: 'one endpoint change, incremental sync (1,000 Services)', value: inc1000, unit: 'ms CPU', ...atMost(inc1000, 1, 'ms') },
    { name: 'one endpoint change, incremental sync (100 Services)', value: inc100, unit: 'ms CPU', ...atMost(inc100, 1, 'ms'), note: 'flat in cluster size' },
    { name: 'one traced connection pod → ClusterIP (iptables, 3 endpoints)', value: connectUs, unit: 'µs CPU', ...atMost(connectUs, 50, 'µs') },
  ];
}
