/**
 * CoreDNS (`registry.k8s.io/coredns/coredns:*`) with kubeadm's Corefile: DNS on 53/UDP and 53/TCP,
 * `health` on :8080 (`/health`), `ready` on :8181 (`/ready`), `prometheus` on :9153. On SIGTERM the `health`
 * plugin's `lameduck 5s` keeps serving for five seconds before exiting cleanly. The image is distroless:
 * no shell, no coreutils. What it logs past its first line, and its Corefile reloads, are in
 * `dns/coredns/corednsReloader.ts`.
 */
import type { AppInstance, HttpOutcome, HttpRequest, SimulatedApp } from './app';
import { goNotFound, respond, standardPath } from './app';

/** CoreDNS as kubeadm configures it. */
export const corednsApp: SimulatedApp = {
  name: 'coredns',
  imageEnv: () => [standardPath, 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
  user: { uid: 65532, gid: 65532, supplementalGroups: [65532] },
  coreutils: 'none',
  listeners: () => [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
    { port: 8080, protocol: 'TCP' },
    { port: 8181, protocol: 'TCP' },
    { port: 9153, protocol: 'TCP' },
  ],
  http(instance: AppInstance, req: HttpRequest): HttpOutcome {
    const path = req.path.split('?')[0];
    if (req.port === 8080 && path === '/health') return instance.healthy ? respond(200, 'OK') : respond(503, '');
    if (req.port === 8181 && path === '/ready') return instance.ready ? respond(200, 'OK') : respond(503, '');
    if (req.port === 9153 && path === '/metrics') return respond(200, '# HELP coredns_build_info A metric with a constant \'1\' value.\n');
    return goNotFound();
  },
  plan: () => ({}),
  sigterm: () => ({ exitAfterMs: 5000, exitCode: 0 }),
  // go.uber.org/automaxprocs (coremain/run.go `maxprocs.Set(maxprocs.Logger(log.Printf))`): kubeadm's CoreDNS has
  // no CPU limit, so GOMAXPROCS stays at the node's CPU count (8 on svcsim's kind nodes)
  startupLog: () => ['maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined'],
};
