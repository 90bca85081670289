/**
 * StatefulSet validation as of 1.34 (kubernetes/kubernetes `pkg/apis/apps/validation/validation.go`
 * `ValidateStatefulSet`, `ValidateStatefulSetSpec`, `ValidatePodTemplateSpecForStatefulSet`,
 * `ValidateStatefulSetUpdate`, `ValidateStatefulSetStatus`, `ValidateStatefulSetStatusUpdate`).
 *
 * Values print as the apiserver prints them: the internal `apps` types have no JSON tags, so a bad update
 * strategy shows Go field names (`{"Type":"Foo","RollingUpdate":null}`), and typed strings (policies, modes)
 * are JSON-encoded rather than %q-quoted (apimachinery `field.Error.ErrorBody`).
 */
import type { PersistentVolumeClaim, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1';
import type { LabelSelector, StatefulSet } from '../types';
import { type FieldError, field, GoLiteral } from '../fieldErrors';
import { parseQuantity } from '../defaults/quantity';
import { validateIntOrPercent } from './deployment';
import { isValidPercent } from './formats';
import { jsonStruct, jsonValue, labelSelectorOrder } from './goJson';
import { labelSelectorIsEmpty, labelSelectorMatches, validateAnnotations, validateLabels, validateLabelSelector } from './labels';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSLabel } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validatePodTemplateSpec } from './podTemplate';
import { semanticEqual } from './semantic';

type Spec = NonNullable<StatefulSet['spec']>;
type Status = NonNullable<StatefulSet['status']>;
type RollingUpdate = NonNullable<NonNullable<Spec['updateStrategy']>['rollingUpdate']>;

const nonNegative = 'must be greater than or equal to 0';

/** What `StatefulSetValidationOptions` relaxes: the ratchets that let an update keep already-stored values. */
interface SpecOptions {
  allowInvalidServiceName: boolean;
  skipPodTemplateSpec: boolean;
  skipVolumeClaimTemplates: boolean;
}

/** `ValidateNonnegativeField` */
function nonNegativeField(value: number | undefined | null, path: string): FieldError[] {
  return (value ?? 0) < 0 ? [field.invalid(path, value ?? 0, nonNegative)] : [];
}

/** The internal `apps.RollingUpdateStatefulSetStrategy` as json.Marshal writes it (no JSON tags). */
function rollingUpdateText(ru: RollingUpdate | undefined): string {
  if (!ru) return 'null';
  const mu = ru.maxUnavailable;
  return `{"Partition":${ru.partition ?? 0},"MaxUnavailable":${jsonValue(mu ?? null).text}}`;
}

/**
 * `getIntOrPercentValue`: a valid percentage without its sign, else `IntOrString.IntValue()` (a string that
 * is not a percentage is read with `strconv.Atoi`, 0 when that fails).
 */
function intOrPercentValue(v: number | string): number {
  if (typeof v === 'number') return v;
  if (isValidPercent(v).length === 0) return Number(v.slice(0, -1));
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

/**
 * `validateRollingUpdateStatefulSet`. `maxUnavailable` only reaches validation when a stored object already
 * has it: with MaxUnavailableStatefulSet off the strategy drops it on create and update.
 */
function validateRollingUpdate(ru: RollingUpdate, path: string): FieldError[] {
  const errs = nonNegativeField(ru.partition, `${path}.partition`);
  const mu = ru.maxUnavailable;
  if (mu !== undefined && mu !== null) {
    const p = `${path}.maxUnavailable`;
    errs.push(...validateIntOrPercent(mu, p));
    if (intOrPercentValue(mu) === 0) errs.push(field.invalid(p, mu, 'cannot be 0'));
    if (typeof mu === 'string' && isValidPercent(mu).length === 0 && intOrPercentValue(mu) > 100) {
      errs.push(field.invalid(p, mu, 'must not be greater than 100%'));
    }
  }
  return errs;
}

function validateUpdateStrategy(strategy: Spec['updateStrategy']): FieldError[] {
  const path = 'spec.updateStrategy';
  const type = strategy?.type ?? '';
  const ru = strategy?.rollingUpdate ?? undefined;
  switch (type) {
    case '':
      return [field.required(path)];
    case 'OnDelete':
      return ru ? [field.invalid(`${path}.rollingUpdate`, new GoLiteral(rollingUpdateText(ru)), "only allowed for updateStrategy 'RollingUpdate'")] : [];
    case 'RollingUpdate':
      return ru ? validateRollingUpdate(ru, `${path}.rollingUpdate`) : [];
    default: {
      const value = new GoLiteral(`{"Type":${jsonValue(type).text},"RollingUpdate":${rollingUpdateText(ru)}}`);
      return [field.invalid(path, value, "must be 'RollingUpdate' or 'OnDelete'")];
    }
  }
}

/** `ValidatePersistentVolumeClaimRetentionPolicy` */
function validateRetentionPolicy(policy: Spec['persistentVolumeClaimRetentionPolicy']): FieldError[] {
  if (!policy) return [];
  const errs: FieldError[] = [];
  for (const key of ['whenDeleted', 'whenScaled'] as const) {
    const v = policy[key] ?? '';
    if (v !== 'Retain' && v !== 'Delete') errs.push(field.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, jsonValue(v), ['Retain', 'Delete']));
  }
  return errs;
}

/** `supportedAccessModes` and `supportedVolumeModes` of core validation, sorted as `sets.List` returns them. */
const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const volumeModes = ['Block', 'Filesystem'];

/** `ValidateClassName`: a DNS subdomain, when set. */
function validateClassName(name: string | undefined, path: string): FieldError[] {
  return name ? isDNS1123Subdomain(name).map((msg) => field.invalid(path, name, msg)) : [];
}

/**
 * The cheap part of `ValidatePersistentVolumeClaimSpec` (kubernetes/kubernetes
 * `pkg/apis/core/validation/validation.go`) for each claim template: access modes, the storage request,
 * selector, class names and volume mode. Data sources are not checked.
 */
function validateVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  (templates ?? []).forEach((pvc, i) => {
    const p = `spec.volumeClaimTemplates[${i}].spec`;
    const spec = pvc.spec ?? {};
    const modes = spec.accessModes ?? [];
    if (modes.length === 0) errs.push(field.required(`${p}.accessModes`, 'at least 1 access mode is required'));
    if (spec.selector) errs.push(...validateLabelSelector(spec.selector, `${p}.selector`));
    let readWriteOncePod = false;
    let others = false;
    for (const mode of modes) {
      if (!accessModes.includes(mode)) errs.push(field.notSupported(`${p}.accessModes`, jsonValue(mode), accessModes));
      if (mode === 'ReadWriteOncePod') readWriteOncePod = true;
      else if (accessModes.includes(mode)) others = true;
    }
    if (readWriteOncePod && others) errs.push(field.forbidden(`${p}.accessModes`, 'may not use ReadWriteOncePod with other access modes'));
    const storagePath = `${p}.resources[storage]`;
    const storage = spec.resources?.requests?.storage;
    if (storage === undefined || storage === null) errs.push(field.required(storagePath));
    else {
      const nanos = parseQuantity(storage);
      // Quantity.String() writes any zero as "0"
      if (nanos !== undefined && nanos <= 0n) errs.push(field.invalid(storagePath, nanos === 0n ? '0' : String(storage), 'must be greater than zero'));
    }
    errs.push(...validateClassName(spec.storageClassName, `${p}.storageClassName`));
    if (spec.volumeMode && !volumeModes.includes(spec.volumeMode)) errs.push(field.notSupported(`${p}.volumeMode`, jsonValue(spec.volumeMode), volumeModes));
    // VolumeAttributesClass is GA in 1.34, so its class name is checked too
    errs.push(...validateClassName(spec.volumeAttributesClassName, `${p}.volumeAttributesClassName`));
  });
  return errs;
}

/**
 * The template as the controller will stamp it: `hostname` and `subdomain` are overwritten per pod, and every
 * claim template becomes a volume of that name (taking precedence over a template volume of the same name).
 * Go builds the claim volumes from a map, in no fixed order; here they come in declaration order.
 */
function templateAsStamped(spec: Spec): PodTemplateSpec {
  const template = spec.template ?? {};
  const claims = spec.volumeClaimTemplates ?? [];
  if (!template.spec?.hostname && !template.spec?.subdomain && claims.length === 0) return template;
  const podSpec = { ...(template.spec ?? { containers: [] }) };
  delete podSpec.hostname;
  delete podSpec.subdomain;
  if (claims.length > 0) {
    const names = claims.map((c) => c.metadata?.name ?? '');
    const claimVolumes: Volume[] = [...new Set(names)].map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
    podSpec.volumes = [...claimVolumes, ...(podSpec.volumes ?? []).filter((v) => !names.includes(v.name))];
  }
  return { ...template, spec: podSpec };
}

/** `ValidatePodTemplateSpecForStatefulSet` */
function validateTemplate(template: PodTemplateSpec, selector: LabelSelector | undefined, skipPodTemplateSpec: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  // a nil selector selects nothing, so it never matches; an empty one selects everything and is not checked
  if (!(selector && labelSelectorIsEmpty(selector)) && !labelSelectorMatches(selector, labels)) {
    errs.push(field.invalid('spec.template.metadata.labels', jsonValue(labels ?? null), '`selector` does not match template `labels`'));
  }
  if (!skipPodTemplateSpec) errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...validateLabels(labels, 'spec.template.labels'));
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.annotations'));
  return errs;
}

/** `ValidateStatefulSetSpec` */
function validateSpec(s: Spec | undefined, opts: SpecOptions): FieldError[] {
  const spec = s ?? ({} as Spec);
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy ?? '';
  if (policy === '') errs.push(field.required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(field.invalid('spec.podManagementPolicy', jsonValue(policy), "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  errs.push(...validateRetentionPolicy(spec.persistentVolumeClaimRetentionPolicy));
  if (!opts.skipVolumeClaimTemplates) errs.push(...validateVolumeClaimTemplates(spec.volumeClaimTemplates));
  errs.push(...nonNegativeField(spec.replicas, 'spec.replicas'));
  errs.push(...nonNegativeField(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals) errs.push(...nonNegativeField(spec.ordinals.start, 'spec.ordinals.start'));
  // the service name becomes each pod's subdomain, a DNS label (kubernetes/kubernetes PR #130233)
  if (!opts.allowInvalidServiceName && spec.serviceName) {
    for (const msg of isDNS1123Label(spec.serviceName)) errs.push(field.invalid('spec.serviceName', spec.serviceName, msg));
  }
  const selector = spec.selector ?? undefined;
  let selectorParses = true;
  if (!selector) errs.push(field.required('spec.selector'));
  else {
    const selectorErrs = validateLabelSelector(selector, 'spec.selector');
    selectorParses = selectorErrs.length === 0;
    errs.push(...selectorErrs);
    if (labelSelectorIsEmpty(selector)) errs.push(field.invalid('spec.selector', selectorValue(selector), 'empty selector is invalid for statefulset'));
  }
  // LabelSelectorAsSelector failing is reported without a detail
  if (!selectorParses) errs.push(field.invalid('spec.selector', selectorValue(selector), ''));
  else errs.push(...validateTemplate(templateAsStamped(spec), selector, opts.skipPodTemplateSpec));
  const restart = spec.template?.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(field.notSupported('spec.template.spec.restartPolicy', jsonValue(restart), ['Always']));
  const deadline = spec.template?.spec?.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    errs.push(field.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

function selectorValue(selector: LabelSelector | undefined): GoLiteral {
  return jsonStruct(selector as Record<string, unknown> | undefined, labelSelectorOrder);
}

/** `ValidateStatefulSet`: metadata (the name must be a DNS label, as pod hostnames derive from it) and spec. */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const opts = { allowInvalidServiceName: false, skipPodTemplateSpec: false, skipVolumeClaimTemplates: false };
  return [...validateObjectMeta(sts.metadata, true, nameIsDNSLabel), ...validateSpec(sts.spec, opts)];
}

/** The spec fields an update may change; the rest of the spec is frozen at creation. */
const mutableSpecFields = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'];

function frozenPart(spec: Spec | undefined): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(spec ?? {}) };
  for (const key of mutableSpecFields) delete rest[key];
  return rest;
}

/**
 * `ValidateStatefulSetUpdate`: the spec rules again, with the ratchets for stored objects (the service name
 * and claim templates, immutable anyway, are not re-checked; nor is the pod template when the stored spec is
 * already invalid), then one Forbidden error for any change outside the mutable fields (selector included).
 */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const opts = { allowInvalidServiceName: true, skipPodTemplateSpec: false, skipVolumeClaimTemplates: true };
  opts.skipPodTemplateSpec = validateSpec(old.spec, opts).length > 0;
  const errs = [...validateObjectMetaUpdate(sts.metadata, old.metadata), ...validateSpec(sts.spec, opts)];
  if (!semanticEqual(frozenPart(sts.spec), frozenPart(old.spec))) {
    errs.push(
      field.forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

/** `ValidateStatefulSetStatus` */
export function validateStatefulSetStatus(status: Status | undefined): FieldError[] {
  const s = status ?? ({} as Status);
  const errs: FieldError[] = [];
  for (const key of ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'] as const) {
    errs.push(...nonNegativeField(s[key], `status.${key}`));
  }
  if (s.observedGeneration !== undefined && s.observedGeneration !== null) errs.push(...nonNegativeField(s.observedGeneration, 'status.observedGeneration'));
  if (s.collisionCount !== undefined && s.collisionCount !== null) errs.push(...nonNegativeField(s.collisionCount, 'status.collisionCount'));
  const replicas = s.replicas ?? 0;
  for (const key of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'] as const) {
    const v = s[key] ?? 0;
    if (v > replicas) errs.push(field.invalid(`status.${key}`, v, 'cannot be greater than status.replicas'));
  }
  const available = s.availableReplicas ?? 0;
  if (available > (s.readyReplicas ?? 0)) errs.push(field.invalid('status.availableReplicas', available, 'cannot be greater than status.readyReplicas'));
  return errs;
}

/** `ValidateStatefulSetStatusUpdate`: the status rules, metadata, and a collision count that never goes down. */
export function validateStatefulSetStatusUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = [...validateStatefulSetStatus(sts.status), ...validateObjectMetaUpdate(sts.metadata, old.metadata)];
  const now = sts.status?.collisionCount ?? undefined;
  const before = old.status?.collisionCount ?? undefined;
  const decremented = before !== undefined && (now === undefined || now < before);
  if (decremented) errs.push(field.invalid('status.collisionCount', now ?? 0, 'cannot be decremented'));
  return errs;
}
