/**
 * A connection's trace as data: what the CLI prints and the UI animates. Each step is one thing that happened
 * to the packet, in order, with the rule text exactly as the node's tools print it.
 */

export type TraceStep =
  /** The client sends the first packet (SYN). */
  | { kind: 'send'; text: string; node?: string }
  /**
   * A rule that matched, as `iptables-save` / `ipvsadm` / `nft` print it. `node` (on rule, dnat and snat) names
   * the node it happened on, set once a trace crosses nodes; unset means the node the packet entered first.
   */
  | { kind: 'rule'; mode: 'iptables' | 'ipvs' | 'nftables' | 'userspace'; table?: string; chain?: string; text: string; node?: string }
  | { kind: 'dnat'; from: string; to: string; node?: string }
  | { kind: 'snat'; from: string; to: string; node?: string }
  /** The packet crosses from one node to another over the kind network. */
  | { kind: 'hop'; from: string; to: string; text: string }
  /** The pod that answered. */
  | { kind: 'deliver'; pod: string; node: string; text: string }
  /** Why the connection failed. */
  | { kind: 'fail'; text: string }
  /** The client's resolver turned a name into an address (or could not). */
  | { kind: 'dns'; name: string; server: string; answer?: string; text: string }
  | { kind: 'note'; text: string };

export type Outcome = 'connected' | 'refused' | 'timeout' | 'no-route';

export interface ConnectionTrace {
  client: string;
  /** The client's source address. */
  source: string;
  destination: string;
  port: number;
  /** The node whose rules the packet met first (undefined when it never reached a node). */
  node?: string;
  mode?: string;
  steps: TraceStep[];
  outcome: Outcome;
  /** `namespace/name` of the pod that answered. */
  pod?: string;
  /** The endpoint `IP:port` that answered. */
  endpoint?: string;
  /** The source address the answering pod saw (the client IP unless SNAT happened). */
  seenSource?: string;
  /** The client's ephemeral source port (conntrack's `sport`), once connected. */
  sourcePort?: number;
  /** Set when the destination was a name the client's resolver could not turn into an address. */
  resolveError?: 'nxdomain' | 'timeout';
}
