/**
 * IPVS's connection table as its counters show it (`ipvsadm -Ln` ActiveConn / InActConn, and what lc/wlc
 * weigh). A connection is active while ESTABLISHED; every other state, TIME_WAIT after the close included,
 * counts as inactive until the entry expires (torvalds/linux net/netfilter/ipvs/ip_vs_conn.c, the TCP state
 * timeouts of ip_vs_proto_tcp.c: TIME_WAIT 2 min; UDP entries 5 min in ip_vs_proto_udp.c).
 *
 * What svcsim counts: its connections open, answer and close at one instant, so none is ever active; each one
 * IPVS scheduled is an inactive entry of its real server for those timeouts. lc therefore spreads new
 * connections by how many each server took in the last two minutes.
 */

/** IPVS keeps a closed TCP connection (TIME_WAIT) this long. */
export const ipvsTcpTimeWaitMs = 120_000;
/** IPVS keeps a UDP connection entry this long. */
export const ipvsUdpTimeoutMs = 300_000;

export interface ConnectionCounts {
  active: number;
  inactive: number;
}

export class IpvsConnections {
  /** `vsKey>IP:port` → expiry times, oldest first. */
  private readonly byServer = new Map<string, number[]>();

  /** Records a connection scheduled to `server` of virtual server `vsKey` at `now`. */
  record(vsKey: string, server: string, protocol: string, now: number): void {
    const key = `${vsKey}>${server}`;
    let list = this.byServer.get(key);
    if (!list) {
      list = [];
      this.byServer.set(key, list);
    }
    expire(list, now);
    list.push(now + (protocol === 'UDP' ? ipvsUdpTimeoutMs : ipvsTcpTimeWaitMs));
  }

  /** The counters of one real server at `now`. */
  counts(vsKey: string, server: string, now: number): ConnectionCounts {
    const list = this.byServer.get(`${vsKey}>${server}`);
    if (!list) return { active: 0, inactive: 0 };
    expire(list, now);
    return { active: 0, inactive: list.length };
  }
}

function expire(list: number[], now: number): void {
  let drop = 0;
  while (drop < list.length && list[drop] <= now) drop++;
  if (drop > 0) list.splice(0, drop);
}
