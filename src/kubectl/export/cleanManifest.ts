/**
 * One object as `kubectl get -o yaml` prints it → the manifest a user would have written: the fields the API
 * server, controllers and admission plugins fill in are removed, so `kubectl apply -f` on a fresh cluster creates
 * the same thing. What counts as server-set follows what each component writes:
 * - apiserver: metadata.uid, resourceVersion, creationTimestamp, generation, managedFields, selfLink, status
 *   (kubernetes/apiserver pkg/registry/rest/create.go FillObjectMetaSystemFields; the status subresource);
 * - kubectl apply: the `kubectl.kubernetes.io/last-applied-configuration` annotation (kubernetes/kubectl
 *   pkg/util/apply.go); the Deployment controller's `deployment.kubernetes.io/revision`
 *   (kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go); the DaemonSet's
 *   `deprecated.daemonset.template.generation` (pkg/controller/daemon);
 * - the Service IP allocator: spec.clusterIP/clusterIPs (kept when the user set them: `None`, or the applied
 *   configuration names one) and healthCheckNodePort (pkg/registry/core/service/storage/alloc.go);
 * - the scheduler: a pod's spec.nodeName; the ServiceAccount admission plugin: the `kube-api-access-*` projected
 *   volume and its mounts, and the deprecated spec.serviceAccount alias (plugin/pkg/admission/serviceaccount);
 *   DefaultTolerationSeconds: the not-ready/unreachable NoExecute tolerations for 300 s; Priority: spec.priority
 *   and preemptionPolicy (plugin/pkg/admission/priority);
 * - the namespace lifecycle: a Namespace's `kubernetes.io/metadata.name` label and spec.finalizers;
 * - a StatefulSet's volumeClaimTemplates: each PVC template's defaulted status (`phase: Pending`, kubernetes/kubernetes
 *   pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim) and its null creationTimestamp.
 * Defaulted fields a user may also write (imagePullPolicy, dnsPolicy, ports[].protocol …) stay: applying them is
 * harmless and they say what the cluster ran.
 */

type Json = Record<string, unknown>;

const serverAnnotations = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'deprecated.daemonset.template.generation', 'endpoints.kubernetes.io/last-change-trigger-time'];
const serverMetadata = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences'];

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy without the server-set fields (the input is not changed). */
export function cleanManifest(input: Json): Json {
  const obj = structuredClone(input) as Json;
  delete obj.status;
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  cleanMetadata(meta);
  if (obj.kind === 'Namespace') {
    delete obj.spec;
    if (isObj(meta.labels)) {
      delete meta.labels['kubernetes.io/metadata.name'];
      if (!Object.keys(meta.labels).length) delete meta.labels;
    }
  }
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (obj.kind === 'Service' && spec) cleanServiceSpec(spec, appliedClusterIP(input));
  if (obj.kind === 'Pod' && spec) cleanPodSpec(spec, true);
  if (obj.kind === 'StatefulSet' && spec && Array.isArray(spec.volumeClaimTemplates)) for (const claim of spec.volumeClaimTemplates) cleanClaimTemplate(claim);
  const template = spec && isObj(spec.template) ? spec.template : undefined;
  if (template) {
    if (isObj(template.metadata)) {
      delete template.metadata.creationTimestamp;
      if (!Object.keys(template.metadata).length) delete template.metadata;
    }
    if (isObj(template.spec)) cleanPodSpec(template.spec, false);
  }
  return obj;
}

/** A StatefulSet's claim template as stored: a PVC whose status (`phase: Pending`) and null creationTimestamp are the apiserver's. */
function cleanClaimTemplate(claim: unknown): void {
  if (!isObj(claim)) return;
  delete claim.status;
  if (isObj(claim.metadata)) delete claim.metadata.creationTimestamp;
}

function cleanMetadata(meta: Json): void {
  for (const k of serverMetadata) delete meta[k];
  if (isObj(meta.annotations)) {
    for (const a of serverAnnotations) delete meta.annotations[a];
    if (!Object.keys(meta.annotations).length) delete meta.annotations;
  }
}

/** The clusterIP the user asked for in `kubectl apply`'s recorded configuration, if any. */
function appliedClusterIP(obj: Json): string | undefined {
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const applied = isObj(meta.annotations) ? meta.annotations['kubectl.kubernetes.io/last-applied-configuration'] : undefined;
  if (typeof applied !== 'string') return undefined;
  try {
    const spec = (JSON.parse(applied) as Json).spec;
    return isObj(spec) && typeof spec.clusterIP === 'string' ? spec.clusterIP : undefined;
  } catch {
    return undefined;
  }
}

function cleanServiceSpec(spec: Json, applied: string | undefined): void {
  // a headless Service's None is always the user's; another address only when they asked for it
  if (spec.clusterIP !== 'None' && (applied === undefined || applied !== spec.clusterIP)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  delete spec.healthCheckNodePort;
}

function cleanPodSpec(spec: Json, scheduled: boolean): void {
  if (scheduled) delete spec.nodeName;
  delete spec.serviceAccount;
  delete spec.priority;
  delete spec.preemptionPolicy;
  const injected = new Set<string>();
  if (Array.isArray(spec.volumes)) {
    spec.volumes = (spec.volumes as Json[]).filter((v) => {
      const mine = typeof v.name === 'string' && v.name.startsWith('kube-api-access-') && isObj(v.projected);
      if (mine) injected.add(v.name as string);
      return !mine;
    });
    if (!(spec.volumes as Json[]).length) delete spec.volumes;
  }
  for (const list of ['containers', 'initContainers'] as const) {
    for (const c of (Array.isArray(spec[list]) ? spec[list] : []) as Json[]) {
      if (!Array.isArray(c.volumeMounts)) continue;
      c.volumeMounts = (c.volumeMounts as Json[]).filter((m) => !injected.has(m.name as string));
      if (!(c.volumeMounts as Json[]).length) delete c.volumeMounts;
    }
  }
  if (Array.isArray(spec.tolerations)) {
    spec.tolerations = (spec.tolerations as Json[]).filter(
      (t) => !((t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.kubernetes.io/unreachable') && t.effect === 'NoExecute' && t.operator === 'Exists' && t.tolerationSeconds === 300),
    );
    if (!(spec.tolerations as Json[]).length) delete spec.tolerations;
  }
  if (spec.serviceAccountName === 'default') delete spec.serviceAccountName;
}
