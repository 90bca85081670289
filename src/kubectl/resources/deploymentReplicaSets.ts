/**
 * kubectl's own view of a Deployment's ReplicaSets (kubectl `pkg/util/deployment/deployment.go`, used by rollout
 * history and undo): the ReplicaSets its selector lists and it controls, sorted by creation time (then name),
 * the new one being the oldest whose template equals the Deployment's once `pod-template-hash` is ignored.
 */
import type { Cluster } from '../../engine';
import type { Deployment, ReplicaSet } from '../../engine/api/types';
import { goSort } from '../../shared/goSort';
import { selectorString } from '../printers/labels';

export const revisionAnnotation = 'deployment.kubernetes.io/revision';
const hashLabel = 'pod-template-hash';

/** `deploymentutil.Revision`: the revision annotation as a number, 0 when absent (NaN when malformed). */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const v = obj?.metadata?.annotations?.[revisionAnnotation];
  if (v === undefined) return 0;
  return /^[-+]?\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** JSON of a value with empty maps and lists dropped: apimachinery's semantic DeepEqual treats them as unset. */
function semanticJson(v: unknown): string {
  const prune = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.length === 0 ? undefined : x.map(prune);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(x as object).sort()) {
        const p = prune((x as Record<string, unknown>)[k]);
        if (p !== undefined) out[k] = p;
      }
      return Object.keys(out).length === 0 ? undefined : out;
    }
    return x;
  };
  return JSON.stringify(prune(v) ?? null);
}

/** `equalIgnoreHash`: two pod templates are the same rollout when they differ only in pod-template-hash. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone((t ?? {}) as { metadata?: { labels?: Record<string, string> } });
    if (c.metadata?.labels) delete c.metadata.labels[hashLabel];
    return semanticJson(c);
  };
  return strip(a) === strip(b);
}

export interface DeploymentReplicaSets {
  /** Every owned ReplicaSet, oldest first. */
  all: ReplicaSet[];
  newRS?: ReplicaSet;
  /** All owned ReplicaSets but the new one (allOldRSs). */
  old: ReplicaSet[];
}

/** `GetAllReplicaSets`. */
export function deploymentReplicaSets(cluster: Cluster, d: Deployment): DeploymentReplicaSets {
  const listed = cluster.list('ReplicaSet', { namespace: d.metadata?.namespace, labelSelector: selectorString(d.spec?.selector) || undefined });
  const owned = (listed.ok ? listed.value.items : []).filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === d.metadata?.uid),
  );
  goSort(owned, (x, y) => {
    const tx = x.metadata?.creationTimestamp ?? '';
    const ty = y.metadata?.creationTimestamp ?? '';
    return tx === ty ? (x.metadata?.name ?? '') < (y.metadata?.name ?? '') : tx < ty;
  });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { all: owned, newRS, old: owned.filter((rs) => rs !== newRS) };
}
