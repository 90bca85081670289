/**
 * `ValidateObjectMeta` / `ValidateObjectMetaUpdate` (`apimachinery/pkg/api/validation/objectmeta.go`, plus
 * the core package's finalizer-name check): name and generateName per kind, namespace, labels, annotations,
 * owner references, finalizers, and on update the identity fields that may never change.
 */
import type { ObjectMeta, OwnerReference } from '../types';
import { type FieldError, GoLiteral, field } from '../fieldErrors';
import { jsonStruct, jsonValue } from './goJson';
import { validateAnnotations, validateLabels } from './labels';
import { isQualifiedName, type NameValidator, nameIsDNSLabel } from './names';

/** Field order of `metav1.OwnerReference`, for values printed as JSON. */
const ownerReferenceOrder = ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'];

/** Finalizer names without a '/' that Kubernetes itself uses (`helper.IsStandardFinalizerName`). */
const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** `validateKubeFinalizerName`: a name without a domain prefix must be a standard one. */
export function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  if (name.split('/').length === 1 && !standardFinalizers.has(name)) {
    return [field.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
    if (!version) errs.push(field.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(field.invalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(field.invalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(field.invalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (ref.apiVersion === 'v1' && ref.kind === 'Event') {
      errs.push(
        field.invalid(
          path,
          jsonStruct(ref as unknown as Record<string, unknown>, ownerReferenceOrder),
          '/v1, Kind=Event is disallowed from being an owner',
        ),
      );
    }
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          field.invalid(
            path,
            jsonArrayOfRefs(refs ?? []),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`,
          ),
        );
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

function jsonArrayOfRefs(refs: readonly OwnerReference[]): GoLiteral {
  const items = refs.map((r) => jsonStruct(r as unknown as Record<string, unknown>, ownerReferenceOrder).text);
  return new GoLiteral(`[${items.join(',')}]`);
}

function validateFinalizers(finalizers: readonly string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) for (const msg of isQualifiedName(f)) errs.push(field.invalid(path, f, msg));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(field.invalid(path, jsonValue(list), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  // the core API group adds the legacy standard-name rule, per index
  list.forEach((f, i) => {
    errs.push(...validateKubeFinalizerName(f, `${path}[${i}]`));
  });
  return errs;
}

/**
 * `ValidateObjectMeta(meta, requiresNamespace, nameFn, "metadata")`. The name has been generated from
 * generateName already (the apiserver does that before validation).
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, requiresNamespace: boolean, nameFn: NameValidator): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of nameFn(m.generateName, true)) errs.push(field.invalid('metadata.generateName', m.generateName, msg));
  if (!m.name) errs.push(field.required('metadata.name', 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(field.invalid('metadata.name', m.name, msg));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(field.required('metadata.namespace'));
    else for (const msg of nameIsDNSLabel(m.namespace, false)) errs.push(field.invalid('metadata.namespace', m.namespace, msg));
  } else if (m.namespace) {
    errs.push(field.forbidden('metadata.namespace', 'not allowed on this type'));
  }
  if ((m.generation ?? 0) < 0) errs.push(field.invalid('metadata.generation', m.generation ?? 0, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(m.finalizers, 'metadata.finalizers'));
  return errs;
}

/**
 * `ValidateObjectMetaUpdate`. The simulated apiserver already copies name, namespace, uid and timestamps from
 * the stored object, so those checks only fire when a caller bypasses that; they are kept for fidelity.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta | undefined, old: ObjectMeta | undefined): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const extra = (m.finalizers ?? []).filter((f) => !(o.finalizers ?? []).includes(f)).sort();
    if (extra.length) {
      errs.push(
        field.forbidden(
          'metadata.finalizers',
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`,
        ),
      );
    }
  }
  if ((m.generation ?? 0) < (o.generation ?? 0)) errs.push(field.invalid('metadata.generation', m.generation ?? 0, 'must not be decremented'));
  const immutable: [keyof ObjectMeta, string][] = [
    ['name', 'metadata.name'],
    ['namespace', 'metadata.namespace'],
    ['uid', 'metadata.uid'],
    ['creationTimestamp', 'metadata.creationTimestamp'],
    ['deletionTimestamp', 'metadata.deletionTimestamp'],
    ['deletionGracePeriodSeconds', 'metadata.deletionGracePeriodSeconds'],
  ];
  for (const [key, path] of immutable) {
    const nv = m[key] as string | number | undefined;
    const ov = o[key] as string | number | undefined;
    if ((nv ?? '') !== (ov ?? '')) errs.push(field.invalid(path, nv ?? (typeof ov === 'number' ? null : ''), 'field is immutable'));
  }
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  (m.finalizers ?? []).forEach((f, i) => {
    errs.push(...validateKubeFinalizerName(f, `metadata.finalizers[${i}]`));
  });
  return errs;
}
