/**
 * Patch metadata for the kinds svcsim serves: the `patchStrategy` / `patchMergeKey` struct tags of k8s.io/api
 * v0.34 (`core/v1`, `apps/v1`, `discovery/v1`) and apimachinery `meta/v1`, as `strategicpatch.PatchMetaFromStruct`
 * reads them. Only fields with tags (and the path down to them) are listed; any other field has no strategy, so
 * its lists are replaced whole and its maps merged key by key.
 */
import type { Kind } from '../api/types';

export interface PatchField {
  /** e.g. `['merge']`, `['merge', 'retainKeys']`, `['retainKeys']`. */
  strategies?: readonly string[];
  mergeKey?: string;
  /** The struct (or list element struct) below this field. */
  schema?: PatchSchema;
}

export interface PatchSchema {
  readonly fields: Readonly<Record<string, PatchField>>;
}

export interface PatchMeta {
  strategies: readonly string[];
  mergeKey: string;
}

/** A schema that declares nothing: every list is replaced whole (what JSON merge semantics give). */
export const opaque: PatchSchema = { fields: {} };

const merge = (mergeKey?: string, schema?: PatchSchema): PatchField => ({ strategies: ['merge'], mergeKey, schema });
const conditions: PatchField = merge('type');

const objectMeta: PatchSchema = { fields: { finalizers: merge(), ownerReferences: merge('uid') } };

const container: PatchSchema = {
  fields: {
    ports: merge('containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
  },
};

const containerStatus: PatchSchema = {
  fields: { volumeMounts: merge('mountPath'), allocatedResourcesStatus: merge('name') },
};

const podSpec: PatchSchema = {
  fields: {
    volumes: { strategies: ['merge', 'retainKeys'], mergeKey: 'name' },
    initContainers: merge('name', container),
    containers: merge('name', container),
    ephemeralContainers: merge('name', container),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey'),
    schedulingGates: merge('name'),
    resourceClaims: { strategies: ['merge', 'retainKeys'], mergeKey: 'name' },
  },
};

const podStatus: PatchSchema = {
  fields: {
    conditions,
    hostIPs: merge('ip'),
    podIPs: merge('ip'),
    resourceClaimStatuses: { strategies: ['merge', 'retainKeys'], mergeKey: 'name' },
    containerStatuses: { schema: containerStatus },
    initContainerStatuses: { schema: containerStatus },
    ephemeralContainerStatuses: { schema: containerStatus },
  },
};

const podTemplateSpec: PatchSchema = { fields: { metadata: { schema: objectMeta }, spec: { schema: podSpec } } };
const withConditions: PatchSchema = { fields: { conditions } };

const root = (spec?: PatchSchema, status?: PatchSchema): PatchSchema => ({
  fields: {
    metadata: { schema: objectMeta },
    ...(spec ? { spec: { schema: spec } } : {}),
    ...(status ? { status: { schema: status } } : {}),
  },
});

const schemas: Record<Kind, PatchSchema> = {
  Pod: root(podSpec, podStatus),
  Deployment: root({ fields: { template: { schema: podTemplateSpec }, strategy: { strategies: ['retainKeys'] } } }, withConditions),
  ReplicaSet: root({ fields: { template: { schema: podTemplateSpec } } }, withConditions),
  Service: root({ fields: { ports: merge('port') } }, withConditions),
  Node: root({ fields: { podCIDRs: merge() } }, { fields: { conditions, addresses: merge('type') } }),
  Namespace: root(undefined, withConditions),
  Endpoints: root(),
  EndpointSlice: root(),
  Event: root(),
  // apps/v1 DaemonSetSpec and StatefulSetSpec give updateStrategy no patchStrategy tag (Deployment's strategy is retainKeys)
  DaemonSet: root({ fields: { template: { schema: podTemplateSpec } } }, withConditions),
  StatefulSet: root({ fields: { template: { schema: podTemplateSpec } } }, withConditions),
  ControllerRevision: root(),
  ConfigMap: root(),
  Secret: root(),
};

/** The patch schema of a kind's root object. */
export function patchSchemaFor(kind: Kind): PatchSchema {
  return schemas[kind];
}

/**
 * `LookupPatchMetadataForStruct` / `ForSlice`: the field's strategy and merge key, and the schema below it.
 * Fields Kubernetes' types do not declare get no strategy rather than an error (svcsim objects are not pruned).
 */
export function lookupPatchMeta(schema: PatchSchema, key: string): { schema: PatchSchema; meta: PatchMeta } {
  const f = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
  return { schema: f?.schema ?? opaque, meta: { strategies: f?.strategies ?? [], mergeKey: f?.mergeKey ?? '' } };
}

/** `extractRetainKeysPatchStrategy`: whether `retainKeys` is set, and the other strategy (`merge`, `replace`, ""). */
export function splitStrategies(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0] };
  }
  if (strategies.length === 2 && strategies[0] === 'retainKeys') return { retainKeys: true, strategy: strategies[1] };
  if (strategies.length === 2 && strategies[1] === 'retainKeys') return { retainKeys: true, strategy: strategies[0] };
  throw new Error(`unexpected patch strategy: [${strategies.join(' ')}]`);
}
