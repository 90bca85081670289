/** ClientIP affinity in the IPVS, nftables and userspace walks: which endpoint a client keeps, and until when. */
import type { EndpointInfo } from '../proxy/servicePort';

/** Persistent connections per node for ClientIP affinity: `vip:port/proto|client` → real server and when. */
export type Persistence = Map<string, { endpoint: string; at: number }>;

/** The endpoint `key` keeps while its last connection is less than `seconds` old and the endpoint is still there. */
export function sticky(persist: Persistence, key: string, seconds: number, now: number, eps: readonly EndpointInfo[]): EndpointInfo | undefined {
  const e = persist.get(key);
  if (!e || now - e.at > seconds * 1000) return undefined;
  return eps.find((x) => x.endpoint === e.endpoint);
}
