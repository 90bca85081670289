/**
 * The `pod-template-hash` label and ReplicaSet name suffix (`controller.ComputeHash`): an FNV-32a hash of the
 * pod template (plus `status.collisionCount` when set), printed in decimal and encoded with
 * `rand.SafeEncodeString`. Kubernetes hashes a spew dump of the Go struct, which cannot be reproduced here;
 * the simulator hashes the template's canonical JSON instead, so the same template always gives the same
 * name and the names look like Kubernetes' (`5869d7778c`).
 */
import { nameSuffixAlphabet } from '../../apiserver/names';
import type { ReplicaSet } from '../../api/types';
import { deepEqual } from '../../shared';

export type PodTemplateSpec = NonNullable<NonNullable<ReplicaSet['spec']>['template']>;

/** `apps.DefaultDeploymentUniqueLabelKey` */
export const podTemplateHashLabel = 'pod-template-hash';

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

function fnv32a(bytes: Uint8Array, seed = fnvOffset): number {
  let h = seed;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, fnvPrime) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level and undefined members dropped: one text per value. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(o[k])}`);
  return `{${parts.join(',')}}`;
}

/**
 * `rand.SafeEncodeString`: each byte of `s` picks a character of the name-suffix alphabet (byte mod 27), so
 * decimal digits become `4 5 6 7 8 9 b c d f` and no vowels or look-alikes appear.
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += nameSuffixAlphabet[s.charCodeAt(i) % nameSuffixAlphabet.length];
  return out;
}

/** `controller.ComputeHash(template, collisionCount)` */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: the count, then four zero bytes
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(buf, h);
  }
  return safeEncodeString(String(h));
}

function withoutHashLabel(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[podTemplateHashLabel];
  return { ...t, metadata: { ...t?.metadata, labels: Object.keys(labels).length ? labels : undefined } };
}

/** `deploymentutil.EqualIgnoreHash`: two pod templates are equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return deepEqual(withoutHashLabel(a), withoutHashLabel(b));
}

/** {@link equalIgnoreHash} for one cluster: stored templates are immutable, so each pair is compared once. */
export class TemplateEquality {
  private readonly known = new WeakMap<object, WeakMap<object, boolean>>();

  equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
    if (!a || !b) return equalIgnoreHash(a, b);
    let inner = this.known.get(a);
    const known = inner?.get(b);
    if (known !== undefined) return known;
    const eq = equalIgnoreHash(a, b);
    if (!inner) {
      inner = new WeakMap();
      this.known.set(a, inner);
    }
    inner.set(b, eq);
    return eq;
  }
}
