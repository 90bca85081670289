/** The first packet of a connection as the node's netfilter sees it, and what a walk of the rules decided. */
import type { Prng } from '../../shared/prng';
import { addressInCidr } from '../../shared/ipv4';
import type { ProxyNode } from '../proxy/proxier';
import type { TraceStep } from './trace';

export interface Packet {
  src: string;
  dst: string;
  dport: number;
  /** `TCP`, `UDP`, `SCTP` */
  proto: string;
}

/** What a walk needs besides the packet: where it is, whether the node sent it itself, time and randomness. */
export interface WalkContext {
  node: ProxyNode;
  /** The packet was sent by the node itself (OUTPUT path, `--src-type LOCAL`). */
  localOrigin: boolean;
  now: number;
  rand: Prng;
  /** xt_recent tables of this node: name → client IP → last seen (ms). */
  recent: Map<string, Map<string, number>>;
  steps: TraceStep[];
}

export interface WalkResult {
  /** The destination after DNAT, when a rule rewrote it. */
  dnat?: { ip: string; port: number };
  /** Marked for masquerade: the source becomes the node's address on the way out. */
  masquerade: boolean;
  verdict: 'accept' | 'reject' | 'drop';
  /** The userspace proxy opened a new connection from the node: the client IP is gone. */
  proxied?: boolean;
}

export function inCidr(ip: string, cidr: string): boolean {
  return addressInCidr(ip, cidr);
}

/** `--dst-type LOCAL`: an address of this node (its InternalIP or loopback). */
export function isLocalAddress(node: ProxyNode, ip: string): boolean {
  return ip === node.ip || inCidr(ip, '127.0.0.0/8');
}
