/**
 * What a pod asks of a node, as kube-scheduler computes it once per pod: CPU and memory requests
 * (`resource.PodRequests`: containers summed, init containers as a maximum, sidecars added), the
 * "non-zero" requests used for scoring (100m CPU / 200Mi memory for a container that requests nothing,
 * `schedutil.DefaultMilliCPURequest` / `DefaultMemoryRequest`), and host ports.
 */
import { parseQuantity } from '../api/defaults/quantity';
import type { Container, Pod } from '../api/types';

const defaultMilliCpu = 100;
const defaultMemory = 200 * 1024 * 1024;

export interface PodResources {
  milliCpu: number;
  memory: number;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
  /** Host ports as `protocol/hostIP/port`. */
  hostPorts: string[];
}

/** CPU quantity → millicores, rounded up as `Quantity.MilliValue` does. */
export function milliCpu(q: string | number | undefined): number | undefined {
  const n = parseQuantity(q);
  if (n === undefined) return undefined;
  return Number((n + 999_999n) / 1_000_000n);
}

/** Memory (or any count) quantity → whole units, rounded up as `Quantity.Value` does. */
export function units(q: string | number | undefined): number | undefined {
  const n = parseQuantity(q);
  if (n === undefined) return undefined;
  return Number((n + 999_999_999n) / 1_000_000_000n);
}

function containerRequest(c: Container, resource: 'cpu' | 'memory'): number | undefined {
  // API defaulting copies limits into missing requests.
  const q = c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
  return resource === 'cpu' ? milliCpu(q) : units(q);
}

/** Requests and host ports of a pod. */
export function podResources(pod: Pod): PodResources {
  let cpu = 0;
  let mem = 0;
  let nzCpu = 0;
  let nzMem = 0;
  const hostPorts: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    const rc = containerRequest(c, 'cpu');
    const rm = containerRequest(c, 'memory');
    cpu += rc ?? 0;
    mem += rm ?? 0;
    nzCpu += rc ?? defaultMilliCpu;
    nzMem += rm ?? defaultMemory;
    for (const p of c.ports ?? []) if (p.hostPort) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
  }
  let sidecarCpu = 0;
  let sidecarMem = 0;
  for (const c of pod.spec?.initContainers ?? []) {
    const rc = containerRequest(c, 'cpu') ?? 0;
    const rm = containerRequest(c, 'memory') ?? 0;
    if (c.restartPolicy === 'Always') {
      // sidecars run alongside the app containers
      sidecarCpu += rc;
      sidecarMem += rm;
      cpu += rc;
      mem += rm;
      nzCpu += rc;
      nzMem += rm;
      continue;
    }
    cpu = Math.max(cpu, rc + sidecarCpu);
    mem = Math.max(mem, rm + sidecarMem);
  }
  const overhead = pod.spec?.overhead;
  if (overhead) {
    cpu += milliCpu(overhead.cpu) ?? 0;
    mem += units(overhead.memory) ?? 0;
  }
  return { milliCpu: cpu, memory: mem, nonZeroMilliCpu: nzCpu, nonZeroMemory: nzMem, hostPorts };
}
