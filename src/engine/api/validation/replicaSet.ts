/**
 * ReplicaSet validation (`pkg/apis/apps/validation/validation.go` `ValidateReplicaSet`,
 * `ValidateReplicaSetUpdate`). Unlike Deployments, apps/v1 ReplicaSets have no immutable-selector check in
 * validation; the strategy's `ValidateUpdate` adds it (see below).
 */
import type { ReplicaSet } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { jsonStruct, labelSelectorOrder } from './goJson';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { semanticEqual } from './semantic';
import { validateSelectorAndTemplate } from './podTemplate';

const nonNegative = 'must be greater than or equal to 0';

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? { selector: undefined as never };
  const errs: FieldError[] = [];
  if ((spec.replicas ?? 0) < 0) errs.push(field.invalid('spec.replicas', spec.replicas ?? 0, nonNegative));
  const minReady = spec.minReadySeconds ?? 0;
  if (minReady < 0) errs.push(field.invalid('spec.minReadySeconds', minReady, nonNegative));
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template));
  return errs;
}

/** `ValidateReplicaSet` */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs)];
}

/**
 * `ValidateReplicaSetUpdate` plus the selector immutability of `pkg/registry/apps/replicaset/strategy.go`
 * (for apps/v1 and every group version except extensions/v1beta1).
 */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  const errs = [...validateObjectMetaUpdate(rs.metadata, old.metadata), ...validateReplicaSetSpec(rs)];
  if (!semanticEqual(rs.spec?.selector, old.spec?.selector)) {
    errs.push(field.invalid('spec.selector', jsonStruct(rs.spec?.selector as Record<string, unknown> | undefined, labelSelectorOrder), 'field is immutable'));
  }
  return errs;
}
