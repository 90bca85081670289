/**
 * One HTTP GET from a client through the data plane: parse the URL, open the connection with
 * `cluster.net.connect` (name lookup, the node's kube-proxy rules, the hop to the pod), then ask the app in the
 * container that listens on the delivered port. What the tools print (curl, busybox wget) is built on this.
 */
import type { Cluster } from '../../cluster';
import type { HttpResponse } from '../../kubelet/apps/app';
import type { NetClient } from '../clusterNetwork';
import type { ConnectionTrace } from '../trace';
import { forwardedHttp, isLoopbackHost, type LocalPortForwards } from './portForwardRequest';
import { processContext } from './processContext';

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path with query, `/` when the URL has none. */
  path: string;
}

/** A URL as curl and wget accept it: scheme optional (http), `host[:port][/path]`. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([/?][^#\s]*)?(?:#.*)?$/.exec(text);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const rest = m[4] ?? '/';
  return { scheme, host: m[2], port, path: rest.startsWith('?') ? `/${rest}` : rest };
}

export type FetchResult =
  | { kind: 'response'; trace: ConnectionTrace; response: HttpResponse }
  /** The connection failed (refused, timed out, name unresolved), or the app never answered (`hang`). */
  /** `empty`: a port-forward accepted the connection and closed it without a reply. */
  | { kind: 'error'; trace: ConnectionTrace; error: 'refused' | 'timeout' | 'unresolved' | 'hang' | 'empty' };

/**
 * GETs `url` from `from`; `userAgent` is what the tool sends (nginx logs it). On the user's machine,
 * `localhost:PORT` held by a `kubectl port-forward` (in `forwards`) goes through the forward to the pod.
 */
export function httpGet(cluster: Cluster, from: NetClient, url: ParsedUrl, userAgent: string, forwards?: LocalPortForwards, request: { method: string; body?: string } = { method: 'GET' }): FetchResult {
  const headers: Record<string, string> = { Host: url.port === 80 ? url.host : `${url.host}:${url.port}`, 'User-Agent': userAgent, Accept: '*/*' };
  if (request.body !== undefined) {
    headers['Content-Length'] = String(new TextEncoder().encode(request.body).length);
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const fw = 'host' in from && isLoopbackHost(url.host) ? forwards?.get(url.port) : undefined;
  if (fw) {
    const trace: ConnectionTrace = { client: 'your machine', source: '127.0.0.1', destination: url.host, port: url.port, steps: [{ kind: 'note', text: `kubectl port-forward ${fw.namespace}/${fw.pod} ${url.port}:${fw.remotePort}` }], outcome: 'connected', pod: `${fw.namespace}/${fw.pod}` };
    const r = forwardedHttp(cluster, fw, { ...request, path: url.path, headers });
    if (r.kind === 'response') return { kind: 'response', trace, response: r.response };
    return { kind: 'error', trace, error: r.error === 'empty' ? 'empty' : 'hang' };
  }
  const trace = cluster.net.connect({ from, to: url.host, port: url.port });
  if (trace.outcome !== 'connected') {
    const error = trace.resolveError ? 'unresolved' : trace.outcome === 'refused' ? 'refused' : 'timeout';
    return { kind: 'error', trace, error };
  }
  const [ns, name] = (trace.pod ?? '/').split('/');
  const endpointPort = Number(trace.endpoint?.split(':')[1] ?? url.port);
  const pod = cluster.runtime.pod(ns, name);
  const container = pod?.containers.find((c) => c.running && c.instance && c.listeners.some((l) => l.port === endpointPort));
  if (!container?.instance) {
    // a host-network listener the simulation has no app for (the API server): TLS only, nothing an HTTP GET reads
    return { kind: 'response', trace, response: { status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n' } };
  }
  const process = processContext(cluster, ns, name, container.name);
  const out = container.instance.app.http(container.instance, { ...request, path: url.path, port: endpointPort, headers, remoteAddr: `${trace.seenSource ?? trace.source}:${trace.sourcePort ?? 0}`, ...(process ? { process } : {}) });
  if (out.kind === 'hang') return { kind: 'error', trace, error: 'hang' };
  return { kind: 'response', trace, response: out.response };
}

/** The reason phrase of a status code, as Go's net/http and nginx print it. */
export function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
  return phrases[status] ?? '';
}
