/**
 * `docker ps` on the user's machine: the kind node containers (image `kindest/node:<version>`), the control
 * plane publishing the API server on a random localhost port, and any `extraPortMappings`
 * (docker/cli cli/command/formatter/container.go: column widths and "About a minute ago"-style durations from
 * go-units HumanDuration).
 */
import type { Cluster } from '../../engine';
import { hexOf } from './nodeIds';

/** go-units `HumanDuration`. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(ms / 60_000);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(ms / 3_600_000);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** The localhost port docker picked for the API server (deterministic per cluster). */
export function apiServerHostPort(cluster: Cluster): number {
  return 32768 + (Number.parseInt(hexOf(`${cluster.config.name}/${cluster.config.seed}/apiserver`).slice(0, 4), 16) % 28000);
}

export function dockerPs(cluster: Cluster): string {
  // the nodes were created a minute before the cluster's start time (kind create cluster takes about that long)
  const age = cluster.now() - cluster.config.startTime + 60_000;
  const rows = cluster.config.nodes.map((n) => {
    const ports: string[] = [];
    if (n.role === 'control-plane') ports.push(`127.0.0.1:${apiServerHostPort(cluster)}->6443/tcp`);
    for (const m of cluster.config.extraPortMappings.filter((x) => x.node === n.name)) ports.push(`0.0.0.0:${m.hostPort}->${m.containerPort}/${(m.protocol ?? 'TCP').toLowerCase()}`);
    return [hexOf(`${cluster.config.seed}/${n.name}`).slice(0, 12), `kindest/node:${cluster.config.kubernetesVersion}`, '"/usr/local/bin/entr…"', `${humanDuration(age)} ago`, `Up ${humanDuration(age - 5000)}`, ports.join(', '), n.name];
  });
  const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return `${all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')).join('\n')}\n`;
}

