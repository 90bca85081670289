/**
 * One iptables rule as data: its matches in the order kube-proxy writes them and its target. The same value is
 * printed as kube-proxy's iptables-restore input, as `iptables-save` prints it back, and walked by the packet
 * tracer, so what a user reads is what routes the packet.
 */

export type Part =
  | { k: 'comment'; text: string }
  /** `-m tcp -p tcp`, or only `-p tcp` when `bare` (no tcp match module) */
  | { k: 'proto'; proto: string; bare?: boolean }
  | { k: 'src'; cidr: string; not?: boolean }
  | { k: 'dst'; cidr: string }
  | { k: 'dport'; port: number }
  /** `-m addrtype [!] --src-type LOCAL` / `--dst-type LOCAL` */
  | { k: 'addrtype'; src?: 'LOCAL'; dst?: 'LOCAL'; not?: boolean }
  /** `-m physdev ! --physdev-is-in` (the IPVS mode's external-IP rules): not bridged in from a container */
  | { k: 'physdev'; notIsIn: true }
  /** `-m statistic --mode random --probability p` */
  | { k: 'statistic'; probability: number }
  /** `-m recent --name N --rcheck --seconds S --reap`, or `--set` */
  | { k: 'recent'; name: string; rcheckSeconds?: number }
  /** `-m mark ! --mark 0x4000/0x4000` */
  | { k: 'mark'; not: boolean }
  | { k: 'conntrack'; states: string; not?: boolean }
  | { k: 'nfacct'; name: string }
  /** `-m set --match-set NAME dst,dst` (the IPVS mode's ipset matches) */
  | { k: 'set'; name: string; flags: string };

export type Target =
  | { t: 'jump'; chain: string }
  | { t: 'DNAT'; to: string }
  /** The userspace mode's portal: `-j REDIRECT --to-ports <proxy port>` */
  | { t: 'REDIRECT'; toPorts: number }
  | { t: 'MARK'; op: 'or' | 'xor' }
  /** `--random-fully` unless `plain` (the IPVS mode's hairpin rule is written without it) */
  | { t: 'MASQUERADE'; plain?: boolean }
  | { t: 'REJECT' }
  | { t: 'DROP' }
  | { t: 'ACCEPT' }
  | { t: 'RETURN' }
  /** A rule with no target only counts packets (the last rule of a KUBE-FW chain). */
  | { t: 'none' };

export interface Rule {
  chain: string;
  parts: Part[];
  target: Target;
}

export type Table = 'filter' | 'nat';

/** The mark kube-proxy sets on packets that need SNAT (`--masquerade-bit` 14). */
export const masqMark = '0x4000';

/** `KUBE-MARK-MASQ` and the other chains every node has. */
export const chains = {
  services: 'KUBE-SERVICES',
  externalServices: 'KUBE-EXTERNAL-SERVICES',
  nodePorts: 'KUBE-NODEPORTS',
  postrouting: 'KUBE-POSTROUTING',
  markMasq: 'KUBE-MARK-MASQ',
  forward: 'KUBE-FORWARD',
  firewall: 'KUBE-FIREWALL',
  proxyFirewall: 'KUBE-PROXY-FIREWALL',
} as const;

export function rule(chain: string, parts: Part[], target: Target): Rule {
  return { chain, parts, target };
}

export const jump = (chain: string): Target => ({ t: 'jump', chain });
export const comment = (text: string): Part => ({ k: 'comment', text });
