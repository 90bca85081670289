/**
 * ConfigMap validation (kubernetes/kubernetes `pkg/apis/core/validation/validation.go` `ValidateConfigMap`,
 * `IsConfigMapKey` in apimachinery `pkg/util/validation/validation.go`): keys of data and binaryData are config
 * keys, unique across both, and the whole payload stays within 1 MiB.
 */
import type { ConfigMap } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { decodedLength } from '../../../shared/goBase64';
import { byteLength, isDNS1123Subdomain, regexError } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const configKeyRe = /^[-._a-zA-Z0-9]+$/;
const maxConfigMapBytes = 1024 * 1024;

/** `IsConfigMapKey`: the keys of a ConfigMap's and a Secret's data. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!configKeyRe.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateData(cm: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(field.invalid(`data[${k}]`, k, msg));
    // a key in both bags is reported on the data side
    if (cm.binaryData && k in cm.binaryData) errs.push(field.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += byteLength(v ?? '');
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(field.invalid(`binaryData[${k}]`, k, msg));
    total += decodedLength(v ?? '');
  }
  if (total > maxConfigMapBytes) errs.push(field.tooLong('', maxConfigMapBytes));
  return errs;
}

const nameFn = (name: string, prefix: boolean) => isDNS1123Subdomain(prefix ? `${name}a` : name);

/** `ValidateConfigMap` */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  return [...validateObjectMeta(cm.metadata, true, nameFn), ...validateData(cm)];
}

/**
 * What an object marked `immutable` may not change (`ValidateConfigMapUpdate`, `ValidateSecretUpdate`): the
 * mark itself, and each data field, compared as Go's reflect.DeepEqual compares maps (order aside; an empty map
 * and none differ).
 */
export function immutableDataErrors<T extends { immutable?: boolean }>(obj: T, old: T, fields: readonly (keyof T & string)[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!obj.immutable) errs.push(field.forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!sameMap(obj[f] as Record<string, string> | undefined, old[f] as Record<string, string> | undefined)) errs.push(field.forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}

/** `ValidateConfigMapUpdate`: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = [...validateObjectMetaUpdate(cm.metadata, old.metadata)];
  if (old.immutable) errs.push(...immutableDataErrors(cm, old, ['data', 'binaryData']));
  return [...errs, ...validateData(cm)];
}
