/**
 * What a traced connection touched, named as the canvas names things: the client, the Service whose rules
 * rewrote it, the node it entered, the pod that answered. Read from the engine's trace and the store, so the UI
 * only draws what the engine decided.
 */
import type { Cluster } from '../engine';
import type { Service } from '../engine/api/types';
import type { ConnectionTrace } from '../engine/net/trace';
import type { WireTraceStep } from '../protocol/messages';

/** The Service (`namespace/name`) a connection to `ip:port` meets: by ClusterIP, NodePort on a node IP, or LB ingress IP. */
export function serviceForDestination(cluster: Cluster, ip: string, port: number): string | undefined {
  const listed = cluster.list('Service');
  if (!listed.ok) return undefined;
  const nodeIPs = new Set(cluster.config.nodes.map((n) => n.ip));
  const isNode = nodeIPs.has(ip);
  for (const svc of listed.value.items as Service[]) {
    const ports = svc.spec?.ports ?? [];
    const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip);
    const hit =
      (ips.includes(ip) && ports.some((p) => p.port === port)) ||
      (isNode && ports.some((p) => p.nodePort === port)) ||
      (lbIPs.includes(ip) && ports.some((p) => p.port === port));
    if (hit) return `${svc.metadata?.namespace ?? 'default'}/${svc.metadata?.name ?? ''}`;
  }
  return undefined;
}

/** A trace step as the wire carries it: its text, and the node or pod it happened at, for the canvas. */
export function wireStep(s: ConnectionTrace['steps'][number], entry: string | undefined): WireTraceStep {
  switch (s.kind) {
    case 'send':
      return { kind: s.kind, text: s.text, ...(s.node ? { node: s.node } : {}) };
    case 'rule':
      // the chain and mode ride along: the sequence diagram names the chains the packet walked
      return { kind: s.kind, text: s.text, mode: s.mode, ...(s.chain ? { chain: s.chain } : {}), ...((s.node ?? entry) ? { node: s.node ?? entry } : {}) };
    case 'snat':
      // after a node hop the step names its own node (trace.ts)
      return { kind: s.kind, text: `${s.from} → ${s.to}`, ...((s.node ?? entry) ? { node: s.node ?? entry } : {}) };
    case 'dns':
      return { kind: s.kind, text: s.text, name: s.name, server: s.server, ...(s.answer ? { answer: s.answer } : {}) };
    case 'dnat':
      return { kind: s.kind, text: `${s.from} → ${s.to}`, ...((s.node ?? entry) ? { node: s.node ?? entry } : {}) };
    case 'hop':
      return { kind: s.kind, text: s.text, node: s.to, from: s.from };
    case 'deliver':
      return { kind: s.kind, text: s.text, node: s.node, pod: s.pod };
    default:
      return { kind: s.kind, text: s.text };
  }
}
