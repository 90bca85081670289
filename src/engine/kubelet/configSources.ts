/**
 * What a container's environment takes from ConfigMaps and Secrets, resolved once when the kubelet creates the
 * container (kubernetes/kubernetes `pkg/kubelet/kubelet_pods.go` `makeEnvironmentVariables`): `envFrom`
 * sources first, every key under its prefix, then each `configMapKeyRef` / `secretKeyRef` of `env`. A source
 * that is missing, or a key it lacks, fails the container's creation unless marked optional; the message is
 * the one the kubelet's managers return (`configmap "x" not found`: they report the singular resource,
 * `pkg/kubelet/configmap/configmap_manager.go`, `pkg/kubelet/secret/secret_manager.go`), and the kubelet
 * shows it as `CreateContainerConfigError` (`pkg/kubelet/kuberuntime/kuberuntime_container.go` startContainer).
 * Values are fixed at creation: a changed ConfigMap reaches the container only when it is created again.
 */
import type { Container, EnvVar } from '../api/types';
import type { ObjectStore } from '../store/objectStore';
import { decodeBase64Text } from '../../shared/goBase64';

/** The resolved ConfigMap and Secret values of one container's environment. */
export interface EnvSources {
  /** `envFrom` keys (prefixed) and values, in source order, a later source overriding an earlier key. */
  fromSources: Map<string, string>;
  /** The value of each `env` entry whose `valueFrom` names a ConfigMap or Secret key; an optional one that is missing is absent. */
  keyRefs: Map<EnvVar, string>;
}

export type EnvSourcesResult = { ok: true; sources: EnvSources } | { ok: false; message: string };

/** No ConfigMap or Secret values: a container whose environment names none. */
export function noEnvSources(): EnvSources {
  return { fromSources: new Map(), keyRefs: new Map() };
}

type Bag = { kind: 'ConfigMap' | 'Secret'; data: Map<string, string> } | undefined;

/** A ConfigMap's data and binaryData, or a Secret's data decoded, as the container would read them. */
function readBag(store: ObjectStore, kind: 'ConfigMap' | 'Secret', namespace: string, name: string): Bag {
  if (kind === 'ConfigMap') {
    const cm = store.get('ConfigMap', `${namespace}/${name}`);
    if (!cm) return undefined;
    const data = new Map(Object.entries(cm.data ?? {}));
    for (const [k, v] of Object.entries(cm.binaryData ?? {})) data.set(k, decodeBase64Text(v) ?? '');
    return { kind, data };
  }
  const secret = store.get('Secret', `${namespace}/${name}`);
  if (!secret) return undefined;
  return { kind, data: new Map(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64Text(v) ?? ''])) };
}

/** `configmap "x" not found` / `secret "x" not found`: the managers' NotFound, with the singular resource. */
export function sourceNotFound(kind: 'ConfigMap' | 'Secret', name: string): string {
  return `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`;
}

/** Resolves `container`'s ConfigMap and Secret references in `namespace` as they are now. */
export function resolveEnvSources(store: ObjectStore, namespace: string, container: Container): EnvSourcesResult {
  if (!container.envFrom?.length && !container.env?.some((e) => e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef)) return { ok: true, sources: noEnvSources() };
  const cache = new Map<string, Bag>();
  const get = (kind: 'ConfigMap' | 'Secret', name: string) => {
    const key = `${kind}/${name}`;
    if (!cache.has(key)) cache.set(key, readBag(store, kind, namespace, name));
    return cache.get(key);
  };
  const fromSources = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ? { kind: 'ConfigMap' as const, ...from.configMapRef } : from.secretRef ? { kind: 'Secret' as const, ...from.secretRef } : undefined;
    if (!ref) continue;
    const bag = get(ref.kind, ref.name ?? '');
    if (!bag) {
      if (ref.optional) continue;
      return { ok: false, message: sourceNotFound(ref.kind, ref.name ?? '') };
    }
    for (const [k, v] of bag.data) fromSources.set(`${from.prefix ?? ''}${k}`, v);
  }
  const keyRefs = new Map<EnvVar, string>();
  for (const e of container.env ?? []) {
    const sel = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
    if (!sel) continue;
    const kind = e.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret';
    const bag = get(kind, sel.name ?? '');
    if (!bag) {
      if (sel.optional) continue;
      return { ok: false, message: sourceNotFound(kind, sel.name ?? '') };
    }
    const value = bag.data.get(sel.key);
    if (value === undefined) {
      if (sel.optional) continue;
      return { ok: false, message: `couldn't find key ${sel.key} in ${kind} ${namespace}/${sel.name ?? ''}` };
    }
    keyRefs.set(e, value);
  }
  return { ok: true, sources: { fromSources, keyRefs } };
}
