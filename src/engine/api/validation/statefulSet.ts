/**
 * StatefulSet validation (kubernetes/kubernetes `pkg/apis/apps/validation/validation.go` `ValidateStatefulSet`,
 * `ValidateStatefulSetUpdate`).
 */
import type { StatefulSet } from '../types';
import type { FieldError } from '../fieldErrors';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validateSelectorAndTemplate } from './podTemplate';

/** `ValidateStatefulSet` */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [...validateObjectMeta(sts.metadata, true, nameIsDNSSubdomain), ...validateSelectorAndTemplate(sts.spec?.selector, sts.spec?.template)];
}

/** `ValidateStatefulSetUpdate` */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  return [...validateObjectMetaUpdate(sts.metadata, old.metadata), ...validateSelectorAndTemplate(sts.spec?.selector, sts.spec?.template)];
}
