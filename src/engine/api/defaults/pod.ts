/**
 * Pod defaulting as the v1 API applies it while decoding (`pkg/apis/core/v1/defaults.go` and the generated
 * `zz_generated.defaults.go`): `SetDefaults_PodSpec` for every pod spec (pods and templates), with the nested
 * container, port, probe, env and volume defaults, and `SetDefaults_Pod` for pods only.
 */
import type { Container, PodSpec, Probe } from '../types';

type Json = Record<string, unknown>;
type Handler = { httpGet?: Json } & Json;

/**
 * The image tag as `parsers.ParseImageName` sees it: a reference without tag or digest gets "latest"; a
 * digest-only reference has no tag.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.indexOf(':', lastSlash + 1);
  if (colon >= 0) return named.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/** `SetDefaults_HTTPGetAction` on a probe or lifecycle handler. */
function defaultHandler(h: Handler | undefined): void {
  if (!h?.httpGet) return;
  if (!h.httpGet.path) h.httpGet.path = '/';
  if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
}

/** `SetDefaults_Probe`: timeout 1, period 10, success 1, failure 3 (kubernetes/kubernetes pkg/apis/core/v1/defaults.go). */
export function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  const probe = p as Probe & Json;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHandler(probe as Handler);
}

/** `SetDefaults_Container` plus the generated defaults of its nested types. */
export function defaultContainer(c: Container): void {
  const ctr = c as Container & Json;
  if (!ctr.imagePullPolicy) ctr.imagePullPolicy = imageTag(ctr.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!ctr.terminationMessagePath) ctr.terminationMessagePath = '/dev/termination-log';
  if (!ctr.terminationMessagePolicy) ctr.terminationMessagePolicy = 'File';
  // `resources` is a struct, not a pointer: it always serialises, as `{}` when empty
  if (!ctr.resources) ctr.resources = {};
  for (const port of ctr.ports ?? []) if (!port.protocol) (port as unknown as Json).protocol = 'TCP';
  for (const env of ctr.env ?? []) {
    const fieldRef = env.valueFrom?.fieldRef as Json | undefined;
    if (fieldRef && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
  defaultProbe(ctr.livenessProbe);
  defaultProbe(ctr.readinessProbe);
  defaultProbe(ctr.startupProbe);
  defaultHandler(ctr.lifecycle?.postStart as Handler | undefined);
  defaultHandler(ctr.lifecycle?.preStop as Handler | undefined);
}

/** Volume source defaults: an empty source becomes emptyDir; file modes default to 0644 (420). */
function defaultVolume(v: Json): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[key] as Json | undefined;
    if (src && src.defaultMode === undefined) src.defaultMode = 420;
  }
  const hostPath = v.hostPath as Json | undefined;
  if (hostPath && hostPath.type === undefined) hostPath.type = '';
  for (const item of ((v.downwardAPI as Json | undefined)?.items as Json[] | undefined) ?? []) defaultFieldRef(item);
  for (const src of ((v.projected as Json | undefined)?.sources as Json[] | undefined) ?? []) {
    const token = src.serviceAccountToken as Json | undefined;
    if (token && token.expirationSeconds === undefined) token.expirationSeconds = 3600;
    for (const item of ((src.downwardAPI as Json | undefined)?.items as Json[] | undefined) ?? []) defaultFieldRef(item);
  }
}

function defaultFieldRef(item: Json): void {
  const ref = item.fieldRef as Json | undefined;
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
}

/**
 * `SetDefaults_PodSpec` and the nested defaults, for pods and pod templates alike. Also the v1 conversion's
 * handling of the deprecated `serviceAccount` field, which mirrors `serviceAccountName`.
 */
export function defaultPodSpec(spec: PodSpec): void {
  const s = spec as PodSpec & Json;
  if (!s.dnsPolicy) s.dnsPolicy = 'ClusterFirst';
  if (!s.restartPolicy) s.restartPolicy = 'Always';
  if (!s.securityContext) s.securityContext = {};
  if (s.terminationGracePeriodSeconds === undefined || s.terminationGracePeriodSeconds === null) s.terminationGracePeriodSeconds = 30;
  if (!s.schedulerName) s.schedulerName = 'default-scheduler';
  for (const c of s.containers ?? []) defaultContainer(c);
  for (const c of s.initContainers ?? []) defaultContainer(c);
  for (const c of (s.ephemeralContainers ?? []) as Container[]) defaultContainer(c);
  for (const v of s.volumes ?? []) defaultVolume(v as unknown as Json);
  if (!s.serviceAccountName && s.serviceAccount) s.serviceAccountName = s.serviceAccount;
  if (s.serviceAccountName) s.serviceAccount = s.serviceAccountName;
}

/** `SetDefaults_Pod`: requests default to limits, service links on, host-network ports mirrored. */
export function defaultPod(spec: PodSpec): void {
  const s = spec as PodSpec & Json;
  for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const requests: Record<string, string> = { ...((c.resources?.requests as Record<string, string> | undefined) ?? {}) };
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = String(v);
    (c.resources as Json).requests = requests;
  }
  if (s.enableServiceLinks === undefined || s.enableServiceLinks === null) s.enableServiceLinks = true;
  if (s.hostNetwork) {
    for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) (p as unknown as Json).hostPort = p.containerPort;
    }
  }
}
