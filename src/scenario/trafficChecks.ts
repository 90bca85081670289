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
import { type CheckResult, checkPhrase, checkResult } from './checkWords';
import { type Phrase, phraseList } from '../shared/phrase';

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

/** What the last traffic shows: how it ended, how many pods answered, which source address the pod saw. */
export function evaluateTraffic(check: TrafficCheck, seen: TrafficObservation | undefined): CheckResult {
  const want = [
    check.outcome !== undefined && checkPhrase(`traffic.all.${check.outcome}`),
    check.pods !== undefined && answered(check.pods),
    check.clientIP !== undefined && checkPhrase(check.clientIP === 'kept' ? 'traffic.clientKept' : 'traffic.clientReplaced'),
  ].filter((p): p is Phrase => p !== false);
  const expected = checkPhrase('traffic', { want: phraseList(want) });
  if (!seen) return checkResult(false, expected, checkPhrase('traffic.none'));
  const connected = seen.sent - Object.values(seen.failed).reduce((a, n) => a + (n ?? 0), 0);
  const outcomes = [
    ...(connected ? [checkPhrase('traffic.connected', { n: connected })] : []),
    ...Object.entries(seen.failed).map(([o, n]) => checkPhrase(`traffic.${o as Exclude<TrafficOutcome, 'connected'>}`, { n: n ?? 0 })),
  ];
  const first = seen.first;
  const kept = first?.seenSource !== undefined ? first.seenSource === first.source : undefined;
  const found = [
    ...(outcomes.length ? [checkPhrase('all', { items: phraseList(outcomes) })] : []),
    answered(seen.pods.length),
    ...(kept === undefined ? [] : [checkPhrase(kept ? 'traffic.sawClient' : 'traffic.saw', { ip: String(first?.seenSource) })]),
  ];
  const outcomeOk =
    check.outcome === undefined || (check.outcome === 'connected' ? connected === seen.sent : seen.failed[check.outcome] === seen.sent);
  const podsOk = check.pods === undefined || check.pods === seen.pods.length;
  const ipOk = check.clientIP === undefined || kept === (check.clientIP === 'kept');
  return checkResult(outcomeOk && podsOk && ipOk, expected, checkPhrase('traffic.found', { seen: phraseList(found, 'semicolon'), command: seen.command }));
}

const answered = (n: number) => checkPhrase(n === 1 ? 'traffic.podAnswered' : 'traffic.podsAnswered', { n });

export function evaluateProxyMode(cluster: Cluster, check: ProxyModeCheck): CheckResult {
  const nodes = check.node ? [check.node] : cluster.proxies.nodes().sort();
  const modes = nodes.map((n) => {
    const mode = cluster.proxies.proxier(n)?.mode;
    return mode ? checkPhrase('proxyMode.node', { node: n, mode }) : checkPhrase('proxyMode.noProxy', { node: n });
  });
  const ok = nodes.length > 0 && nodes.every((n) => cluster.proxies.proxier(n)?.mode === check.mode);
  const expected = check.node !== undefined ? checkPhrase('proxyMode', { mode: check.mode, node: check.node }) : checkPhrase('proxyMode.everyNode', { mode: check.mode });
  return checkResult(ok, expected, modes.length ? checkPhrase('all', { items: phraseList(modes) }) : checkPhrase('proxyMode.noNodes'));
}
