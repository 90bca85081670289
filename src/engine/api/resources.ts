/**
 * The resource registry: how each kind is addressed (plural resource, group, short names) and whether it is
 * namespaced. kubectl's resource-name resolution, RBAC-style messages (`pods "x" not found`) and the
 * apiserver's routing all read this one table.
 */
import type { Kind } from './types';

export interface ResourceInfo {
  kind: Kind;
  /** Lower-case plural resource name, as in URLs and error messages (`pods`, `endpointslices`). */
  resource: string;
  singular: string;
  /** API group; "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
}

const table: ResourceInfo[] = [
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'] },
  { kind: 'Node', resource: 'nodes', singular: 'node', group: '', version: 'v1', namespaced: false, shortNames: ['no'] },
  { kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'] },
  { kind: 'Service', resource: 'services', singular: 'service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'] },
  { kind: 'Endpoints', resource: 'endpoints', singular: 'endpoints', group: '', version: 'v1', namespaced: true, shortNames: ['ep'] },
  { kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'] },
  { kind: 'Deployment', resource: 'deployments', singular: 'deployment', group: 'apps', version: 'v1', namespaced: true, shortNames: ['deploy'] },
  { kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['rs'] },
  { kind: 'DaemonSet', resource: 'daemonsets', singular: 'daemonset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['ds'] },
  { kind: 'StatefulSet', resource: 'statefulsets', singular: 'statefulset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['sts'] },
  {
    kind: 'ControllerRevision',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: [],
  },
  { kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'] },
  { kind: 'Secret', resource: 'secrets', singular: 'secret', group: '', version: 'v1', namespaced: true, shortNames: [] },
  {
    kind: 'EndpointSlice',
    resource: 'endpointslices',
    singular: 'endpointslice',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
  },
];

const byKind = new Map(table.map((r) => [r.kind, r]));

export const allResources: readonly ResourceInfo[] = table;
export const allKinds: readonly Kind[] = table.map((r) => r.kind);

export function resourceFor(kind: Kind): ResourceInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unregistered kind ${kind}`);
  return info;
}

/** `v1` or `apps/v1`: the apiVersion written on objects of this kind. */
export function apiVersionFor(kind: Kind): string {
  const r = resourceFor(kind);
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `pods`, `deployments.apps`: the resource name with its group, as the apiserver puts it in messages. */
export function qualifiedResource(kind: Kind): string {
  const r = resourceFor(kind);
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** Finds a kind from a kind name given in a manifest (`kind: Service` with `apiVersion: v1`). */
export function kindFromManifest(apiVersion: string | undefined, kind: string | undefined): Kind | undefined {
  if (!kind) return undefined;
  const info = byKind.get(kind as Kind);
  if (!info) return undefined;
  if (apiVersion !== undefined && apiVersion !== apiVersionFor(info.kind)) return undefined;
  return info.kind;
}

/** The storage key of an object: `namespace/name` for namespaced kinds, `name` otherwise. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
