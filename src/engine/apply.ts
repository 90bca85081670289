/**
 * Client-side `kubectl apply` for one object: create it when absent; otherwise a three-way merge of the
 * last-applied configuration (kept in an annotation), the new desired object and the live object, so fields
 * set by the system (defaults, allocated IPs, status) survive and fields the user dropped are removed.
 */
import { cloneJson } from './shared';
import type { ApiServer } from './apiserver/apiServer';
import { type ApiResult, ok } from './api/status';
import type { Kind, KindMap, ObjectMeta } from './api/types';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOutcome<K extends Kind> {
  object: KindMap[K];
  /** The word kubectl prints: `created`, `configured` or `unchanged`. */
  result: 'created' | 'configured' | 'unchanged';
}

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Applies `desired` onto `live`: keys in desired win, keys only in lastApplied are removed. */
export function threeWayMerge(lastApplied: unknown, desired: unknown, live: unknown): unknown {
  if (!isMap(desired) || !isMap(live)) return cloneJson(desired);
  const out: Json = { ...live };
  const last = isMap(lastApplied) ? lastApplied : {};
  for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
  for (const [k, v] of Object.entries(desired)) {
    out[k] = isMap(v) && isMap(live[k]) ? threeWayMerge(last[k], v, live[k]) : cloneJson(v);
  }
  return out;
}

export function applyObject<K extends Kind>(api: ApiServer, kind: K, input: KindMap[K], opts: { dryRun?: boolean } = {}): ApiResult<ApplyOutcome<K>> {
  const desired = cloneJson(input) as KindMap[K] & { metadata: ObjectMeta };
  desired.metadata = { ...(desired.metadata ?? {}) };
  const annotations = { ...(desired.metadata.annotations ?? {}) };
  delete annotations[lastAppliedAnnotation];
  const forAnnotation = cloneJson(desired);
  forAnnotation.metadata.annotations = Object.keys(annotations).length ? annotations : undefined;
  annotations[lastAppliedAnnotation] = `${JSON.stringify(forAnnotation)}\n`;
  desired.metadata.annotations = annotations;

  const live = api.get(kind, desired.metadata.namespace, desired.metadata.name ?? '');
  if (!live.ok) {
    if (live.status.reason !== 'NotFound') return live;
    const created = api.create(kind, desired, opts);
    return created.ok ? ok({ object: created.value, result: 'created' }) : created;
  }
  const liveMeta = live.value.metadata ?? {};
  const lastText = liveMeta.annotations?.[lastAppliedAnnotation];
  let lastApplied: unknown;
  try {
    lastApplied = lastText ? JSON.parse(lastText) : undefined;
  } catch {
    lastApplied = undefined;
  }
  const merged = threeWayMerge(lastApplied, desired, live.value) as KindMap[K];
  const updated = api.update(kind, merged, opts);
  if (!updated.ok) return updated;
  const changed = updated.value.metadata?.resourceVersion !== liveMeta.resourceVersion;
  return ok({ object: updated.value, result: changed ? 'configured' : 'unchanged' });
}
