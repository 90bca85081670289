/**
 * Which HTTP clients an image really carries. busybox and Alpine images have busybox's `wget` applet (and
 * radial/busyboxplus:curl curl too);
 * curlimages/curl is Alpine with curl; nicolaka/netshoot ships curl; the nginx images ship curl (the Alpine
 * variant also busybox wget); Debian/Ubuntu base images, dnsutils and distroless images (kuard, CoreDNS) have
 * neither.
 */
import type { Cluster } from '../../cluster';
import type { NetClient } from '../clusterNetwork';
import { busyboxWget } from './busyboxWget';
import { curl } from './curl';

export interface ImageHttpTools {
  curl?: boolean;
  wget?: 'busybox';
}

/** The HTTP tools of the image a container runs, from its simulated app and image reference. */
export function httpToolsOf(app: string, image: string): ImageHttpTools {
  // a container whose command is overridden runs `<app>/command` (kubelet/apps/registry.ts): same image, same tools
  switch (app.replace(/\/command$/, '')) {
    case 'busybox':
      // radial/busyboxplus:curl, the client of the docs' Connecting Applications with Services, adds curl
      return /(^|\/)radial\/busyboxplus:curl$/.test(image) ? { curl: true, wget: 'busybox' } : { wget: 'busybox' };
    case 'alpine':
      return { wget: 'busybox' };
    case 'curl':
    // agnhost is Alpine with curl added (kubernetes/kubernetes test/images/agnhost/Dockerfile)
    case 'agnhost':
      return { curl: true, wget: 'busybox' };
    case 'netshoot':
      return { curl: true };
    case 'nginx':
      return /alpine/.test(image) ? { curl: true, wget: 'busybox' } : { curl: true };
    default:
      return {};
  }
}

export interface HttpToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order the tool wrote them (a terminal shows them interleaved). */
  chunks: { stream: 'stdout' | 'stderr'; text: string }[];
}

/** Collects a tool's output in order. */
export class ToolOutput {
  readonly chunks: HttpToolResult['chunks'] = [];
  out(text: string): void {
    if (text) this.chunks.push({ stream: 'stdout', text });
  }
  err(text: string): void {
    if (text) this.chunks.push({ stream: 'stderr', text });
  }
  result(exitCode: number): HttpToolResult {
    const join = (s: 'stdout' | 'stderr') => this.chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    return { exitCode, stdout: join('stdout'), stderr: join('stderr'), chunks: this.chunks };
  }
}

/** Runs curl or wget if the image has it; undefined when `argv[0]` is not an HTTP tool of this image. */
export function runHttpTool(cluster: Cluster, from: NetClient, tools: ImageHttpTools, argv: readonly string[]): HttpToolResult | undefined {
  const [bin = '', ...args] = argv;
  const name = bin.split('/').pop() ?? bin;
  if (name === 'curl' && tools.curl) return curl(cluster, from, args);
  if (name === 'wget' && tools.wget === 'busybox') return busyboxWget(cluster, from, args);
  return undefined;
}

/** curl/wget run by `kubectl exec` in a container of a pod; undefined when the container's image lacks the tool. */
export function runHttpToolInPod(cluster: Cluster, namespace: string, pod: string, container: string, argv: readonly string[]): HttpToolResult | undefined {
  const c = cluster.runtime.pod(namespace, pod)?.containers.find((x) => x.name === container);
  const got = cluster.get('Pod', namespace, pod);
  const image = got.ok ? (got.value.spec?.containers?.find((x) => x.name === container)?.image ?? '') : '';
  if (!c?.running || !c.instance) return undefined;
  return runHttpTool(cluster, { pod, namespace }, httpToolsOf(c.instance.app.name, image), argv);
}
