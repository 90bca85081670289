/**
 * ControllerRevision validation (kubernetes/kubernetes `pkg/apis/apps/validation/validation.go`
 * `ValidateControllerRevision`, `ValidateControllerRevisionUpdate`): a DNS-subdomain name, data present, a
 * non-negative revision; on update the data may not change (the revision number may: a rollback renumbers it).
 */
import type { ControllerRevision } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { jsonValue } from './goJson';
import { nameIsDNSSubdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { semanticEqual } from './semantic';

/** `ValidateControllerRevision` */
export function validateControllerRevision(cr: ControllerRevision): FieldError[] {
  const errs = validateObjectMeta(cr.metadata, true, nameIsDNSSubdomain);
  if (cr.data === undefined || cr.data === null) errs.push(field.required('data', 'data is mandatory'));
  if ((cr.revision ?? 0) < 0) errs.push(field.invalid('revision', cr.revision, 'must be greater than or equal to 0'));
  return errs;
}

/** `ValidateControllerRevisionUpdate`: `ValidateImmutableField` on data. */
export function validateControllerRevisionUpdate(cr: ControllerRevision, old: ControllerRevision): FieldError[] {
  const errs = [...validateObjectMetaUpdate(cr.metadata, old.metadata), ...validateControllerRevision(cr)];
  if (!semanticEqual(cr.data, old.data)) errs.push(field.invalid('data', jsonValue(cr.data), 'field is immutable'));
  return errs;
}
