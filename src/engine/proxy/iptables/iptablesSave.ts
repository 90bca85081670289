/**
 * Printing the iptables rule model three ways: as kube-proxy writes it to `iptables-restore` (the format of
 * kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go expectations), as `iptables-save` prints it back
 * (the kernel's normalised form: addresses with prefix lengths, `-p` before the matches, every comment quoted,
 * MARK as `--set-xmark`, probabilities as the kernel stores them — iptables iptables/iptables-save.c and the
 * extensions' save functions), and as `iptables -L -n` lists a chain.
 */
import { civilTime } from '../../clock';
import { savedProbability, proxierProbability } from './probability';
import { masqMark, type Part, type Rule, type Table, type Target } from './rule';
import type { TableModel } from './iptablesProxier';

/** The iptables of the kindest/node image (Debian bookworm, nf_tables backend). */
export const iptablesVersion = 'v1.8.9 (nf_tables)';

function quoteRestore(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

function restorePart(p: Part): string {
  switch (p.k) {
    case 'comment':
      return `-m comment --comment ${quoteRestore(p.text)}`;
    case 'proto':
      return p.bare ? `-p ${p.proto}` : `-m ${p.proto} -p ${p.proto}`;
    case 'src':
      return `${p.not ? '! ' : ''}-s ${p.cidr}`;
    case 'dst':
      return `-d ${p.cidr}`;
    case 'dport':
      return `--dport ${p.port}`;
    case 'addrtype':
      return `-m addrtype ${p.not ? '! ' : ''}${p.src ? `--src-type ${p.src}` : `--dst-type ${p.dst}`}`;
    case 'physdev':
      return '-m physdev ! --physdev-is-in';
    case 'statistic':
      return `-m statistic --mode random --probability ${proxierProbability(Math.round(1 / p.probability))}`;
    case 'recent':
      return p.rcheckSeconds !== undefined ? `-m recent --name ${p.name} --rcheck --seconds ${p.rcheckSeconds} --reap` : `-m recent --name ${p.name} --set`;
    case 'mark':
      return `-m mark ${p.not ? '! ' : ''}--mark ${masqMark}/${masqMark}`;
    case 'conntrack':
      return `-m conntrack ${p.not ? '! ' : ''}--ctstate ${p.states}`;
    case 'nfacct':
      return `-m nfacct --nfacct-name ${p.name}`;
    case 'set':
      return `-m set --match-set ${p.name} ${p.flags}`;
  }
}

function restoreTarget(t: Target): string {
  switch (t.t) {
    case 'jump':
      return ` -j ${t.chain}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${t.to}`;
    case 'REDIRECT':
      return ` -j REDIRECT --to-ports ${t.toPorts}`;
    case 'MARK':
      return ` -j MARK --${t.op}-mark ${masqMark}`;
    case 'none':
      return '';
    default:
      return ` -j ${t.t}`;
  }
}

/** A rule as kube-proxy writes it to iptables-restore. */
export function restoreLine(r: Rule): string {
  const parts = r.parts.map(restorePart);
  return `-A ${r.chain}${parts.length ? ` ${parts.join(' ')}` : ''}${restoreTarget(r.target)}`;
}

/** `10.96.0.1` → `10.96.0.1/32`: iptables-save always prints the prefix length. */
function withPrefix(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`;
}

function saveTarget(t: Target): string {
  switch (t.t) {
    case 'jump':
      return ` -j ${t.chain}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${t.to}`;
    case 'REDIRECT':
      return ` -j REDIRECT --to-ports ${t.toPorts}`;
    case 'MARK':
      return ` -j MARK --set-xmark ${masqMark}/${t.op === 'or' ? masqMark : '0x0'}`;
    case 'MASQUERADE':
      return t.plain ? ' -j MASQUERADE' : ' -j MASQUERADE --random-fully';
    case 'REJECT':
      return ' -j REJECT --reject-with icmp-port-unreachable';
    case 'none':
      return '';
    default:
      return ` -j ${t.t}`;
  }
}

/** A rule as `iptables-save` prints it. */
export function saveLine(r: Rule): string {
  const head: string[] = [];
  const src = r.parts.find((p) => p.k === 'src');
  const dst = r.parts.find((p) => p.k === 'dst');
  const proto = r.parts.find((p) => p.k === 'proto');
  const dport = r.parts.find((p) => p.k === 'dport');
  if (src) head.push(`${src.not ? '! ' : ''}-s ${withPrefix(src.cidr)}`);
  if (dst) head.push(`-d ${withPrefix(dst.cidr)}`);
  if (proto) head.push(`-p ${proto.proto}`);
  for (const p of r.parts) {
    switch (p.k) {
      case 'comment':
        head.push(`-m comment --comment "${p.text}"`);
        break;
      case 'proto':
        if (!p.bare) head.push(`-m ${p.proto}${dport ? ` --dport ${dport.port}` : ''}`);
        break;
      case 'addrtype':
        head.push(`-m addrtype ${p.not ? '! ' : ''}${p.src ? `--src-type ${p.src}` : `--dst-type ${p.dst}`}`);
        break;
      case 'physdev':
        head.push('-m physdev ! --physdev-is-in');
        break;
      case 'statistic':
        head.push(`-m statistic --mode random --probability ${savedProbability(p.probability)}`);
        break;
      case 'recent':
        head.push(
          p.rcheckSeconds !== undefined
            ? `-m recent --rcheck --seconds ${p.rcheckSeconds} --reap --name ${p.name} --mask 255.255.255.255 --rsource`
            : `-m recent --set --name ${p.name} --mask 255.255.255.255 --rsource`,
        );
        break;
      case 'mark':
        head.push(`-m mark ${p.not ? '! ' : ''}--mark ${masqMark}/${masqMark}`);
        break;
      case 'conntrack':
        head.push(`-m conntrack ${p.not ? '! ' : ''}--ctstate ${p.states}`);
        break;
      case 'nfacct':
        // libxt_nfacct's save prints the option with two spaces before the name
        head.push(`-m nfacct --nfacct-name  ${p.name}`);
        break;
      case 'set':
        head.push(`-m set --match-set ${p.name} ${p.flags}`);
        break;
      default:
        break;
    }
  }
  return `-A ${r.chain}${head.length ? ` ${head.join(' ')}` : ''}${saveTarget(r.target)}`;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C `ctime` without the newline: `Mon Jan  5 09:00:00 2026` (the node's clock is UTC). */
export function ctime(ms: number): string {
  const c = civilTime(ms);
  // 1 January 1970 was a Thursday
  const wd = weekdays[(((Math.floor(ms / 86_400_000) + 4) % 7) + 7) % 7];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wd} ${months[c.month - 1]} ${String(c.day).padStart(2, ' ')} ${two(c.hour)}:${two(c.minute)}:${two(c.second)} ${c.year}`;
}

/** The mangle table kubelet and kube-proxy leave on every node: only their canary chains. */
const mangleChains = ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];

function saveTable(name: string, builtins: string[], chainsInOrder: Map<string, readonly Rule[]>, now: number): string {
  const lines = [`# Generated by iptables-save ${iptablesVersion} on ${ctime(now)}`, `*${name}`];
  for (const c of chainsInOrder.keys()) lines.push(builtins.includes(c) ? `:${c} ACCEPT [0:0]` : `:${c} - [0:0]`);
  for (const rules of chainsInOrder.values()) for (const r of rules) lines.push(saveLine(r));
  lines.push('COMMIT', `# Completed on ${ctime(now)}`);
  return `${lines.join('\n')}\n`;
}

/** `iptables-save [-t table]` on a node at virtual time `now`. */
export function iptablesSave(tables: (t: Table) => TableModel, now: number, only?: string): string {
  const out: string[] = [];
  if (only === undefined || only === 'mangle') {
    const builtins = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];
    out.push(saveTable('mangle', builtins, new Map([...builtins, ...mangleChains].map((c) => [c, []])), now));
  }
  for (const t of ['filter', 'nat'] as const) {
    if (only !== undefined && only !== t) continue;
    const m = tables(t);
    out.push(saveTable(t, m.builtins, m.chains, now));
  }
  return out.join('');
}

/** `iptables -t <table> -S [chain]`: `-P`/`-N` lines, then the rules as iptables-save prints them. */
export function listRulesSpec(model: TableModel, chain?: string): string {
  const lines: string[] = [];
  for (const c of model.chains.keys()) {
    if (chain !== undefined && c !== chain) continue;
    lines.push(model.builtins.includes(c) ? `-P ${c} ACCEPT` : `-N ${c}`);
  }
  for (const [c, rules] of model.chains) {
    if (chain !== undefined && c !== chain) continue;
    for (const r of rules) lines.push(saveLine(r));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The match columns `iptables -L -n` prints after source and destination. */
function listExtras(r: Rule): string {
  const out: string[] = [];
  const dport = r.parts.find((p) => p.k === 'dport');
  for (const p of r.parts) {
    if (p.k === 'comment') out.push(`/* ${p.text} */`);
    else if (p.k === 'proto') out.push(`${p.proto}${dport ? ` dpt:${dport.port}` : ''}`);
    else if (p.k === 'addrtype') out.push(`ADDRTYPE match ${p.src ? `src-type ${p.not ? '!' : ''}${p.src}` : `dst-type ${p.not ? '!' : ''}${p.dst}`}`);
    else if (p.k === 'physdev') out.push('PHYSDEV match ! --physdev-is-in');
    else if (p.k === 'statistic') out.push(`statistic mode random probability ${savedProbability(p.probability)}`);
    else if (p.k === 'recent') out.push(p.rcheckSeconds !== undefined ? `recent: CHECK seconds: ${p.rcheckSeconds} reap name: ${p.name} side: source mask: 255.255.255.255` : `recent: SET name: ${p.name} side: source mask: 255.255.255.255`);
    else if (p.k === 'mark') out.push(`mark match ${p.not ? '! ' : ''}${masqMark}/${masqMark}`);
    else if (p.k === 'conntrack') out.push(`ctstate ${p.not ? '! ' : ''}${p.states}`);
    else if (p.k === 'nfacct') out.push(`nfacct-name  ${p.name}`);
    else if (p.k === 'set') out.push(`match-set ${p.name} ${p.flags}`);
  }
  const t = r.target;
  if (t.t === 'DNAT') out.push(`to:${t.to}`);
  else if (t.t === 'REDIRECT') out.push(`redir ports ${t.toPorts}`);
  else if (t.t === 'MARK') out.push(`MARK ${t.op} ${masqMark}`);
  else if (t.t === 'MASQUERADE' && !t.plain) out.push('random-fully');
  else if (t.t === 'REJECT') out.push('reject-with icmp-port-unreachable');
  return out.join(' ');
}

function targetName(t: Target): string {
  return t.t === 'jump' ? t.chain : t.t === 'none' ? '' : t.t;
}

/** `iptables -t <table> -L [chain] -n`. */
export function listChains(model: TableModel, chain?: string): string | undefined {
  const refs = new Map<string, number>();
  for (const rules of model.chains.values()) for (const r of rules) if (r.target.t === 'jump') refs.set(r.target.chain, (refs.get(r.target.chain) ?? 0) + 1);
  const blocks: string[] = [];
  for (const [c, rules] of model.chains) {
    if (chain !== undefined && c !== chain) continue;
    const head = model.builtins.includes(c) ? `Chain ${c} (policy ACCEPT)` : `Chain ${c} (${refs.get(c) ?? 0} references)`;
    const lines = [head, 'target     prot opt source               destination         '];
    for (const r of rules) {
      const src = r.parts.find((p) => p.k === 'src');
      const dst = r.parts.find((p) => p.k === 'dst');
      const extras = listExtras(r);
      // iptables print_firewall: "%-9s " target, inversion flag, "%-4s " protocol, options, then each address
      // after its inversion flag as "%-19s "
      const proto = r.parts.find((p) => p.k === 'proto');
      const source = `${src?.not ? '!' : ' '}${(src?.cidr ?? '0.0.0.0/0').padEnd(19)}`;
      const dest = ` ${(dst?.cidr ?? '0.0.0.0/0').padEnd(19)}`;
      // each match prints itself with a leading space after the destination's "%-19s "
      lines.push(`${targetName(r.target).padEnd(9)}  ${(proto ? proto.proto : 'all').padEnd(4)} -- ${source} ${dest}  ${extras}`.trimEnd());
    }
    blocks.push(lines.join('\n'));
  }
  if (chain !== undefined && blocks.length === 0) return undefined;
  return `${blocks.join('\n\n')}\n`;
}
