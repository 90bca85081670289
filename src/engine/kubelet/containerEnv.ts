/**
 * The environment a container process starts with. The kubelet builds its part in `makeEnvironmentVariables`
 * (kubelet_pods.go): `env` entries in declaration order with `$(VAR)` expanded against the earlier entries
 * and the service variables, then every service variable the user did not set. containerd then starts from
 * the image config env (PATH first), adds HOSTNAME, and applies the kubelet's list, replacing duplicates in
 * place. It is computed once, when the container starts.
 */
import type { Container, Pod } from '../api/types';
import { type EnvSources, noEnvSources } from './configSources';
import type { EnvVarPair } from './envvars';

/** Values the downward API can hand to `valueFrom.fieldRef`. */
export interface DownwardValues {
  podIP: string;
  hostIP: string;
}

/**
 * `$(VAR)` expansion (third_party/forked/golang/expansion): `$$` escapes a `$`, an unknown `$(VAR)` stays as
 * written, and a `$` not followed by `(` is kept.
 */
export function expandEnvValue(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = lookup(name);
      out += v ?? `$(${name})`;
      i = close;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `podFieldSelectorRuntimeValue` for the fields a simulated pod has. */
function fieldRefValue(path: string, pod: Pod, d: DownwardValues): string {
  const meta = pod.metadata ?? {};
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return d.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return d.podIP;
    case 'spec.terminationGracePeriodSeconds':
      return String(pod.spec?.terminationGracePeriodSeconds ?? 30);
    default:
      return '';
  }
}

/**
 * The user's variables: the `envFrom` sources' keys, then the `env` entries in declaration order, `$(VAR)`
 * expanded against the variables so far and the service variables; an optional key reference whose source
 * or key is missing sets nothing.
 */
function userVariables(pod: Pod, container: Container, serviceEnv: Map<string, string>, d: DownwardValues, sources: EnvSources): Map<string, string> {
  const tmp = new Map(sources.fromSources);
  const lookup = (name: string) => (tmp.has(name) ? tmp.get(name) : serviceEnv.get(name));
  for (const e of container.env ?? []) {
    let value = e.value ?? '';
    if (value !== '') value = expandEnvValue(value, lookup);
    else if (e.valueFrom?.fieldRef) value = fieldRefValue(e.valueFrom.fieldRef.fieldPath, pod, d);
    else if (e.valueFrom?.resourceFieldRef) value = '0';
    else if (e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef) {
      const v = sources.keyRefs.get(e);
      if (v === undefined) continue;
      value = v;
    }
    tmp.set(e.name, value);
  }
  return tmp;
}

/** The kubelet's list (`makeEnvironmentVariables`): user variables first, then the remaining service ones. */
export function kubeletEnv(pod: Pod, container: Container, serviceEnv: Map<string, string>, d: DownwardValues, sources: EnvSources = noEnvSources()): EnvVarPair[] {
  const tmp = userVariables(pod, container, serviceEnv, d, sources);
  const out: EnvVarPair[] = [...tmp].map(([name, value]) => ({ name, value }));
  for (const [name, value] of serviceEnv) if (!tmp.has(name)) out.push({ name, value });
  return out;
}

/** One of the kubelet's variables for a container, by name; undefined when it sets none of that name. */
export type ContainerVars = (name: string) => string | undefined;

/** The kubelet's list as a lookup, without building it whole (most containers never look anything up). */
export function kubeletVars(pod: Pod, container: Container, serviceEnv: Map<string, string>, d: DownwardValues, sources: EnvSources = noEnvSources()): ContainerVars {
  const tmp = userVariables(pod, container, serviceEnv, d, sources);
  return (name) => (tmp.has(name) ? tmp.get(name) : serviceEnv.get(name));
}

/**
 * The container's `env` with only its static values: a `valueFrom` entry is empty (`v1EnvVarsToMap` in
 * kubernetes/kubernetes pkg/kubelet/container/helpers.go). What an exec probe's command is expanded with
 * (`ExpandContainerCommandOnlyStatic`), and what an app reads when built outside a started container (tests).
 */
export function staticVars(container: Container): ContainerVars {
  return (name) => {
    const e = container.env?.find((x) => x.name === name);
    return e && (e.value ?? '');
  };
}

/**
 * `command` and `args` with `$(VAR)` expanded from the kubelet's variables, as the kubelet does before it creates
 * the container (kubernetes/kubernetes pkg/kubelet/container/helpers.go `ExpandContainerCommandAndArgs`); the
 * container itself when neither refers to a variable.
 */
export function expandCommandAndArgs(container: Container, vars: ContainerVars): Container {
  const refers = (list: string[] | undefined) => list?.some((s) => s.includes('$')) ?? false;
  if (!refers(container.command) && !refers(container.args)) return container;
  const expand = (list: string[] | undefined) => list?.map((s) => expandEnvValue(s, vars));
  const out: Container = { ...container };
  if (container.command) out.command = expand(container.command);
  if (container.args) out.args = expand(container.args);
  return out;
}

/**
 * The process environment as `env` prints it: image env, HOSTNAME, then the kubelet's list (containerd's
 * WithEnv replaces an existing name in place), then HOME when the image runtime adds one.
 */
export function processEnvironment(imageEnv: readonly string[], hostname: string, fromKubelet: readonly EnvVarPair[], home?: string): string[] {
  const out: string[] = [];
  const index = new Map<string, number>();
  const put = (name: string, value: string) => {
    const i = index.get(name);
    if (i !== undefined) out[i] = `${name}=${value}`;
    else {
      index.set(name, out.length);
      out.push(`${name}=${value}`);
    }
  };
  for (const kv of imageEnv) {
    const eq = kv.indexOf('=');
    put(kv.slice(0, eq), kv.slice(eq + 1));
  }
  put('HOSTNAME', hostname);
  for (const e of fromKubelet) put(e.name, e.value);
  if (home !== undefined && !index.has('HOME')) put('HOME', home);
  return out;
}
