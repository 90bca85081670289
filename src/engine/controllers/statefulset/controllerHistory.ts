/**
 * A StatefulSet's revisions as ControllerRevisions (kubernetes/kubernetes `pkg/controller/history/controller_history.go`
 * `NewControllerRevision`, `HashControllerRevision`, `ControllerRevisionName`, `EqualRevision`;
 * `pkg/controller/statefulset/stateful_set_utils.go` `getPatch`, `newRevision`, `ApplyRevision`).
 *
 * A revision's data is the strategic merge patch that puts the set's pod template back:
 * `{"spec":{"template":{"$patch":"replace",...}}}`, written as Go's `json.Marshal` writes a map (sorted keys).
 * Its name is `<set>-<hash>`, the hash being FNV-1 (32-bit) of those bytes followed by the decimal collision
 * count, printed in decimal and made safe with `rand.SafeEncodeString`.
 */
import type { ControllerRevision, StatefulSet } from '../../api/types';
import { goJsonMarshal } from '../../../shared/goJson';
import type { PodTemplateSpec } from '../deployment/podTemplateHash';
import { safeEncodeString } from '../deployment/podTemplateHash';
import { newControllerRef } from '../replicaset/controllerRef';

/** `history.ControllerRevisionHashLabel` */
export const revisionHashLabel = 'controller.kubernetes.io/hash';

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1 (Go's `fnv.New32`: multiply, then xor) over UTF-8 bytes. */
export function fnv1(bytes: Uint8Array, seed = fnvOffset): number {
  let h = seed;
  for (let i = 0; i < bytes.length; i++) h = (Math.imul(h, fnvPrime) ^ bytes[i]) >>> 0;
  return h >>> 0;
}

/** `getPatch`: the template to restore, marked to replace whatever template the set has. */
export function revisionData(set: StatefulSet): Record<string, unknown> {
  return { spec: { template: { ...(set.spec?.template ?? {}), $patch: 'replace' } } };
}

/** The data as the apiserver holds it (`Data.Raw`): Go's JSON of the patch. */
function rawData(data: unknown): string {
  return goJsonMarshal(data ?? null);
}

/** `HashControllerRevision(revision, probe)` */
export function hashControllerRevision(data: unknown, probe: number | undefined): string {
  const enc = new TextEncoder();
  let h = fnv1(enc.encode(rawData(data)));
  if (probe !== undefined) h = fnv1(enc.encode(String(probe)), h);
  return safeEncodeString(String(h));
}

/** `ControllerRevisionName`: the prefix cut to 223 bytes so the name stays within 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * `newRevision` / `NewControllerRevision`: the template's labels plus the hash label, the set's annotations, a
 * controller reference to the set, and the name for `collisionCount`.
 */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const data = revisionData(set);
  const hash = hashControllerRevision(data, collisionCount);
  const annotations = set.metadata?.annotations;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(set.metadata?.name ?? '', hash),
      namespace: set.metadata?.namespace,
      labels: { ...(set.spec?.template?.metadata?.labels ?? {}), [revisionHashLabel]: hash },
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [newControllerRef(set, 'apps/v1', 'StatefulSet')],
    },
    data,
    revision,
  };
}

/** `EqualRevision`: the same data (a differing numeric hash label would say no first; ours never parse). */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return rawData(a.data) === rawData(b.data);
}

/** `SortControllerRevisions`: by revision number, stable. */
export function sortRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return revisions.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/** `nextRevision`: one more than the highest, 1 for the first. */
export function nextRevision(sorted: readonly ControllerRevision[]): number {
  return sorted.length ? (sorted[sorted.length - 1].revision ?? 0) + 1 : 1;
}

/** `ApplyRevision`: the set with the revision's template (the patch replaces the template whole). */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const template = { ...(((revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) as Record<string, unknown>) };
  delete template.$patch;
  return template as PodTemplateSpec;
}
