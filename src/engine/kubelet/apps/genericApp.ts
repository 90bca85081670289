/**
 * Any image the simulation does not know: it serves its declared containerPorts, answers `200` on `/` and
 * `404` elsewhere, runs until stopped, and exits quickly on SIGTERM (a Go or JVM process without a handler
 * dies from the signal: 143).
 */
import type { Container } from '../../api/types';
import type { AppInstance, HttpOutcome, HttpRequest, Listener, SimulatedApp } from './app';
import { goNotFound, logAccess, respond, rootUser, standardPath } from './app';

/** The fallback for unknown images. */
export const genericApp: SimulatedApp = {
  name: 'generic',
  imageEnv: () => [standardPath],
  home: '/root',
  user: rootUser,
  coreutils: 'busybox',
  listeners(container: Container): Listener[] {
    return (container.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' }));
  },
  http(instance: AppInstance, req: HttpRequest): HttpOutcome {
    logAccess(instance, `${req.remoteAddr ?? '-'} ${req.method} ${req.path}`);
    return req.path.split('?')[0] === '/' ? respond(200, 'OK\n', { 'Content-Type': 'text/plain; charset=utf-8' }) : goNotFound();
  },
  plan: () => ({}),
  sigterm: () => ({ exitAfterMs: 50, exitCode: 143 }),
};
