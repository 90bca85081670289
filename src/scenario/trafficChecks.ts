/**
 * The data-plane checks: `traffic` asserts on what the scenario's last `svcsim load` / `svcsim trace` sent (kept
 * by the scenario shell, so evaluating a check sends nothing: a probe would draw from the cluster's PRNG and
 * change every name and IP after it, and replay would no longer be exact), `proxyMode` on the mode each node's
 * kube-proxy runs.
 */
import type { Node } from 'yaml';
import type { Cluster } from '../engine';
import type { TrafficObservation } from '../kubectl/svcsim/svcsimCommand';
import { type ScenarioCheck, type TrafficOutcome, trafficOutcomes } from './types';
import type { YamlReader } from './yamlReader';

type TrafficCheck = Extract<ScenarioCheck, { type: 'traffic' }>;
type ProxyModeCheck = Extract<ScenarioCheck, { type: 'proxyMode' }>;

export function readTrafficCheck(r: YamlReader, node: Node, path: string): TrafficCheck | undefined {
  const m = r.map(node, path, ['outcome', 'pods', 'clientIP']);
  if (!m) return undefined;
  const check: TrafficCheck = { type: 'traffic' };
  const outcome = m.get('outcome');
  if (outcome !== undefined) check.outcome = r.oneOf(outcome, `${path}.outcome`, trafficOutcomes);
  const pods = m.get('pods');
  if (pods !== undefined) check.pods = r.int(pods, `${path}.pods`);
  const ip = m.get('clientIP');
  if (ip !== undefined) check.clientIP = r.oneOf(ip, `${path}.clientIP`, ['kept', 'replaced'] as const);
  if (m.size === 0) r.error(node, path, 'needs outcome, pods or clientIP');
  for (const k of Object.keys(check) as (keyof TrafficCheck)[]) if (check[k] === undefined) delete check[k];
  return check;
}

export function readProxyModeCheck(r: YamlReader, node: Node, path: string): ProxyModeCheck | undefined {
  const m = r.map(node, path, ['mode', 'node']);
  if (!m) return undefined;
  const modeNode = r.required(m, 'mode', path, node);
  const mode = modeNode === undefined ? undefined : r.oneOf(modeNode, `${path}.mode`, ['iptables', 'ipvs', 'nftables', 'userspace'] as const);
  const nodeName = m.get('node') === undefined ? undefined : r.str(m.get('node'), `${path}.node`);
  return mode === undefined ? undefined : { type: 'proxyMode', mode, ...(nodeName !== undefined ? { node: nodeName } : {}) };
}

const outcomeWords: Record<TrafficOutcome, string> = { connected: 'answered', refused: 'refused', timeout: 'timed out', 'no-route': 'found no route' };

export function evaluateTraffic(check: TrafficCheck, seen: TrafficObservation | undefined): { ok: boolean; expected: string; actual: string } {
  const want = [
    check.outcome === undefined ? '' : `every connection ${outcomeWords[check.outcome]}`,
    check.pods === undefined ? '' : `${check.pods} pod${check.pods === 1 ? '' : 's'} answered`,
    check.clientIP === undefined ? '' : check.clientIP === 'kept' ? "the pod saw the client's own IP" : "the pod saw a node's IP (SNAT)",
  ].filter(Boolean);
  const expected = `traffic: ${want.join(', ')}`;
  if (!seen) return { ok: false, expected, actual: 'no svcsim load or trace has run' };
  const connected = seen.sent - Object.values(seen.failed).reduce((a, n) => a + (n ?? 0), 0);
  const outcomes = [connected ? `${connected} connected` : '', ...Object.entries(seen.failed).map(([o, n]) => `${n} ${o}`)].filter(Boolean);
  const first = seen.first;
  const kept = first?.seenSource !== undefined ? first.seenSource === first.source : undefined;
  const actual = [
    outcomes.join(', '),
    `${seen.pods.length} pod${seen.pods.length === 1 ? '' : 's'} answered`,
    kept === undefined ? '' : `the pod saw ${first?.seenSource}${kept ? ' (the client)' : ''}`,
  ]
    .filter(Boolean)
    .join('; ');
  const outcomeOk =
    check.outcome === undefined || (check.outcome === 'connected' ? connected === seen.sent : seen.failed[check.outcome] === seen.sent);
  const podsOk = check.pods === undefined || check.pods === seen.pods.length;
  const ipOk = check.clientIP === undefined || kept === (check.clientIP === 'kept');
  return { ok: outcomeOk && podsOk && ipOk, expected, actual: `${actual} (${seen.command})` };
}

export function evaluateProxyMode(cluster: Cluster, check: ProxyModeCheck): { ok: boolean; expected: string; actual: string } {
  const nodes = check.node ? [check.node] : cluster.proxies.nodes().sort();
  const modes = nodes.map((n) => `${n} ${cluster.proxies.proxier(n)?.mode ?? 'no kube-proxy'}`);
  const ok = nodes.length > 0 && nodes.every((n) => cluster.proxies.proxier(n)?.mode === check.mode);
  return { ok, expected: `kube-proxy mode ${check.mode} on ${check.node ?? 'every node'}`, actual: modes.join(', ') || 'no nodes' };
}
