/**
 * A smaller settle than `npm run bench`'s, for iterating on the engine's per-write cost:
 * `npx tsx bench/settleVariant.ts PODS SERVICES NODES [--no-proxy]` prints the CPU time of the settle
 * (`process.cpuUsage`, which a shared machine disturbs less than wall time) and a hash of what it wrote.
 */
import { createHash } from 'node:crypto';
import { buildCluster } from './engineBench';

const [pods, services, nodes] = process.argv.slice(2, 5).map(Number);
const kubeProxies = !process.argv.includes('--no-proxy');
const built = buildCluster(pods || 2000, services || 200, nodes || 10, { kubeProxies });
const h = createHash('sha256');
for (const kind of ['Pod', 'Event', 'EndpointSlice', 'Endpoints', 'ReplicaSet', 'Deployment'] as const) {
  for (const o of built.cluster.store.list(kind)) h.update(JSON.stringify(o));
}
console.log(
  `${pods} pods / ${services} Services / ${nodes} nodes${kubeProxies ? '' : ' (no kube-proxy)'}: CPU ${built.cpuMs.toFixed(0)} ms ` +
    `(creates ${built.applyCpuMs.toFixed(0)}, advance ${built.advanceCpuMs.toFixed(0)}), wall ${built.ms.toFixed(0)} ms, rv ${built.cluster.store.resourceVersion}, state ${h.digest('hex').slice(0, 16)}`,
);
