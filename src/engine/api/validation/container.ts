/**
 * Container validation (`pkg/apis/core/validation/validation.go`: `validateContainerCommon`,
 * `validateContainers`, `validateInitContainers`, ports, env, probes, mounts, resources).
 */
import type { Container, ContainerPort, EnvVar, Probe } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { parseQuantity } from '../defaults/quantity';
import { isHTTPHeaderName, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './formats';
import { isDNS1123Label, isDNS1123Subdomain } from './names';

type Json = Record<string, unknown>;

const portProtocols = ['SCTP', 'TCP', 'UDP'];

/** `validateContainerPorts` */
function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const msg of msgs) errs.push(field.invalid(`${p}.name`, port.name, msg));
      else if (names.has(port.name)) errs.push(field.duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(field.required(`${p}.containerPort`));
    else for (const msg of isValidPortNum(port.containerPort)) errs.push(field.invalid(`${p}.containerPort`, port.containerPort, msg));
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errs.push(field.invalid(`${p}.hostPort`, port.hostPort, msg));
    if (!port.protocol) errs.push(field.required(`${p}.protocol`));
    else if (!portProtocols.includes(port.protocol)) errs.push(field.notSupported(`${p}.protocol`, port.protocol, portProtocols));
  });
  return errs;
}

const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** `ValidateEnv` with relaxed names (on by default in 1.34) and `validateEnvVarValueFrom`. */
function validateEnv(env: readonly EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push(field.required(`${p}.name`));
    else for (const msg of isRelaxedEnvVarName(ev.name)) errs.push(field.invalid(`${p}.name`, ev.name, msg));
    const from = ev.valueFrom as Json | undefined;
    if (!from) return;
    const vp = `${p}.valueFrom`;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((k) => from[k]);
    const fieldRef = from.fieldRef as Json | undefined;
    if (fieldRef) {
      if (!fieldRef.apiVersion) errs.push(field.required(`${vp}.fieldRef.apiVersion`));
      else if (!fieldRef.fieldPath) errs.push(field.required(`${vp}.fieldRef.fieldPath`));
      else {
        const fp = String(fieldRef.fieldPath);
        const sub = /^(metadata\.(labels|annotations))\['.+'\]$/.exec(fp);
        if (!sub && !envFieldPaths.includes(fp)) errs.push(field.notSupported(`${vp}.fieldRef.fieldPath`, fp, envFieldPaths));
      }
    }
    for (const k of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = from[k] as Json | undefined;
      if (!ref) continue;
      for (const msg of isDNS1123Subdomain(String(ref.name ?? ''))) errs.push(field.invalid(`${vp}.${k}.name`, String(ref.name ?? ''), msg));
      if (!ref.key) errs.push(field.required(`${vp}.${k}.key`));
    }
    if (sources.length === 0) {
      errs.push(field.invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (ev.value) {
      errs.push(field.invalid(vp, '', 'may not be specified when `value` is not empty'));
    } else if (sources.length > 1) {
      errs.push(field.invalid(vp, '', 'may not have more than one field specified at a time'));
    }
  });
  return errs;
}

/** `ValidatePortNumOrName` for probe and Service target ports. */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => field.invalid(path, port, msg));
  return isValidPortName(port ?? '').map((msg) => field.invalid(path, port ?? '', msg));
}

/** `validateHandler`: exactly one action, each validated. */
function validateHandler(h: Json, gracePeriod: number | undefined, path: string, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const kinds = allowSleep ? ['exec', 'httpGet', 'tcpSocket', 'sleep'] : ['exec', 'httpGet', 'tcpSocket', 'grpc'];
  for (const kind of kinds) {
    const action = h[kind] as Json | undefined;
    if (!action) continue;
    if (n > 0) {
      errs.push(field.forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const p = `${path}.${kind}`;
    if (kind === 'exec' && !((action.command as unknown[] | undefined) ?? []).length) errs.push(field.required(`${p}.command`));
    if (kind === 'httpGet') {
      if (!action.path) errs.push(field.required(`${p}.path`));
      errs.push(...validatePortNumOrName(action.port as number | string | undefined, `${p}.port`));
      if (!['HTTP', 'HTTPS'].includes(String(action.scheme ?? ''))) errs.push(field.notSupported(`${p}.scheme`, String(action.scheme ?? ''), ['HTTP', 'HTTPS']));
      for (const hdr of (action.httpHeaders as Json[] | undefined) ?? []) {
        for (const msg of isHTTPHeaderName(String(hdr.name ?? ''))) errs.push(field.invalid(`${p}.httpHeaders`, String(hdr.name ?? ''), msg));
      }
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(action.port as number | string | undefined, `${p}.port`));
    if (kind === 'grpc') errs.push(...validatePortNumOrName(action.port as number | undefined, `${p}.port`));
    if (kind === 'sleep' && gracePeriod !== undefined) {
      const secs = Number(action.seconds ?? 0);
      if (secs < 0 || secs > gracePeriod) {
        errs.push(field.invalid(p, secs, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
      }
    }
  }
  if (n === 0) errs.push(field.required(path, 'must specify a handler type'));
  return errs;
}

/** `validateProbe` plus the per-kind rules (liveness/startup success threshold 1, no grace period on readiness). */
function validateProbe(probe: Probe | undefined, kind: 'liveness' | 'readiness' | 'startup', gracePeriod: number | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const p = probe as Probe & Json;
  const errs = validateHandler(p, gracePeriod, path, false);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = Number(p[k] ?? 0);
    if (v < 0) errs.push(field.invalid(`${path}.${k}`, v, 'must be greater than or equal to 0'));
  }
  const tgps = p.terminationGracePeriodSeconds as number | undefined;
  if (tgps !== undefined && tgps !== null && tgps <= 0) errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must be greater than 0'));
  if (kind === 'readiness' && tgps !== undefined && tgps !== null) {
    errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, tgps, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readiness' && (p.successThreshold ?? 0) !== 1) {
    errs.push(field.invalid(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** Resource requirements: non-negative quantities, requests no larger than limits. */
function validateResources(resources: Json | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = (resources?.limits ?? {}) as Record<string, string>;
  const requests = (resources?.requests ?? {}) as Record<string, string>;
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, text] of Object.entries(list)) {
      const q = parseQuantity(text);
      if (q !== undefined && q < 0n) errs.push(field.invalid(`${path}.${kind}[${name}]`, String(text), 'must be greater than or equal to 0'));
    }
  }
  for (const [name, text] of Object.entries(requests)) {
    if (!(name in limits)) continue;
    const req = parseQuantity(text);
    const lim = parseQuantity(limits[name]);
    if (req !== undefined && lim !== undefined && req > lim) {
      errs.push(field.invalid(`${path}.requests`, String(text), `must be less than or equal to ${name} limit of ${limits[name]}`));
    }
  }
  return errs;
}

/** `validateContainerCommon`: what every container kind shares. */
export function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const ctr = c as Container & Json;
  const errs: FieldError[] = [];
  if (!ctr.name) errs.push(field.required(`${path}.name`));
  else for (const msg of isDNS1123Label(ctr.name)) errs.push(field.invalid(`${path}.name`, ctr.name, msg));
  if (!ctr.image) errs.push(field.required(`${path}.image`));
  const tmp = ctr.terminationMessagePolicy;
  if (!tmp) errs.push(field.required(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(field.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(ctr.ports, `${path}.ports`));
  errs.push(...validateEnv(ctr.env, `${path}.env`));
  const mountPaths = new Set<string>();
  (ctr.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}.volumeMounts[${i}]`;
    if (!m.name) errs.push(field.required(`${p}.name`));
    if (!volumes.has(m.name)) errs.push(field.notFound(`${p}.name`, m.name ?? ''));
    if (!m.mountPath) errs.push(field.required(`${p}.mountPath`));
    if (mountPaths.has(m.mountPath)) errs.push(field.invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
  const pull = ctr.imagePullPolicy;
  if (!pull) errs.push(field.required(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) errs.push(field.notSupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  errs.push(...validateResources(ctr.resources as Json | undefined, `${path}.resources`));
  return errs;
}

/** `AccumulateUniqueHostPorts`: protocol/hostIP/hostPort must be unique across the given containers. */
function checkHostPortConflicts(containers: readonly Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(key)) errs.push(field.duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errs;
}

/** `validateContainers`: the regular containers of a pod spec. */
export function validateContainers(
  containers: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!containers?.length) return [field.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart as Json, gracePeriod, `${p}.lifecycle.postStart`, true));
    if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop as Json, gracePeriod, `${p}.lifecycle.preStop`, true));
    errs.push(...validateProbe(c.livenessProbe, 'liveness', gracePeriod, `${p}.livenessProbe`));
    errs.push(...validateProbe(c.readinessProbe, 'readiness', gracePeriod, `${p}.readinessProbe`));
    errs.push(...validateProbe(c.startupProbe, 'startup', gracePeriod, `${p}.startupProbe`));
    if ((c as Container & Json).restartPolicy !== undefined) errs.push(field.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/** `validateInitContainers`: names unique across init and regular containers; probes only for sidecars. */
export function validateInitContainers(
  init: readonly Container[] | undefined,
  regular: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (init ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    const ctr = c as Container & Json;
    errs.push(...validateContainerCommon(c, volumes, p));
    const restartAlways = ctr.restartPolicy === 'Always';
    if (ctr.restartPolicy !== undefined && !restartAlways) errs.push(field.notSupported(`${p}.restartPolicy`, String(ctr.restartPolicy), ['Always']));
    if (names.has(c.name)) errs.push(field.duplicate(`${p}.name`, c.name));
    else if (c.name) names.add(c.name);
    // Go checks each init container on its own, so the reported index is always 0
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      errs.push(...validateProbe(c.livenessProbe, 'liveness', gracePeriod, `${p}.livenessProbe`));
      errs.push(...validateProbe(c.readinessProbe, 'readiness', gracePeriod, `${p}.readinessProbe`));
      errs.push(...validateProbe(c.startupProbe, 'startup', gracePeriod, `${p}.startupProbe`));
    } else {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[k]) errs.push(field.forbidden(`${p}.${k}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}
