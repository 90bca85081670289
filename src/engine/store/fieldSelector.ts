/**
 * Field selectors for list and watch (`metadata.name`, `metadata.namespace`, `spec.nodeName`, `status.phase`).
 * PLACEHOLDER: the per-kind supported fields and Kubernetes' exact errors replace it.
 */
import type { Kind, KubeObject } from '../api/types';

export interface FieldSelector {
  matches(obj: KubeObject): boolean;
}

export type FieldParseResult = { ok: true; selector: FieldSelector } | { ok: false; error: string };

function fieldValue(obj: KubeObject, path: string): string {
  let cur: unknown = obj;
  for (const p of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[p];
  return cur === undefined || cur === null ? '' : String(cur);
}

export function parseFieldSelector(_kind: Kind, text: string): FieldParseResult {
  const terms = text.split(',').filter(Boolean).map((t) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(t);
    return m ? { path: m[1], neg: m[2] === '!=', value: m[3] } : undefined;
  });
  if (terms.some((t) => !t)) return { ok: false, error: `invalid selector: '${text}'; can't understand '${text}'` };
  return {
    ok: true,
    selector: {
      matches: (obj) => terms.every((t) => t && (fieldValue(obj, t.path) === t.value) !== t.neg),
    },
  };
}
