/**
 * kuard (`gcr.io/kuar-demo/kuard-amd64:*`), the demo app of "Kubernetes: Up and Running". It always serves on
 * :8080 whatever containerPort the manifest declares (`--address :8080`), logs `<remote> <method> <url>` per
 * request, and has two debug probes, `/healthy` and `/ready` (kuard pkg/debugprobe): `200 ok`, or
 * `500 fail, permanent` once told to fail (here: SimulationControls.setAppHealth).
 */
import type { Container } from '../../api/types';
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { goNotFound, logAccess, respond, standardPath } from './app';
import { goLogTime } from './goFormats';
import { kuardRoute } from './kuardApi';

/** The version kuard was built as: the demo images are tagged by fake version (`blue`, `green`, `purple`). */
function kuardVersion(image: string): string {
  const tag = /:([^@/:]+)(?:@.*)?$/.exec(image)?.[1] ?? 'blue';
  return `v0.10.0-${tag}`;
}

// kuard main.go and app.Run: the banner, viper's settings dumped with json.MarshalIndent (sorted keys), no TLS
// certificates in /tls, then the HTTP listener. Checked against kubernetes-up-and-running/kuard and many
// `kubectl logs kuard` transcripts of the :blue image.
const configDump = `{
  "address": ":8080",
  "debug": false,
  "debug-sitedata-dir": "./sitedata",
  "keygen": {
    "enable": false,
    "exit-code": 0,
    "exit-on-complete": false,
    "memq-queue": "",
    "memq-server": "",
    "num-to-gen": 0,
    "time-to-run": 0
  },
  "liveness": {
    "fail-next": 0
  },
  "readiness": {
    "fail-next": 0
  },
  "tls-address": ":8443",
  "tls-dir": "/tls"
}`;

function kuardStartupLog(container: Container, startedAt: number): string[] {
  const t = goLogTime(startedAt);
  const stars = '*'.repeat(70);
  return [
    `${t} Starting kuard version: ${kuardVersion(container.image ?? '')}`,
    `${t} ${stars}`,
    `${t} * WARNING: This server may expose sensitive`,
    `${t} * and secret information. Be careful.`,
    `${t} ${stars}`,
    `${t} Config: `,
    ...configDump.split('\n'),
    `${t} Could not find certificates to serve TLS`,
    `${t} Serving on HTTP on :8080`,
  ];
}


// the React client's files and the file-system browser; /env, /dns etc. are client-side routes under /-/
const pages = new Set(['/metrics', '/fs/']);

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
    // loggingMiddleware: log.Printf("%s %s %s", r.RemoteAddr, r.Method, r.URL)
    logAccess(instance, `${goLogTime(instance.now())} ${req.remoteAddr ?? '-'} ${req.method} ${req.path}`);
    const path = req.path.split('?')[0];
    if ((path === '/' || path.startsWith('/-/')) && !instance.templatesLoaded) {
      instance.templatesLoaded = true;
      logAccess(instance, `${goLogTime(instance.now())} Loading template for index.html`);
    }
    const routed = kuardRoute(instance, req, kuardVersion(req.process?.image ?? ''));
    if (routed) return routed;
    if (pages.has(path) || path.startsWith('/static/') || path.startsWith('/built/') || path.startsWith('/fs/')) {
      return respond(200, '<!doctype html><html><head><title>KUAR Demo</title></head><body></body></html>', {
        'Content-Type': 'text/html; charset=utf-8',
      });
    }
    return goNotFound();
  },
  plan: () => ({}),
  // a Go binary without a SIGTERM handler dies from the signal: 128 + 15
  sigterm: () => ({ exitAfterMs: 10, exitCode: 143 }),
  startupLog: kuardStartupLog,
};
