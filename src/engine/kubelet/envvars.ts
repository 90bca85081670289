/**
 * Service environment variables (pkg/kubelet/envvars/envvars.go `FromServices` and kubelet_pods.go
 * `getServiceEnvVarMap`): the Docker-links style `<SVC>_SERVICE_HOST`, `<SVC>_PORT_<port>_<PROTO>_ADDR`, ...
 * a container gets for the Services that exist when it starts.
 */
import type { Service } from '../api/types';

export interface EnvVarPair {
  name: string;
  value: string;
}

/** Whether a Service has a cluster IP (headless `None` and ExternalName `""` have none). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** `makeEnvVariableName`: upper case, `-` and `.` become `_`, a leading digit gets a `_` in front (envvars.go). */
export function envVariableName(name: string): string {
  const upper = name.toUpperCase().replace(/[-.]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

/** `FromServices`: the variables for each Service with a cluster IP, in the order envvars.go builds them. */
export function fromServices(services: readonly Service[]): EnvVarPair[] {
  const out: EnvVarPair[] = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const ports = svc.spec?.ports ?? [];
    if (ports.length === 0) continue;
    const ip = svc.spec?.clusterIP ?? '';
    const prefix = envVariableName(svc.metadata?.name ?? '');
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    out.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) {
      // appended to a prefix, so no leading-digit guard (envvars_test.go: Q_U_U_X_SERVICE_PORT_8083)
      if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/[-.]/g, '_')}`, value: String(p.port) });
    }
    ports.forEach((p, i) => {
      const proto = (p.protocol || 'TCP').toUpperCase();
      const url = `${proto.toLowerCase()}://${ip}:${p.port}`;
      // Docker special-cases the first port with a plain <SVC>_PORT
      if (i === 0) out.push({ name: `${prefix}_PORT`, value: url });
      const portPrefix = `${prefix}_PORT_${p.port}_${proto}`;
      out.push({ name: portPrefix, value: url });
      out.push({ name: `${portPrefix}_PROTO`, value: proto.toLowerCase() });
      out.push({ name: `${portPrefix}_PORT`, value: String(p.port) });
      out.push({ name: `${portPrefix}_ADDR`, value: ip });
    });
  }
  return out;
}

/** A read-only view of the Services the kubelet's informer cache holds. */
export interface ServiceLister {
  /** Services of one namespace. */
  list(namespace: string): readonly Service[];
  get(namespace: string, name: string): Service | undefined;
}

/**
 * `getServiceEnvVarMap`: `kubernetes` from `default` always (even with enableServiceLinks false), plus the
 * Services of the pod's namespace when enableServiceLinks is true; a same-named Service of the pod's own
 * namespace replaces `kubernetes`. Go iterates a map here, so the order is unspecified; ours is by name.
 */
export function serviceEnvVarMap(lister: ServiceLister, namespace: string, enableServiceLinks: boolean): Map<string, string> {
  const byName = new Map<string, Service>();
  const master = lister.get('default', 'kubernetes');
  if (master && isServiceIPSet(master)) byName.set('kubernetes', master);
  if (enableServiceLinks) {
    for (const svc of lister.list(namespace)) {
      if (!isServiceIPSet(svc)) continue;
      const name = svc.metadata?.name ?? '';
      if (namespace === 'default' && name === 'kubernetes') continue;
      byName.set(name, svc);
    }
  }
  const sorted = [...byName.keys()].sort().map((n) => byName.get(n) as Service);
  const m = new Map<string, string>();
  for (const e of fromServices(sorted)) m.set(e.name, e.value);
  return m;
}
