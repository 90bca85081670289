/**
 * Secret validation (kubernetes/kubernetes `pkg/apis/core/validation/validation.go` `ValidateSecret`,
 * `ValidateSecretUpdate`): data keys are config keys, the decoded values stay within 1 MiB together, and each
 * well-known type requires its keys (`kubernetes.io/tls` a `tls.crt` and a `tls.key`, a
 * `kubernetes.io/dockerconfigjson` a `.dockerconfigjson` holding a JSON object …). The type never changes.
 */
import { goJsonObjectError } from '../../../shared/goJsonSyntax';
import { decodeBase64Text, decodedLength } from '../../../shared/goBase64';
import { type FieldError, field } from '../fieldErrors';
import type { Secret } from '../types';
import { configKeyErrors, immutableDataErrors } from './configMap';
import { isDNS1123Subdomain } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

/** `core.MaxSecretSize` */
const maxSecretBytes = 1024 * 1024;

const nameFn = (name: string, prefix: boolean) => isDNS1123Subdomain(prefix ? `${name}a` : name);

/** The JSON a docker config key must hold (`json.Unmarshal` into a map), its error redacted as the apiserver redacts it. */
function dockerConfigErrors(data: Record<string, string>, key: string): FieldError[] {
  if (!(key in data)) return [field.required(`data[${key}]`)];
  const err = goJsonObjectError(decodeBase64Text(data[key]) ?? '');
  return err ? [field.invalid(`data[${key}]`, '<secret contents redacted>', err)] : [];
}

function typeErrors(secret: Secret): FieldError[] {
  const data = secret.data ?? {};
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      // the token controller fills the rest; only the account's name is required
      return secret.metadata?.annotations?.['kubernetes.io/service-account.name'] ? [] : [field.required('metadata.annotations[kubernetes.io/service-account.name]')];
    case 'kubernetes.io/dockercfg':
      return dockerConfigErrors(data, '.dockercfg');
    case 'kubernetes.io/dockerconfigjson':
      return dockerConfigErrors(data, '.dockerconfigjson');
    case 'kubernetes.io/basic-auth':
      // either may be empty, but one of them must be there
      return 'username' in data || 'password' in data ? [] : [field.required('data[username]'), field.required('data[password]')];
    case 'kubernetes.io/ssh-auth':
      return decodedLength(data['ssh-privatekey'] ?? '') > 0 ? [] : [field.required('data[ssh-privatekey]')];
    case 'kubernetes.io/tls':
      return [...('tls.crt' in data ? [] : [field.required('data[tls.crt]')]), ...('tls.key' in data ? [] : [field.required('data[tls.key]')])];
    default:
      return [];
  }
}

/** `ValidateSecret` */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameFn);
  let total = 0;
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    for (const msg of configKeyErrors(k)) errs.push(field.invalid(`data[${k}]`, k, msg));
    total += decodedLength(v ?? '');
  }
  if (total > maxSecretBytes) errs.push(field.tooLong('data', maxSecretBytes));
  return [...errs, ...typeErrors(secret)];
}

/** `ValidateSecretUpdate`: the type is immutable, and so is the data of a Secret marked `immutable`. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  if (secret.type !== old.type) errs.push(field.invalid('type', secret.type ?? '', 'field is immutable'));
  if (old.immutable) errs.push(...immutableDataErrors(secret, old, ['data']));
  return [...errs, ...validateSecret(secret)];
}
