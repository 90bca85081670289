/**
 * Label and selector text as apimachinery prints it: `labels.FormatLabels` (sorted `k=v` joined by commas,
 * `<none>` when empty), `labels.Selector.String()` and `metav1.FormatLabelSelector`.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** Go compares strings byte-wise; for our ASCII keys that is code-unit order. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `labels.FormatLabels`: `a=1,b=2`, or `<none>` for an empty set. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/**
 * `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key; matchLabels as `k=v`,
 * expressions as `k in (a,b)`, `k notin (a,b)`, `k`, `!k`. Undefined and empty selectors print "".
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byteOrder);
    const list = values.length === 1 ? values[0] : values.join(',');
    let text: string;
    switch (e.operator) {
      case 'In':
        text = `${e.key} in (${list})`;
        break;
      case 'NotIn':
        text = `${e.key} notin (${list})`;
        break;
      case 'Exists':
        text = e.key;
        break;
      case 'DoesNotExist':
        text = `!${e.key}`;
        break;
      default:
        text = e.key;
    }
    reqs.push({ key: e.key, text });
  }
  return reqs
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** `metav1.FormatLabelSelector`: the selector string, or `<none>` when it selects everything or is unset. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(sel);
  return s.length === 0 ? '<none>' : s;
}
