/**
 * `curl` typed on the user's machine (the browser terminal, `svcsim shell`): the machine is a client on the kind
 * network, and `localhost:PORT` reaches a pod while a `kubectl port-forward` holds that port. Its stdout is the
 * terminal, so curl draws no progress meter.
 */
import type { Cluster } from '../../engine';
import { curl } from '../../engine/net/http/curl';
import type { HttpToolResult } from '../../engine/net/http/httpTools';
import type { PortForwardRegistry } from '../cli/command';

/** Runs `curl ARGS` from the user's machine with the host's port-forwards. */
export function hostCurl(cluster: Cluster, forwards: PortForwardRegistry, args: readonly string[]): HttpToolResult {
  return curl(cluster, { host: true }, args, { forwards, stdoutIsTerminal: true });
}
