/**
 * PATCH. PLACEHOLDER: JSON merge patch only; strategic merge patch (lists merged by key, as kubectl patch
 * does for containers and ports) and JSON patch (RFC 6902) to come.
 */
import { cloneJson } from '../shared';
import type { ApiResult } from '../api/status';
import { badRequest, fail } from '../api/status';
import type { Kind, KindMap } from '../api/types';
import type { ApiServer } from './apiServer';

export type PatchType = 'merge' | 'strategic' | 'json';

/** RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return cloneJson(patch);
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}

export function patchObject<K extends Kind>(
  api: ApiServer,
  kind: K,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: unknown,
): ApiResult<KindMap[K]> {
  const live = api.get(kind, namespace, name);
  if (!live.ok) return live;
  if (type === 'json') return fail(badRequest('json patch is not supported yet'));
  const merged = mergePatch(live.value, patch) as KindMap[K];
  return api.update(kind, merged);
}
