/**
 * Per-kind field selector support. Two tables, because Kubernetes has two: which field labels the apiserver
 * accepts (the field label conversion funcs of `pkg/apis/core/v1/conversion.go`; kinds without one fall back to
 * `runtime.DefaultMetaV1FieldSelectorConversion`), and which values an object exposes for matching
 * (`ToSelectableFields` / `GetAttrs` in `pkg/registry/<group>/<kind>/strategy.go`). A field accepted by the first
 * but missing from the second reads as "" (Pod `status.podIPs`).
 */
import { goQuote } from '../../shared/goQuote';
import type { Event, Kind, KubeObject, Namespace, Node, Pod, Secret, Service } from '../api/types';

export type FieldConversion = { ok: true; field: string } | { ok: false; error: string };

const podLabels = new Set([
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
]);
const nodeLabels = new Set(['metadata.name', 'spec.unschedulable']);
const namespaceLabels = new Set(['status.phase', 'metadata.name']);
// pkg/apis/core/v1/conversion.go AddFieldLabelConversionsForSecret
const secretLabels = new Set(['type', 'metadata.namespace', 'metadata.name']);
const serviceLabels = new Set(['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type']);
const eventLabels = new Set([
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
  'metadata.namespace',
  'metadata.name',
]);

function fromSet(labels: ReadonlySet<string>, renames: Record<string, string> = {}): (label: string) => FieldConversion {
  return (label) => {
    if (labels.has(label)) return { ok: true, field: label };
    if (Object.hasOwn(renames, label)) return { ok: true, field: renames[label] };
    return { ok: false, error: `field label not supported: ${label}` };
  };
}

/** `runtime.DefaultMetaV1FieldSelectorConversion` (Deployment, ReplicaSet, Endpoints, EndpointSlice). */
function defaultConversion(label: string): FieldConversion {
  if (label === 'metadata.name' || label === 'metadata.namespace') return { ok: true, field: label };
  return { ok: false, error: `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"` };
}

const converters: Partial<Record<Kind, (label: string) => FieldConversion>> = {
  // old v1 clients send spec.host
  Pod: fromSet(podLabels, { 'spec.host': 'spec.nodeName' }),
  Node: fromSet(nodeLabels),
  Namespace: fromSet(namespaceLabels),
  Service: fromSet(serviceLabels),
  Event: fromSet(eventLabels),
  Secret: fromSet(secretLabels),
};

/** The field label check the apiserver applies to `?fieldSelector=` terms for `kind`. */
export function fieldLabelConverter(kind: Kind): (label: string) => FieldConversion {
  return converters[kind] ?? defaultConversion;
}

type Getter = (o: KubeObject) => string;
type Getters = Readonly<Record<string, Getter>>;

const name: Getter = (o) => o.metadata?.name ?? '';
const namespace: Getter = (o) => o.metadata?.namespace ?? '';
const bool = (b: boolean | undefined) => (b ? 'true' : 'false');

const namespacedMeta: Getters = { 'metadata.name': name, 'metadata.namespace': namespace };
const clusterMeta: Getters = { 'metadata.name': name };

const pod = (o: KubeObject) => o as Pod;
const podFields: Getters = {
  ...namespacedMeta,
  'spec.nodeName': (o) => pod(o).spec?.nodeName ?? '',
  'spec.restartPolicy': (o) => pod(o).spec?.restartPolicy ?? '',
  'spec.schedulerName': (o) => pod(o).spec?.schedulerName ?? '',
  // v1 → internal conversion falls back to the deprecated serviceAccount field
  'spec.serviceAccountName': (o) => pod(o).spec?.serviceAccountName || pod(o).spec?.serviceAccount || '',
  'spec.hostNetwork': (o) => bool(pod(o).spec?.hostNetwork),
  'status.phase': (o) => pod(o).status?.phase ?? '',
  // the internal Pod keeps only podIPs; a v1 podIP alone is converted into podIPs[0]
  'status.podIP': (o) => pod(o).status?.podIPs?.[0]?.ip ?? pod(o).status?.podIP ?? '',
  'status.nominatedNodeName': (o) => pod(o).status?.nominatedNodeName ?? '',
};

const nodeFields: Getters = { ...clusterMeta, 'spec.unschedulable': (o) => bool((o as Node).spec?.unschedulable) };

const namespaceFields: Getters = {
  ...clusterMeta,
  'status.phase': (o) => (o as Namespace).status?.phase ?? '',
};

const serviceFields: Getters = {
  ...namespacedMeta,
  'spec.clusterIP': (o) => (o as Service).spec?.clusterIP ?? '',
  'spec.type': (o) => (o as Service).spec?.type ?? '',
};

// kubernetes/kubernetes pkg/registry/core/secret/strategy.go SelectableFields: the object meta fields and `type`
const secretFields: Getters = {
  ...namespacedMeta,
  type: (o) => (o as Secret).type ?? '',
};

const ev = (o: KubeObject) => o as Event;
const eventFields: Getters = {
  ...namespacedMeta,
  'involvedObject.kind': (o) => ev(o).involvedObject?.kind ?? '',
  'involvedObject.namespace': (o) => ev(o).involvedObject?.namespace ?? '',
  'involvedObject.name': (o) => ev(o).involvedObject?.name ?? '',
  'involvedObject.uid': (o) => ev(o).involvedObject?.uid ?? '',
  'involvedObject.apiVersion': (o) => ev(o).involvedObject?.apiVersion ?? '',
  'involvedObject.resourceVersion': (o) => ev(o).involvedObject?.resourceVersion ?? '',
  'involvedObject.fieldPath': (o) => ev(o).involvedObject?.fieldPath ?? '',
  reason: (o) => ev(o).reason ?? '',
  // core/v1 calls the events.k8s.io reportingController field reportingComponent
  reportingComponent: (o) => ev(o).reportingComponent ?? '',
  source: (o) => ev(o).source?.component || ev(o).reportingComponent || '',
  type: (o) => ev(o).type ?? '',
};

const fieldsByKind: Record<Kind, Getters> = {
  Pod: podFields,
  Node: nodeFields,
  Namespace: namespaceFields,
  Service: serviceFields,
  Event: eventFields,
  Deployment: namespacedMeta,
  ReplicaSet: namespacedMeta,
  Endpoints: namespacedMeta,
  EndpointSlice: namespacedMeta,
  DaemonSet: namespacedMeta,
  StatefulSet: namespacedMeta,
  ControllerRevision: namespacedMeta,
  ConfigMap: namespacedMeta,
  Secret: secretFields,
};

/** The selectable fields of `kind`: field path → its value as a string (absent fields are ""). */
export function selectableFields(kind: Kind): Getters {
  return fieldsByKind[kind];
}
