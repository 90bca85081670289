/**
 * Registry strategy for Secrets (kubernetes/kubernetes `pkg/registry/core/secret/strategy.go`): no status, no
 * generation. Decoding a v1 Secret merges `stringData` into `data` (`pkg/apis/core/v1/conversion.go`
 * `Convert_v1_Secret_To_core_Secret`: each string's bytes overwrite the key), so `stringData` is never stored
 * nor read back; `SetDefaults_Secret` (`pkg/apis/core/v1/defaults.go`) makes an untyped Secret `Opaque`.
 *
 * Not modelled: `WarningsOnCreate`'s check that a TLS Secret's key matches its certificate (the simulated
 * apiserver carries no strategy warnings).
 */
import { encodeBase64Text } from '../../shared/goBase64';
import type { Strategy } from '../apiserver/strategy';
import type { Secret } from '../api/types';
import { validateSecret, validateSecretUpdate } from '../api/validation/secret';

/** The v1 → internal conversion's `stringData` merge and the v1 defaults, in place on the request's copy. */
export function decodeSecret(secret: Secret): void {
  const writable = secret as { data?: Record<string, string>; stringData?: Record<string, string>; type?: string };
  if (writable.stringData && Object.keys(writable.stringData).length > 0) {
    writable.data = { ...writable.data };
    for (const [k, v] of Object.entries(writable.stringData)) writable.data[k] = encodeBase64Text(v ?? '');
  }
  delete writable.stringData;
  if (!writable.type) writable.type = 'Opaque';
}

export const secretStrategy: Strategy<'Secret'> = {
  kind: 'Secret',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults: (secret) => decodeSecret(secret),
  validate: (secret) => validateSecret(secret),
  validateUpdate: (secret, old) => validateSecretUpdate(secret, old),
};
