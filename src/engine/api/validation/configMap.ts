/**
 * ConfigMap validation (kubernetes/kubernetes `pkg/apis/core/validation/validation.go` `ValidateConfigMap`,
 * `IsConfigMapKey` in apimachinery `pkg/util/validation/validation.go`): keys of data and binaryData are config
 * keys, unique across both, and the whole payload stays within 1 MiB.
 */
import type { ConfigMap } from '../types';
import { type FieldError, field } from '../fieldErrors';
import { byteLength, isDNS1123Subdomain, regexError } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const configKeyRe = /^[-._a-zA-Z0-9]+$/;
const maxConfigMapBytes = 1024 * 1024;

/** `IsConfigMapKey` */
function configKeyErrors(key: string): string[] {
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
    total += byteLength(v ?? '');
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(field.invalid(`binaryData[${k}]`, k, msg));
    if (cm.data && k in cm.data) errs.push(field.invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    total += Math.floor(((v ?? '').length * 3) / 4);
  }
  if (total > maxConfigMapBytes) errs.push(field.tooLong('', maxConfigMapBytes));
  return errs;
}

const nameFn = (name: string, prefix: boolean) => isDNS1123Subdomain(prefix ? `${name}a` : name);

/** `ValidateConfigMap` */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  return [...validateObjectMeta(cm.metadata, true, nameFn), ...validateData(cm)];
}

/** `ValidateConfigMapUpdate`: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = [...validateObjectMetaUpdate(cm.metadata, old.metadata)];
  if (old.immutable) {
    if (!cm.immutable) errs.push(field.forbidden('immutable', 'field is immutable when `immutable` is set'));
    else if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(field.forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateData(cm)];
}
