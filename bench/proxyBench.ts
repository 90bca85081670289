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

/** Median CPU ms of `runs` runs of `fn`, after two runs that warm up the JIT. */
function median(runs: number, fn: () => number): number {
  fn();
  fn();
  const xs = Array.from({ length: runs }, fn).sort((a, b) => a - b);
  return xs[Math.floor(runs / 2)];
}

/**
 * One endpoint change as a node lives it: the watch event reaches the tracker, each node's proxier syncs the
 * changed Service, and the Service's rules are rendered (what the next read — a packet walk, iptables-save, the
 * Rules view — does first; the rest of the tables stay as they were). With several nodes, each renders it
 * too: nodes with the same inputs share the rules, which is what keeps 100 nodes cheap.
 */
function incrementalMs(services: number, nodes = 1): number {
  const t = trackerOf(services, 10);
  const ps = Array.from({ length: nodes }, (_, n) => new IptablesProxier({ ...node, name: `kind-worker${n || ''}` }));
  for (const p of ps) {
    p.sync(t, undefined);
    p.table('nat');
  }
  let gen = 0;
  const rounds = 200;
  let rules = 0;
  const total = cpuMs(() => {
    for (let r = 0; r < rounds; r++) {
      const i = r % services;
      const key = `bench/svc-${i}`;
      t.onSliceChange(slice(i, 10, ++gen));
      for (const p of ps) {
        p.sync(t, new Set([key]));
        rules += p.serviceRules(key).length;
      }
    }
  });
  if (rules !== rounds * nodes) throw new Error(`rendered ${rules} Service ports, expected ${rounds * nodes}`);
  return total / rounds;
}

export function proxyBench(): Figure[] {
  // cold every time: a new tracker (nothing hashed, no endpoints computed, no rules rendered) and a new proxier;
  // the first runs are dropped, as they time V8 compiling the code rather than the code
  const full = median(9, () => {
    const fresh = trackerOf(1000, 10);
    return cpuMs(() => {
      const p = new IptablesProxier(node);
      p.sync(fresh, undefined);
      p.table('nat');
      p.table('filter');
    });
  });
  const t = trackerOf(1000, 10);
  const p = new IptablesProxier(node);
  p.sync(t, undefined);
  const save = cpuMs(() => iptablesSave((x) => p.table(x), 0));
  const inc1000 = incrementalMs(1000);
  const inc100 = incrementalMs(100);
  const inc100nodes = incrementalMs(1000, 100);

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
    { name: 'iptables full sync: 1,000 Services / 10,000 endpoints (rules built, tables assembled)', value: full, unit: 'ms CPU', ...atMost(full, 100, 'ms'), note: 'cold: chain names hashed, endpoints and rules built from scratch (median of 9, after 2 JIT warm-up runs)' },
    { name: 'iptables-save text of that node', value: save, unit: 'ms CPU', note: `${iptablesSave((x) => p.table(x), 0).split('\n').length} lines` },
    { name: 'one endpoint change, incremental sync (1,000 Services)', value: inc1000, unit: 'ms CPU', ...atMost(inc1000, 1, 'ms'), note: 'tracker update, sync, the changed Service rendered' },
    { name: 'one endpoint change, incremental sync (100 Services)', value: inc100, unit: 'ms CPU', ...atMost(inc100, 1, 'ms'), note: 'flat in cluster size' },
    { name: 'one endpoint change, synced and rendered by 100 nodes (1,000 Services)', value: inc100nodes, unit: 'ms CPU', note: 'nodes with the same inputs share the rendered rules' },
    { name: 'one traced connection pod → ClusterIP (iptables, 3 endpoints)', value: connectUs, unit: 'µs CPU', ...atMost(connectUs, 50, 'µs') },
  ];
}
