/**
 * `nft` inside a kind node: `list tables`, `list table [ip] kube-proxy`, `list chain [ip] kube-proxy CHAIN` and
 * `list ruleset`. The node's
 * nftables hold kube-proxy's `ip kube-proxy` table in nftables mode and, in every mode, the tables iptables-nft
 * made for kubelet's hint and canary chains — `ip mangle`, then `ip filter`, then `ip nat`, the order kubelet
 * first touches them (kubernetes/kubernetes pkg/kubelet/kubelet_network_linux.go `syncIPTablesRules`) — plus,
 * in iptables and IPVS mode, kube-proxy's own chains in `ip nat` and `ip filter`. The iptables-nft tables are
 * not rendered in nft syntax here (their translation of xtables matches is not verified); `list ruleset` says
 * so on stderr and `iptables-save` shows their contents. svcsim nodes have no IPv6 address (see `ip addr`),
 * so no `ip6` table exists.
 */
import { type Cluster, nftListChain, nftListTable, type NodeConfig } from '../../engine';

export interface NftResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The tables iptables-nft created on every node, in creation order. */
const iptablesNftTables = ['mangle', 'filter', 'nat'] as const;

function tables(cluster: Cluster, node: NodeConfig): string[] {
  const p = cluster.proxies.proxier(node.name);
  return [...iptablesNftTables.map((t) => `ip ${t}`), ...(p?.mode === 'nftables' ? ['ip kube-proxy'] : [])];
}

/** nft's parse error: the message, the command, and a caret line under `span` (start, length). */
function syntaxError(cmd: string, span: [number, number] = [0, cmd.length]): NftResult {
  return { stdout: '', stderr: `Error: syntax error, unexpected newline\n${cmd}\n${' '.repeat(span[0])}${'^'.repeat(Math.max(1, span[1]))}\n`, exitCode: 1 };
}

const iptablesNftNote = (names: string[]) =>
  `# svcsim: ${names.map((n) => `table ${n}`).join(', ')} (made by iptables-nft) are not shown in nft syntax; read them with iptables-save\n`;

/** Runs `nft ARGS` on the node. */
export function runNft(cluster: Cluster, node: NodeConfig, args: string[]): NftResult {
  const cmd = args.join(' ');
  const p = cluster.proxies.proxier(node.name);
  const kubeProxyTable = () => (p?.mode === 'nftables' ? nftListTable(p) : '');
  const [verb, what, ...rest] = args;
  if (verb !== 'list' || what === undefined) return syntaxError(cmd);
  if (what === 'tables') {
    // `nft list tables [family]`
    if (rest.length > 1) return syntaxError(cmd);
    const names = tables(cluster, node).filter((t) => rest.length === 0 || t.startsWith(`${rest[0]} `));
    return { stdout: names.map((t) => `table ${t}\n`).join(''), stderr: '', exitCode: 0 };
  }
  if (what === 'ruleset') {
    if (rest.length > 0) return syntaxError(cmd);
    const hidden = tables(cluster, node).filter((t) => t !== 'ip kube-proxy');
    return { stdout: kubeProxyTable(), stderr: iptablesNftNote(hidden), exitCode: 0 };
  }
  if (what === 'table') {
    // `nft list table [family] NAME`; the family defaults to ip
    const [family, name] = rest.length === 1 ? ['ip', rest[0]] : rest;
    if (rest.length < 1 || rest.length > 2) return syntaxError(cmd);
    const full = `${family} ${name}`;
    if (!tables(cluster, node).includes(full)) {
      const at = cmd.length - (rest.length === 1 ? name.length : full.length);
      return { stdout: '', stderr: `Error: No such file or directory\n${cmd}\n${' '.repeat(at)}${'^'.repeat(cmd.length - at)}\n`, exitCode: 1 };
    }
    if (full === 'ip kube-proxy') return { stdout: kubeProxyTable(), stderr: '', exitCode: 0 };
    return { stdout: '', stderr: iptablesNftNote([full]), exitCode: 0 };
  }
  if (what === 'chain') {
    // `nft list chain [family] TABLE CHAIN`; the family defaults to ip
    if (rest.length < 2 || rest.length > 3) return syntaxError(cmd);
    const [family, table, chain] = rest.length === 2 ? ['ip', ...rest] : rest;
    const full = `${family} ${table}`;
    const listed = full === 'ip kube-proxy' && p?.mode === 'nftables' ? nftListChain(p, chain) : undefined;
    if (listed !== undefined) return { stdout: listed, stderr: '', exitCode: 0 };
    if (tables(cluster, node).includes(full) && full !== 'ip kube-proxy') return { stdout: '', stderr: iptablesNftNote([full]), exitCode: 0 };
    // nft points at what it could not find: the table, or the chain in a table that exists
    const missing = tables(cluster, node).includes(full) ? chain : rest.length === 2 ? table : full;
    const at = tables(cluster, node).includes(full) ? cmd.length - chain.length : cmd.indexOf(missing, 'list chain '.length);
    return { stdout: '', stderr: `Error: No such file or directory\n${cmd}\n${' '.repeat(at)}${'^'.repeat(missing.length)}\n`, exitCode: 1 };
  }
  return syntaxError(cmd);
}
