/**
 * Where your machine (the kind host) reaches a Service: a LoadBalancer's ingress IP on its port, else a node's
 * InternalIP on the NodePort (kind's nodes are containers on the host's `kind` network), else the ClusterIP —
 * which the host has no route to, and the trace says so.
 */
import type { WireObject } from '../../protocol/objects';

/** The part of the mirror read here (`MirrorObjects` in src/state/clusterMirror.ts). */
export interface ObjectsByKind {
  get(key: string): WireObject | undefined;
  ofKind(kind: string): ReadonlyMap<string, WireObject>;
}

export const machineClient = 'your machine';

interface SvcShape {
  spec?: { type?: string; clusterIP?: string; ports?: { port?: number; nodePort?: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}

/** The first worker's InternalIP (kind's nodes sorted by name: kind-control-plane, kind-worker, …). */
function workerIP(objects: ObjectsByKind): string | undefined {
  const nodes = [...objects.ofKind('Node').entries()].sort(([a], [b]) => a.localeCompare(b));
  const pick = nodes.find(([k]) => !k.endsWith('control-plane')) ?? nodes[0];
  const addresses = (pick?.[1].status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses;
  return addresses?.find((a) => a.type === 'InternalIP')?.address;
}

export function hostTarget(objects: ObjectsByKind, service: string): { to: string; port: number } | undefined {
  const svc = objects.get(`Service/${service}`) as unknown as SvcShape | undefined;
  const port = svc?.spec?.ports?.[0];
  if (!svc || !port) return undefined;
  const lb = svc.status?.loadBalancer?.ingress?.[0]?.ip;
  if (lb && port.port) return { to: lb, port: port.port };
  const node = workerIP(objects);
  if (port.nodePort && node) return { to: node, port: port.nodePort };
  return svc.spec?.clusterIP && port.port ? { to: svc.spec.clusterIP, port: port.port } : undefined;
}
