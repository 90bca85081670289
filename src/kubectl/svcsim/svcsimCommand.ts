/**
 * `svcsim load` and `svcsim trace` (and `svcsim export`, the cluster as files for a real kind cluster): what no real tool prints in one place — which pod answered each connection
 * and how a Service spreads connections over its endpoints, from the rules the node really runs. Both shells
 * (the CLI and the browser terminal) run it beside kubectl and docker.
 *
 *   svcsim load TARGET [-n COUNT] [--from POD] [--namespace NS]   # per-endpoint histogram
 *   svcsim trace TARGET [--from POD] [--namespace NS]             # one connection, step by step
 *
 * TARGET is `name[:port]`, `ip:port` or an http URL; without a port, a Service's first port (else 80).
 */
import type { Cluster } from '../../engine';
import type { NetClient } from '../../engine/net/clusterNetwork';
import { parseUrl } from '../../engine/net/http/httpClient';
import { maxLoadCount, sendLoad } from '../../engine/net/trafficLoad';
import { exportForKind } from '../export/realClusterExport';
import type { ConnectionTrace, Outcome, TraceStep } from '../../engine/net/trace';

export interface SvcsimResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const usage = `Usage:
  svcsim load TARGET [-n COUNT] [--from POD] [--namespace NS]   send COUNT connections (default 100, at most ${maxLoadCount}) and count the pods that answered
  svcsim trace TARGET [--from POD] [--namespace NS]             follow one connection through the node's rules
  svcsim export kind|manifests                                   this cluster for a real one: kind.yaml, or the manifests to apply

TARGET: name[:port], IP:port or http://name[:port]; --from defaults to the first running pod of the namespace that does not back TARGET.
--from host sends from your machine (as curl on it would: a node IP, localhost through kind's extraPortMappings,
a LoadBalancer IP); --from node/NAME from a node (as docker exec NAME curl would).
`;

/** What one `svcsim load` or `trace` sent and where it went: scenario checks read it (it never changes the cluster). */
export interface TrafficObservation {
  command: string;
  sent: number;
  /** \`namespace/name\` of every pod that answered, each once. */
  pods: string[];
  /** Connections that reached no app, by outcome. */
  failed: Partial<Record<Exclude<Outcome, 'connected'>, number>>;
  /** The first connection, step by step. */
  first?: ConnectionTrace;
}

interface Parsed {
  verb: string;
  target: string;
  count: number;
  from?: string;
  namespace: string;
}

function parseArgs(args: string[]): Parsed | string {
  const [verb, ...rest] = args;
  let count = 100;
  let from: string | undefined;
  let namespace = 'default';
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const [flag, inline] = a.split('=', 2);
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined) throw new Error(`flag needs an argument: ${flag}`);
      return v;
    };
    if (a === '-n' || a.startsWith('--count')) count = Number(value());
    else if (a.startsWith('--from')) from = value();
    else if (a.startsWith('--namespace')) namespace = value();
    else if (a.startsWith('-')) return `svcsim: unknown flag: ${a}`;
    else positional.push(a);
  }
  if (!Number.isInteger(count) || count < 1 || count > maxLoadCount) return `svcsim: -n must be a whole number from 1 to ${maxLoadCount}`;
  if (positional.length !== 1) return '';
  return { verb, target: positional[0], count, from, namespace };
}

/** The client pod: --from, else the first running pod (by name) that the target Service does not select. */
function clientPod(cluster: Cluster, p: Parsed, host: string): string | undefined {
  if (p.from) return p.from;
  const svc = cluster.get('Service', p.namespace, host.split('.')[0]);
  const selector = svc.ok ? (svc.value.spec?.selector ?? {}) : {};
  const pods = cluster.list('Pod', { namespace: p.namespace });
  if (!pods.ok) return undefined;
  const backs = (labels: Record<string, string>) => Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
  return pods.value.items
    .filter((x) => x.status?.phase === 'Running' && x.status?.podIP && !backs(x.metadata?.labels ?? {}))
    .map((x) => x.metadata?.name ?? '')
    .sort()[0];
}

function defaultPort(cluster: Cluster, namespace: string, host: string): number {
  const svc = cluster.get('Service', namespace, host.split('.')[0]);
  return svc.ok ? (svc.value.spec?.ports?.[0]?.port ?? 80) : 80;
}

function stepLine(s: TraceStep): string {
  switch (s.kind) {
    case 'rule':
      return `  rule  ${s.chain ? `[${s.table ?? s.mode} ${s.chain}] ` : ''}${s.text}`;
    case 'dnat':
      return `  dnat  ${s.from} → ${s.to}`;
    case 'snat':
      return `  snat  ${s.from} → ${s.to}`;
    default:
      return `  ${s.kind.padEnd(5)} ${s.text}`;
  }
}

/** One connection's trace as text. */
export function formatTrace(t: ConnectionTrace): string {
  const head = `${t.client} (${t.source || '?'}) → ${t.destination}:${t.port}${t.node ? ` via ${t.node} (${t.mode} mode)` : ''}: ${t.outcome}${t.pod ? `, answered by ${t.pod} (${t.endpoint})` : ''}\n`;
  return head + t.steps.map((s) => `${stepLine(s)}\n`).join('');
}

/** `--from`: a pod name, `host` (your machine) or `node/NAME`. */
function clientOf(from: string, namespace: string): NetClient {
  if (from === 'host') return { host: true };
  if (from.startsWith('node/')) return { node: from.slice(5) };
  return { pod: from, namespace };
}

function clientLabel(from: NetClient, namespace: string): string {
  if ('host' in from) return 'your machine';
  if ('node' in from) return `node ${from.node}`;
  return `pod ${namespace}/${from.pod}`;
}

/** `observe` hears what was sent (the scenario shell keeps it for its traffic checks). */
export function runSvcsim(cluster: Cluster, args: string[], observe?: (o: TrafficObservation) => void): SvcsimResult {
  const verb = args[0];
  if (verb === 'export') {
    const which = args[1];
    if (args.length !== 2 || (which !== 'kind' && which !== 'manifests')) return { stdout: '', stderr: 'svcsim: export needs kind (the kind.yaml) or manifests (the manifests.yaml)\n', exitCode: 1 };
    const files = exportForKind(cluster);
    return { stdout: which === 'kind' ? files.kindConfig : files.manifests, stderr: '', exitCode: 0 };
  }
  if (verb !== 'load' && verb !== 'trace') return { stdout: '', stderr: verb === undefined || verb === 'help' || verb === '--help' ? usage : `svcsim: unknown command "${verb}"\n${usage}`, exitCode: verb === undefined || verb === 'help' || verb === '--help' ? 0 : 1 };
  let p: Parsed | string;
  try {
    p = parseArgs(args);
  } catch (e) {
    return { stdout: '', stderr: `svcsim: ${(e as Error).message}\n`, exitCode: 1 };
  }
  if (typeof p === 'string') return { stdout: '', stderr: p ? `${p}\n` : usage, exitCode: 1 };
  const url = parseUrl(p.target);
  if (!url) return { stdout: '', stderr: `svcsim: not a target: ${p.target}\n`, exitCode: 1 };
  const explicitPort = /:\d+(\/|$)/.test(p.target.replace(/^\w+:\/\//, ''));
  const port = explicitPort ? url.port : defaultPort(cluster, p.namespace, url.host);
  const pod = clientPod(cluster, p, url.host);
  if (!pod) return { stdout: '', stderr: `svcsim: no running client pod in namespace ${p.namespace}: pass --from POD\n`, exitCode: 1 };
  const from = clientOf(pod, p.namespace);
  const command = `svcsim ${args.join(' ')}`;
  if (verb === 'trace') {
    const t = cluster.net.connect({ from, to: url.host, port });
    const failed = t.outcome === 'connected' && t.pod ? {} : { [t.outcome === 'connected' ? 'refused' : t.outcome]: 1 };
    observe?.({ command, sent: 1, pods: t.outcome === 'connected' && t.pod ? [t.pod] : [], failed, first: t });
    return { stdout: formatTrace(t), stderr: '', exitCode: t.outcome === 'connected' ? 0 : 1 };
  }
  const r = sendLoad(cluster, { from, to: url.host, port, count: p.count });
  const first = r.first;
  observe?.({ command, sent: r.sent, pods: r.endpoints.map((e) => e.pod).filter((x, i, all) => all.indexOf(x) === i), failed: r.failed, first });
  let out = `${r.sent} connections from ${clientLabel(from, p.namespace)} to ${url.host}:${port}${r.node ? ` (through ${r.node}'s ${r.mode} rules)` : ''}\n`;
  const rows = r.endpoints.map((e) => [e.pod.split('/')[1], e.endpoint, e.node, String(e.count), `${Math.round((100 * e.count) / r.sent)}%`]);
  for (const [outcome, n] of Object.entries(r.failed)) rows.push([`(${outcome})`, '', '', String(n), `${Math.round((100 * n) / r.sent)}%`]);
  const header = ['POD', 'ENDPOINT', 'NODE', 'COUNT', 'SHARE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[], bar = '') => `${row.map((c, i) => (i === row.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('   ')}${bar}\n`;
  out += line(header);
  for (const row of rows) out += line(row, `  ${'#'.repeat(Math.round((40 * Number(row[3])) / r.sent))}`);
  if (r.endpoints.length === 0 && first) out += `\nfirst connection:\n${formatTrace(first)}`;
  return { stdout: out, stderr: '', exitCode: r.endpoints.length > 0 ? 0 : 1 };
}
