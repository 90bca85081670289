/**
 * `--append-hash` (kubernetes/kubectl v0.34.0 `pkg/util/hash/hash.go` ConfigMapHash, SecretHash): the SHA-256 of
 * the object's content as `json.Marshal` writes a map of it (keys sorted, byte slices base64), cut to 10 hex
 * characters by `encodeHash`, which turns the vowel-like `0`, `1`, `3`, `a` and `e` into consonants. kubectl
 * appends it to the name as `NAME-HASH`, so a changed ConfigMap or Secret gets a new name.
 */
import type { ConfigMap, Secret } from '../../engine/api/types';
import { sha256 } from '../../engine/proxy/chainHash';
import { goJsonMarshal } from '../../shared/goJson';

const consonantFor: Readonly<Record<string, string>> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/** `encodeHash`: the first ten hex characters, vowels mapped away. */
export function encodeHash(hex: string): string {
  if (hex.length < 10) throw new Error('the hex string must contain at least 10 characters');
  return Array.from(hex.slice(0, 10), (c) => consonantFor[c] ?? c).join('');
}

function hashHex(text: string): string {
  return Array.from(sha256(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `encodeConfigMap`: kind, name and data (`null` when absent), immutable and binaryData only when set. */
export function encodeConfigMap(cm: ConfigMap): string {
  const m: Record<string, unknown> = { kind: 'ConfigMap', name: cm.metadata?.name ?? '', data: cm.data ?? null };
  if (cm.immutable !== undefined) m.immutable = cm.immutable;
  if (Object.keys(cm.binaryData ?? {}).length > 0) m.binaryData = cm.binaryData;
  return goJsonMarshal(m);
}

/** `encodeSecret`: kind, type, name and data (its values already base64, as json.Marshal writes []byte). */
export function encodeSecret(secret: Secret): string {
  const m: Record<string, unknown> = { kind: 'Secret', type: secret.type ?? '', name: secret.metadata?.name ?? '', data: secret.data ?? null };
  if (secret.immutable !== undefined) m.immutable = secret.immutable;
  return goJsonMarshal(m);
}

/** `hash.ConfigMapHash` */
export function configMapHash(cm: ConfigMap): string {
  return encodeHash(hashHex(encodeConfigMap(cm)));
}

/** `hash.SecretHash` */
export function secretHash(secret: Secret): string {
  return encodeHash(hashHex(encodeSecret(secret)));
}
