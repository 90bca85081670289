/**
 * kuard (`gcr.io/kuar-demo/kuard-amd64:*`), the demo app of "Kubernetes: Up and Running". It always serves on
 * :8080 whatever containerPort the manifest declares (`--address :8080`), logs `<remote> <method> <url>` per
 * request, and has two debug probes, `/healthy` and `/ready` (kuard pkg/debugprobe): `200 ok`, or
 * `500 fail, permanent` once told to fail (here: SimulationControls.setAppHealth).
 */
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { goNotFound, logAccess, respond, standardPath } from './app';

function probePage(ok: boolean): HttpOutcome {
  const headers = { 'Content-Type': 'text/plain' };
  return ok ? respond(200, 'ok', headers) : respond(500, 'fail, permanent', headers);
}

const pages = new Set(['/', '/env', '/dns', '/keygen', '/memory', '/memq', '/fs/']);

/** kuard on :8080 with its /healthy and /ready debug probes. */
export const kuardApp: SimulatedApp = {
  name: 'kuard',
  imageEnv: () => [standardPath],
  // kuard's image runs as nobody and `kubectl exec ... env` shows no HOME (seed transcript)
  user: { uid: 65534, gid: 65534, supplementalGroups: [65534] },
  coreutils: 'busybox',
  listeners: () => [{ port: 8080, protocol: 'TCP' }],
  http(instance: AppInstance, req: HttpRequest): HttpOutcome {
    if (req.port !== 8080) return goNotFound();
    logAccess(instance, `${req.remoteAddr ?? '-'} ${req.method} ${req.path}`);
    const path = req.path.split('?')[0];
    if (path === '/healthy') return probePage(instance.healthy);
    if (path === '/ready') return probePage(instance.ready);
    if (pages.has(path) || path.startsWith('/static/') || path.startsWith('/built/') || path.startsWith('/fs/')) {
      return respond(200, '<!doctype html><html><head><title>KUAR Demo</title></head><body></body></html>', {
        'Content-Type': 'text/html; charset=utf-8',
      });
    }
    return goNotFound();
  },
  plan: () => ({ steps: [] }),
  // a Go binary without a SIGTERM handler dies from the signal: 128 + 15
  sigterm: () => ({ exitAfterMs: 10, exitCode: 143 }),
};
