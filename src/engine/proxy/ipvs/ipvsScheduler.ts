/**
 * The IPVS schedulers kube-proxy's `ipvs.scheduler` names, as the Linux kernel runs them for one new
 * connection (torvalds/linux net/netfilter/ipvs/ip_vs_<name>.c). kube-proxy gives every real server weight 1
 * (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go `syncEndpoint`), so the weighted variants choose as their
 * unweighted ones do. Ties go to the first real server in the virtual server's list, as the kernel's loops keep
 * the first minimum they meet.
 */
import type { Prng } from '../../../shared/prng';
import { ipToInt } from '../../../shared/ipv4';
import type { IpvsConnections } from './ipvsConnections';

/** What `ipvs.scheduler: ""` means (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go `defaultScheduler`). */
export const defaultScheduler = 'rr';

/**
 * The scheduler modules a kind node's kernel can load (torvalds/linux net/netfilter/ipvs/Kconfig). Since 1.27
 * kube-proxy no longer checks the name against a list (kubernetes/kubernetes#114878): it adds a dummy virtual
 * server with it and fails to start when the kernel has no such module.
 */
export const kernelSchedulers = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'dh', 'sh', 'sed', 'nq', 'fo', 'ovf', 'mh', 'twos'] as const;

/** The scheduler a virtual server gets from `ipvs.scheduler` (blank means `rr`). */
export function effectiveScheduler(configured: string): string {
  return configured === '' ? defaultScheduler : configured;
}

/**
 * Why kube-proxy 1.34 exits with this scheduler, or undefined when the kernel has it. The wording is
 * `CanUseIPVSProxier`'s error as the server wraps it (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go,
 * cmd/kube-proxy/app/server_linux.go): the kernel answers the dummy virtual server with ENOENT.
 */
export function schedulerError(configured: string): string | undefined {
  const s = effectiveScheduler(configured);
  return (kernelSchedulers as readonly string[]).includes(s) ? undefined : "can't use the IPVS proxier: no such file or directory";
}

/**
 * The scheduler flags kube-proxy sets: `mh` gets `mh-port` (IP_VS_SVC_F_SCHED2, kube-proxy's
 * `FlagSourceHash`), so the source port joins the hash (kubernetes/kubernetes pkg/proxy/ipvs/proxier.go).
 */
export function schedulerFlags(scheduler: string): string[] {
  return scheduler === 'mh' ? ['mh-port'] : [];
}

/** The state schedulers keep per virtual server (`ip:port/proto`) between connections. */
export class IpvsSchedulerState {
  /** rr/wrr: the position of the next real server. */
  readonly next = new Map<string, number>();
  /** lblc/lblcr: the real server (`IP:port`) each destination address was given. */
  readonly locality = new Map<string, string>();
}

export interface ScheduleRequest {
  scheduler: string;
  /** `ip:port/proto` of the virtual server. */
  vsKey: string;
  /** The real servers' `IP:port`, in the virtual server's order. */
  servers: readonly string[];
  src: string;
  dst: string;
  now: number;
  rand: Prng;
  state: IpvsSchedulerState;
  conns: IpvsConnections;
}

export interface Scheduled {
  /** Index into `servers`. */
  index: number;
  /** Why this one, for the trace. */
  why: string;
}

/** `hash_32(val, 8)` with the kernel's GOLDEN_RATIO_32 (torvalds/linux include/linux/hash.h). */
function hash32to8(val: number): number {
  return Math.imul(val, 0x61c88647) >>> 24;
}

/** ip_vs_sh.c `ip_vs_sh_hashkey`: `hash_32(ntohs(port) + ntohl(addr), 8)`, port 0 without `sh-port`. */
export function sourceHashBucket(src: string): number {
  return hash32to8(ipToInt(src) >>> 0);
}

/** ip_vs_dh.c `ip_vs_dh_hashkey`: `(ntohl(addr) * 2654435761) & 255`. */
export function destinationHashBucket(dst: string): number {
  return Math.imul(ipToInt(dst) >>> 0, 0x9e3779b1) & 0xff;
}

/**
 * The index of the least loaded server, the first one on ties. With `countInactive` the load is
 * `ip_vs_dest_conn_overhead`, (active << 8) + inactive (lc, wlc, lblc); sed and nq weigh active ones only.
 */
function leastLoaded(req: ScheduleRequest, countInactive: boolean): number {
  let best = 0;
  let bestLoad = Number.POSITIVE_INFINITY;
  req.servers.forEach((s, i) => {
    const c = req.conns.counts(req.vsKey, s, req.now);
    const load = c.active * 256 + (countInactive ? c.inactive : 0);
    if (load < bestLoad) {
      best = i;
      bestLoad = load;
    }
  });
  return best;
}

function loadText(req: ScheduleRequest, i: number): string {
  const c = req.conns.counts(req.vsKey, req.servers[i], req.now);
  return `${c.active} active, ${c.inactive} inactive`;
}

/** Chooses the real server for a new connection; `servers` must not be empty. */
export function schedule(req: ScheduleRequest): Scheduled {
  const n = req.servers.length;
  switch (req.scheduler) {
    case 'rr':
    case 'wrr': {
      // ip_vs_rr.c / ip_vs_wrr.c: the next one after the last chosen; equal weights make wrr a plain turn
      const i = (req.state.next.get(req.vsKey) ?? 0) % n;
      req.state.next.set(req.vsKey, (i + 1) % n);
      return { index: i, why: `${req.scheduler}: next in turn (${i + 1} of ${n})` };
    }
    case 'lc':
    case 'wlc': {
      const i = leastLoaded(req, true);
      return { index: i, why: `${req.scheduler}: fewest connections (${loadText(req, i)}; ties go to the first)` };
    }
    case 'sed':
    case 'nq':
    case 'fo':
    case 'ovf': {
      // sed: (active + 1) / weight; nq: the first idle one; fo: the highest weight; ovf: the first with
      // active < weight. No connection stays open between two of svcsim's, so each takes the first least loaded.
      const i = leastLoaded(req, false);
      return { index: i, why: `${req.scheduler}: fewest active connections (${loadText(req, i)}; ties go to the first)` };
    }
    case 'lblc':
    case 'lblcr': {
      // ip_vs_lblc.c: a destination address keeps its server until that one is overloaded (more active
      // connections than its weight), which never happens between svcsim's one-at-a-time connections
      const kept = req.state.locality.get(`${req.vsKey}|${req.dst}`);
      const at = kept === undefined ? -1 : req.servers.indexOf(kept);
      if (at >= 0) return { index: at, why: `${req.scheduler}: ${req.dst} stays with ${kept}` };
      const i = leastLoaded(req, true);
      req.state.locality.set(`${req.vsKey}|${req.dst}`, req.servers[i]);
      return { index: i, why: `${req.scheduler}: ${req.dst} given the least loaded server (${loadText(req, i)})` };
    }
    case 'sh': {
      const b = sourceHashBucket(req.src);
      return { index: b % n, why: `sh: source ${req.src} hashes to bucket ${b} of 256 (bucket i → server i mod ${n})` };
    }
    case 'dh': {
      const b = destinationHashBucket(req.dst);
      return { index: b % n, why: `dh: destination ${req.dst} hashes to bucket ${b} of 256 (bucket i → server i mod ${n}): every connection to it goes to one server` };
    }
    case 'mh': {
      // with mh-port the client's source port, new for every connection, is hashed too; svcsim does not build
      // the Maglev table and draws from the cluster's seeded generator instead
      const i = req.rand.int(n);
      return { index: i, why: 'mh (mh-port): svcsim approximates Maglev hashing of the client address and port by a seeded random choice' };
    }
    case 'twos': {
      // ip_vs_twos.c: two random choices, the less loaded one
      const a = req.rand.int(n);
      const b = req.rand.int(n);
      const la = req.conns.counts(req.vsKey, req.servers[a], req.now);
      const lb = req.conns.counts(req.vsKey, req.servers[b], req.now);
      const i = lb.active * 256 + lb.inactive < la.active * 256 + la.inactive ? b : a;
      return { index: i, why: `twos: the less loaded of two random servers (${loadText(req, i)})` };
    }
    default: {
      // unreachable from a config kube-proxy accepts (it exits on a scheduler the kernel lacks)
      const i = (req.state.next.get(req.vsKey) ?? 0) % n;
      req.state.next.set(req.vsKey, (i + 1) % n);
      return { index: i, why: `${req.scheduler}: not a kernel scheduler; svcsim takes the next in turn` };
    }
  }
}
