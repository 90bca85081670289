/**
 * The tools a kind node has, run through `docker exec <node> …`: iptables-save, iptables -L/-S, ipvsadm, ipset,
 * nft, ip, conntrack. Each reads the node's kube-proxy model and prints it as the real tool does; a tool asked
 * about another mode's state prints what that tool would show on such a node (an empty IPVS table, no nft
 * table). Unknown programs fail as `docker exec` does.
 */
import { type Cluster, iptablesSave, ipsetList, ipvsadmList, isRemovedMode, listChains, listRulesSpec, type NodeConfig, nodeIptables, timeWaitMs, userspaceTable } from '../../engine';
import { runNft } from './nftCommand';
import { conntrackList, ipAddr, ipRoute } from './nodeNetworkTools';

export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string, stderr = ''): ToolResult => ({ stdout, stderr, exitCode: 0 });
const fail = (stderr: string, exitCode = 1): ToolResult => ({ stdout: '', stderr, exitCode });

type Tool = (cluster: Cluster, node: NodeConfig, args: string[]) => ToolResult;

function proxierOf(cluster: Cluster, node: NodeConfig) {
  return cluster.proxies.proxier(node.name);
}

const iptablesSaveTool: Tool = (cluster, node, args) => {
  const p = proxierOf(cluster, node);
  if (!p) return fail('iptables-save: kube-proxy is not running on this node\n');
  let table: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') table = args[++i];
    else if (a.startsWith('--table=')) table = a.slice(8);
    else if (a === '-c' || a === '--counters') continue;
    else return fail(`iptables-save: unrecognized option '${a}'\nUsage: iptables-save [-c] [-t table]\n`);
  }
  if (table !== undefined && !['filter', 'nat', 'mangle'].includes(table)) return fail(`iptables-save ${'v1.8.9 (nf_tables)'}: table '${table}' does not exist\n`);
  return ok(iptablesSave(nodeIptables(p), cluster.now(), table));
};

const iptablesTool: Tool = (cluster, node, args) => {
  const p = proxierOf(cluster, node);
  if (!p) return fail('iptables: kube-proxy is not running on this node\n');
  let table = 'filter';
  let action: 'L' | 'S' | undefined;
  let chain: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else if (a === '-L' || a === '--list' || a === '-S' || a === '--list-rules') {
      action = a === '-L' || a === '--list' ? 'L' : 'S';
      if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i];
    } else if (/^-[nvx]+$/.test(a) || a === '--numeric' || a === '--line-numbers') continue;
    else if (/^-[nvx]*L$/.test(a) || /^-[nvx]*S$/.test(a)) {
      action = a.endsWith('L') ? 'L' : 'S';
      if (args[i + 1] && !args[i + 1].startsWith('-')) chain = args[++i];
    } else return fail(`iptables v1.8.9 (nf_tables): unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
  }
  if (table !== 'filter' && table !== 'nat') return fail(`iptables v1.8.9 (nf_tables): table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
  if (!action) return fail('iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h\' or \'iptables --help\' for more information.\n', 2);
  const model = nodeIptables(p)(table);
  if (chain !== undefined && !model.chains.has(chain)) return fail('iptables: No chain/target/match by that name.\n');
  return ok(action === 'S' ? listRulesSpec(model, chain) : (listChains(model, chain) ?? ''));
};

const ipvsadmTool: Tool = (cluster, node, args) => {
  const p = proxierOf(cluster, node);
  const flags = args.join('');
  if (args.length > 0 && !/^(-[Lln]+)+$/.test(flags.replace(/--numeric|--list/g, '-n'))) return fail(`ipvsadm: invalid option -- '${args[0].replace(/^-+/, '')}'\n`, 2);
  if (p?.mode !== 'ipvs') return ok('IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n');
  return ok(ipvsadmList(p, cluster.now()));
};

const ipsetTool: Tool = (cluster, node, args) => {
  const p = proxierOf(cluster, node);
  if (args[0] !== 'list' && args[0] !== '-L' && args[0] !== '-l') return fail(`ipset v7.17: Unknown argument: \`${args[0] ?? ''}'\nTry \`ipset help' for more information.\n`);
  if (p?.mode !== 'ipvs') return args[1] ? fail(`ipset v7.17: The set with the given name does not exist\n`) : ok('');
  const out = ipsetList(p, args[1]);
  return out === undefined ? fail('ipset v7.17: The set with the given name does not exist\n') : ok(out);
};

const nftTool: Tool = (cluster, node, args) => runNft(cluster, node, args);

const ipTool: Tool = (cluster, node, args) => {
  const [obj = '', ...rest] = args;
  if (['addr', 'a', 'address'].includes(obj)) {
    const dev = rest[0] === 'show' || rest[0] === 'list' ? (rest[1] === 'dev' ? rest[2] : rest[1]) : undefined;
    const r = ipAddr(cluster, node, dev);
    return r.stderr ? fail(r.stderr) : ok(r.stdout);
  }
  if (['route', 'r', 'ro'].includes(obj)) return ok(ipRoute(cluster, node));
  return fail(`Object "${obj}" is unknown, try "ip help".\n`, 255);
};

const conntrackTool: Tool = (cluster, node, args) => {
  if (args[0] !== '-L' && args[0] !== '--dump') return fail('conntrack v1.4.7 (conntrack-tools): only -L is simulated here\n', 2);
  const r = conntrackList(cluster.net.conntrack(node.name), cluster.now(), timeWaitMs);
  return ok(r.stdout, r.stderr);
};

/**
 * Not a real tool: the userspace mode had no rule dump of its own (kube-proxy held the state in memory), so
 * svcsim prints its proxy ports and round-robin position as a table.
 */
const userspaceTool: Tool = (cluster, node) => {
  const p = proxierOf(cluster, node);
  if (p?.mode !== 'userspace') return fail(`kube-proxy on ${node.name} runs in ${p?.mode ?? 'no'} mode, not userspace\n`);
  return ok(userspaceTable(p));
};

const tools: Record<string, Tool> = {
  'iptables-save': iptablesSaveTool,
  'iptables-nft-save': iptablesSaveTool,
  iptables: iptablesTool,
  'iptables-nft': iptablesTool,
  ipvsadm: ipvsadmTool,
  ipset: ipsetTool,
  nft: nftTool,
  ip: ipTool,
  conntrack: conntrackTool,
  'kube-proxy-userspace': userspaceTool,
};

/** Runs `argv` inside the node container. */
export function runInNode(cluster: Cluster, node: NodeConfig, argv: string[]): ToolResult {
  const [prog, ...args] = argv;
  const tool = tools[prog.replace(/^\/usr\/sbin\//, '')];
  if (!tool) return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`, 127);
  return tool(cluster, node, args);
}

/** What the node's kube-proxy runs, for messages (`iptables (default)`, `userspace (removed in 1.26)`). */
export function modeLabel(cluster: Cluster, node: string): string {
  const m = cluster.proxies.proxier(node)?.mode;
  if (!m) return 'none';
  return isRemovedMode(m) ? `${m} (removed in Kubernetes 1.26; simulated for teaching)` : m;
}
