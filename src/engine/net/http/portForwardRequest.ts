/**
 * An HTTP request that reaches a pod through `kubectl port-forward`: the kubelet's stream connects inside the
 * pod's network namespace to localhost:REMOTE_PORT (kubernetes/kubernetes `pkg/kubelet/cri/streaming/portforward`,
 * the runtime dials 127.0.0.1 there), so no kube-proxy rule is involved and the app sees a loopback client.
 * Nothing listening there ends the forwarded connection with no reply.
 */
import type { Cluster } from '../../cluster';
import { stableHash } from '../../dns/tools/toolContext';
import type { HttpResponse } from '../../kubelet/apps/app';
import { processContext } from './processContext';

/** A forward held on a local port (kubectl's port-forward registry satisfies this). */
export interface ForwardTarget {
  namespace: string;
  pod: string;
  remotePort: number;
  /** Tells the forward a client connected (kubectl prints `Handling connection for N`). */
  connect(): void;
}

/** The forwards listening on the user's machine, by local port. */
export interface LocalPortForwards {
  get(localPort: number): ForwardTarget | undefined;
}

export interface ForwardedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type ForwardedResult =
  | { kind: 'response'; response: HttpResponse; pod: string }
  /** `empty`: the forward accepted and closed (nothing listens on the remote port, or the pod stopped); `hang`: no answer. */
  | { kind: 'error'; error: 'empty' | 'hang' };

/** Sends one request over a forward; the forward prints its `Handling connection` line. */
export function forwardedHttp(cluster: Cluster, fw: ForwardTarget, req: ForwardedRequest): ForwardedResult {
  fw.connect();
  const pod = cluster.runtime.pod(fw.namespace, fw.pod);
  const container = pod?.containers.find((c) => c.running && c.instance && c.listeners.some((l) => l.port === fw.remotePort));
  if (!pod?.nodeRunning || !container?.instance) return { kind: 'error', error: 'empty' };
  // the kubelet's dial takes an ephemeral port: derived from the request and how many the app has served
  const sourcePort = 32768 + (stableHash(`${fw.namespace}/${fw.pod} ${req.method} ${req.path} ${cluster.now()} ${container.instance.accessLog.length}`) % 28232);
  const out = container.instance.app.http(container.instance, {
    method: req.method,
    path: req.path,
    port: fw.remotePort,
    headers: req.headers,
    remoteAddr: `127.0.0.1:${sourcePort}`,
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...withProcess(cluster, fw.namespace, fw.pod, container.name),
  });
  if (out.kind === 'hang') return { kind: 'error', error: 'hang' };
  return { kind: 'response', response: out.response, pod: `${fw.namespace}/${fw.pod}` };
}

function withProcess(cluster: Cluster, namespace: string, pod: string, container: string) {
  const process = processContext(cluster, namespace, pod, container);
  return process ? { process } : {};
}

/** Whether a URL host names the user's own machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}
